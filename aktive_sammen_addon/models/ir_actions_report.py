from odoo import models

CONTACT_FORM_REPORT = "aktive_sammen_addon.report_contact_form"
PAPERFORMAT = "aktive_sammen_addon.paperformat_contact_form"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        """Consent first. Several forms print in one wkhtmltopdf call: the template has no
        `article` blocks, so Odoo hands wkhtmltopdf a single document with page breaks -
        which Debian's unpatched Qt accepts (it refuses several documents per call)."""
        if self._get_report(report_ref).report_name == CONTACT_FORM_REPORT:
            ids = [res_ids] if isinstance(res_ids, int) else list(res_ids or [])
            self.env["aktive.participant"].browse(ids)._check_contact_form_printable()
            self.env["aktive.access.log"]._log("print", ids)
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        if self._get_report(report_ref).report_name == CONTACT_FORM_REPORT:
            self.env["aktive.participant"].browse(docids)._check_contact_form_printable()
            # The PDF is rendered from this HTML: the access log keeps one line of both.
            self.env["aktive.access.log"]._log("print", docids)
        return super()._render_qweb_html(report_ref, docids, data=data)

    def _build_wkhtmltopdf_args(
        self, paperformat_id, landscape, specific_paperformat_args=None, set_viewport_size=False
    ):
        """wkhtmltopdf guesses the page encoding when the charset tag comes late in the head
        (after the asset links), and then prints æøå as mojibake: say it outright."""
        args = super()._build_wkhtmltopdf_args(
            paperformat_id, landscape, specific_paperformat_args, set_viewport_size
        )
        if paperformat_id == self.env.ref(PAPERFORMAT, raise_if_not_found=False):
            args += ["--encoding", "utf-8"]
        return args
