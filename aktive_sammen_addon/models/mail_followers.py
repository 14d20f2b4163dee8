from collections import defaultdict

from odoo import api
from odoo import fields
from odoo import models
from odoo.fields import Domain


class MailFollowers(models.Model):
    """Following a case record is reading its case log: only who may write the record may
    follow it. Every way of adding a follower (the Follow button, ``message_subscribe``, the
    creator's and the assignee's automatic subscription, the followers field) ends here."""

    _inherit = "mail.followers"

    # The global rule aktive_followers_rule_case_records: who follows a case record (and so
    # which cases exist, and who works on them) is for those who may write the record, as
    # the followers field of the record itself is (models/aktive_case_privacy.py); who
    # follows a contact card, for those who may read the card.
    aktive_visible = fields.Boolean(
        string="Visible follower",
        compute="_compute_aktive_visible",
        search="_search_aktive_visible",
    )

    @api.model
    def _aktive_case_models(self):
        """The addon's models whose followers are the case workers'."""
        privacy, thread = self.pool["aktive.case.privacy"], self.pool["mail.thread"]
        return sorted(
            name
            for name, model in self.pool.items()
            if not model._abstract and issubclass(model, privacy) and issubclass(model, thread)
        )

    def _compute_aktive_visible(self):
        visible = self.search([("id", "in", self.ids), ("aktive_visible", "=", True)])
        for follower in self:
            follower.aktive_visible = follower in visible

    def _search_aktive_visible(self, operator, value):
        if operator != "in" or set(value) != {True}:
            return NotImplemented
        # The rule is evaluated on a superuser model: the real user's rights decide.
        user = self.env.user
        case_models = self._aktive_case_models()
        visible = Domain("res_model", "not in", [*case_models, "res.partner"])
        # A contact card's followers are read by who may read the card: a participant's or a
        # relative's card is as private as the case (security/aktive_rules.xml).
        access = self.env["ir.model.access"].with_user(user)
        if access.check("res.partner", "read", raise_exception=False):
            cards = self.env["res.partner"].with_user(user).with_context(active_test=False)
            visible |= Domain("res_model", "=", "res.partner") & Domain(
                "res_id", "in", cards._search([])
            )
        for name in case_models:
            if not access.check(name, "write", raise_exception=False):
                continue
            writable = self.env["ir.rule"].with_user(user)._compute_domain(name, "write")
            # sudo: the records the user's write rules allow (the rules applied here, as
            # Odoo's own write check does), as a sub-query
            records = self.env[name].sudo().with_context(active_test=False)._search(writable)
            visible |= Domain("res_model", "=", name) & Domain("res_id", "in", records)
        return visible

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
