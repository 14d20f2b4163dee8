"""*Handled* on an item of the municipality's inbox asks what was done: the note goes with
the item, to the to-dos it closes and to the coordinator who sent it."""

from odoo import fields
from odoo import models


class AktiveMunicipalHandleWizard(models.TransientModel):
    _name = "aktive.municipal.message.handle"
    _description = "Mark a message to the municipality as handled"

    message_id = fields.Many2one("aktive.municipal.message", required=True, ondelete="cascade")
    note = fields.Text(string="What was done", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.message_id.action_mark_handled(self.note)
        return {"type": "ir.actions.act_window_close"}
