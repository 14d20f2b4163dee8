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
}
# The longest interval and retention period that make sense, in months: beyond them a typing
# error (a year typed as months, an extra zero) would plan nothing for decades.
MAX_MONTHS = {"followup_interval": 24, "volunteer_contact_interval": 24, "retention_months": 240}


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
        self.company_id.sudo().write(
            {theirs: self[ours] for ours, theirs in COMPANY_FIELDS.items()}
        )
        return {"type": "ir.actions.act_window_close"}
