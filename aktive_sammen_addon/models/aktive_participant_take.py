"""Taking a case (step 1): a need reported by the municipality gives every coordinator a
to-do (models/aktive_participant_need.py). The one who takes the case becomes its
coordinator, the others' to-dos for it are closed, and the municipal contact who reported it
is told who took it and when - in their own language."""

from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tools import format_date

from .aktive_groups import COORDINATORS
from .aktive_groups import MUNICIPAL


class AktiveParticipant(models.Model):
    _inherit = "aktive.participant"

    def action_take_case(self):
        user = self.env.user
        if not user.has_group(COORDINATORS):
            raise AccessError(self.env._("Only a coordinator takes a case."))
        for participant in self:
            if participant.coordinator_id and participant.coordinator_id != user:
                raise UserError(
                    self.env._(
                        "%(coordinator)s has taken the case of %(name)s already.",
                        coordinator=participant.coordinator_id.name,
                        name=participant.name,
                    )
                )
        untaken = self.filtered(lambda p: not p.coordinator_id)
        untaken.coordinator_id = user
        today = fields.Date.context_today(self)
        reported = self.env.ref("aktive_sammen_addon.mail_activity_type_need_reported")
        for participant in untaken:
            todos = participant.activity_ids.filtered(lambda a: a.activity_type_id == reported)
            # Closed with a line saying who took the case, in the case's language.
            todos.action_feedback(
                feedback=participant._aktive_in_text_lang().env._(
                    "%(coordinator)s took the case.", coordinator=user.name
                )
            )
            participant._aktive_tell_reporter(user, today)
        return True

    def _aktive_tell_reporter(self, coordinator, day):
        """The municipal contact person who reported the need learns who took it and when;
        a referrer outside the database (a relative, a GP) is not mailed from here."""
        self.ensure_one()
        # sudo: the reporter's users (a card the coordinator reads, its users' groups).
        reporters = self.referrer_id.sudo().user_ids.filtered(
            lambda u: not u.share and u.has_group(MUNICIPAL) and u != coordinator
        )
        for reporter in reporters:
            env = self._aktive_in_text_lang(reporter).env
            self.message_notify(
                partner_ids=reporter.partner_id.ids,
                subject=env._("%(name)s has a coordinator", name=self.name),
                body=env._(
                    "%(coordinator)s took the case of %(name)s on %(date)s.",
                    coordinator=coordinator.name,
                    name=self.name,
                    date=format_date(env, day),
                ),
            )
