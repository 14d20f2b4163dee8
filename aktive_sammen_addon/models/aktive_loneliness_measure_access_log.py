from odoo import api
from odoo import models

from .aktive_access_log import logs_access
from .aktive_loneliness_measure import ANSWER_FIELDS

# Reading any of these reads what the person answered.
READ_LOGGED = frozenset((*ANSWER_FIELDS, "ucla_score", "declined"))
# The cases behind each group of a grouped read, asked in the same query.
CASES = "participant_id:array_agg_distinct"


class AktiveLonelinessMeasure(models.Model):
    """How lonely a person feels is personal: every read that returns answers or scores of
    loneliness measures writes one access log line per case ("Read loneliness measures"),
    as the sensitive notes do - the measure's form, the list on the case and the follow-up,
    ``read`` and ``search_read`` over RPC all go through ``_read_format``. Reads by the
    system (superuser: the case's computed scores, retention, jobs) are not logged.

    Grouped reads (the case's graph *Ensomhet over tid*, *Reporting → Ensomhet* as pivot
    and graph, ``read_group`` over RPC) that group or aggregate answers or scores are logged
    by the size of each group, as a data-protection officer would have it rather than
    refused - the figures are the municipality's own measure of the method:

    - a group of fewer than five cases (the annual report's threshold) shows those persons'
      own answers - the case's graph, filtered on one person, is that person's record; an
      average of one is the score: each of its cases gets a "Read loneliness measures" line;
    - larger groups are statistics, nobody's record: one line for the request, with no case,
      "Read loneliness figures in aggregate", which the administrator reads. Who looked at
      the figures is known; the persons' own logs do not fill with every report that
      counted them (a pivot of the municipality would write a line per person a click).

    The cases behind each group come with the same query (one more column)."""

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

    @api.model
    def _aktive_logs_groups(self, specs):
        """Whether a grouped read of these specs reads answers or scores."""
        named = {spec.split(":")[0].split(".")[0] for spec in specs}
        return not self.env.su and bool(READ_LOGGED & named)

    def _aktive_log_groups(self, case_groups):
        self.env["aktive.access.log"]._log_groups(
            "loneliness", case_groups, aggregate_kind="loneliness_stats"
        )

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        if CASES in aggregates or not self._aktive_logs_groups((*groupby, *aggregates)):
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        rows = super()._read_group(
            domain, groupby, (*aggregates, CASES), having, offset, limit, order
        )
        self._aktive_log_groups([row[-1] for row in rows])
        return [row[:-1] for row in rows]

    @api.model
    def _read_grouping_sets(self, domain, grouping_sets, aggregates=(), order=None):
        """The pivot's query (several groupings at once): logged as ``_read_group``."""
        specs = [spec for grouping in grouping_sets for spec in grouping]
        if CASES in aggregates or not self._aktive_logs_groups((*specs, *aggregates)):
            return super()._read_grouping_sets(domain, grouping_sets, aggregates, order)
        sets = super()._read_grouping_sets(domain, grouping_sets, (*aggregates, CASES), order)
        self._aktive_log_groups([row[-1] for rows in sets for row in rows])
        return [[row[:-1] for row in rows] for rows in sets]

    # The graph and the pivot log nearly every time: served on a read/write cursor from the
    # start (models/aktive_access_log.py, logs_access), not tried read-only first.
    @api.model
    @logs_access
    def formatted_read_group(self, *args, **kwargs):
        return super().formatted_read_group(*args, **kwargs)

    @api.model
    @logs_access
    def formatted_read_grouping_sets(self, *args, **kwargs):
        return super().formatted_read_grouping_sets(*args, **kwargs)

    @api.model
    @logs_access
    def web_read_group(self, *args, **kwargs):
        return super().web_read_group(*args, **kwargs)
