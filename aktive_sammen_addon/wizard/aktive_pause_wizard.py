"""Pausing a case asks when to get in touch again (issue 16): the method says pauses are
normal and that the coordinator agrees with the person when to call again, so the date is
asked for at the moment of pausing rather than refused afterwards."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class AktivePauseWizard(models.TransientModel):
    """Ask for the date (and an optional reason, kept in the chatter), then pause."""

    _name = "aktive.pause.wizard"
    _inherit = ["aktive.case.wizard"]
    _description = "Pause a case"

    paused_until = fields.Date(
        string="Paused until",
        required=True,
        default=lambda self: self._default_paused_until(),
        help="When to get in touch with the person again.",
    )
    reason = fields.Text(help="Why the case pauses, in a few words (kept in the chatter).")
    planned_count = fields.Integer(compute="_compute_planned_count")

    @api.model
    def _default_paused_until(self):
        participant = self.env["aktive.participant"].browse(
            self.env.context.get("default_participant_id")
        )
        return participant._next_followup_default(fields.Date.context_today(self))

    @api.depends("participant_id", "paused_until")
    def _compute_planned_count(self):
        for wizard in self:
            wizard.planned_count = len(wizard._followups_to_move())

    def _followups_to_move(self):
        """Planned follow-ups that would fall due during the pause."""
        if not self.paused_until:
            return self.env["aktive.followup"]
        return self.participant_id.followup_ids.filtered(
            lambda f: f.state == "planned" and f.date_planned < self.paused_until
        )

    @api.model
    def _aktive_check_case(self, participant):
        if participant.state != "active":
            raise UserError(
                self.env._(
                    "%(name)s is not active: only an active case can be paused.",
                    name=participant.name,
                )
            )

    @api.model
    def _aktive_open_for(self, participants):
        return self._aktive_dialog(
            participants,
            self.env._("Pause one case at a time: each needs its own date."),
            self.env._("Pause %(name)s", name=participants[:1].name),
        )

    @api.constrains("paused_until")
    def _check_paused_until(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            if wizard.paused_until and wizard.paused_until <= today:
                raise ValidationError(
                    self.env._(
                        "The pause must end after today: choose the day to get in touch with "
                        "%(name)s again.",
                        name=wizard.participant_id.name,
                    )
                )

    def action_pause(self):
        self.ensure_one()
        participant = self.participant_id
        self._aktive_check_case(participant)
        # Planned conversations are not overdue while the person pauses: they move to its end.
        self._followups_to_move().write({"date_planned": self.paused_until})
        participant.paused_until = self.paused_until
        participant.action_pause()
        if (self.reason or "").strip():
            env = participant._aktive_in_text_lang().env
            participant.message_post(
                body=env._(
                    "Paused until %(date)s: %(reason)s",
                    date=format_date(env, self.paused_until),
                    reason=self.reason.strip(),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return {"type": "ir.actions.act_window_close"}
