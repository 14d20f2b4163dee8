from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError

from ..models.res_company import RETENTION_ACTIONS

# The company settings the Aktive Sammen administrator owns, by their name on res.company.
COMPANY_FIELDS = {
    "followup_interval": "aktive_followup_interval",
    "volunteer_contact_interval": "aktive_volunteer_contact_interval",
    "retention_months": "aktive_retention_months",
    "retention_action": "aktive_retention_action",
    "access_log_months": "aktive_access_log_months",
    "health_terms": "aktive_health_terms",
    "visit_reminder_days": "aktive_visit_reminder_days",
    "declaration_renew_months": "aktive_declaration_renew_months",
    "police_renew_months": "aktive_police_renew_months",
}
# The longest interval and retention period that make sense, in months: beyond them a typing
# error (a year typed as months, an extra zero) would plan nothing for decades.
MAX_MONTHS = {
    "followup_interval": 24,
    "volunteer_contact_interval": 24,
    "retention_months": 240,
    "declaration_renew_months": 240,
    "police_renew_months": 240,
}
# Days without a visit before a volunteer is reminded: a year at most.
MAX_VISIT_DAYS = 365


class AktiveSettings(models.TransientModel):
    """Intervals and retention for the Aktive Sammen administrator, who is not an Odoo system
    administrator: Settings (res.config.settings) and writing a company need system rights,
    so this form writes only these company fields (COMPANY_FIELDS), for a company of the user's."""

    _name = "aktive.settings"
    _description = "Aktive Sammen settings"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    followup_interval = fields.Integer(
        string="Follow-up interval (months)",
        help="Holding a follow-up conversation plans the next one this many months later.",
    )
    volunteer_contact_interval = fields.Integer(
        string="Volunteer contact interval (months)",
        help="How often the coordinator contacts each volunteer.",
    )
    retention_months = fields.Integer(
        string="Keep closed cases (months)",
        help="A daily job removes personal data from closed cases after this period; "
        "anonymous statistics are kept.",
    )
    retention_action = fields.Selection(RETENTION_ACTIONS, string="After the retention period")
    access_log_months = fields.Integer(
        string="Keep the access log (months)",
        help="Who opened, printed or exported a case: lines older than this are removed.",
    )
    visit_reminder_days = fields.Integer(
        string="Remind volunteers after days without a visit",
        help="A volunteer who has logged no visit with a person for this many days gets a "
        "reminder by SMS or e-mail (0: never).",
    )
    declaration_renew_months = fields.Integer(
        string="Renew confidentiality declarations (months)",
        help="Volunteers are reminded a month before (0: never).",
    )
    police_renew_months = fields.Integer(
        string="Renew police certificates (months)",
        help="Volunteers with a police certificate are reminded a month before (0: never).",
    )
    health_terms = fields.Text(
        help="Comma-separated words that point to health information (diagnose, demens...). "
        "Saving a free text with one of them warns that it belongs in a sensitive note.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_months(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_months(vals)
        return super().write(vals)

    def _check_months(self, vals):
        """Before the database sees them: a number beyond its integers fails there. Below
        one month is refused on saving (action_save), when the form is complete."""
        for name, most in MAX_MONTHS.items():
            value = vals.get(name)
            if value is None or value is False:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or abs(value) > most:
                raise ValidationError(
                    self.env._(
                        "%(field)s: enter a whole number of months from 1 to %(most)s.",
                        field=self._fields[name]._description_string(self.env),
                        most=most,
                    )
                )
        days = vals.get("visit_reminder_days")
        if (
            days is not None
            and days is not False
            and (
                isinstance(days, bool)
                or not isinstance(days, int)
                or not 0 <= days <= MAX_VISIT_DAYS
            )
        ):
            raise ValidationError(
                self.env._(
                    "Days without a visit: enter a whole number from 0 (never) to %(most)s.",
                    most=MAX_VISIT_DAYS,
                )
            )

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
        values.update(self._company_values(company))
        return values

    @api.onchange("company_id")
    def _onchange_company_id(self):
        self.update(self._company_values(self.company_id))

    def _company_values(self, company):
        company = company.sudo()
        return {ours: company[theirs] for ours, theirs in COMPANY_FIELDS.items()}

    def action_save(self):
        self.ensure_one()
        if self.company_id not in self.env.user.company_ids:
            raise AccessError(self.env._("You can only change the settings of your companies."))
        numbers = (
            "followup_interval",
            "volunteer_contact_interval",
            "retention_months",
            "access_log_months",
        )
        if any(self[name] < 1 for name in numbers):
            raise ValidationError(
                self.env._("Intervals and the retention period are at least one month.")
            )
        if self.declaration_renew_months < 0 or self.police_renew_months < 0:
            raise ValidationError(self.env._("Renewal months cannot be negative (0: never)."))
        self.company_id.sudo().write(
            {theirs: self[ours] for ours, theirs in COMPANY_FIELDS.items()}
        )
        return {"type": "ir.actions.act_window_close"}
