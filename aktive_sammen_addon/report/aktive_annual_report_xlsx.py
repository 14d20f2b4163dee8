import io

import xlsxwriter
from odoo import api
from odoo import models


class AktiveAnnualReportXlsx(models.AbstractModel):
    """The annual report as a spreadsheet, from the same figures as the PDF: one sheet, the
    numbers as numbers (to sum and chart), a suppressed figure as its "<5", ":" or "–" text.
    Built with xlsxwriter (in Odoo's requirements), not OCA report_xlsx (AGPL-3)."""

    _inherit = "aktive.annual.report"

    @api.model
    def _xlsx(self, year, company):
        figures = self._figures(year, company)
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet(self.env._("Annual report %(year)s", year=year)[:31])
        bold = book.add_format({"bold": True})
        title = book.add_format({"bold": True, "font_size": 14})
        sheet.set_column(0, 0, 42)
        sheet.set_column(1, 4, 16)
        row = 0

        def put(label, cells, style=None):
            nonlocal row
            sheet.write(row, 0, label, style)
            for column, cell in enumerate(cells, start=1):
                if isinstance(cell, str):
                    sheet.write(row, column, cell, style)
                elif cell["value"] is None:
                    sheet.write_string(row, column, cell["text"])
                else:
                    sheet.write_number(row, column, cell["value"])
            row += 1

        def gap():
            nonlocal row
            row += 1

        put(
            self.env._("Annual report %(year)s: %(company)s", year=year, company=company.name),
            [],
            title,
        )
        gap()
        participants = figures["participants"]
        put(self.env._("Participants"), participants["columns"], bold)
        put(self.env._("All participants"), participants["total"], bold)
        for table in participants["tables"]:
            put(table["title"], [], bold)
            for line in table["rows"]:
                put(line["label"], line["cells"])
        gap()
        put(self.env._("Average days from need reported to network"), [figures["days_to_network"]])
        gap()
        wishes = figures["wishes"]
        put(self.env._("Wishes by category"), wishes["columns"], bold)
        for line in wishes["rows"]:
            put(line["label"], line["cells"])
        put(self.env._("All wishes"), wishes["total"], bold)
        gap()
        network = figures["network"]
        put(self.env._("The networks"), [self.env._("People")], bold)
        for line in network["rows"]:
            put(line["label"], [line["cell"]])
        put(self.env._("All network members"), [network["total"]], bold)
        gap()
        followups = figures["followups"]
        put(self.env._("Follow-up conversations"), [], bold)
        put(self.env._("Due in the year"), [followups["due"]])
        put(self.env._("Held on time"), [followups["on_time"]])
        put(self.env._("Held on time (%)"), [followups["percent"]])
        gap()
        volunteers = figures["volunteers"]
        put(self.env._("Volunteers"), [], bold)
        put(self.env._("Active volunteers"), [volunteers["active"]])
        put(self.env._("Volunteers who logged hours"), [volunteers["with_hours"]])
        put(self.env._("Volunteer hours"), [volunteers["hours"]])
        put(self.env._("Hours per volunteer who logged hours"), [volunteers["average"]])
        gap()
        loneliness = figures["loneliness"]
        put(self.env._("Loneliness (UCLA three-item scale, 3-9)"), [], bold)
        put(self.env._("Participants measured twice or more"), [loneliness["people"]])
        put(self.env._("Mean score at baseline"), [loneliness["baseline"]])
        put(self.env._("Mean score at the latest measure"), [loneliness["latest"]])
        put(self.env._("Mean change"), [loneliness["change"]])
        put(self.env._("Less lonely"), [loneliness["improved"]])
        put(self.env._("The same"), [loneliness["same"]])
        put(self.env._("Lonelier"), [loneliness["worse"]])
        gap()
        put(self._footnote(), [])
        book.close()
        return buffer.getvalue()

    @api.model
    def _footnote(self):
        return self.env._(
            "No figure is built on fewer than 5 people: a count of 1 to 4 is shown as <5, an "
            "average or a share on fewer than 5 people as –; a figure shown as : is hidden so "
            "that a <5 cannot be worked out from the total."
        )
