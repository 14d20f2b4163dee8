from datetime import timedelta

from odoo.exceptions import AccessError

from .common import AktiveCase
from .common import new_signed_volunteer

HEALTH = "demens"
LIFE_STORY = "Vokste opp på Hunsøya"


class TestNotices(AktiveCase):
    """The parties inform each other (models/aktive_notice.py): who is told of a change on a
    case, in which channel and language - and who is not. Row V10 of README's role table."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_units()
        cls.env["res.lang"]._activate_lang("nb_NO")
        cls.participant.write(
            {
                "municipal_contact_id": cls.municipal_user.partner_id.id,
                "life_story": f"<p>{LIFE_STORY}</p>",
                "phone": "900 00 009",
            }
        )
        cls.municipal_user.partner_id.phone = "38 00 00 01"
        cls.add_member_cls(cls.volunteer)
        # A volunteer of another case, in bokmål: told nothing of this one.
        cls.other_volunteer_user = new_signed_volunteer(cls.env, "aktive_other_volunteer")
        cls.other_case = cls.env["aktive.participant"].create(
            {"name": "Inger Test", "coordinator_id": cls.coordinator.id}
        )
        cls.env["aktive.network.member"].create(
            {
                "participant_id": cls.other_case.id,
                "partner_id": cls.other_volunteer_user.partner_id.id,
            }
        )
        cls.Notice = cls.env["aktive.notice"]
        # The cast's own arrival (welcome notices, the new contact person) is not the story.
        cls.Notice.search([]).unlink()
        cls.env["mail.mail"].search([]).unlink()
        cls.participant.activity_ids.unlink()

    @classmethod
    def add_member_cls(cls, partner, participant=None):
        return cls.env["aktive.network.member"].create(
            {"participant_id": (participant or cls.participant).id, "partner_id": partner.id}
        )

    def notices(self, partner, kind=None, participant=None):
        domain = [
            ("partner_id", "=", partner.id),
            ("participant_id", "=", (participant or self.participant).id),
        ]
        if kind:
            domain.append(("kind", "=", kind))
        return self.Notice.search(domain)

    def pause(self, days=30, reason=""):
        wizard = (
            self.env["aktive.pause.wizard"]
            .with_user(self.coordinator)
            .create(
                {
                    "participant_id": self.participant.id,
                    "paused_until": self.today + timedelta(days=days),
                    "reason": reason,
                }
            )
        )
        wizard.action_pause()

    def close(self, reason="Flyttet"):
        wizard = (
            self.env["aktive.close.wizard"]
            .with_user(self.coordinator)
            .create({"participant_id": self.participant.id, "close_reason": reason})
        )
        wizard.action_close()

    # --- who is told ------------------------------------------------------------------------
    def test_v10_pause_reaches_the_volunteers_and_the_municipal_contact(self):
        self.pause()
        notice = self.notices(self.volunteer, "pause")
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.channel, "portal")
        self.assertEqual(notice.date, self.today + timedelta(days=30))
        self.assertIn("Arne Test", notice.text)
        # whom to call: the municipal contact person, with the number
        self.assertIn("38 00 00 01", notice.text)
        # ...by e-mail too, the volunteer having an address
        mail = self.env["mail.mail"].search([("recipient_ids", "in", self.volunteer.ids)])
        self.assertEqual(len(mail), 1)
        self.assertIn("38 00 00 01", mail.body_html)
        # the municipal contact person: an activity on the case, in their name
        contact = self.notices(self.municipal_user.partner_id, "pause")
        self.assertEqual(contact.channel, "activity")
        self.assertEqual(contact.activity_id.user_id, self.municipal_user)
        self.assertEqual(contact.activity_id.res_id, self.participant.id)
        # the coordinator paused it: not told of their own change
        self.assertFalse(self.notices(self.coordinator.partner_id))

    def test_v10_a_volunteer_of_another_case_gets_nothing(self):
        self.pause()
        self.close()
        other = self.other_volunteer_user.partner_id
        self.assertFalse(self.Notice.search([("partner_id", "=", other.id)]))
        self.assertFalse(self.env["mail.mail"].search([("recipient_ids", "in", other.ids)]))
        notices = self.Notice.with_user(self.other_volunteer_user).search([])
        self.assertNothingFound(notices, "volunteer", "aktive.notice", "search", "other case")

    def test_v10_a_notice_never_carries_health_or_the_life_story(self):
        self.pause(reason=f"Innlagt, {HEALTH}")
        self.close(reason=f"Flyttet på sykehjem på grunn av {HEALTH}")
        notices = self.Notice.search([("participant_id", "=", self.participant.id)])
        self.assertTrue(notices.filtered(lambda n: n.kind == "thanks"))
        mails = self.env["mail.mail"].search([("recipient_ids", "in", notices.partner_id.ids)])
        self.assertTrue(mails)
        for text in notices.mapped("text") + mails.mapped("body_html") + mails.mapped("subject"):
            self.assertNotIn(HEALTH, text)
            self.assertNotIn(LIFE_STORY, text)
            self.assertNotIn("Flyttet", text)
            self.assertNotIn("relative", text)

    def test_v10_notices_are_in_the_recipients_language(self):
        self.volunteer_user.lang = "nb_NO"
        english = new_signed_volunteer(self.env, "aktive_english_volunteer", lang="en_US")
        self.add_member(english.partner_id)
        self.pause()
        nb_text = self.notices(self.volunteer, "pause").text
        self.assertIn("Pause for Arne Test til", nb_text)
        self.assertIn("Spørsmål? Ring Hilde Test", nb_text)
        en_text = self.notices(english.partner_id, "pause").text
        self.assertIn("Pause for Arne Test until", en_text)
        mail = self.env["mail.mail"].search([("recipient_ids", "in", self.volunteer.ids)])
        self.assertIn("Nytt om Arne Test", mail.mapped("subject"))
        # the municipal contact person's activity, in theirs
        self.municipal_user.lang = "nb_NO"
        self.participant.with_user(self.coordinator).action_resume()
        activity = self.notices(self.municipal_user.partner_id, "resume").activity_id
        self.assertIn("er aktiv igjen", activity.summary)

    def test_v10_a_volunteer_without_a_language_reads_bokmal(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Tor Test",
                "email": "tor@example.com",
                "lang": False,
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": self.today,
                "aktive_confidentiality_document": self.volunteer.aktive_confidentiality_document,
            }
        )
        self.add_member(partner)
        self.pause()
        notice = self.notices(partner, "pause")
        self.assertEqual(notice.channel, "mail")
        self.assertIn("Pause for Arne Test til", notice.text)

    def test_v10_network_changes_reach_the_volunteers(self):
        second = new_signed_volunteer(self.env, "aktive_second_volunteer")
        member = self.add_member(second.partner_id)
        self.assertIn("You are now in the network", self.notices(second.partner_id).text)
        joined = self.notices(self.volunteer, "member_new")
        self.assertIn(second.name, joined.text)
        member.with_user(self.coordinator).action_end()
        thanks = self.notices(second.partner_id, "thanks")
        self.assertIn("Thank you", thanks.text)
        self.assertTrue(thanks.keep_after_end)
        self.assertIn(second.name, self.notices(self.volunteer, "member_end").text)
        # the ended volunteer reads the thank-you, and nothing else of the case
        visible = self.Notice.with_user(second).search([])
        self.assertEqual(visible, thanks)
        with self.assertRaises(AccessError):
            self.participant.with_user(second).read(["name"])

    def test_v10_a_new_contact_person_or_coordinator_is_told(self):
        new_contact = self.env["res.partner"].create({"name": "Nina Test", "phone": "38 11 11 11"})
        self.participant.with_user(self.coordinator).municipal_contact_id = new_contact
        notice = self.notices(self.volunteer, "municipal_contact")
        self.assertIn("Nina Test", notice.text)
        self.assertIn("38 11 11 11", notice.text)
        self.assertFalse(self.notices(new_contact, "municipal_contact").sent_by_mail)
        other_coordinator = self.new_role_user("aktive_coord2", "coordinator", self.env.company)
        self.participant.coordinator_id = other_coordinator
        self.assertTrue(self.notices(self.volunteer, "coordinator"))
        told = self.notices(other_coordinator.partner_id, "coordinator")
        self.assertEqual(told.activity_id.user_id, other_coordinator)

    def test_v10_an_agreed_wish_changed_is_told(self):
        wish = self.add_wish(state="agreed", agreement="Lions on Tuesdays")
        self.assertFalse(self.notices(self.volunteer, "wish"))
        wish.with_user(self.coordinator).agreement = "Lions on Thursdays"
        notice = self.notices(self.volunteer, "wish")
        self.assertEqual(len(notice), 1)
        # the page says what changed; the notice (and its e-mail) only that it did
        self.assertNotIn("Thursdays", notice.text)
        wish.with_user(self.coordinator).description = "more words"
        self.assertEqual(len(self.notices(self.volunteer, "wish")), 1)

    # --- reading and acknowledging ----------------------------------------------------------
    def test_v10_a_volunteer_reads_and_acknowledges_only_their_own(self):
        self.pause()
        mine = self.notices(self.volunteer, "pause").with_user(self.volunteer_user)
        contacts = self.notices(self.municipal_user.partner_id, "pause")
        self.assertEqual(self.Notice.with_user(self.volunteer_user).search([]), mine)
        with self.assertDenied("volunteer", "aktive.notice", "read", "other's notice"):
            contacts.with_user(self.volunteer_user).read(["text"])
        with self.assertDenied("volunteer", "aktive.notice", "write", "change the text"):
            mine.write({"text": "changed"})
        with self.assertDenied("volunteer", "aktive.notice", "create", "make a notice"):
            self.Notice.with_user(self.volunteer_user).create(
                {
                    "participant_id": self.participant.id,
                    "partner_id": self.volunteer.id,
                    "company_id": self.env.company.id,
                    "kind": "pause",
                }
            )
        mine.action_seen()
        self.assertTrue(mine.date_seen)
        # the case workers' list of who has seen what is theirs alone
        with self.assertDenied("volunteer", "aktive.participant", "read", "notice list"):
            self.participant.with_user(self.volunteer_user).read(["notice_ids"])

    def test_v10_a_paused_notice_is_gone_when_the_assignment_ends(self):
        self.pause()
        self.close()
        visible = self.Notice.with_user(self.volunteer_user).search([])
        self.assertEqual(visible.mapped("kind"), ["thanks"])

    def test_v10_the_coordinator_sees_who_has_seen_what(self):
        self.pause()
        contact = self.notices(self.municipal_user.partner_id, "pause")
        contact.activity_id.with_user(self.municipal_user).action_done()
        self.assertTrue(contact.date_seen)
        case = self.participant.with_user(self.coordinator)
        seen = {n.partner_id: bool(n.date_seen) for n in case.notice_ids}
        self.assertEqual(seen, {self.volunteer: False, self.municipal_user.partner_id: True})
        self.assertEqual(case.notice_count, 2)
        # the municipal contact person reads the list of their unit's case too
        self.assertEqual(
            len(self.participant.with_user(self.municipal_user).notice_ids), 2, "their unit"
        )

    # --- closing ends the assignments ---------------------------------------------------------
    def test_v10_closing_ends_the_assignments_and_the_todos(self):
        relative = self.add_member(self.relative)
        self.participant.activity_schedule(
            "mail.mail_activity_data_todo", summary="Ring fastlegen", user_id=self.coordinator.id
        )
        self.close()
        member = self.participant.with_context(active_test=False).network_member_ids.filtered(
            lambda m: m.partner_id == self.volunteer
        )
        self.assertFalse(member.active)
        self.assertEqual(member.date_end, self.today)
        self.assertTrue(relative.active, "the person's own network is not an assignment")
        with self.assertDenied("volunteer", "aktive.participant", "read", "closed case"):
            self.participant.with_user(self.volunteer_user).read(["name"])
        thanks = self.Notice.with_user(self.volunteer_user).search([])
        self.assertEqual(thanks.kind, "thanks")
        self.assertIn("closed", thanks.text)
        self.assertEqual(thanks.participant_name, "Arne Test")
        # the open to-dos are cancelled; the notices of the case workers are what stays
        self.assertEqual(
            self.participant.activity_ids.activity_type_id,
            self.env.ref("aktive_sammen_addon.mail_activity_type_notice"),
        )
        log = "".join(self.participant.message_ids.mapped("body"))
        self.assertIn("The case is closed", log)
        self.assertIn("Ring fastlegen", log)
        self.assertIn(self.volunteer.name, log)
