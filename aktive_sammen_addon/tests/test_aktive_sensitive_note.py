"""The municipality's sensitive notes on a case (models/aktive_sensitive_note.py): health and
personal circumstances, written by the municipal contact persons of the case's unit, read by the
coordinator only where the person consented to sharing (``consent_share_coordinator``,
models/aktive_participant_consent.py), never by a volunteer. Also the access log lines of
models/aktive_sensitive_note_access_log.py and the volunteers' worries of
models/aktive_sensitive_note_report.py.

What the role table (tests/test_access_rights.py), the privacy channels, the access log and the
municipal path tests pin already is not repeated: here the defaults, the order, the tracked
fields, bad input, a copy, an unchanged link sent again, the contact person of another unit,
withdrawn consent, the administrator, both kinds of volunteer, the company rule, notes of two
cases in one read, and a worry with nobody to tell or with markup in it."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from psycopg2 import IntegrityError

from .common import AktiveCase
from .test_access_log import AccessLogCase
from .test_access_rights import AccessCase

NOTE = "aktive.sensitive.note"


@tagged("post_install", "-at_install")
class TestSensitiveNoteRecord(AccessCase):
    def write_note(self, **vals):
        Note = self.as_role("municipal", NOTE)
        return Note.create({"participant_id": self.participant.id, "note": "Fell at home", **vals})

    def test_a_bare_note_is_a_health_note_of_today_signed_by_its_writer(self):
        note = self.write_note()
        self.assertRecordValues(
            note,
            [
                {
                    "kind": "health",
                    "date": self.today,
                    "author_id": self.municipal_user.id,
                    "volunteer_report": False,
                    "company_id": self.participant.company_id.id,
                }
            ],
        )

    def test_newest_first_and_the_latest_written_first_within_a_day(self):
        notes = [
            self.write_note(date=self.today - timedelta(days=days), note=f"{days}")
            for days in (2, 0, 5, 0)
        ]
        found = self.as_role("municipal", NOTE).search([("id", "in", [n.id for n in notes])])
        self.assertEqual(found.mapped("note"), ["0", "0", "2", "5"])
        self.assertEqual(found[:2].ids, [notes[3].id, notes[1].id])

    def test_kind_and_date_are_tracked_as_the_text_is(self):
        # the note's creation, logged at the commit of the set-up: changes after it are tracked
        self.cr.precommit.run()
        note = self.as_role("municipal", NOTE).browse(self.note.id)
        note.write({"kind": "personal", "date": self.today - timedelta(days=3)})
        self.cr.precommit.run()  # tracking values are written when the transaction commits
        self.note.invalidate_recordset(["message_ids"])
        values = self.note.message_ids.tracking_value_ids
        self.assertEqual(sorted(values.field_id.mapped("name")), ["date", "kind"])
        self.assertEqual(values.mail_message_id.author_id, self.municipal_user.partner_id)

    def test_bad_input_is_refused_by_name(self):
        cases = (
            ({"kind": "diagnosis"}, "Kind"),
            ({"date": "2026-02-30"}, "Date"),
            ({"diagnosis": "x"}, "diagnosis"),
        )
        note = self.as_role("municipal", NOTE).browse(self.note.id)
        count = self.env[NOTE].search_count([])
        for vals, says in cases:
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(ValidationError, says):
                    self.write_note(**vals)
                with self.assertRaisesRegex(ValidationError, says):
                    note.write(vals)
        with self.assertRaisesRegex(ValidationError, "Participant"):
            self.write_note(participant_id="Arne")
        # on a note, a person that is no id is refused as a move before its type is looked at
        with self.assertRaises(AccessError):
            note.write({"participant_id": "Arne"})
        self.assertEqual(self.env[NOTE].search_count([]), count)
        self.note.invalidate_recordset()
        self.assertEqual((self.note.kind, self.note.note), ("health", "Heart condition"))

    def test_only_the_volunteers_pages_mark_a_volunteers_report(self):
        """The flag lists a note under *Reports from volunteers*, in a volunteer's name:
        a case worker's own note never carries it, sent over RPC or not."""
        Note = self.as_role("municipal", NOTE)
        note = Note.create(
            {"participant_id": self.participant.id, "note": "Heart", "volunteer_report": True}
        )
        self.assertFalse(note.volunteer_report)
        with self.assertRaises(AccessError):
            note.write({"volunteer_report": True})
        self.assertFalse(note.volunteer_report)
        note.write({"volunteer_report": False, "note": "Heart, checked"})  # a form sends it

    def test_a_note_cannot_be_dated_in_the_future(self):
        """As in the contact log: on create and on write, and the stored date stays."""
        Note = self.as_role("municipal", NOTE)
        tomorrow = self.today + timedelta(days=1)
        before = Note.search_count([])
        # Odoo's assertRaises: the refused change is rolled back, as the request's would be.
        with self.assertRaises(ValidationError) as refused:
            Note.create({"participant_id": self.participant.id, "note": "x", "date": tomorrow})
        self.assertIn("future", str(refused.exception))
        self.assertEqual(Note.search_count([]), before)
        note = Note.create({"participant_id": self.participant.id, "note": "Heart"})
        with self.assertRaises(ValidationError):
            note.write({"date": tomorrow})
        self.assertEqual(note.date, self.today)

    def test_a_note_needs_its_text(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.as_role("municipal", NOTE).create({"participant_id": self.participant.id})

    def test_unchanged_person_and_author_may_be_sent_again(self):
        """A form saves every field: the note's own person and author are no move."""
        note = self.as_role("municipal", NOTE).browse(self.note.id)
        note.write(
            {
                "participant_id": self.participant.id,
                "author_id": self.note.author_id.id,
                "note": "Heart condition, stable",
            }
        )
        self.assertEqual(self.note.note, "Heart condition, stable")

    def test_a_copy_is_signed_by_the_copier_and_is_no_volunteers_report(self):
        worry = self.env[NOTE]._aktive_report_worry(
            self.participant, self.volunteer_user, "Has fallen twice"
        )
        self.assertEqual(worry.author_id, self.volunteer_user)
        copy = self.as_role("municipal", NOTE).browse(worry.id).copy()
        self.assertRecordValues(
            copy,
            [
                {
                    "participant_id": self.participant.id,
                    "note": "Has fallen twice",
                    "author_id": self.municipal_user.id,
                    "volunteer_report": False,
                }
            ],
        )
        self.assertFalse(copy.activity_ids, "the worry's task stays on the worry")


@tagged("post_install", "-at_install")
class TestSensitiveNoteReaders(AccessCase):
    def test_the_contact_person_of_another_units_case_writes_its_notes(self):
        self.foreign.municipal_contact_id = self.municipal_user.partner_id
        Note = self.as_role("municipal", NOTE)
        self.assertIn(self.foreign_note, Note.search([]))
        Note.browse(self.foreign_note.id).write({"note": "Other, seen at home"})
        new = Note.create({"participant_id": self.foreign.id, "note": "Lives alone"})
        self.assertEqual(new.author_id, self.municipal_user)
        # no longer the contact person: the notes are closed again, their own too
        self.foreign.municipal_contact_id = False
        Note = self.as_role("municipal", NOTE)
        self.assertFalse(Note.search([("participant_id", "=", self.foreign.id)]))
        with self.assertDenied("municipal", NOTE, "read", "record rule"):
            Note.browse(new.id).read(["note"])

    def test_withdrawn_consent_closes_the_notes_to_the_coordinator(self):
        self.participant.with_user(self.municipal_user).consent_share_coordinator = True
        case = self.as_role("coordinator", "aktive.participant").browse(self.participant.id)
        self.assertEqual(case.sensitive_note_ids, self.note)
        case.action_withdraw_consent()
        self.assertFalse(self.participant.consent_share_coordinator)
        Note = self.as_role("coordinator", NOTE)
        self.assertFalse(Note.search([("participant_id", "=", self.participant.id)]))
        with self.assertDenied("coordinator", NOTE, "read", "record rule"):
            Note.browse(self.note.id).read(["note"])
        case = self.as_role("coordinator", "aktive.participant").browse(self.participant.id)
        self.assertFalse(case.sensitive_note_ids)
        # the municipality keeps them
        self.assertEqual(self.as_role("municipal", NOTE).browse(self.note.id).note, self.note.note)

    def test_the_administrator_is_no_back_door(self):
        """The administrator (Aktive Sammen and Odoo's settings) reads as a coordinator: with
        the person's consent only, and never writes."""
        Note = self.as_role("admin", NOTE)
        self.assertFalse(Note.search([("participant_id", "=", self.participant.id)]))
        with self.assertDenied("admin", NOTE, "read", "record rule"):
            Note.browse(self.note.id).read(["note"])
        with self.assertDenied("admin", NOTE, "create", "acl"):
            Note.create({"participant_id": self.participant.id, "note": "By the admin"})
        self.participant.with_user(self.municipal_user).consent_share_coordinator = True
        Note = self.as_role("admin", NOTE)
        self.assertEqual(Note.browse(self.note.id).note, "Heart condition")
        with self.assertDenied("admin", NOTE, "write", "acl"):
            Note.browse(self.note.id).write({"note": "Changed"})
        with self.assertDenied("admin", NOTE, "unlink", "acl"):
            Note.browse(self.note.id).unlink()
        self.assertEqual(self.note.note, "Heart condition")

    def test_no_volunteer_reaches_a_note_in_any_way(self):
        """Portal volunteers and staff who volunteer alike: no access right at all, even on
        the notes of the person they help."""
        staff = self.new_staff_volunteer("sensitive_note_staff_volunteer")
        for role, user in (("volunteer", self.volunteer_user), ("staff_volunteer", staff)):
            with self.subTest(role=role):
                self.env.invalidate_all()
                Note = self.env[NOTE].with_user(user)
                with self.assertDenied(role, NOTE, "read", "acl"):
                    Note.browse(self.note.id).read(["note"])
                with self.assertDenied(role, NOTE, "create", "acl"):
                    Note.create({"participant_id": self.participant.id, "note": "Seems tired"})
                with self.assertDenied(role, NOTE, "write", "acl"):
                    Note.browse(self.note.id).write({"note": "Changed"})
                with self.assertDenied(role, NOTE, "unlink", "acl"):
                    Note.browse(self.note.id).unlink()
        self.assertEqual(self.note.note, "Heart condition")

    def test_another_companys_case_is_closed_even_to_its_contact_person(self):
        """The municipal user is the contact person of a case of another company, but a user
        of this one only: the company rule wins over the contact person's rule."""
        company = self.env["res.company"].create({"name": "Vennesla frivilligsentral"})
        env = self.env(context=dict(self.env.context, allowed_company_ids=company.ids))
        elsewhere = env["aktive.participant"].create(
            {
                "name": "Elsewhere",
                "company_id": company.id,
                "municipal_contact_id": self.municipal_user.partner_id.id,
            }
        )
        theirs = env[NOTE].create({"participant_id": elsewhere.id, "note": "Heart"})
        Note = self.as_role("municipal", NOTE)
        self.assertNotIn(theirs, Note.search([]))
        with self.assertDenied("municipal", NOTE, "read", "company"):
            Note.browse(theirs.id).read(["note"])
        with self.assertDenied("municipal", NOTE, "create", "company"):
            Note.create({"participant_id": elsewhere.id, "note": "Lives alone"})
        # a user of both companies, with both selected, reads it
        self.municipal_user.company_ids = [Command.link(company.id)]
        both = (self.env.company | company).ids
        Note = self.as_role("municipal", NOTE).with_context(allowed_company_ids=both)
        self.assertEqual(Note.browse(theirs.id).note, "Heart")


@tagged("post_install", "-at_install")
class TestSensitiveNoteAccessLog(AccessLogCase):
    def test_notes_of_two_cases_read_at_once_write_a_line_each(self):
        self.other.municipal_contact_id = self.municipal_user.partner_id
        other_note = self.env[NOTE].create({"participant_id": self.other.id, "note": "Diabetes"})
        both = (self.notes | other_note).with_user(self.municipal_user)
        both.read(["note"])
        self.assertEqual(
            sorted(self.lines(kind="sensitive").participant_id.ids),
            sorted((self.participant | self.other).ids),
        )
        self.assertEqual(len(self.lines()), 2, "one per case: three notes, two lines")

    def test_the_lists_export_writes_a_line_as_a_read_does(self):
        """The Export button reads the text without _read_format: it logs by itself."""
        self.municipal_user.group_ids += self.env.ref("base.group_allow_export")
        self.other.municipal_contact_id = self.municipal_user.partner_id
        other_note = self.env[NOTE].create({"participant_id": self.other.id, "note": "Diabetes"})
        both = (self.notes | other_note).with_user(self.municipal_user)
        rows = both.export_data(["note", "date"])["datas"]
        self.assertCountEqual(
            [row[0] for row in rows], ["Heart condition", "Lost her husband", "Diabetes"]
        )
        self.assertEqual(
            sorted(self.lines(kind="sensitive").participant_id.ids),
            sorted((self.participant | self.other).ids),
        )

    def test_the_text_cannot_be_read_grouped(self):
        """A grouped read would return the text of many notes and log none: refused, and
        "Note" is no group-by choice. Grouping on the rest (kind, date) still works."""
        Note = self.notes.with_user(self.municipal_user).browse()
        for groupby, aggregates in ((["note"], []), (["kind"], ["note:array_agg"])):
            with self.subTest(groupby=groupby, aggregates=aggregates):
                with self.assertRaises(AccessError):
                    Note.formatted_read_group([], groupby, aggregates)
        self.assertFalse(Note.fields_get(["note"], ["groupable"])["note"]["groupable"])
        groups = Note.formatted_read_group([], ["kind"], ["__count"])
        self.assertEqual({g["kind"]: g["__count"] for g in groups}, {"health": 1, "personal": 1})
        self.assertFalse(self.lines())

    def test_a_refused_read_writes_no_line(self):
        """Without the person's consent the coordinator reads nothing, and nothing is
        logged as read."""
        with self.assertDenied("coordinator", NOTE, "read", "record rule"):
            self.notes.with_user(self.coordinator).read(["note"])
        self.assertFalse(self.lines())


@tagged("post_install", "-at_install")
class TestVolunteerWorry(AktiveCase):
    def worry(self, text="Has fallen twice this week"):
        return (
            self.env[NOTE]
            .with_user(self.volunteer_user)
            ._aktive_report_worry(self.participant, self.volunteer_user, text)
        )

    def test_a_worry_with_nobody_to_tell_is_refused_and_kept_nowhere(self):
        self.assertFalse(
            self.participant.municipal_contact_id or self.participant.municipal_unit_id
        )
        with self.assertRaisesRegex(ValidationError, "No municipal contact person"):
            self.worry()
        self.assertFalse(self.env[NOTE].search([("participant_id", "=", self.participant.id)]))
        # a unit without users or contact person is nobody to tell either
        self.participant.municipal_unit_id = self.env["aktive.municipal.unit"].create(
            {"name": "Empty unit"}
        )
        with self.assertRaisesRegex(ValidationError, "No municipal contact person"):
            self.worry()

    def test_a_contact_person_outside_the_database_gets_the_worry_by_mail(self):
        """No user of theirs may write the note, so the case log's rule (no note to anyone
        who may not write the record) would drop them: the system's own notification to
        them goes out, and to them only."""
        self.relative.email = "kari@kommune.example"
        self.participant.municipal_contact_id = self.relative
        note = self.worry("Har falt to ganger")
        mails = (
            self.env["mail.mail"].sudo().search([("model", "=", NOTE), ("res_id", "=", note.id)])
        )
        self.assertEqual(mails.recipient_ids, self.relative)
        self.assertIn("Har falt to ganger", str(mails.body_html))
        notified = self.env["mail.notification"].search(
            [("mail_message_id.model", "=", NOTE), ("mail_message_id.res_id", "=", note.id)]
        )
        self.assertEqual(notified.res_partner_id, self.relative)
        self.assertFalse(note.activity_ids, "no user to give a task to")
        # any other note on it still reaches no one who may not write it, even the system's
        note.message_post(
            body="Ring Kari", partner_ids=self.relative.ids, subtype_xmlid="mail.mt_note"
        )
        self.assertEqual(
            self.env["mail.notification"].search(
                [("mail_message_id.model", "=", NOTE), ("mail_message_id.res_id", "=", note.id)]
            ),
            notified,
            "no second notification",
        )

    def test_markup_in_a_worry_stays_text(self):
        unit = self.env["aktive.municipal.unit"].create(
            {"name": "Home care", "user_ids": [Command.set(self.municipal_user.ids)]}
        )
        self.participant.municipal_unit_id = unit
        text = "<img src=x onerror=alert(1)> fell <b>twice</b>"
        note = self.worry(text)
        self.assertEqual(note.note, text, "the note keeps what was written, as plain text")
        activity = str(note.activity_ids.note)
        self.assertNotIn("<img", activity)
        self.assertNotIn("<b>", activity)
        self.assertIn("&lt;b&gt;twice&lt;/b&gt;", activity)
