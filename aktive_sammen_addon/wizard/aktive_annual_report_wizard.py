from odoo import api
from odoo import fields
from odoo import models


class AktiveAnnualReportWizard(models.TransientModel):
    """Asks the year and the company of the annual report, then prints it as a PDF or
    downloads it as a spreadsheet. In January and February the report asked for is most
    likely last year's (the volunteer centre reports to its funder after the new year), so
    that is the default then; later in the year, the current year so far."""

    _name = "aktive.annual.report.wizard"
    _description = "Annual report"

    year = fields.Integer(required=True, default=lambda self: self._default_year())
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )

    @api.model
    def _default_year(self):
        today = fields.Date.context_today(self)
        return today.year - 1 if today.month <= 2 else today.year

    @api.constrains("year", "company_id")
    def _check_year(self):
        for wizard in self:
            self.env["aktive.annual.report"]._check_request(wizard.year, wizard.company_id)

    def _figures(self):
        """The report's figures, computed once per printing (the PDF template calls it)."""
        self.ensure_one()
        return self.env["aktive.annual.report"]._figures(self.year, self.company_id)

    def action_print_pdf(self):
        self.ensure_one()
        self._check_year()
        action = self.env.ref("aktive_sammen_addon.action_report_annual_report").report_action(self)
        return dict(action, close_on_report_download=True)

    def action_download_xlsx(self):
        self.ensure_one()
        self._check_year()
        return {
            "type": "ir.actions.act_url",
            "url": f"/aktive/annual_report/{self.company_id.id}/{self.year}.xlsx",
            "target": "download",
        }
