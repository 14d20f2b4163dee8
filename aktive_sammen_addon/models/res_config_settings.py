from odoo import fields
from odoo import models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aktive_followup_interval = fields.Integer(
        related="company_id.aktive_followup_interval", readonly=False
    )
    aktive_volunteer_contact_interval = fields.Integer(
        related="company_id.aktive_volunteer_contact_interval", readonly=False
    )
    aktive_retention_months = fields.Integer(
        related="company_id.aktive_retention_months", readonly=False
    )
    aktive_retention_action = fields.Selection(
        related="company_id.aktive_retention_action", readonly=False
    )
