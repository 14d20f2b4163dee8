"""The contact log (models/aktive_contact_log.py): the visits and calls a volunteer or a
coordinator logs with a participant. What the role table (tests/test_access_rights.py) and the
portal (tests/test_portal.py) do not pin already: the defaults, the newest-first order, the
checks on the date and the hours, authorship taken from the user (a coordinator alone logs for
another user), moving an entry, who may delete, the municipality reading without writing,
an ended assignment, and the company rule."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from psycopg2 import IntegrityError

from .common import AktiveCase
from .test_access_rights import AccessCase

LOG = "aktive.contact.log"


@tagged("post_install", "-at_install")
class TestContactLogEntry(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_member(cls, cls.volunteer)

    def log(self, user=None, **vals):
        Log = self.env[LOG].with_user(user or self.volunteer_user)
        return Log.create({"participant_id": self.participant.id, **vals})

    def assertNotWritten(self, entry, vals, says):
        """Writing vals is refused with a message that says so; the entry reads as before
        (from the database: a refused write leaves its values in the cache)."""
        before = entry.read(list(vals))
        with self.assertRaisesRegex(ValidationError, says), self.env.cr.savepoint():
            entry.write(vals)
        entry.invalidate_recordset()
        self.assertEqual(entry.read(list(vals)), before)

    def test_a_bare_entry_is_a_visit_today_by_the_logger(self):
        entry = self.log()
        self.assertRecordValues(
            entry,
            [
                {
                    "date": self.today,
                    "kind": "visit",
                    "hours": 0.0,
                    "note": False,
                    "user_id": self.volunteer_user.id,
                    "company_id": self.participant.company_id.id,
                }
            ],
        )

    def test_the_company_is_the_participants_not_the_loggers(self):
        company = self.env["res.company"].create({"name": "Vennesla frivilligsentral"})
        env = self.env(context=dict(self.env.context, allowed_company_ids=company.ids))
        elsewhere = env["aktive.participant"].create(
            {"name": "Elsewhere", "company_id": company.id}
        )
        # logged from the main company: the entry is of the person's company all the same
        entry = self.env[LOG].create({"participant_id": elsewhere.id})
        self.assertNotEqual(self.env.company, company)
        self.assertEqual(entry.company_id, company)

    def test_newest_first_and_the_latest_logged_first_within_a_day(self):
        days = (3, 0, 1, 0)
        entries = [self.log(date=self.today - timedelta(days=d), note=f"{d}") for d in days]
        found = self.env[LOG].search([("participant_id", "=", self.participant.id)])
        self.assertEqual(found.mapped("note"), ["0", "0", "1", "3"])
        # of two entries of one day, the one logged last comes first
        self.assertEqual(found[:2].ids, [entries[3].id, entries[1].id])

    def test_a_contact_cannot_be_logged_in_the_future(self):
        tomorrow = self.today + timedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "future"):
            self.log(date=tomorrow)
        entry = self.log(date=self.today)
        self.assertNotWritten(entry, {"date": tomorrow}, "future")

    def test_hours_are_between_0_and_24(self):
        for hours in (0, 1.5, 24):
            with self.subTest(hours=hours):
                self.assertEqual(self.log(hours=hours).hours, hours)
        with self.assertRaisesRegex(ValidationError, "between 0 and 24"):
            self.log(hours=24.25)
        entry = self.log(hours=2)
        for hours in (-0.5, 25):
            with self.subTest(hours=hours):
                self.assertNotWritten(entry, {"hours": hours}, "between 0 and 24")

    def test_negative_hours_at_creation_stop_at_the_database_with_its_message(self):
        """The row is inserted before the Python check runs: the database's constraint
        refuses it, and its message is what a user is shown (Odoo's RPC turns the integrity
        error into a ValidationError with that message)."""
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError) as caught:
            with self.env.cr.savepoint():
                self.log(hours=-1)
        message = self.env[LOG]._sql_error_to_message(caught.exception)
        self.assertEqual(message, "The hours of a contact cannot be negative.")

    def test_values_of_the_wrong_kind_are_refused_by_name(self):
        entry = self.log()
        cases = (
            ({"kind": "party"}, "Kind"),
            ({"hours": "mange"}, "Hours"),
            ({"date": "31.02.2026"}, "Date"),
            ({"user_id": "mahmoud"}, "Logged by"),
            ({"smiley": 1}, "smiley"),
        )
        count = self.env[LOG].search_count([])
        for vals, says in cases:
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(ValidationError, says):
                    entry.with_user(self.coordinator).write(vals)
                with self.assertRaisesRegex(ValidationError, says):
                    self.log(user=self.coordinator, **vals)
        entry.invalidate_recordset()
        self.assertEqual((entry.kind, entry.hours), ("visit", 0.0))
        self.assertEqual(self.env[LOG].search_count([]), count)


@tagged("post_install", "-at_install")
class TestContactLogAuthorship(AccessCase):
    def test_a_coordinator_logs_for_another_user(self):
        """A group activity: the coordinator logs the volunteer's visit; the admin may too."""
        for role in ("coordinator", "admin"):
            with self.subTest(role=role):
                Log = self.as_role(role, LOG)
                theirs = Log.create(
                    {"participant_id": self.participant.id, "user_id": self.volunteer_user.id}
                )
                self.assertEqual(theirs.user_id, self.volunteer_user)
                own = Log.create({"participant_id": self.participant.id})
                self.assertEqual(own.user_id, self.roles[role])

    def test_a_staff_volunteer_logs_as_themselves_for_every_entry(self):
        """An internal user with the Volunteer group is no coordinator: whatever user each
        entry of one call names, every entry is theirs."""
        staff = self.new_staff_volunteer("contact_log_staff_volunteer")
        entries = (
            self.env[LOG]
            .with_user(staff)
            .create(
                [
                    {"participant_id": self.participant.id, "user_id": self.volunteer_user.id},
                    {"participant_id": self.participant.id, "user_id": self.coordinator.id},
                    {"participant_id": self.participant.id},
                ]
            )
        )
        self.assertEqual(entries.mapped("user_id"), staff)
        self.assertEqual(len(entries), 3)

    def test_unchanged_links_may_be_sent_again_the_user_changed_only_by_a_coordinator(self):
        """A form saves every field: the entry's own participant and user are no move. The
        coordinator gives an entry to another user; no one moves it to another case (an
        entry logged on the wrong person is logged again there: test_case_integrity.py)."""
        entry = self.as_role("volunteer", LOG).browse(self.log.id)
        entry.write(
            {
                "participant_id": self.participant.id,
                "user_id": self.volunteer_user.id,
                "kind": "phone",
            }
        )
        self.assertEqual(entry.kind, "phone")
        moved = self.as_role("coordinator", LOG).browse(self.log.id)
        moved.write({"user_id": self.coordinator.id})
        log = self.log.sudo()  # created as the volunteer, who no longer reads it
        self.assertEqual(log.user_id, self.coordinator)
        with self.assertRaises(AccessError):
            moved.write({"participant_id": self.foreign.id})
        self.assertEqual(log.participant_id, self.participant)


@tagged("post_install", "-at_install")
class TestContactLogAccess(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the coordinator's own entry on the case of the other unit
        cls.foreign_log = (
            cls.env[LOG]
            .with_user(cls.coordinator)
            .create({"participant_id": cls.foreign.id, "note": "Phoned the daughter"})
        )

    def test_a_volunteer_cannot_delete_even_their_own_entry(self):
        entry = self.as_role("volunteer", LOG).browse(self.log.id)
        self.assertEqual(entry.note, "Coffee and books", "they read it")
        with self.assertDenied("volunteer", LOG, "unlink", "acl"):
            entry.unlink()
        self.assertTrue(self.log.exists())
        # a coordinator deletes an entry made by mistake
        self.as_role("coordinator", LOG).browse(self.log.id).unlink()
        self.assertFalse(self.log.exists())

    def test_the_municipality_reads_the_log_but_never_writes_it(self):
        Log = self.as_role("municipal", LOG)
        entry = Log.browse(self.log.id)
        self.assertEqual(entry.note, "Coffee and books")
        with self.assertDenied("municipal", LOG, "create", "acl"):
            Log.create({"participant_id": self.participant.id, "note": "Home visit"})
        with self.assertDenied("municipal", LOG, "write", "acl"):
            entry.write({"note": "Changed"})
        with self.assertDenied("municipal", LOG, "unlink", "acl"):
            entry.unlink()
        self.assertEqual(self.log.note, "Coffee and books")

    def test_the_municipality_reads_only_the_cases_of_its_units_or_its_own(self):
        Log = self.as_role("municipal", LOG)
        self.assertNotIn(self.foreign_log, Log.search([]))
        with self.assertDenied("municipal", LOG, "read", "record rule"):
            Log.browse(self.foreign_log.id).read(["note"])
        # as the contact person of that case, they read its log too
        self.foreign.municipal_contact_id = self.municipal_user.partner_id
        Log = self.as_role("municipal", LOG)
        self.assertIn(self.foreign_log, Log.search([]))
        self.assertEqual(Log.browse(self.foreign_log.id).note, "Phoned the daughter")

    def test_an_ended_assignment_ends_the_volunteers_log_too(self):
        self.member.action_end()
        Log = self.as_role("volunteer", LOG)
        self.assertFalse(Log.search([]))
        with self.assertDenied("volunteer", LOG, "read", "record rule"):
            Log.browse(self.log.id).read(["note"])
        with self.assertDenied("volunteer", LOG, "write", "record rule"):
            Log.browse(self.log.id).write({"note": "Changed afterwards"})
        with self.assertDenied("volunteer", LOG, "create", "record rule"):
            Log.create({"participant_id": self.participant.id, "note": "One more visit"})
        # the entry is kept, for the coordinator
        self.assertEqual(self.as_role("coordinator", LOG).browse(self.log.id).note, self.log.note)

    def test_another_companys_case_is_closed_even_to_its_volunteer(self):
        """The volunteer helps a person of another company, but is a user of this one only:
        the company rule wins over the volunteer's own rule, and the coordinator's."""
        company = self.env["res.company"].create({"name": "Vennesla frivilligsentral"})
        env = self.env(context=dict(self.env.context, allowed_company_ids=company.ids))
        elsewhere = env["aktive.participant"].create(
            {"name": "Elsewhere", "company_id": company.id}
        )
        # A volunteer who served both municipalities, and serves only this one now.
        self.volunteer.aktive_company_ids |= company
        env["aktive.network.member"].create(
            {"participant_id": elsewhere.id, "partner_id": self.volunteer.id}
        )
        theirs = env[LOG].create(
            {"participant_id": elsewhere.id, "user_id": self.volunteer_user.id, "note": "Walk"}
        )
        self.volunteer.aktive_company_ids -= company
        for role in ("volunteer", "coordinator"):
            with self.subTest(role=role):
                Log = self.as_role(role, LOG)
                self.assertNotIn(theirs, Log.search([]))
                with self.assertDenied(role, LOG, "read", "company"):
                    Log.browse(theirs.id).read(["note"])
                with self.assertDenied(role, LOG, "create", "company"):
                    Log.create({"participant_id": elsewhere.id, "note": "Walk again"})
        # once a user of both companies, the coordinator sees it with both selected
        self.coordinator.company_ids = [Command.link(company.id)]
        both = (self.env.company | company).ids
        Log = self.as_role("coordinator", LOG).with_context(allowed_company_ids=both)
        self.assertIn(theirs, Log.search([]))
