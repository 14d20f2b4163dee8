from contextlib import contextmanager

from dateutil.relativedelta import relativedelta
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

KINDS = [
    ("open", "Opened the case"),
    ("sensitive", "Read sensitive notes"),
    ("print", "Printed the contact form"),
    ("export", "Exported personal data"),
    ("loneliness", "Read loneliness measures"),
    ("loneliness_stats", "Read loneliness figures in aggregate"),
]
# A group of fewer cases than this in a grouped read is read as the cases themselves: the
# annual report's threshold (report/aktive_annual_report.py, MIN_PEOPLE) for the same reason.
SMALL_GROUP = 5
# The lines waiting for the one INSERT (in the transaction's pre-commit data, cleared with
# it), and the kinds not to log for now (a board read is no "open"; in the cursor's cache).
BUFFER = "aktive_sammen_addon.access_log"
MUTED = "aktive_sammen_addon.access_log_muted"


def logs_access(method):
    """Mark an RPC method that writes access log lines as read/write.

    Odoo serves the methods marked ``@api.readonly`` (``web_read``, ``read``, ...) on a
    read-only cursor when it has one (a database replica; the test cursors play one), and an
    INSERT there fails. ``web/controllers/dataset.py`` (``_call_kw_readonly``) takes the mark
    of the first class in the model's MRO that has one: with ours the request gets a
    read/write cursor from the start, and the line goes in with the request's own commit.
    Any other read-only path that logs (``/report/pdf/...`` opened by hand, a list of notes)
    fails at the INSERT, and Odoo serves the request again on a read/write cursor
    (``http.py``, ``_serve_db``): slower, but no line is lost."""
    method._readonly = False
    return method


class AktiveAccessLog(models.Model):
    """Who opened which case, read its sensitive notes, printed its contact form or exported
    its personal data, and when (Normen faktaark 15 "Logging og innsyn i logg"; GDPR art. 15:
    the person may ask who has seen the record).

    Append-only: lines come only from ``_log`` (one multi-row INSERT per transaction, at
    commit), nobody creates, changes or deletes them through the ORM - not even an
    administrator or the superuser. The daily retention job removes lines older than the
    company's ``aktive_access_log_months`` in SQL, and so does nothing else."""

    _name = "aktive.access.log"
    _description = "Access log"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "date desc, id desc"
    _rec_name = "kind"

    date = fields.Datetime(required=True, readonly=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Who",
        required=True,
        readonly=True,
        index=True,
        # The evidence outlives the account: a user who read cases is archived, not deleted.
        ondelete="restrict",
    )
    # set null: a case deleted by retention leaves its lines, without the person (the name
    # was never copied here), as evidence of who read before.
    participant_id = fields.Many2one(
        "aktive.participant", string="Case", readonly=True, index=True, ondelete="set null"
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    kind = fields.Selection(KINDS, string="What", required=True, readonly=True)

    # --- append-only ---------------------------------------------------------------------------
    # create and write never reach the ORM (no super): there is nothing to allow.
    @api.model_create_multi
    def create(self, vals_list):  # pylint: disable=method-required-super
        raise UserError(self.env._("Access log lines are written by Aktive Sammen only."))

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("The access log cannot be changed."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "The access log cannot be deleted: the daily retention job removes old lines."
            )
        )

    # --- logging -------------------------------------------------------------------------------
    @api.model
    def _log(self, kind, participant_ids=(), note_ids=()):
        """Note that this user did ``kind`` on these cases (or on the cases of these sensitive
        notes). Nothing is written yet: the lines of the whole transaction go in with one
        INSERT just before it commits (``_flush``), one line per user, case and kind."""
        if self._is_muted(kind):
            return
        if isinstance(participant_ids, int):
            participant_ids = [participant_ids]
        rows = {
            (self.env.uid, kind, pid, None, None) for pid in participant_ids if isinstance(pid, int)
        }
        rows |= {(self.env.uid, kind, None, nid, None) for nid in note_ids if isinstance(nid, int)}
        self._buffer(rows)

    @api.model
    def _log_aggregate(self, kind):
        """Note that this user read figures of many cases together (a pivot, a graph): one
        line of the request, under the user's current company, with no case."""
        if kind not in self.env.cr.cache.get(MUTED, ()):
            self._buffer({(self.env.uid, kind, None, None, self.env.company.id)})

    @api.model
    def _log_groups(self, kind, case_groups, aggregate_kind=None):
        """A grouped read, given the cases behind each group it returned. A group of fewer
        than SMALL_GROUP cases shows those persons' own values (an average of one is the
        value; filtered on one person, the graph is that person's record): each of its
        cases gets a ``kind`` line, as if read one by one. Larger groups are statistics, not
        anyone's record: one ``aggregate_kind`` line for the request says that this user
        read them (none if not given)."""
        small, large = set(), False
        for ids in case_groups:
            ids = {pid for pid in ids or () if pid}
            if len(ids) < SMALL_GROUP:
                small |= ids
            else:
                large = True
        if small:
            self._log(kind, sorted(small))
        if large and aggregate_kind:
            self._log_aggregate(aggregate_kind)

    def _buffer(self, rows):
        if not rows:
            return
        data = self.env.cr.precommit.data
        if BUFFER not in data:
            data[BUFFER] = set()
            self.env.cr.precommit.add(self._flush)
        data[BUFFER] |= rows

    @api.model
    def _is_muted(self, kind):
        return kind in self.env.cr.cache.get(MUTED, ())

    @contextmanager
    def _muted(self, *kinds):
        """Do not log these kinds within the block (reads that are no such act)."""
        # On the cursor, not in the pre-commit data: a commit within the block empties those.
        cache = self.env.cr.cache
        previous = cache.get(MUTED, frozenset())
        cache[MUTED] = previous | set(kinds)
        try:
            yield
        finally:
            if previous:
                cache[MUTED] = previous
            else:
                cache.pop(MUTED, None)

    @api.model
    def _flush(self):
        """One query for every line of the transaction. In SQL, not ``create``: the ORM
        refuses to create lines, and the case and company are looked up in the same query
        (no extra read for a note's case). A line of a case (or note) that no longer exists
        is dropped; an aggregate line has no case and carries its company."""
        rows = self.env.cr.precommit.data.get(BUFFER)
        if not rows:
            return
        values = SQL(", ").join(
            SQL("(%s::int, %s::varchar, %s::int, %s::int, %s::int)", *row)
            for row in sorted(rows, key=str)
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO aktive_access_log
                    (user_id, kind, participant_id, company_id, date,
                     create_uid, create_date, write_uid, write_date)
                SELECT DISTINCT v.user_id, v.kind, p.id, COALESCE(p.company_id, v.company_id),
                       %(now)s, v.user_id, %(now)s, v.user_id, %(now)s
                  FROM (VALUES %(values)s) AS v(user_id, kind, participant_id, note_id, company_id)
                  LEFT JOIN aktive_sensitive_note n ON n.id = v.note_id
                  LEFT JOIN aktive_participant p
                         ON p.id = COALESCE(v.participant_id, n.participant_id)
                 WHERE p.id IS NOT NULL
                    OR (v.participant_id IS NULL AND v.note_id IS NULL
                        AND v.company_id IS NOT NULL)
                """,
                now=SQL("(now() AT TIME ZONE 'UTC')"),
                values=values,
            )
        )
        rows.clear()

    # --- retention -----------------------------------------------------------------------------
    @api.model
    def _cron_retention(self):
        """Remove the lines older than each company's log retention, by SQL: the ORM refuses
        to delete lines for everybody, so no user (nor a context key) can delete them."""
        now = fields.Datetime.now()
        for company in self.env["res.company"].sudo().search([]):  # pylint: disable=no-search-all
            limit = now - relativedelta(months=company.aktive_access_log_months)
            self.env.cr.execute(
                SQL(
                    "DELETE FROM aktive_access_log WHERE company_id = %s AND date < %s",
                    company.id,
                    limit,
                )
            )
        self.invalidate_model()
