"""The access log (issue 14): models/aktive_access_log.py and the reads it watches
(models/aktive_participant_access_log.py, models/aktive_sensitive_note_access_log.py, the
contact form report, Export personal data)."""

import json
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import HttpCase
from odoo.tests import tagged
from odoo.tools import SQL

from .common import AktiveCase

CONTACT_FORM = "aktive_sammen_addon.action_report_contact_form"
# What the participant form asks for, in small: own fields, a many2one, the wishes and notes.
FORM_SPEC = {
    "name": {},
    "phone": {},
    "stage_id": {"fields": {"display_name": {}}},
    "wish_ids": {"fields": {"name": {}, "state": {}}},
}
NOTES_SPEC = {"sensitive_note_ids": {"fields": {"date": {}, "kind": {}, "note": {}}}}
CARD_SPEC = {"name": {}, "stage_id": {"fields": {"display_name": {}}}, "phone": {}}


class AccessLogCase(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_units(other_name="Care centre")
        cls.participant.action_give_consent()
        cls.other = cls.env["aktive.participant"].create(
            {
                "name": "Inger Test",
                "coordinator_id": cls.coordinator.id,
                "municipal_unit_id": cls.other_unit.id,
            }
        )
        Note = cls.env["aktive.sensitive.note"]
        cls.notes = Note.create(
            [
                {"participant_id": cls.participant.id, "note": "Heart condition"},
                {
                    "participant_id": cls.participant.id,
                    "note": "Lost her husband",
                    "kind": "personal",
                },
            ]
        )
        cls.Log = cls.env["aktive.access.log"]

    def setUp(self):
        super().setUp()
        self.commit()
        self.env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM aktive_access_log")
        self.first_id = self.env.cr.fetchone()[0] + 1

    def commit(self):
        """What the request's commit does: the ORM's changes, then the pre-commit hooks -
        the access log's one INSERT among them."""
        self.env.flush_all()
        self.env.cr.flush()

    def lines(self, **where):
        """The lines written during this test, as superuser."""
        self.commit()
        domain = [("id", ">=", self.first_id)] + [(k, "=", v) for k, v in where.items()]
        return self.Log.sudo().search(domain, order="id")

    def as_user(self, user, records=None):
        return (records or self.participant).with_user(user)


class TestAccessLogWrites(AccessLogCase):
    def test_open_form_writes_one_line(self):
        case = self.as_user(self.coordinator)
        case.web_read(FORM_SPEC)
        case.web_read(FORM_SPEC)  # the same request reads the form again: one open
        line = self.lines()
        self.assertEqual(len(line), 1)
        self.assertRecordValues(
            line,
            [
                {
                    "user_id": self.coordinator.id,
                    "participant_id": self.participant.id,
                    "kind": "open",
                    "company_id": self.participant.company_id.id,
                }
            ],
        )
        self.assertLess(abs(line.date - fields.Datetime.now()), timedelta(days=1))

    def test_each_user_and_case_has_its_line(self):
        self.as_user(self.coordinator).web_read(FORM_SPEC)
        self.as_user(self.admin_user).web_read(FORM_SPEC)
        self.as_user(self.coordinator, self.other).web_read(FORM_SPEC)
        self.assertEqual(
            sorted((line.user_id.id, line.participant_id.id) for line in self.lines(kind="open")),
            sorted(
                [
                    (self.coordinator.id, self.participant.id),
                    (self.admin_user.id, self.participant.id),
                    (self.coordinator.id, self.other.id),
                ]
            ),
        )

    def test_board_list_and_search_write_none(self):
        """The board (web_read_group), the list (web_search_read), a many2one search and a
        read of several cases are no opening - even when they hold one case only."""
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        one = [("id", "=", self.participant.id)]
        for domain in (one, [("id", "in", (self.participant | self.other).ids)]):
            Participant.web_search_read(domain, CARD_SPEC, limit=80)
            Participant.web_read_group(
                domain,
                ["stage_id"],
                auto_unfold=True,
                unfold_read_specification=CARD_SPEC,
            )
        Participant.web_name_search("Arne", CARD_SPEC)
        (self.participant | self.other).with_user(self.coordinator).web_read(CARD_SPEC)
        self.assertFalse(self.lines())

    def test_saving_and_onchange_are_no_opening(self):
        case = self.as_user(self.coordinator)
        case.web_save({"phone": "900 11 222"}, FORM_SPEC)
        case.onchange({"phone": "900 11 333"}, ["phone"], {"phone": {}, "name": {}})
        self.assertFalse(self.lines(kind="open"))

    def test_reading_sensitive_notes_writes_one_line_per_case(self):
        self.notes.with_user(self.municipal_user).read(["date", "note"])
        line = self.lines()
        self.assertEqual(len(line), 1, "two notes of one case: one line")
        self.assertRecordValues(
            line,
            [
                {
                    "user_id": self.municipal_user.id,
                    "participant_id": self.participant.id,
                    "kind": "sensitive",
                }
            ],
        )

    def test_sensitive_notes_without_their_text_write_none(self):
        self.notes.with_user(self.municipal_user).read(["date", "kind"])
        self.env["aktive.sensitive.note"].with_user(self.municipal_user).search_read(
            [("participant_id", "=", self.participant.id)], ["date"]
        )
        self.assertFalse(self.lines())

    def test_form_with_notes_logs_open_and_sensitive(self):
        self.as_user(self.municipal_user).web_read({**FORM_SPEC, **NOTES_SPEC})
        self.assertEqual(
            sorted(self.lines().mapped("kind")), ["open", "sensitive"], "one query, two lines"
        )

    def test_coordinator_reading_shared_notes_is_logged(self):
        self.participant.consent_share_coordinator = True
        self.env["aktive.sensitive.note"].with_user(self.coordinator).search_read(
            [("participant_id", "=", self.participant.id)], ["note"]
        )
        self.assertEqual(self.lines(kind="sensitive").user_id, self.coordinator)

    def test_system_reads_are_not_logged(self):
        self.notes.sudo().read(["note"])
        self.participant.sudo().web_read(FORM_SPEC)
        self.assertFalse(self.lines())

    def test_print_writes_one_line(self):
        """The PDF is rendered from the HTML: both pass our check, one line is written."""
        Report = self.env["ir.actions.report"].with_user(self.coordinator)
        Report._render_qweb_pdf(CONTACT_FORM, self.participant.ids)
        line = self.lines()
        self.assertEqual(len(line), 1)
        self.assertEqual((line.kind, line.user_id), ("print", self.coordinator))
        self.assertEqual(line.participant_id, self.participant)

    def test_refused_print_writes_none(self):
        with self.assertRaises(UserError):
            self.env["ir.actions.report"].with_user(self.coordinator)._render_qweb_html(
                CONTACT_FORM, self.other.ids
            )
        self.assertFalse(self.lines())

    def test_export_writes_one_line_and_holds_the_log(self):
        self.as_user(self.municipal_user).web_read(FORM_SPEC)
        self.commit()
        action = self.as_user(self.municipal_user).action_export_personal_data()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        data = json.loads(self.env["ir.attachment"].browse(attachment_id).raw)
        self.assertEqual(
            [(row["who"], row["what"]) for row in data["access_log"]],
            [("Hilde Test", "Opened the case")],
        )
        self.assertTrue(data["access_log"][0]["date"])
        self.assertEqual(
            self.lines().mapped("kind"),
            ["open", "export"],
            "one export line; the notes it reads are not logged again",
        )

    def test_export_by_a_coordinator_has_no_log_section(self):
        """The coordinator may not read the log, so their export does not hold it; the
        municipal contact person's does (README: run it as the municipal contact person)."""
        action = self.as_user(self.coordinator).action_export_personal_data()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        data = json.loads(self.env["ir.attachment"].browse(attachment_id).raw)
        self.assertNotIn("access_log", data)
        self.assertEqual(self.lines().mapped("kind"), ["export"])


class TestAccessLogAccess(AccessLogCase):
    def setUp(self):
        super().setUp()
        for user in (self.coordinator, self.municipal_user):
            for case in (self.participant, self.other):
                self.Log.with_user(user)._log("open", case.ids)
        self.mine = self.lines(participant_id=self.participant.id)
        self.theirs = self.lines(participant_id=self.other.id)
        self.env.invalidate_all()

    def test_volunteer_and_coordinator_cannot_read_the_log(self):
        self.add_member(self.volunteer)
        for user in (self.volunteer_user, self.coordinator):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Log.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.mine.with_user(user).read(["kind"])

    def test_municipal_contact_reads_their_units_lines_only(self):
        Log = self.Log.with_user(self.municipal_user)
        self.assertEqual(Log.search([("id", ">=", self.first_id)]), self.mine)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.municipal_user).read(["kind"])

    def test_administrator_reads_all_of_the_company(self):
        Log = self.Log.with_user(self.admin_user)
        self.assertEqual(Log.search([("id", ">=", self.first_id)]), self.mine | self.theirs)

    def test_nobody_writes_creates_or_deletes_a_line(self):
        line = self.mine[:1]
        for user in (self.municipal_user, self.admin_user):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):  # AccessError is one
                    line.with_user(user).write({"kind": "print"})
                with self.assertRaises(UserError):  # AccessError is one
                    line.with_user(user).unlink()
                with self.assertRaises(UserError):  # AccessError is one
                    self.Log.with_user(user).create(
                        {"user_id": user.id, "kind": "open", "company_id": self.env.company.id}
                    )
        # Not even the superuser, nor with a context key.
        for record in (line.sudo(), line.sudo().with_context(aktive_retention=True)):
            with self.assertRaises(UserError):
                record.write({"user_id": self.coordinator.id})
            with self.assertRaises(UserError):
                record.unlink()
        with self.assertRaises(UserError):
            line.sudo().copy()
        self.assertEqual(line.kind, "open")

    def test_log_menu_is_for_municipal_contacts_and_administrators(self):
        menu = self.env.ref("aktive_sammen_addon.aktive_access_log_menu")
        Menu = self.env["ir.ui.menu"]
        # Volunteers are portal users: no back-office menu at all (test_views_per_role.py).
        for user, visible in (
            (self.coordinator, False),
            (self.municipal_user, True),
            (self.admin_user, True),
        ):
            with self.subTest(user=user.login):
                self.assertEqual(
                    menu.id in Menu.with_user(user)._visible_menu_ids(), visible, user.login
                )


class TestAccessLogRetention(AccessLogCase):
    def age(self, line, months):
        self.env.cr.execute(
            SQL(
                "UPDATE aktive_access_log SET date = %s WHERE id = %s",
                fields.Datetime.now() - timedelta(days=31 * months),
                line.id,
            )
        )
        line.invalidate_recordset()

    def test_retention_removes_old_lines_only(self):
        self.env.company.aktive_access_log_months = 12
        for case in (self.participant, self.other):
            self.Log.with_user(self.coordinator)._log("open", case.ids)
        old, recent = self.lines()
        self.age(old, 13)
        self.age(recent, 11)
        self.env["aktive.participant"]._cron_retention()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())

    def test_default_retention_is_five_years(self):
        self.assertEqual(
            self.env["res.company"].create({"name": "New"}).aktive_access_log_months, 60
        )

    def test_settings_set_the_log_retention(self):
        settings = self.env["aktive.settings"].with_user(self.admin_user).create({})
        self.assertEqual(settings.access_log_months, self.env.company.aktive_access_log_months)
        settings.access_log_months = 36
        settings.action_save()
        self.assertEqual(self.env.company.aktive_access_log_months, 36)

    def test_deleted_case_keeps_its_lines_without_the_person(self):
        """The log is evidence of who read: a case deleted by retention keeps its lines,
        with who, what, when and the company - no longer the case (the name is nowhere)."""
        self.as_user(self.coordinator).web_read(FORM_SPEC)
        line = self.lines()
        self.env.company.aktive_retention_action = "delete"
        self.participant.write(
            {
                "state": "closed",
                "close_reason": "Moved",
                "date_closed": self.today - timedelta(days=800),
            }
        )
        self.env["aktive.participant"]._cron_retention()
        self.assertFalse(self.participant.exists())
        line.invalidate_recordset()
        self.assertTrue(line.exists())
        self.assertRecordValues(
            line,
            [
                {
                    "participant_id": False,
                    "user_id": self.coordinator.id,
                    "kind": "open",
                    "company_id": self.env.company.id,
                }
            ],
        )


class TestAccessLogQueries(AccessLogCase):
    def count_queries(self, func):
        self.commit()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        self.commit()
        return self.cr.sql_log_count - before

    def test_logging_adds_one_query_to_a_form_read(self):
        case = self.as_user(self.municipal_user)
        spec = {**FORM_SPEC, **NOTES_SPEC}
        case.web_read(spec)  # warm the access caches
        self.env.cr.precommit.clear()
        with self.Log._muted("open", "sensitive"):
            without = self.count_queries(lambda: case.web_read(spec))
        self.assertFalse(self.lines(), "muted: nothing logged")
        self.env.invalidate_all()
        with self.assertQueryCount(without + 1):
            case.web_read(spec)
        self.assertEqual(sorted(self.lines().mapped("kind")), ["open", "sensitive"])


@tagged("post_install", "-at_install")
class TestAccessLogHttp(HttpCase):
    """Through the web client's own calls, on Odoo's read-only request cursor (the test
    cursors play a read-only replica for the routes marked read-only)."""

    def setUp(self):
        super().setUp()
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.hilde = self.env.ref("aktive_sammen_addon.user_hilde_demo")
        self.authenticate("hilde", "hilde")

    def lines(self, kind):
        return (
            self.env["aktive.access.log"]
            .sudo()
            .search(
                [
                    ("user_id", "=", self.hilde.id),
                    ("participant_id", "=", self.arne.id),
                    ("kind", "=", kind),
                ]
            )
        )

    def call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_form_read_over_json_rpc_writes_the_line(self):
        before = self.lines("open")
        # Served read/write from the start (logs_access): no failed INSERT, no second run.
        with self.assertNoLogs("odoo.http", "WARNING"):
            result = self.call_kw(
                "aktive.participant", "web_read", [self.arne.ids], {"specification": FORM_SPEC}
            )
        self.assertEqual(result[0]["id"], self.arne.id)
        added = self.lines("open") - before
        self.assertEqual(len(added), 1)
        self.assertEqual(added.company_id, self.arne.company_id)

    def test_board_read_over_json_rpc_writes_none(self):
        before = self.env["aktive.access.log"].sudo().search_count([])
        self.call_kw(
            "aktive.participant",
            "web_search_read",
            [],
            {"domain": [("id", "=", self.arne.id)], "specification": CARD_SPEC},
        )
        self.assertEqual(self.env["aktive.access.log"].sudo().search_count([]), before)

    def test_notes_read_on_a_read_only_cursor_writes_the_line(self):
        """web_search_read stays read-only; its INSERT fails there, and Odoo serves the
        request again on a read/write cursor: the line is written all the same."""
        before = self.lines("sensitive")
        with self.assertLogs("odoo.http", "WARNING") as logs:
            result = self.call_kw(
                "aktive.sensitive.note",
                "web_search_read",
                [],
                {"domain": [("participant_id", "=", self.arne.id)], "specification": {"note": {}}},
            )
        self.assertIn("retrying with a read/write cursor", logs.output[0])
        self.assertTrue(result["records"], "Hilde reads Arne's notes")
        self.assertEqual(len(self.lines("sensitive") - before), 1)

    def test_printed_form_over_the_read_only_report_route_writes_the_line(self):
        before = self.lines("print")
        response = self.url_open(
            f"/report/html/aktive_sammen_addon.report_contact_form/{self.arne.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self.lines("print") - before), 1)
