import json
import re

from odoo import http
from odoo.addons.web.controllers import report
from odoo.http import request
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import NotFound

CONVERTERS = ("html", "pdf", "text")
INT_MAX = 2**31 - 1  # PostgreSQL's integer: a larger id is no record, not a database error
DIGITS = re.compile(r"[0-9]+")


class ReportController(report.ReportController):
    """Bad report addresses get a plain 404 (or 400 for broken JSON) before any rendering:
    an unknown report, an unknown converter, ids that are no record (0, -1, letters, beyond
    the database's integers, deleted). Odoo itself crashes on some of them (500 with a
    traceback), and quietly drops the others and prints an empty page."""

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        self._aktive_check_request(reportname, docids, converter, data)
        return super().report_routes(reportname, docids=docids, converter=converter, **data)

    @http.route()
    def report_download(self, data, context=None, token=None, readonly=True):
        """The web client's download of a printed report: the same checks on the address it
        carries, answered as such - Odoo answers every failure here with a 500."""
        try:
            url, report_type = json.loads(data)[:2]
            url = str(url)
        except (ValueError, TypeError, KeyError):
            raise BadRequest() from None
        pattern = {"qweb-pdf": "/report/pdf/", "qweb-text": "/report/text/"}.get(report_type)
        if pattern:
            if pattern not in url:
                raise NotFound()
            path = url.split(pattern, 1)[1].split("?", 1)[0]
            reportname, _slash, docids = path.partition("/")
            self._aktive_check_request(reportname, docids or None, pattern.split("/")[2], {})
        return super().report_download(data, context=context, token=token, readonly=readonly)

    def _aktive_check_request(self, reportname, docids, converter, data):
        if converter not in CONVERTERS:
            raise NotFound()
        report_sudo = self._aktive_report(reportname)
        for key in ("options", "context"):
            if data.get(key):
                try:
                    value = json.loads(data[key])
                except ValueError:
                    raise BadRequest() from None
                if not isinstance(value, dict):
                    raise BadRequest()
        if docids is None:
            return
        parts = [part for part in docids.split(",") if part]
        if not parts or not all(DIGITS.fullmatch(part) for part in parts):
            raise NotFound()
        ids = [int(part) for part in parts]
        if not all(0 < id_ <= INT_MAX for id_ in ids):
            raise NotFound()
        # sudo: only whether the records exist; the report checks the user's access itself
        # (403 for a record the user may not read).
        if report_sudo.model in request.env:
            records = request.env[report_sudo.model].sudo().browse(ids)
            if len(records.exists()) != len(set(ids)):
                raise NotFound()

    def _aktive_report(self, reportname):
        """The report the address names, as Odoo finds it: by report name or by XML id."""
        Report = request.env["ir.actions.report"]
        report_sudo = Report._get_report_from_name(reportname)
        if not report_sudo and reportname.count(".") == 1:
            record = request.env.ref(reportname, raise_if_not_found=False)
            if record and record._name == Report._name:
                report_sudo = record.sudo()
        if not report_sudo:
            raise NotFound()
        return report_sudo
