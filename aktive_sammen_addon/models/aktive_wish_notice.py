"""An agreed wish changes - agreed now, its agreement rewritten, or no longer agreed: the
volunteers on the case are told (models/aktive_notice.py). The notice points to the person's
page and does not repeat the wish: an e-mail carries no more than who, what and when."""

from odoo import fields
from odoo import models

WATCHED = ("state", "name", "agreement")


class AktiveWish(models.Model):
    _inherit = "aktive.wish"

    def write(self, vals):
        if not any(name in vals for name in WATCHED):
            return super().write(vals)
        before = {wish.id: (wish.state, wish.name, wish.agreement) for wish in self}
        result = super().write(vals)
        changed = self.filtered(
            lambda w: (
                (w.state == "agreed" or before[w.id][0] == "agreed")
                and before[w.id] != (w.state, w.name, w.agreement)
            )
        )
        changed._aktive_tell_changed()
        return result

    def _aktive_tell_changed(self):
        Notice = self.env["aktive.notice"]
        today = fields.Date.context_today(self)
        batch = []
        for participant in self.sudo().participant_id:  # sudo: whoever acts
            if participant.state == "closed":
                continue
            person = participant.name

            def text(env, person=person):
                return env._(
                    "What was agreed with %(person)s changed on %(date)s: read it on their page.",
                    person=person,
                    date=Notice._aktive_long_date(env, today),
                )

            batch += [
                (participant, p, "wish", today, text)
                for p in participant._aktive_volunteers_to_tell()
            ]
        Notice._aktive_tell(batch)
