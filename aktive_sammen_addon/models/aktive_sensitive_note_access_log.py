from odoo import models

from .aktive_access_log import logs_access


class AktiveSensitiveNote(models.Model):
    """Every read that returns the text of sensitive notes writes one access log line per
    case (``read``, ``web_read``, ``search_read`` and the lists and forms built on them all
    go through ``_read_format``), whoever reads: the municipal contact person, or the
    coordinator where the person consented to sharing. Reads by the system (superuser:
    retention, jobs) are no person reading and are not logged."""

    _inherit = "aktive.sensitive.note"

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        if "note" in fnames and result and not self.env.su:
            self.env["aktive.access.log"]._log(
                "sensitive", note_ids=[values["id"] for values in result]
            )
        return result

    @logs_access
    def web_read(self, specification):
        return super().web_read(specification)
