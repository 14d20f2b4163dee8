from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from psycopg2 import IntegrityError

from .common import PIXEL_PNG
from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestParticipant(AktiveCase):
    # --- a participant is a contact ------------------------------------------------------------
    def test_create_from_existing_contact_reuses_it(self):
        contact = self.env["res.partner"].create({"name": "Inger Olsen", "phone": "913 56 789"})
        partners_before = self.env["res.partner"].search_count([])
        participant = self.env["aktive.participant"].create(
            {"partner_id": contact.id, "name": "Typed Differently"}
        )
        self.assertEqual(participant.partner_id, contact)
        self.assertEqual(participant.name, "Inger Olsen")
        self.assertEqual(participant.phone, "913 56 789")
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)

    def test_create_from_a_name_makes_the_contact(self):
        participant = self.env["aktive.participant"].create({"name": "Vera Knutsen"})
        self.assertEqual(participant.partner_id.name, "Vera Knutsen")
        participant.phone = "913 78 901"
        self.assertEqual(participant.partner_id.phone, "913 78 901")

    def test_photo_is_the_contacts_photo_with_an_avatar_until_one_is_set(self):
        participant = self.env["aktive.participant"].create({"name": "Vera Knutsen"})
        self.assertTrue(participant.avatar_128, "a generated avatar shows on the card")
        self.assertFalse(participant.image_1920)
        participant.image_1920 = PIXEL_PNG
        self.assertTrue(participant.partner_id.image_1920)
        self.assertEqual(participant.avatar_128, participant.partner_id.image_128)

    def test_create_without_name_or_contact_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "needs a name"):
            self.env["aktive.participant"].create({})

    def test_one_case_per_contact(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["aktive.participant"].create({"partner_id": self.participant.partner_id.id})
            self.env.flush_all()

    def test_new_participant_starts_in_step_one(self):
        self.assertEqual(self.participant.stage_id, self.stages[0])
        self.assertEqual(self.participant.state, "active")

    # --- the step guards ----------------------------------------------------------------------
    def test_forward_one_step_at_a_time(self):
        with self.assertRaisesRegex(UserError, "one step at a time"):
            self.participant.stage_id = self.stages[2]
        self.participant.stage_id = self.stages[1]
        self.assertEqual(self.participant.stage_id, self.stages[1])

    def test_step_three_needs_a_wish(self):
        self.move_to(self.participant, 1)
        with self.assertRaisesRegex(UserError, "at least one of Arne Test's wishes"):
            self.participant.stage_id = self.stages[2]
        self.add_wish()
        self.participant.stage_id = self.stages[2]
        self.assertEqual(self.participant.stage_id, self.stages[2])

    def test_step_four_needs_an_agreed_wish(self):
        wish = self.add_wish()
        self.move_to(self.participant, 1)
        self.move_to(self.participant, 2)
        with self.assertRaisesRegex(UserError, "agree on at least one wish"):
            self.participant.stage_id = self.stages[3]
        wish.state = "agreed"
        self.participant.stage_id = self.stages[3]
        self.assertEqual(self.participant.stage_id, self.stages[3])

    def test_step_five_needs_an_active_network_member(self):
        self.add_wish(state="agreed")
        for index in (1, 2, 3):
            self.move_to(self.participant, index)
        member = self.add_member(self.volunteer)
        member.action_end()
        with self.assertRaisesRegex(UserError, "at least one active network member"):
            self.participant.stage_id = self.stages[4]
        self.add_member(self.relative, role_id=False)
        self.participant.stage_id = self.stages[4]
        self.assertEqual(self.participant.stage_id, self.stages[4])

    def test_guard_holds_on_create_too(self):
        with self.assertRaisesRegex(UserError, "at least one of"):
            self.env["aktive.participant"].create({"name": "Per", "stage_id": self.stages[2].id})

    def test_no_next_step_offered_on_the_last_step(self):
        """Step 5 goes on with follow-ups: the form offers no 'Next step' that would fail."""
        self.assertFalse(self.participant.is_last_step)
        self.participant.stage_id = self.stages[1]
        self.assertFalse(self.participant.is_last_step)
        last = self.env["aktive.participant"].search(
            [("stage_id", "=", self.stages[-1].id)], limit=1
        )
        self.assertTrue(last, "the demo has a case in step 5")
        self.assertTrue(last.is_last_step)
        with self.assertRaises(UserError):
            last.action_next_step()

    def test_next_step_button_follows_the_guards(self):
        self.participant.action_next_step()
        self.assertEqual(self.participant.stage_id, self.stages[1])
        with self.assertRaises(UserError):
            self.participant.action_next_step()

    def test_moving_back_is_allowed_and_logged(self):
        self.add_wish(state="agreed")
        for index in (1, 2, 3):
            self.move_to(self.participant, index)
        self.participant.stage_id = self.stages[1]
        self.assertEqual(self.participant.stage_id, self.stages[1])
        last = self.participant.message_ids[0]
        self.assertIn("Moved back from step", str(last.body))
        self.assertIn(self.stages[3].name, str(last.body))

    def test_paused_case_cannot_move_forward(self):
        self.participant.paused_until = self.today + timedelta(days=30)
        self.participant.action_pause()
        with self.assertRaisesRegex(UserError, "resume the case first"):
            self.participant.stage_id = self.stages[1]

    def test_renamed_step_keeps_its_guard(self):
        self.stages[2].name = "Finne ønsker"
        self.move_to(self.participant, 1)
        with self.assertRaisesRegex(UserError, "Before Finne ønsker"):
            self.participant.stage_id = self.stages[2]

    def test_days_in_current_step(self):
        self.participant.date_last_stage_update = fields.Datetime.now() - timedelta(days=10)
        self.assertEqual(self.participant.days_in_step, 10)
        self.participant.stage_id = self.stages[1]
        self.assertEqual(self.participant.days_in_step, 0)

    # --- state: pause, resume, close ----------------------------------------------------------
    def test_pause_needs_a_date_and_resume_clears_it(self):
        with self.assertRaisesRegex(UserError, "Paused until"):
            self.participant.action_pause()
        with self.assertRaisesRegex(ValidationError, "needs the date"):
            self.participant.state = "paused"
        self.participant.paused_until = self.today + timedelta(days=60)
        self.participant.action_pause()
        self.assertEqual(self.participant.state, "paused")
        self.participant.action_resume()
        self.assertEqual(self.participant.state, "active")
        self.assertFalse(self.participant.paused_until)

    def test_close_needs_a_reason(self):
        with self.assertRaisesRegex(UserError, "Write why"):
            self.participant.action_close()
        with self.assertRaisesRegex(ValidationError, "needs a reason"):
            self.participant.write({"state": "closed", "close_reason": "  "})
        self.participant.close_reason = "Moved to a nursing home"
        self.participant.action_close()
        self.assertEqual(self.participant.state, "closed")
        self.assertEqual(self.participant.date_closed, self.today)
        self.participant.action_reopen()
        self.assertEqual(self.participant.state, "active")

    def test_end_of_pause_reminds_the_coordinator(self):
        self.participant.write({"paused_until": self.today + timedelta(days=10), "state": "paused"})
        Participant = self.env["aktive.participant"]
        self.assertNotIn(self.participant, Participant._cron_end_of_pause())
        self.participant.paused_until = self.today
        self.assertIn(self.participant, Participant._cron_end_of_pause())
        activity = self.participant.activity_ids
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertNotIn(self.participant, Participant._cron_end_of_pause(), "one reminder only")

    # --- consent ------------------------------------------------------------------------------
    def test_ticking_consent_dates_it(self):
        new = self.env["aktive.participant"].create({"name": "Consents", "consent_given": True})
        self.assertEqual(new.consent_date, self.today)
        self.participant.consent_given = True
        self.assertEqual(self.participant.consent_date, self.today)
        with self.assertRaisesRegex(ValidationError, "date consent was given"):
            self.participant.consent_date = False
        self.participant.action_withdraw_consent()
        self.participant.action_give_consent()
        self.assertTrue(self.participant.consent_given)
        self.assertEqual(self.participant.consent_date, self.today)
        self.assertFalse(self.participant.consent_withdrawn_date, "a new consent")

    def test_unticking_consent_is_a_dated_withdrawal_that_stops_sharing(self):
        given = self.today - timedelta(days=30)
        self.participant.write(
            {"consent_given": True, "consent_date": given, "consent_share_coordinator": True}
        )
        self.participant.consent_given = False
        self.assertEqual(self.participant.consent_withdrawn_date, self.today)
        self.assertEqual(self.participant.consent_date, given, "kept on record")
        self.assertFalse(self.participant.consent_share_coordinator)

    def test_only_the_municipality_records_sharing_with_the_coordinator(self):
        self.participant.write({"consent_given": True, "municipal_contact_id": False})
        as_coordinator = self.participant.with_user(self.coordinator)
        self.assertFalse(as_coordinator.can_record_share_consent)
        with self.assertRaisesRegex(AccessError, "municipal contact person records"):
            as_coordinator.consent_share_coordinator = True
        with self.assertRaisesRegex(AccessError, "municipal contact person records"):
            self.env["aktive.participant"].with_user(self.coordinator).create(
                {"name": "Self-granted", "consent_share_coordinator": True}
            )
        self.participant.municipal_contact_id = self.municipal_user.partner_id
        as_municipal = self.participant.with_user(self.municipal_user)
        self.assertTrue(as_municipal.can_record_share_consent)
        as_municipal.consent_share_coordinator = True
        self.assertTrue(self.participant.consent_share_coordinator)

    def test_consent_withdrawal_is_dated(self):
        with self.assertRaisesRegex(UserError, "no consent to withdraw"):
            self.participant.action_withdraw_consent()
        self.participant.write(
            {"consent_given": True, "consent_date": self.today - timedelta(days=30)}
        )
        self.participant.action_withdraw_consent()
        self.assertFalse(self.participant.consent_given)
        self.assertEqual(self.participant.consent_withdrawn_date, self.today)
        self.assertEqual(self.participant.consent_date, self.today - timedelta(days=30))
        with self.assertRaisesRegex(ValidationError, "before it was given"):
            self.participant.consent_withdrawn_date = self.today - timedelta(days=31)

    def test_dates_in_the_future_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "date of birth"):
            self.participant.birthdate = self.today + timedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "Consent cannot be dated in the future"):
            self.participant.write(
                {"consent_given": True, "consent_date": self.today + timedelta(1)}
            )

    # --- history is kept ----------------------------------------------------------------------
    def test_unlink_with_history_is_refused_archive_works(self):
        self.add_wish()
        with self.assertRaisesRegex(UserError, "Archive the participant instead"):
            self.participant.unlink()
        self.participant.action_archive()
        self.assertFalse(self.participant.active)

    def test_volunteer_reads_nothing_of_the_case_workers_activities(self):
        self.add_member(self.volunteer)
        self.participant.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Talk with the GP about the memory test",
            user_id=self.coordinator.id,
        )
        self.env.invalidate_all()
        fields_read = ["activity_summary", "activity_type_id", "activity_type_icon"]
        # Staff who volunteer are internal users; the others are portal users, refused the
        # activity fields outright (mail's groups). Either way they read nothing of them.
        staff = self.new_staff_volunteer("staff_volunteer")
        for volunteer in (self.volunteer_user, staff):
            self.env.invalidate_all()
            try:
                data = self.participant.with_user(volunteer).read(fields_read)[0]
            except AccessError:
                continue
            self.assertFalse(any(data[name] for name in fields_read), data)
        self.env.invalidate_all()
        as_coordinator = self.participant.with_user(self.coordinator).read(fields_read)[0]
        self.assertEqual(
            as_coordinator["activity_summary"], "Talk with the GP about the memory test"
        )

    def test_unlink_refused_for_any_kind_of_history(self):
        Participant = self.env["aktive.participant"]
        ended = Participant.create({"name": "Ended assignment"})
        self.add_member(self.relative, participant=ended).action_end()
        logged = Participant.create({"name": "Visited once"})
        self.env["aktive.contact.log"].create(
            {"participant_id": logged.id, "note": "Coffee", "user_id": self.coordinator.id}
        )
        for participant in ended | logged:
            with (
                self.subTest(name=participant.name),
                self.assertRaisesRegex(UserError, "Archive the participant instead"),
            ):
                participant.unlink()

    def test_unlink_without_history_is_allowed(self):
        participant = self.env["aktive.participant"].create({"name": "Registered by mistake"})
        participant.unlink()
        self.assertFalse(participant.exists())

    # --- the network flag -----------------------------------------------------------------------
    def test_network_vulnerability(self):
        self.assertTrue(self.participant.network_vulnerable)
        self.add_member(self.relative, role_id=False)
        self.add_member(self.volunteer)
        self.assertEqual(self.participant.active_member_count, 2)
        self.assertTrue(self.participant.network_vulnerable, "own network does not count")
        org = self.add_member(self.organisation, role_id=False)
        self.assertEqual(org.member_kind, "organisation")
        self.assertFalse(self.participant.network_vulnerable)
        org.action_end()
        self.assertTrue(self.participant.network_vulnerable)
        self.assertEqual(self.participant.active_member_count, 2)

    def test_vulnerability_counts_from_the_network_step(self):
        """A new case has no network yet: the warning is for cases from step 4 on."""
        self.assertTrue(self.participant.network_vulnerable)
        self.assertFalse(self.participant.network_expected)
        self.add_wish(state="agreed")
        for index in (1, 2, 3):
            self.move_to(self.participant, index)
        self.assertTrue(self.participant.network_expected)
        Participant = self.env["aktive.participant"]
        self.assertIn(self.participant, Participant.search([("network_expected", "=", True)]))
        self.assertNotIn(self.participant, Participant.search([("network_expected", "=", False)]))

    def test_vulnerable_is_searchable(self):
        found = self.env["aktive.participant"].search([("network_vulnerable", "=", True)])
        self.assertIn(self.participant, found)


@tagged("post_install", "-at_install")
class TestParticipantQueries(AktiveCase):
    def test_80_participants_computed_fields_in_constant_queries(self):
        """The board reads computed fields for a page of cards: no query per card."""
        Participant = self.env["aktive.participant"]
        participants = Participant.create([{"name": f"Person {i}"} for i in range(80)])
        self.env["aktive.network.member"].create(
            [
                {"participant_id": p.id, "partner_id": partner.id}
                for p in participants
                for partner in (self.volunteer, self.organisation)
            ]
        )
        self.env["aktive.followup"].create(
            [{"participant_id": p.id, "date_planned": self.today} for p in participants]
        )
        self.env.flush_all()
        fields_read = [
            "name",
            "stage_id",
            "state",
            "days_in_step",
            "active_member_count",
            "network_vulnerable",
            "next_followup_date",
            "followup_overdue",
            "coordinator_id",
            "phone",
        ]
        # Recompute the stored ones from scratch to prove the computes batch as well.
        self.env.invalidate_all()
        # 10, the same for 240 cases: the follow-up dates are on the contact form, so its
        # change flag reads the last versions sent - one query for the batch
        # (models/aktive_participant_contact_form.py); the batch reads the cases and their
        # cards once (the cache was emptied); the commit's tracking pass loads the tracked
        # fields' descriptions and the company's language once (models/aktive_text_language.py).
        with self.assertQueryCount(10):
            participants._compute_network()
            participants._compute_next_followup_date()
        self.assertFalse(any(participants.mapped("network_vulnerable")))
        self.env.invalidate_all()
        # search + fetch, then the display names of stage and coordinator (user + partner).
        with self.assertQueryCount(4):
            records = Participant.search_read([("id", "in", participants.ids)], fields_read)
        self.assertEqual(len(records), 80)
        self.assertTrue(all(r["active_member_count"] == 2 for r in records))
