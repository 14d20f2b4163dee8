from odoo import fields
from odoo import models

RETENTION_ACTIONS = [("anonymise", "Anonymise"), ("delete", "Delete")]


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
    aktive_retention_months = fields.Integer(
        string="Keep closed cases (months)",
        default=24,
        help="Closed cases are anonymised (or deleted) this many months after closing.",
    )
    aktive_access_log_months = fields.Integer(
        string="Keep the access log (months)",
        default=60,
        help="Lines of the access log (who opened, printed or exported a case) older than "
        "this are removed by the daily retention job.",
    )
    aktive_visit_reminder_days = fields.Integer(
        string="Remind volunteers after days without a visit",
        default=14,
        help="A volunteer who has logged no visit with a person for this many days gets a "
        "reminder (0: never).",
    )
    aktive_declaration_renew_months = fields.Integer(
        string="Renew confidentiality declarations (months)",
        default=36,
        help="Volunteers are reminded a month before (0: never).",
    )
    aktive_police_renew_months = fields.Integer(
        string="Renew police certificates (months)",
        default=36,
        help="Volunteers with a police certificate are reminded a month before (0: never).",
    )
    aktive_retention_action = fields.Selection(
        RETENTION_ACTIONS,
        string="After the retention period",
        default="anonymise",
        required=True,
    )

    _aktive_followup_interval_positive = models.Constraint(
        "CHECK(aktive_followup_interval > 0)", "The follow-up interval must be at least one month."
    )
    _aktive_retention_months_positive = models.Constraint(
        "CHECK(aktive_retention_months > 0)", "Keep closed cases at least one month."
    )
    _aktive_access_log_months_positive = models.Constraint(
        "CHECK(aktive_access_log_months > 0)", "Keep the access log at least one month."
    )
    _aktive_volunteer_contact_interval_positive = models.Constraint(
        "CHECK(aktive_volunteer_contact_interval > 0)",
        "The volunteer contact interval must be at least one month.",
    )

    _aktive_reminder_numbers_positive = models.Constraint(
        "CHECK(aktive_visit_reminder_days >= 0 AND aktive_declaration_renew_months >= 0 "
        "AND aktive_police_renew_months >= 0)",
        "Reminder days and renewal months cannot be negative.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "aktive_volunteer_contact_interval" in vals:
            self._aktive_replan_volunteer_contacts()
        return res

    def _aktive_replan_volunteer_contacts(self):
        """The next contact date is stored, so a new interval has to move the dates already
        planned; volunteers without a company follow the company that changed."""
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        for company in self:
            volunteers = Partner.search(
                [
                    ("is_aktive_volunteer", "=", True),
                    ("aktive_last_contact_date", "!=", False),
                    ("company_id", "in", [company.id, False]),
                ]
            )
            volunteers.with_company(company)._compute_aktive_next_contact()
