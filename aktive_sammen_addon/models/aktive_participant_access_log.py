from odoo import api
from odoo import models

from .aktive_access_log import logs_access


class AktiveParticipant(models.Model):
    """Opening a case writes one access log line.

    An "open" is what the form view does: ``web_read`` of one saved participant. The board,
    the lists, the searches, saving the form and its onchanges read participants too, through
    ``web_search_read``, ``web_read_group``, ``web_name_search``, ``web_save`` and
    ``onchange`` (which call ``web_read``): they show what the user chose to look for, not a
    case opened, and an 80-card board would write 80 lines a click - the log would drown
    the opens it is there to show. They mute the "open" kind while they run."""

    _inherit = "aktive.participant"

    @logs_access
    def web_read(self, specification):
        result = super().web_read(specification)
        if len(self) == 1 and not self.env.su:
            # _ids, not ids: a new record (onchange) has no id of its own to log.
            self.env["aktive.access.log"]._log("open", self._ids)
        return result

    @api.model
    @api.readonly
    def web_search_read(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted("open"):
            return super().web_search_read(*args, **kwargs)

    @api.model
    @api.readonly
    def web_read_group(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted("open"):
            return super().web_read_group(*args, **kwargs)

    @api.model
    @api.readonly
    def web_name_search(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted("open"):
            return super().web_name_search(*args, **kwargs)

    def web_save(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted("open"):
            return super().web_save(*args, **kwargs)

    def onchange(self, *args, **kwargs):
        with self.env["aktive.access.log"]._muted("open"):
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
