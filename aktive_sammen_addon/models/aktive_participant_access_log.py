from odoo import api
from odoo import models
from odoo.exceptions import AccessError

from .aktive_access_log import logs_access

# Reading these is opening the case, whatever the channel (the form, read, search_read, a
# list asked for them, Export): the board and the lists never show them.
OPENING_FIELDS = frozenset(("life_story", "birthdate"))
# The case's loneliness scores (models/aktive_participant_loneliness.py), derived from the
# measures: reading them is reading the measures.
LONELINESS_FIELDS = frozenset(
    (
        "loneliness_baseline_score",
        "loneliness_latest_score",
        "loneliness_change",
        "loneliness_change_text",
    )
)
# A mute key, not a kind: the board, the lists and the searches read one case through
# web_read too, and that read is no opening of the form.
FORM_OPEN = "open_form"
# The cases behind each group of a grouped read, asked in the same query.
CASES = "id:array_agg"


def spec_fields(specs):
    """The fields named by read_group specs ('birthdate:year', 'x.y', 'score:avg')."""
    return {spec.split(":")[0].split(".")[0] for spec in specs}


class AktiveParticipant(models.Model):
    """Opening a case writes one access log line.

    An "open" is what the form view does: ``web_read`` of one saved participant. The board,
    the lists, the searches, saving the form and its onchanges read participants too, through
    ``web_search_read``, ``web_read_group``, ``web_name_search``, ``web_save`` and
    ``onchange`` (which call ``web_read``): they show what the user chose to look for, not a
    case opened, and an 80-card board would write 80 lines a click - the log would drown
    the opens it is there to show. They mute the form's "open" while they run.

    Reading the life story or the date of birth is an opening by any channel (``read``,
    ``search_read``, a list or a search asked for them, the list's Export): one "open" line
    per case read, not per field - the views the coordinator works in never show them
    outside the form. The case's loneliness scores likewise write a "Read loneliness
    measures" line per case. Grouped reads: see ``_aktive_logged_groups``."""

    _inherit = "aktive.participant"

    @logs_access
    def web_read(self, specification):
        result = super().web_read(specification)
        Log = self.env["aktive.access.log"]
        if len(self) == 1 and not self.env.su and not Log._is_muted(FORM_OPEN):
            # _ids, not ids: a new record (onchange) has no id of its own to log.
            Log._log("open", self._ids)
        return result

    @logs_access
    def read(self, fields=None, load="_classic_read"):
        return super().read(fields, load)

    @api.model
    @logs_access
    def search_read(self, *args, **kwargs):
        return super().search_read(*args, **kwargs)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        if result and not self.env.su:
            read_ids = [values["id"] for values in result]
            Log = self.env["aktive.access.log"]
            if OPENING_FIELDS.intersection(fnames):
                Log._log("open", read_ids)
            if LONELINESS_FIELDS.intersection(fnames):
                Log._log("loneliness", read_ids)
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        if self and not self.env.su:
            exported = {path.split("/")[0] for path in fields_to_export}
            Log = self.env["aktive.access.log"]
            if OPENING_FIELDS & exported:
                Log._log("open", self.ids)
            if LONELINESS_FIELDS & exported:
                Log._log("loneliness", self.ids)
        return result

    @api.model
    def _aktive_logged_groups(self, specs):
        """What a grouped read of these specs logs, as a data-protection officer would have
        it - logged, not refused, since the pivot of scores is the municipality's own measure
        of the method: [(the kind of a small group's cases, the kind of the request's line
        for larger groups, or None)].

        - A group of fewer than five cases shows those persons' own values (an average of
          one case is its score; a date of birth by day is the person's): each of its cases
          gets the line a read of it would get ("open", "Read loneliness measures").
        - Larger groups are statistics, nobody's record: the scores write one line for the
          request, with no case, "Read loneliness figures in aggregate", which the
          administrator reads - who looked at the figures is known, and the persons' own
          logs stay free of every report that counted them. Birth years of five or more
          people are an age statistic and write none.

        The life story is text, not a figure: grouped by it, each group would be someone's
        story without its case - refused, as the text of sensitive notes is."""
        if self.env.su:
            return []
        named = spec_fields(specs)
        if "life_story" in named:
            raise AccessError(
                self.env._(
                    "The life story is read one case at a time, so that each read is logged: "
                    "it cannot be grouped or counted together."
                )
            )
        return [
            (kind, aggregate)
            for kind, aggregate, names in (
                ("open", None, OPENING_FIELDS),
                ("loneliness", "loneliness_stats", LONELINESS_FIELDS),
            )
            if names & named
        ]

    def _aktive_log_groups(self, logged, case_groups):
        Log = self.env["aktive.access.log"]
        for kind, aggregate in logged:
            Log._log_groups(kind, case_groups, aggregate_kind=aggregate)

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        """The cases behind each group come with the same query (one more column)."""
        logged = self._aktive_logged_groups((*groupby, *aggregates))
        if not logged or CASES in aggregates:
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        rows = super()._read_group(
            domain, groupby, (*aggregates, CASES), having, offset, limit, order
        )
        self._aktive_log_groups(logged, [row[-1] for row in rows])
        return [row[:-1] for row in rows]

    @api.model
    def _read_grouping_sets(self, domain, grouping_sets, aggregates=(), order=None):
        """The pivot's query (several groupings at once): logged as ``_read_group``."""
        specs = [spec for grouping in grouping_sets for spec in grouping]
        logged = self._aktive_logged_groups((*specs, *aggregates))
        if not logged or CASES in aggregates:
            return super()._read_grouping_sets(domain, grouping_sets, aggregates, order)
        sets = super()._read_grouping_sets(domain, grouping_sets, (*aggregates, CASES), order)
        self._aktive_log_groups(logged, [row[-1] for rows in sets for row in rows])
        return [[row[:-1] for row in rows] for rows in sets]

    @api.model
    @api.readonly
    def web_search_read(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted(FORM_OPEN):
            return super().web_search_read(*args, **kwargs)

    @api.model
    @api.readonly
    def web_read_group(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted(FORM_OPEN):
            return super().web_read_group(*args, **kwargs)

    @api.model
    @api.readonly
    def web_name_search(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted(FORM_OPEN):
            return super().web_name_search(*args, **kwargs)

    def web_save(self, *args, **kwargs):
        # The form's values again, after a save: the opening was logged when it was opened.
        with self.env["aktive.access.log"]._muted("open", "loneliness"):
            return super().web_save(*args, **kwargs)

    def onchange(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted("open", "loneliness"):
            return super().onchange(*args, **kwargs)

    def _personal_data_access_log(self):
        """Who has seen the record, for *Export personal data* (GDPR art. 15): the lines this
        user may read - all of them for the municipal contact person and the administrator;
        None (no section) for those who may not read the log."""
        self.ensure_one()
        AccessLog = self.env["aktive.access.log"]
        if not AccessLog.has_access("read"):
            return None
        kinds = dict(AccessLog._fields["kind"]._description_selection(self.env))
        return [
            {"date": line.date, "who": line.user_id.name, "what": kinds[line.kind]}
            for line in AccessLog.search([("participant_id", "=", self.id)])
        ]
