from odoo import models

from .aktive_access_log import logs_access
from .aktive_loneliness_measure import ANSWER_FIELDS

# Reading any of these reads what the person answered.
READ_LOGGED = frozenset((*ANSWER_FIELDS, "ucla_score", "declined"))


class AktiveLonelinessMeasure(models.Model):
    """How lonely a person feels is personal: every read that returns answers or scores of
    loneliness measures writes one access log line per case ("Read loneliness measures"),
    as the sensitive notes do - the measure's form, the list on the case and the follow-up,
    ``read`` and ``search_read`` over RPC all go through ``_read_format``. Reads by the
    system (superuser: the case's computed scores, retention, jobs) are not logged.
    Grouped reads (the pivot and graph views) show averages and counts, not a record: they
    are not logged."""

    _inherit = "aktive.loneliness.measure"

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        if result and not self.env.su and READ_LOGGED.intersection(fnames):
            read = self.browse([values["id"] for values in result])
            self.env["aktive.access.log"]._log("loneliness", read.sudo().participant_id.ids)
        return result

    @logs_access
    def web_read(self, specification):
        return super().web_read(specification)
