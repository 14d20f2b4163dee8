"""Access per role, row by row as the table in README.md ("Who may do what") states it.
Each test logs in as one role and proves what it may and may not do - on the participant and
its parts, the municipality's notes (models/aktive_sensitive_note.py), the volunteers' own
log (models/aktive_contact_log.py) and the files of a case (models/ir_attachment.py)."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import freeze_time
from odoo.tools import mute_logger
from psycopg2 import ProgrammingError

from .common import SIGNED
from .common import AktiveCase


@tagged("post_install", "-at_install")
class AccessCase(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_units()
        cls.participant.write(
            {
                "phone": "913 45 678",
                "street": "Heiveien 12",
                "birthdate": "1941-03-14",
                "referral_source": "relative",
                "target_group": "senior",
                "consent_given": True,
                "consent_date": cls.today,
                "life_story": "<p>Widower</p>",
            }
        )
        cls.foreign = cls.env["aktive.participant"].create(
            {"name": "Foreign Person", "municipal_unit_id": cls.other_unit.id}
        )
        Member = cls.env["aktive.network.member"]
        cls.member = Member.create(
            {"participant_id": cls.participant.id, "partner_id": cls.volunteer.id}
        )
        cls.volunteer2_user = new_test_user(
            cls.env, login="aktive_volunteer2", groups="aktive_sammen_addon.group_aktive_volunteer"
        )
        cls.volunteer2_user.partner_id.write(
            {
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": cls.today,
                "aktive_confidentiality_document": SIGNED,
                "aktive_police_certificate_date": cls.today,
            }
        )
        Member.create(
            {"participant_id": cls.participant.id, "partner_id": cls.volunteer2_user.partner_id.id}
        )
        Member.create({"participant_id": cls.foreign.id, "partner_id": cls.relative.id})
        Wish = cls.env["aktive.wish"]
        cls.wish = Wish.create({"participant_id": cls.participant.id, "name": "Lions"})
        cls.foreign_wish = Wish.create({"participant_id": cls.foreign.id, "name": "Secret wish"})
        Note = cls.env["aktive.sensitive.note"]
        cls.note = Note.create({"participant_id": cls.participant.id, "note": "Heart condition"})
        cls.foreign_note = Note.create({"participant_id": cls.foreign.id, "note": "Other"})
        Log = cls.env["aktive.contact.log"]
        cls.log = Log.with_user(cls.volunteer_user).create(
            {"participant_id": cls.participant.id, "note": "Coffee and books"}
        )
        cls.other_log = Log.with_user(cls.volunteer2_user).create(
            {"participant_id": cls.participant.id, "note": "Walk in the park"}
        )
        cls.followup = cls.env["aktive.followup"].create(
            {"participant_id": cls.participant.id, "date_planned": cls.today}
        )
        cls.participant.message_post(
            body="Internal: hospital stay planned", subtype_xmlid="mail.mt_note"
        )
        cls.env.invalidate_all()

    def as_role(self, role, model):
        self.env.invalidate_all()
        return self.env[model].with_user(self.roles[role])

    def assertFoundNothing(self, Model, domain):
        """Nothing found, or not even allowed to search (a portal volunteer has no access
        right at all on some core models, e.g. attachments): both deny."""
        try:
            found = Model.search(domain)
        except AccessError:
            return
        self.assertFalse(found)


class TestVolunteerAccess(AccessCase):
    # Row V1: sees only the participants whose network they are an active member of.
    def test_v1_sees_only_participants_they_help(self):
        Participant = self.as_role("volunteer", "aktive.participant")
        self.assertEqual(Participant.search([]), self.participant)
        self.assertEqual(Participant.search_count([]), 1)
        with self.assertRaises(AccessError):
            Participant.browse(self.foreign.id).read(["name"])
        self.assertFalse(Participant.name_search("Foreign"))

    def test_v1_participant_contact_cards_follow_the_participant(self):
        """The contact card under a participant (name, phone, address) is no back door."""
        mine, foreign = self.participant.partner_id, self.foreign.partner_id
        # the relative is in the foreign case's network: as private as that case (row X5)
        both = [("id", "in", (mine | foreign | self.relative | self.organisation).ids)]
        Partner = self.as_role("volunteer", "res.partner")
        found = Partner.search_read(both, ["name", "phone", "street"])
        self.assertEqual({r["id"] for r in found}, {mine.id, self.organisation.id})
        self.assertEqual(next(r["phone"] for r in found if r["id"] == mine.id), "913 45 678")
        self.assertTrue(Partner.name_search("Arne Test"))
        self.assertFalse(Partner.name_search("Foreign Person"))
        with self.assertRaises(AccessError):
            Partner.browse(foreign.id).read(["phone"])
        # an ordinary contact, and the volunteer's own card, are visible as before
        self.assertEqual(Partner.browse(self.organisation.id).name, "Lions Test")
        self.assertEqual(Partner.browse(self.volunteer.id).name, "Mahmoud Test")
        # the case itself still shows the phone (read through the card as superuser)
        self.assertEqual(
            self.as_role("volunteer", "aktive.participant").browse(self.participant.id).phone,
            "913 45 678",
        )
        # the coordinator sees both cards
        Partner = self.as_role("coordinator", "res.partner")
        self.assertEqual(Partner.search(both), mine | foreign | self.relative | self.organisation)
        self.assertTrue(Partner.name_search("Foreign Person"))

    def test_v1_ended_assignment_ends_the_contact_card_too(self):
        self.member.action_end()
        Partner = self.as_role("volunteer", "res.partner")
        self.assertFalse(Partner.search([("id", "=", self.participant.partner_id.id)]))

    def test_v1_contact_card_of_another_company_is_invisible(self):
        other_company = self.env["res.company"].create({"name": "Other municipality"})
        elsewhere = self.env["aktive.participant"].create(
            {"name": "Elsewhere Person", "company_id": other_company.id}
        )
        # A volunteer who served both municipalities, and serves only this one now.
        self.volunteer.aktive_company_ids |= other_company
        self.env["aktive.network.member"].create(
            {"participant_id": elsewhere.id, "partner_id": self.volunteer.id}
        )
        self.volunteer.aktive_company_ids -= other_company
        elsewhere.partner_id.company_id = False  # a card shared by the companies
        Partner = self.as_role("volunteer", "res.partner")
        self.assertFalse(Partner.search([("id", "=", elsewhere.partner_id.id)]))
        self.assertFalse(Partner.name_search("Elsewhere Person"))

    def test_v1_no_case_through_a_login_without_declaration(self):
        """A relative in the other network needs no declaration; given a login she could read
        that case through the volunteer rule, so the login needs the declaration first."""
        login = {
            "login": "aktive_relative",
            "groups": "base.group_portal,aktive_sammen_addon.group_aktive_volunteer",
            "partner_id": self.relative.id,
            "name": "Kari Test",
        }
        with self.assertRaises(ValidationError) as refused:  # in a savepoint, unlike ...Regex
            new_test_user(self.env, **login)
            self.env.flush_all()
        self.assertIn("confidentiality declaration", str(refused.exception))
        self.relative.write(
            {"aktive_confidentiality_date": self.today, "aktive_confidentiality_document": SIGNED}
        )
        kari = new_test_user(self.env, **login)
        self.env.flush_all()
        self.assertEqual(self.env["aktive.participant"].with_user(kari).search([]), self.foreign)
        with self.assertRaisesRegex(ValidationError, "cannot be removed"):
            self.relative.aktive_confidentiality_date = False

    def test_v1_ended_assignment_ends_access(self):
        self.member.action_end()
        Participant = self.as_role("volunteer", "aktive.participant")
        self.assertFalse(Participant.search([]))

    def end_member_on(self, until):
        """The volunteer's assignment planned to end on `until`; the daily job not run."""
        self.member.write({"date_start": self.today - timedelta(days=30), "date_end": until})
        self.assertTrue(self.member.active)

    def assertVolunteerSeesNothing(self):
        """Every way in to the case for the volunteer, as RPC offers it: the case (search,
        read, name search, count), its wishes, its network, its contact card, the volunteer's
        own contact log entries, and a new entry."""
        for model, record in (
            ("aktive.participant", self.participant),
            ("aktive.wish", self.wish),
            ("aktive.network.member", self.member),
            ("res.partner", self.participant.partner_id),
            ("aktive.contact.log", self.log),
        ):
            Model = self.as_role("volunteer", model)
            with self.subTest(model=model):
                self.assertNothingFound(
                    Model.search([("id", "=", record.id)]), "volunteer", model, "search", "rule"
                )
                with self.assertDenied("volunteer", model, "read", "record rule"):
                    Model.browse(record.id).read(["display_name"])
        Participant = self.as_role("volunteer", "aktive.participant")
        self.assertFalse(Participant.search_read([], ["name", "phone"]))
        self.assertFalse(Participant.name_search("Arne"))
        self.assertEqual(Participant.search_count([]), 0)
        self.assertFalse(self.as_role("volunteer", "res.partner").name_search("Arne Test"))
        with self.assertDenied("volunteer", "aktive.contact.log", "create", "record rule"):
            self.as_role("volunteer", "aktive.contact.log").create(
                {"participant_id": self.participant.id, "note": "After the end"}
            )

    def test_v1_assignment_past_its_until_date_ends_access(self):
        """Until yesterday: the access ended at midnight, whether or not the daily job has
        archived the assignment yet."""
        self.end_member_on(self.today - timedelta(days=1))
        self.assertFalse(self.member.is_current)
        self.assertVolunteerSeesNothing()

    def test_v1_assignment_until_today_keeps_access(self):
        """The Until day itself is still the volunteer's."""
        self.end_member_on(self.today)
        self.assertTrue(self.member.is_current)
        Participant = self.as_role("volunteer", "aktive.participant")
        self.assertEqual(Participant.search([]), self.participant)
        self.assertEqual(Participant.browse(self.participant.id).phone, "913 45 678")
        self.assertEqual(self.as_role("volunteer", "aktive.wish").search([]), self.wish)
        self.assertIn(self.member, self.as_role("volunteer", "aktive.network.member").search([]))
        self.assertTrue(
            self.as_role("volunteer", "res.partner").search(
                [("id", "=", self.participant.partner_id.id)]
            )
        )
        self.assertEqual(self.as_role("volunteer", "aktive.contact.log").search([]), self.log)

    def test_v1_access_ends_at_midnight_with_warm_caches(self):
        """The rules are cached per user (ir.rule._compute_domain): the day is computed when
        each query is built, so the cache a volunteer warmed on the Until day does not carry
        the access into the next day."""
        self.end_member_on(self.today)
        Participant = self.as_role("volunteer", "aktive.participant")
        self.assertEqual(Participant.search([]), self.participant)
        self.env.invalidate_all()  # the records' cache; the rules' cache stays warm
        with freeze_time(fields.Datetime.now() + timedelta(days=1)):
            self.assertNothingFound(
                Participant.search([]), "volunteer", "aktive.participant", "search", "rule"
            )
            with self.assertDenied("volunteer", "aktive.participant", "read", "record rule"):
                Participant.browse(self.participant.id).read(["name"])
        # ... and the daily job, when it runs, archives what the rules already ignore
        with freeze_time(fields.Datetime.now() + timedelta(days=1)):
            self.assertEqual(self.env["aktive.network.member"]._cron_end_assignments(), self.member)

    # Row V2: reads what a volunteer needs.
    def test_v2_reads_what_a_volunteer_needs(self):
        Participant = self.as_role("volunteer", "aktive.participant")
        [data] = Participant.browse(self.participant.id).read(
            [
                "name",
                "phone",
                "street",
                "city",
                "wish_ids",
                "network_member_ids",
                "municipal_contact_id",
                "municipal_contact_phone",
                "coordinator_id",
                "adaptations",
            ]
        )
        self.assertEqual(data["phone"], "913 45 678")
        self.assertEqual(data["wish_ids"], self.wish.ids)
        self.assertEqual(len(data["network_member_ids"]), 2)
        members = self.as_role("volunteer", "aktive.network.member").search([])
        self.assertEqual(members.participant_id, self.participant)

    # Row V3: never health, consent, referral, life story or sensitive notes.
    def test_v3_sensitive_fields_refused_by_name(self):
        Participant = self.as_role("volunteer", "aktive.participant")
        record = Participant.browse(self.participant.id)
        for field in (
            "consent_given",
            "consent_date",
            "referral_source",
            "referrer_id",
            "birthdate",
            "life_story",
            "target_group",
            "sensitive_note_ids",
            "consent_share_coordinator",
            "close_reason",
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                record.read([field])
        with self.assertRaises(AccessError):
            Participant.search_read([], ["name", "referral_source"])

    def test_v3_no_search_group_or_order_on_sensitive_fields(self):
        Participant = self.as_role("volunteer", "aktive.participant")
        with self.assertRaises(AccessError):
            Participant.search([("consent_given", "=", True)])
        with self.assertRaises(AccessError):
            Participant.search([("sensitive_note_ids.note", "ilike", "heart")])
        with self.assertRaises(AccessError):
            Participant.search([("referral_source", "=", "relative")])
        with self.assertRaises(AccessError):
            Participant._read_group([], ["target_group"], ["__count"])
        with self.assertRaises(AccessError), mute_logger("odoo.sql_db"):
            try:
                Participant.search([], order="birthdate")
            except ProgrammingError as error:  # pragma: no cover - would mean a leak path
                raise AssertionError("ordering must be refused, not fail in SQL") from error

    def test_v3_sensitive_notes_and_followups_unreachable(self):
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "aktive.sensitive.note").search([])
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "aktive.followup").search([])
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "aktive.followup").browse(self.followup.id).read(["summary"])

    def test_v3_chatter_log_is_not_readable(self):
        Message = self.as_role("volunteer", "mail.message")
        found = Message.search(
            [("model", "=", "aktive.participant"), ("res_id", "=", self.participant.id)]
        )
        self.assertFalse(found)
        note = self.participant.message_ids.filtered(lambda m: "hospital" in str(m.body))
        self.assertTrue(note)
        with self.assertRaises(AccessError):
            Message.browse(note.id).read(["body"])
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "aktive.participant").browse(
                self.participant.id
            ).message_post(body="trying to post")

    def test_v3_wish_chatter_and_files_are_not_readable(self):
        """A volunteer may read a wish, not what the case workers write or file on it."""
        self.wish.with_user(self.coordinator).message_post(
            body="Internal: talk to the daughter first", subtype_xmlid="mail.mt_note"
        )
        self.wish.with_user(self.coordinator).message_post(
            body="Agreed with Lions", subtype_xmlid="mail.mt_comment"
        )
        messages = self.wish.message_ids.filtered(
            lambda m: m.author_id == self.coordinator.partner_id
        )
        self.assertEqual(len(messages), 2)
        letter = self.env["ir.attachment"].create(
            {
                "name": "lions.pdf",
                "raw": b"Lions",
                "res_model": "aktive.wish",
                "res_id": self.wish.id,
            }
        )
        on_wish = [("model", "=", "aktive.wish"), ("res_id", "=", self.wish.id)]
        Message = self.as_role("volunteer", "mail.message")
        self.assertFalse(Message.search(on_wish))
        with self.assertRaises(AccessError):
            Message.browse(messages.ids).read(["body"])
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "aktive.wish").browse(self.wish.id).message_post(
                body="trying to post"
            )
        Attachment = self.as_role("volunteer", "ir.attachment")
        with self.assertRaises(AccessError):
            Attachment.browse(letter.id).read(["raw"])
        self.assertFoundNothing(Attachment, [("res_model", "=", "aktive.wish")])
        # the wish itself stays readable
        self.assertEqual(
            self.as_role("volunteer", "aktive.wish").browse(self.wish.id).name, "Lions"
        )
        # the case workers read both
        for role in ("municipal", "coordinator"):
            with self.subTest(role=role):
                self.assertGreaterEqual(
                    self.as_role(role, "mail.message").search(on_wish), messages
                )
                self.assertEqual(
                    self.as_role(role, "ir.attachment").browse(letter.id).raw, b"Lions"
                )

    def test_v3_proposing_a_wish_does_not_follow_it(self):
        wish = self.as_role("volunteer", "aktive.wish").create(
            {"participant_id": self.participant.id, "name": "Chess"}
        )
        self.assertNotIn(self.volunteer, wish.sudo().message_partner_ids)
        reply = wish.with_user(self.coordinator).message_post(
            body="Chess club says yes", subtype_xmlid="mail.mt_comment"
        )
        # not sent to the volunteer as a follower, so not theirs to read (at most their own
        # "created" log line, which a portal volunteer does not see either: it is internal)
        found = self.as_role("volunteer", "mail.message").search(
            [("model", "=", "aktive.wish"), ("res_id", "=", wish.id)]
        )
        self.assertNotIn(reply, found)
        self.assertFalse(found.filtered(lambda m: m.author_id != self.volunteer))

    def test_v3_case_files_are_not_reachable_by_id(self):
        letter = self.env["ir.attachment"].create(
            {
                "name": "referral.pdf",
                "raw": b"GP letter",
                "res_model": "aktive.participant",
                "res_id": self.participant.id,
            }
        )
        Attachment = self.as_role("volunteer", "ir.attachment")
        with self.assertRaises(AccessError):
            Attachment.browse(letter.id).read(["raw"])
        self.assertFoundNothing(Attachment, [("id", "=", letter.id)])
        self.assertFoundNothing(
            Attachment,
            [("res_model", "=", "aktive.participant"), ("res_id", "=", self.participant.id)],
        )
        # the case workers read it
        self.assertEqual(
            self.as_role("municipal", "ir.attachment").browse(letter.id).raw, b"GP letter"
        )
        self.assertEqual(
            self.as_role("coordinator", "ir.attachment").browse(letter.id).raw, b"GP letter"
        )

    def test_v3_other_volunteers_profile_details(self):
        Partner = self.as_role("volunteer", "res.partner")
        other = Partner.browse(self.volunteer2_user.partner_id.id)
        details = (
            "aktive_police_certificate_date",
            "aktive_confidentiality_document",
            "aktive_last_contact_date",
            "aktive_confidentiality_date",
            "aktive_declaration_missing",
            "aktive_availability",
            "aktive_area",
            "aktive_assignment_count",
            "aktive_last_assignment_end",
        )
        for field in details:
            with self.subTest(field=field), self.assertRaises(AccessError):
                other.read([field])
        with self.assertRaises(AccessError):
            Partner.search([("aktive_declaration_missing", "=", True)])
        with self.assertRaises(AccessError):
            Partner.search([("aktive_area", "=", "Hunsøya")])
        self.assertEqual(other.name, self.volunteer2_user.partner_id.name)
        # the coordinator reads and searches them
        Partner = self.as_role("coordinator", "res.partner")
        [data] = Partner.browse(other.id).read(list(details))
        self.assertEqual(data["aktive_assignment_count"], 1)
        self.assertFalse(data["aktive_declaration_missing"])
        self.assertNotIn(other, Partner.search([("aktive_declaration_missing", "=", True)]))

    # Row V4: no other participant through a related record.
    def test_v4_no_foreign_participant_through_relations(self):
        Wish = self.as_role("volunteer", "aktive.wish")
        self.assertEqual(Wish.search([]), self.wish)
        with self.assertRaises(AccessError):
            Wish.browse(self.foreign_wish.id).read(["name", "participant_id"])
        self.assertFalse(Wish.search([("participant_id.name", "ilike", "Foreign")]))
        Member = self.as_role("volunteer", "aktive.network.member")
        self.assertFalse(Member.search([("participant_id", "=", self.foreign.id)]))
        self.assertFalse(Wish.name_search("Secret"))

    # Row V5: proposes a wish, logs own contacts; changes nothing else.
    def test_v5_proposes_wish_only_as_new(self):
        Wish = self.as_role("volunteer", "aktive.wish")
        wish = Wish.create(
            {"participant_id": self.participant.id, "name": "Chess", "state": "agreed"}
        )
        self.assertEqual(wish.state, "new")
        with self.assertRaises(AccessError):
            Wish.create({"participant_id": self.foreign.id, "name": "Not mine"})
        with self.assertRaises(AccessError):
            wish.write({"state": "agreed"})

    def test_v5_contact_log_own_entries_only(self):
        Log = self.as_role("volunteer", "aktive.contact.log")
        self.assertEqual(Log.search([]), self.log)
        with self.assertRaises(AccessError):
            Log.browse(self.other_log.id).read(["note"])
        entry = Log.create({"participant_id": self.participant.id, "note": "Phone call"})
        self.assertEqual(entry.user_id, self.volunteer_user)
        with self.assertRaises(AccessError):
            Log.create({"participant_id": self.foreign.id, "note": "Not mine"})

    def test_v5_contact_log_entry_cannot_be_moved(self):
        """The rule is checked on the entry as it was: moving it is refused by the model."""
        Log = self.as_role("volunteer", "aktive.contact.log")
        entry = Log.browse(self.log.id)
        entry.write({"note": "Coffee, books and a walk", "participant_id": self.participant.id})
        self.assertEqual(entry.note, "Coffee, books and a walk")
        self.env["aktive.network.member"].create(  # the volunteer helps both now
            {"participant_id": self.foreign.id, "partner_id": self.volunteer.id}
        )
        for vals in (
            {"participant_id": self.foreign.id},
            {"user_id": self.volunteer2_user.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                entry.write(vals)
        self.assertEqual(self.log.participant_id, self.participant)
        # a coordinator may correct it
        fixed = self.as_role("coordinator", "aktive.contact.log").browse(self.log.id)
        fixed.write({"user_id": self.volunteer2_user.id})
        self.assertEqual(fixed.user_id, self.volunteer2_user)

    def test_v5_cannot_change_cases_or_networks(self):
        Participant = self.as_role("volunteer", "aktive.participant")
        with self.assertRaises(AccessError):
            Participant.browse(self.participant.id).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            Participant.create({"name": "New"})
        with self.assertRaises(AccessError):
            Participant.browse(self.participant.id).unlink()
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "aktive.network.member").create(
                {"participant_id": self.participant.id, "partner_id": self.relative.id}
            )

    # Row V6: no reporting, configuration or volunteer management.
    def test_v6_no_reporting(self):
        for model in (
            "aktive.ripple.cluster",
            "aktive.dashboard",
            "aktive.progress.report",
            "aktive.followup",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.as_role("volunteer", model).search([])
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "aktive.dashboard").create({})

    def test_v6_no_configuration(self):
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "aktive.stage").browse(self.stages[0].id).write({"name": "X"})
        with self.assertRaises(AccessError):
            self.as_role("volunteer", "res.partner").browse(self.relative.id).write(
                {"is_aktive_volunteer": True}
            )


class TestMunicipalAccess(AccessCase):
    # Row M1: sees the participants of their own units, sensitive fields included.
    def test_m1_own_units_only(self):
        Participant = self.as_role("municipal", "aktive.participant")
        self.assertEqual(Participant.search([]), self.participant)
        with self.assertRaises(AccessError):
            Participant.browse(self.foreign.id).read(["name"])
        [data] = Participant.browse(self.participant.id).read(
            ["consent_given", "referral_source", "birthdate", "life_story"]
        )
        self.assertTrue(data["consent_given"])
        self.assertEqual(data["referral_source"], "relative")

    def test_m1_contact_cards_of_own_units_only(self):
        cards = (self.participant | self.foreign).partner_id
        Partner = self.as_role("municipal", "res.partner")
        self.assertEqual(Partner.search([("id", "in", cards.ids)]), self.participant.partner_id)
        with self.assertRaises(AccessError):
            Partner.browse(self.foreign.partner_id.id).read(["phone"])
        self.foreign.municipal_contact_id = self.municipal_user.partner_id
        Partner = self.as_role("municipal", "res.partner")
        self.assertEqual(Partner.search([("id", "in", cards.ids)]), cards)

    def test_m1_contact_person_sees_the_case_too(self):
        self.foreign.municipal_contact_id = self.municipal_user.partner_id
        Participant = self.as_role("municipal", "aktive.participant")
        self.assertIn(self.foreign, Participant.search([]))

    # Row M2: writes sensitive notes for their units.
    def test_m2_writes_sensitive_notes(self):
        Note = self.as_role("municipal", "aktive.sensitive.note")
        self.assertEqual(Note.search([]), self.note)
        note = Note.create({"participant_id": self.participant.id, "note": "Dementia assessed"})
        self.assertEqual(note.author_id, self.municipal_user)
        with self.assertRaises(AccessError):
            Note.create({"participant_id": self.foreign.id, "note": "Not my unit"})
        with self.assertRaises(AccessError):
            Note.browse(self.foreign_note.id).read(["note"])

    def test_m2_deletes_notes_of_own_unit_only(self):
        Note = self.as_role("municipal", "aktive.sensitive.note")
        with self.assertRaises(AccessError):
            Note.browse(self.foreign_note.id).unlink()
        Note.browse(self.note.id).unlink()
        self.assertFalse(self.note.exists())
        self.assertTrue(self.foreign_note.exists())

    def test_m2_note_cannot_be_moved_to_another_case(self):
        Note = self.as_role("municipal", "aktive.sensitive.note")
        note = Note.browse(self.note.id)
        note.write({"note": "Heart condition, stable"})
        for vals in ({"participant_id": self.foreign.id}, {"author_id": self.coordinator.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                note.write(vals)
        self.assertEqual(self.note.participant_id, self.participant)

    def test_m2_reads_the_log_and_follow_ups(self):
        Followup = self.as_role("municipal", "aktive.followup")
        self.assertEqual(Followup.search([]), self.followup)
        with self.assertRaises(AccessError):
            Followup.create({"participant_id": self.participant.id, "date_planned": self.today})
        Message = self.as_role("municipal", "mail.message")
        self.assertTrue(
            Message.search(
                [("model", "=", "aktive.participant"), ("res_id", "=", self.participant.id)]
            )
        )
        logs = self.as_role("municipal", "aktive.contact.log").search([])
        self.assertEqual(logs, self.log | self.other_log, "every volunteer's entries of the unit")

    # Row M3: cannot manage volunteers or networks.
    def test_m3_cannot_manage_volunteers(self):
        with self.assertRaises(AccessError):
            self.as_role("municipal", "res.partner").browse(self.relative.id).write(
                {"is_aktive_volunteer": True}
            )
        with self.assertRaises(AccessError):
            self.as_role("municipal", "aktive.network.member").create(
                {"participant_id": self.participant.id, "partner_id": self.relative.id}
            )
        # They report a need (issue 15, tests/test_municipal_path.py), but only into their
        # own units or as the contact person themselves.
        with self.assertRaises(AccessError):
            self.as_role("municipal", "aktive.participant").create(
                {
                    "name": "New",
                    "municipal_unit_id": self.other_unit.id,
                    "municipal_contact_id": False,
                }
            )


class TestCoordinatorAccess(AccessCase):
    # Row C1: every participant of their company; full use.
    def test_c1_full_use_of_company_participants(self):
        Participant = self.as_role("coordinator", "aktive.participant")
        self.assertEqual(
            Participant.search([("id", "in", (self.participant | self.foreign).ids)]),
            self.participant | self.foreign,
        )
        new = Participant.create({"name": "Per Fjeld"})
        new.write({"referral_source": "gp", "consent_given": True, "consent_date": self.today})
        self.assertEqual(new.referral_source, "gp")
        new.unlink()

    def test_c1_other_company_is_invisible(self):
        other_company = self.env["res.company"].create({"name": "Other municipality"})
        elsewhere = self.env["aktive.participant"].create(
            {"name": "Elsewhere", "company_id": other_company.id}
        )
        Participant = self.as_role("coordinator", "aktive.participant")
        self.assertNotIn(elsewhere, Participant.search([]))
        with self.assertRaises(AccessError):
            Participant.browse(elsewhere.id).read(["name"])

    # Row C2: sensitive notes only where consent covers sharing with the coordinator.
    def test_c2_sensitive_notes_need_consent_to_share(self):
        mine = [("participant_id", "=", self.participant.id)]
        Note = self.as_role("coordinator", "aktive.sensitive.note")
        self.assertFalse(Note.search(mine))
        with self.assertRaises(AccessError):
            Note.browse(self.note.id).read(["note"])
        self.participant.consent_share_coordinator = True
        Note = self.as_role("coordinator", "aktive.sensitive.note")
        self.assertEqual(Note.search(mine), self.note)
        with self.assertRaises(AccessError):
            Note.browse(self.note.id).write({"note": "Changed"})
        with self.assertRaises(AccessError):
            Note.create({"participant_id": self.participant.id, "note": "x"})
        with self.assertRaises(AccessError):
            Note.browse(self.note.id).unlink()

    # Row C3: manages volunteers and the catalogue, not the configuration.
    def test_c3_volunteers_and_catalogue_not_configuration(self):
        Partner = self.as_role("coordinator", "res.partner")
        newcomer = Partner.create({"name": "Ola Test"})
        newcomer.write({"is_aktive_volunteer": True})
        self.assertTrue(newcomer.is_aktive_volunteer)
        self.as_role("coordinator", "aktive.activity").create({"name": "Waffles"})
        with self.assertRaises(AccessError):
            self.as_role("coordinator", "aktive.stage").browse(self.stages[0].id).write(
                {"name": "X"}
            )
        with self.assertRaises(AccessError):
            self.as_role("coordinator", "aktive.municipal.unit").create({"name": "X"})

    def test_c3_reads_all_contact_logs(self):
        Log = self.as_role("coordinator", "aktive.contact.log")
        self.assertEqual(
            Log.search([("participant_id", "=", self.participant.id)]), self.log | self.other_log
        )


class TestAdminAccess(AccessCase):
    # Row A1: configuration.
    def test_a1_configures_the_method(self):
        self.as_role("admin", "aktive.stage").browse(self.stages[0].id).write(
            {"description": "Reported by anyone"}
        )
        self.as_role("admin", "aktive.municipal.unit").create({"name": "Care centre"})
        self.as_role("admin", "aktive.wish.category").create({"name": "Gardening"})
        self.as_role("admin", "aktive.network.role").create({"name": "Garden friend"})


class TestAudit(AccessCase):
    # Row X1: changes of step, consent and sensitive notes are tracked.
    def test_x1_step_consent_and_notes_are_tracked(self):
        self.participant.action_withdraw_consent()
        self.participant.action_next_step()
        self.cr.precommit.run()  # tracking values are written when the transaction commits
        tracked = self.participant.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("consent_given", tracked)
        self.assertIn("consent_withdrawn_date", tracked)
        self.assertIn("stage_id", tracked)
        self.note.note = "Updated by the municipality"
        self.cr.precommit.run()
        self.assertIn("note", self.note.message_ids.tracking_value_ids.field_id.mapped("name"))

    def test_x1_tracked_values_only_for_those_who_may_see_the_field(self):
        self.participant.action_withdraw_consent()
        self.cr.precommit.run()  # tracking values are written when the transaction commits
        self.note.note = "Pacemaker since May"
        self.cr.precommit.run()

        def tracked(record, name):
            values = record.message_ids.tracking_value_ids
            return values.filtered(lambda value: value.field_id.name == name)

        consent = tracked(self.participant, "consent_given")
        note = tracked(self.note, "note")
        self.assertTrue(consent, "consent tracked")
        self.assertTrue(note, "note tracked")
        for role in ("volunteer", "coordinator"):
            with self.subTest(role=role):
                messages = self.as_role(role, "mail.message").search(
                    [("id", "in", (consent | note).mail_message_id.ids)]
                )
                seen = messages.sudo().tracking_value_ids
                if role == "volunteer":
                    self.assertFalse(messages, "no case log at all for a volunteer")
                else:
                    self.assertNotIn(note, seen, "the note's text: no sharing consent")
                    self.assertIn(consent, seen, "consent is the coordinator's field")
        messages = self.as_role("municipal", "mail.message").search(
            [("id", "in", (consent | note).mail_message_id.ids)]
        )
        self.assertLessEqual(consent | note, messages.sudo().tracking_value_ids)
