from odoo import fields
from odoo import models


class AktiveActivitySuggestionLine(models.TransientModel):
    """A catalogue activity that could meet the wish, and the members of it who drive: the
    Lions pattern, where fellow members give the lift."""

    _name = "aktive.activity.suggestion.line"
    _description = "Suggested activity"
    _order = "score desc, id"

    wizard_id = fields.Many2one("aktive.volunteer.suggestion", required=True, ondelete="cascade")
    activity_id = fields.Many2one("aktive.activity", required=True, readonly=True)
    score = fields.Integer(readonly=True)
    reasons = fields.Text(readonly=True)
    driver_ids = fields.Many2many("res.partner", string="Members who drive", readonly=True)

    def action_choose(self):
        """Choose this activity as the offer for the wish."""
        self.ensure_one()
        self.wizard_id.wish_id.activity_id = self.activity_id
        return {"type": "ir.actions.act_window_close"}
