from odoo import fields
from odoo import models


class AktiveStage(models.Model):
    """A method step (trinn). Data records, so a municipality can rename and describe them;
    the guard is what the model checks before a participant may enter the step, so renaming a
    step never weakens the method's rules."""

    _name = "aktive.stage"
    _description = "Method step"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True, help="What this step means, shown on the board.")
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(string="Folded on the board")
    guard = fields.Selection(
        [
            ("none", "No condition"),
            ("wish", "At least one wish"),
            ("agreed_wish", "At least one agreed wish"),
            ("active_member", "At least one active network member"),
        ],
        default="none",
        required=True,
        help="Checked when a participant moves forward into this step.",
    )

    def _index(self, stage):
        """Position of `stage` in these stages (read once, in order), -1 if absent: no query."""
        return self.ids.index(stage.id) if stage in self else -1
