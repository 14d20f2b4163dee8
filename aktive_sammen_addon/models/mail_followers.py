from collections import defaultdict

from odoo import api
from odoo import models


class MailFollowers(models.Model):
    """Following a case record is reading its case log: only who may write the record may
    follow it. Every way of adding a follower (the Follow button, ``message_subscribe``, the
    creator's and the assignee's automatic subscription, the followers field) ends here."""

    _inherit = "mail.followers"

    def _insert_followers(self, res_model, res_ids, partner_ids, subtypes=None, **kwargs):
        model = self.env[res_model] if res_model in self.env else None
        if (
            model is None
            or not partner_ids
            or not isinstance(model, self.pool["aktive.case.privacy"])
        ):
            return super()._insert_followers(res_model, res_ids, partner_ids, subtypes, **kwargs)
        allowed = model.browse(res_ids)._aktive_writers_by_record(partner_ids)
        by_partners = defaultdict(list)
        for res_id in res_ids:
            by_partners[frozenset(allowed.get(res_id, ()))].append(res_id)
        for partners, ids in by_partners.items():
            if not partners:
                continue
            partner_list = [pid for pid in partner_ids if pid in partners]
            sub = (
                {pid: subtypes[pid] for pid in partner_list if pid in subtypes}
                if subtypes
                else None
            )
            super()._insert_followers(res_model, ids, partner_list, sub or None, **kwargs)
        return None

    @api.model
    def _aktive_drop_followers_without_write(self):
        """Followers of the addon's case records who may not write them (an upgraded
        database, where anyone who read a case could follow it) stop following."""
        followers = self.sudo().search([("res_model", "like", "aktive.%")])
        dropped = self.browse()
        for res_model in set(followers.mapped("res_model")):
            lines = followers.filtered(lambda f, m=res_model: f.res_model == m)
            records = self.env[res_model].browse(lines.mapped("res_id")).exists()
            allowed = records._aktive_writers_by_record(lines.partner_id.ids)
            dropped |= lines.filtered(
                lambda f, a=allowed: f.partner_id.id not in a.get(f.res_id, ())
            )
        dropped.unlink()
        return dropped
