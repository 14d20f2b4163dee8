"""What the case's dialogs share (pause, close): one case at a time, opened from the case's
action menu with the case given, and a check of its state both when the dialog opens and when
it is confirmed (the case may have changed in between)."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class AktiveCaseWizard(models.AbstractModel):
    _name = "aktive.case.wizard"
    _description = "A dialog on one case"

    participant_id = fields.Many2one("aktive.participant", required=True, ondelete="cascade")

    @api.model
    def _aktive_check_case(self, participant):
        """Raise a UserError when this dialog does not apply to `participant` (its state)."""
        raise NotImplementedError

    @api.model
    def _aktive_dialog(self, participants, one_at_a_time, title):
        """The dialog for the one case in `participants`; `one_at_a_time` says why not for
        several, `title` names the dialog."""
        if len(participants) != 1:
            raise UserError(one_at_a_time)
        self._aktive_check_case(participants)
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_participant_id": participants.id},
        }
