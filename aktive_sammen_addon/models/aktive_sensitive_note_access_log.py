from odoo import api
from odoo import models
from odoo.exceptions import AccessError

from .aktive_access_log import logs_access


class AktiveSensitiveNote(models.Model):
    """Every read that returns the text of sensitive notes writes one access log line per
    case (``read``, ``web_read``, ``search_read`` and the lists and forms built on them all
    go through ``_read_format``), whoever reads: the municipal contact person, or the
    coordinator where the person consented to sharing. Reads by the system (superuser:
    retention, jobs) are no person reading and are not logged.

    Three reads return the text without ``_read_format``, so they are closed or logged here:
    a grouped read on the text (``note:array_agg``, a group by note) is refused; the list's
    Export writes its line as any read does; and the note's log (chatter) shows its changes
    with the old and the new text (the tracking of ``note``): every time those are given to a
    user (``/mail/thread/messages``, a message posted, the inbox - all through
    ``_track_filter_for_display``), the note's case gets its "Read sensitive notes" line, as
    reading the note does. Its other changes (kind, date) hold no text and write none."""

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

    def _track_filter_for_display(self, tracking_values):
        tracking_values = super()._track_filter_for_display(tracking_values)
        # sudo: only the name of the tracked field (fields are the administrator's to read);
        # which values the user sees was decided above, by mail's own field check.
        if not self.env.su and any(
            tracking.field_id.name == "note" for tracking in tracking_values.sudo()
        ):
            self.env["aktive.access.log"]._log("sensitive", note_ids=self.ids)
        return tracking_values

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        if self and not self.env.su:
            self.env["aktive.access.log"]._log("sensitive", note_ids=self.ids)
        return result

    def _read_group_groupby(self, alias, groupby_spec, query):
        self._check_note_not_grouped(groupby_spec)
        return super()._read_group_groupby(alias, groupby_spec, query)

    def _read_group_select(self, aggregate_spec, query):
        self._check_note_not_grouped(aggregate_spec)
        return super()._read_group_select(aggregate_spec, query)

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Not offered as a group-by (Odoo takes a stored column for groupable)."""
        result = super().fields_get(allfields, attributes)
        if "groupable" in result.get("note", {}) and not self.env.su:
            result["note"]["groupable"] = False
        return result

    def _check_note_not_grouped(self, spec):
        """A group of notes has no case to log its read against: the text is read note by
        note."""
        if not self.env.su and spec.split(":")[0].split(".")[0] == "note":
            raise AccessError(
                self.env._(
                    "The text of sensitive notes is read one note at a time, so that each "
                    "read is logged: it cannot be grouped or counted together."
                )
            )
