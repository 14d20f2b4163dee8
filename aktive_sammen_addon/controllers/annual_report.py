from odoo import http
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.http import content_disposition
from odoo.http import request
from werkzeug.exceptions import NotFound

from ..models.aktive_groups import COORDINATORS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class AnnualReportController(http.Controller):
    """The annual report as a spreadsheet download. Anything but a coordinator asking for a
    year that can be reported on, of one of their own companies, gets a plain 404: the
    address tells nobody else whether a company or a report exists."""

    @http.route(
        "/aktive/annual_report/<int:company_id>/<int:year>.xlsx",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def annual_report_xlsx(self, company_id, year, **kw):
        env = request.env
        if not env.user.has_group(COORDINATORS):
            raise NotFound()
        company = env["res.company"].browse(company_id)
        if company not in env.user.company_ids:
            raise NotFound()
        try:
            content = env["aktive.annual.report"]._xlsx(year, company)
        except (UserError, AccessError):
            raise NotFound() from None
        filename = env._("Annual report %(year)s.xlsx", year=year)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX),
                ("Content-Disposition", content_disposition(filename)),
                ("Content-Length", len(content)),
            ],
        )
