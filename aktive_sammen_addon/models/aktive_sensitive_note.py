from odoo import fields
from odoo import models


class AktiveSensitiveNote(models.Model):
    """Health and personal circumstances, kept apart from the participant so that no
    volunteer can ever reach them (no access right at all), the municipality writes them, and
    the coordinator reads them only where the person consented to that sharing."""

    _name = "aktive.sensitive.note"
    _description = "Sensitive note"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("health", "Health"), ("personal", "Personal circumstances"), ("other", "Other")],
        default="health",
        required=True,
        tracking=True,
    )
    date = fields.Date(default=fields.Date.context_today, required=True, tracking=True)
    note = fields.Text(required=True, tracking=True)
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, string="Written by"
    )
