"""Closing a case asks why (issue 16): the reason is what the case's history keeps, so it is
asked for at the moment of closing rather than refused afterwards. Planned follow-ups of a
closed case would only turn overdue: they are cancelled with it."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class AktiveCloseWizard(models.TransientModel):
    """Ask for the closing reason, then close the case and cancel its planned follow-ups."""

    _name = "aktive.close.wizard"
    _inherit = ["aktive.case.wizard"]
    _description = "Close a case"

    close_reason = fields.Text(string="Why is the case closed?", required=True)
    planned_count = fields.Integer(compute="_compute_planned_count")

    @api.depends("participant_id")
    def _compute_planned_count(self):
        for wizard in self:
            wizard.planned_count = len(wizard._planned())

    def _planned(self):
        return self.participant_id.followup_ids.filtered(lambda f: f.state == "planned")

    @api.model
    def _aktive_check_case(self, participant):
        if participant.state == "closed":
            raise UserError(self.env._("%(name)s is closed already.", name=participant.name))

    @api.model
    def _aktive_open_for(self, participants):
        return self._aktive_dialog(
            participants,
            self.env._("Close one case at a time: each needs its own reason."),
            self.env._("Close the case of %(name)s", name=participants[:1].name),
        )

    def action_close(self):
        self.ensure_one()
        participant = self.participant_id
        self._aktive_check_case(participant)
        if not (self.close_reason or "").strip():
            raise UserError(self.env._("Write why the case is closed."))
        self._planned().action_cancel()
        # ...and so are the reminders to hold them.
        participant.activity_unlink(["aktive_sammen_addon.mail_activity_type_followup"])
        participant.close_reason = self.close_reason.strip()
        participant.action_close()
        return {"type": "ir.actions.act_window_close"}
