from odoo import fields
from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    aktive_followup_interval = fields.Integer(
        string="Follow-up interval (months)",
        default=2,
        help="Holding a follow-up conversation plans the next one this many months later.",
    )
    aktive_volunteer_contact_interval = fields.Integer(
        string="Volunteer contact interval (months)",
        default=2,
        help="How often the coordinator contacts each volunteer.",
    )

    _aktive_followup_interval_positive = models.Constraint(
        "CHECK(aktive_followup_interval > 0)", "The follow-up interval must be at least one month."
    )
    _aktive_volunteer_contact_interval_positive = models.Constraint(
        "CHECK(aktive_volunteer_contact_interval > 0)",
        "The volunteer contact interval must be at least one month.",
    )
