"""Messages to volunteers by SMS and e-mail (models/aktive_volunteer_message.py,
aktive_volunteer_request.py, aktive_volunteer_reminders.py, res_partner_messages.py,
controllers/volunteer_messages.py, wizard/aktive_volunteer_suggestion.py): asking volunteers
from the suggestions, the reminders, consent and quiet hours. No provider is ever reached:
Odoo's own SMS test gateway (sms.tests.common.MockSMS) intercepts at the SMS API boundary."""

import re
from datetime import datetime
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from odoo import fields
from odoo.addons.sms.tests.common import MockSMS
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from . import operations
from .common import AktiveCase
from .common import new_signed_volunteer

# 10:00 and 23:30 in Oslo in winter (UTC+1), as naive UTC.
DAYTIME = datetime(2026, 12, 8, 9, 0)
NIGHT = datetime(2026, 12, 8, 22, 30)


@tagged("post_install", "-at_install")
class TestVolunteerMessages(AktiveCase, MockSMS):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Europe/Oslo"
        cls.participant.write(
            {
                "area": "Moseidmoen",
                "street": "Hovedveien 7",
                "phone": "911 22 333",
                "life_story": "<p>Enkemann, jobbet på sagbruket</p>",
                "birthdate": "1940-05-01",
            }
        )
        cls.volunteer.write({"phone": "900 00 001", "lang": "nb_NO"})
        cls.by_mail = new_signed_volunteer(cls.env, "aktive_mail_volunteer").partner_id
        cls.by_mail.write(
            {"email": "kari@example.com", "aktive_message_channel": "email", "lang": "en_US"}
        )
        cls.wish = cls.env["aktive.wish"].create(
            {
                "participant_id": cls.participant.id,
                "name": "Gå på konsert",
                "category_id": cls.category.id,
                "state": "agreed",
            }
        )
        # The demo volunteers hear nothing in these tests: only ours are counted.
        cls.env["res.partner"].search(
            [
                ("is_aktive_volunteer", "=", True),
                ("id", "not in", (cls.volunteer | cls.by_mail).ids),
            ]
        ).aktive_message_channel = "none"
        cls.Message = cls.env["aktive.volunteer.message"]
        cls.Request = cls.env["aktive.volunteer.request"]

    def ask(self, partners, when="tirsdager formiddag"):
        with self.mock_datetime_and_now(DAYTIME), self.mockSMSGateway():
            return self.Request.with_user(self.coordinator)._aktive_ask(
                self.wish.with_user(self.coordinator), partners, when
            )

    # --- asking -------------------------------------------------------------------------
    def test_ask_from_the_suggestions(self):
        """The coordinator ticks two volunteers in Suggest volunteers and asks them in one
        action: one SMS, one e-mail, two requests on the wish."""
        wizard = (
            self.env["aktive.volunteer.suggestion"]
            .with_user(self.coordinator)
            .create({"wish_id": self.wish.id})
        )
        self.assertTrue(wizard.line_ids, "the signed volunteers are suggested")
        with self.assertRaises(UserError):
            wizard.action_ask()  # nobody ticked
        wizard.line_ids.filtered(
            lambda line: line.volunteer_id in self.volunteer | self.by_mail
        ).ask = True
        wizard.ask_when = "tirsdager"
        with self.mock_datetime_and_now(DAYTIME), self.mockSMSGateway():
            wizard.action_ask()
            self.assertEqual(len(self._sms), 1)
        self.assertEqual(self._sms[0]["number"], "+4790000001")
        requests = self.wish.request_ids
        self.assertEqual(requests.partner_id, self.volunteer | self.by_mail)
        self.assertEqual(set(requests.mapped("state")), {"asked"})
        mail = self.env["mail.mail"].search([("email_to", "ilike", "kari@example.com")])
        self.assertEqual(len(mail), 1)
        self.assertIn("/my/aktive/request/", mail.body_html)
        # Asking the same volunteers again asks nobody twice.
        with self.assertRaises(UserError):
            self.ask(self.volunteer | self.by_mail)

    def test_request_is_anonymised(self):
        """The request says what, where, when and the language - never the person's name,
        address, phone, birth date, life story or a sensitive note."""
        self.env["aktive.sensitive.note"].create(
            {"participant_id": self.participant.id, "note": "Demens, tidlig fase"}
        )
        self.ask(self.volunteer | self.by_mail)
        texts = [sms["body"] for sms in self._sms]
        texts += self.env["mail.mail"].search([("email_to", "ilike", "kari@")]).mapped("body_html")
        texts += self.wish.request_ids.mapped("text")
        self.assertEqual(len(texts), 4)
        for text in texts:
            for secret in ("Arne", "Hovedveien", "911 22 333", "1940", "sagbruket", "Demens"):
                self.assertNotIn(secret, text)
        bokmal = self._sms[0]["body"]
        self.assertIn("Moseidmoen", bokmal)
        self.assertIn("tirsdager formiddag", bokmal)
        self.assertIn("Hva:", bokmal, "in the volunteer's language (bokmål)")
        english = self.wish.request_ids.filtered(lambda r: r.partner_id == self.by_mail).text
        self.assertIn("What:", english, "in the volunteer's language (English)")

    def test_answer_yes_then_add_to_network(self):
        self.ask(self.volunteer)
        request = self.wish.request_ids
        token = request.sudo().access_token
        self.assertIn(token, self._sms[0]["body"])
        page = self.url_open(f"/my/aktive/request/{token}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Arne", page.text)
        self.assertIn("Moseidmoen", page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        answer = self.url_open(
            f"/my/aktive/request/{token}/answer",
            data={"csrf_token": csrf, "answer": "yes"},
        )
        self.assertEqual(answer.status_code, 200, answer.text[-3000:])
        self.assertEqual(request.state, "yes")
        todo = self.participant.activity_ids.filtered(lambda a: a.user_id == self.coordinator)
        self.assertIn(self.volunteer.name, todo.summary)
        request.with_user(self.coordinator).action_add_to_network()
        self.assertEqual(request.state, "added")
        self.assertIn(self.volunteer, self.participant.network_member_ids.partner_id)

    def test_wrong_or_bad_keys_are_not_found(self):
        self.ask(self.volunteer)
        for key in ("nope", "a" * 30, "x" * 3000):
            self.assertEqual(self.url_open(f"/my/aktive/request/{key}").status_code, 404)
            self.assertEqual(self.url_open(f"/my/aktive/answer/{key}").status_code, 404)

    # --- consent and quiet --------------------------------------------------------------
    def test_nothing_for_a_volunteer_who_chose_nothing(self):
        self.volunteer.aktive_message_channel = "none"
        self.ask(self.volunteer)
        self.assertFalse(self._sms)
        self.assertFalse(self.volunteer.aktive_message_ids)
        self.assertEqual(self.wish.request_ids.partner_id, self.volunteer, "still asked on file")

    def test_no_message_at_night(self):
        with self.mock_datetime_and_now(NIGHT), self.mockSMSGateway():
            self.Request.with_user(self.coordinator)._aktive_ask(self.wish, self.volunteer)
            self.assertFalse(self._sms)
        message = self.volunteer.aktive_message_ids
        self.assertEqual(message.state, "queued")
        self.assertEqual(message.date_planned, datetime(2026, 12, 9, 7, 0), "08:00 in Oslo")
        with self.mock_datetime_and_now(datetime(2026, 12, 9, 7, 15)), self.mockSMSGateway():
            self.Message._cron_send()
            self.assertEqual(len(self._sms), 1)
        self.assertEqual(message.state, "sent")

    def test_one_message_a_day(self):
        """What comes up the same day goes out as one text; after one message today, the
        next waits for tomorrow morning."""
        texts = iter(["First reminder", "Second reminder", "Third reminder"])
        with self.mock_datetime_and_now(DAYTIME):
            first = self.Message._aktive_queue(self.volunteer, "visit", lambda env: next(texts))
            second = self.Message._aktive_queue(self.volunteer, "checkin", lambda env: next(texts))
            with self.mockSMSGateway():
                (first | second)._aktive_send()
                self.assertEqual(len(self._sms), 1)
                self.assertIn("First reminder", self._sms[0]["body"])
                self.assertIn("Second reminder", self._sms[0]["body"])
            self.assertEqual(second.digest_id, first)
            third = self.Message._aktive_queue(self.volunteer, "followup", lambda env: next(texts))
            with self.mockSMSGateway():
                third._aktive_send()
                self.assertFalse(self._sms)
        self.assertEqual(third.state, "queued")
        self.assertEqual(third.date_planned, datetime(2026, 12, 9, 7, 0))

    def test_no_number_no_address(self):
        self.volunteer.phone = "12"
        self.by_mail.email = False
        self.ask(self.volunteer | self.by_mail)
        self.assertFalse(self._sms)
        messages = (self.volunteer | self.by_mail).aktive_message_ids
        self.assertEqual(set(messages.mapped("state")), {"failed"})
        self.assertTrue(all(messages.mapped("failure")))

    # --- reminders ----------------------------------------------------------------------
    def run_reminders(self, when=DAYTIME):
        with self.mock_datetime_and_now(when), self.mockSMSGateway():
            return self.env["aktive.volunteer.reminders"]._cron_remind()

    def test_reminders(self):
        today = DAYTIME.date()
        self.env.company.aktive_visit_reminder_days = 14
        self.add_member(self.volunteer, date_start=today - timedelta(days=20))
        # a follow-up conversation with the volunteer tomorrow
        self.env["aktive.followup"].create(
            {
                "participant_id": self.participant.id,
                "with_whom": "volunteer",
                "partner_id": self.volunteer.id,
                "date_planned": today + timedelta(days=1),
            }
        )
        # a declaration signed almost three years ago, and the coordinator's contact due
        self.volunteer.write(
            {
                "aktive_confidentiality_date": today - relativedelta(months=36, days=-10),
                "aktive_last_contact_date": today - relativedelta(months=3),
            }
        )
        messages = self.run_reminders()
        self.assertEqual(
            set(messages.mapped("kind")), {"visit", "followup", "declaration", "checkin"}
        )
        self.assertEqual(messages.partner_id, self.volunteer)
        self.assertEqual(len(self._sms), 1, "one message a day, the four together")
        body = self._sms[0]["body"]
        self.assertIn("14 dager", body)
        self.assertNotIn("Arne Test", body, "the person's first name only")
        self.assertNotIn("sagbruket", body)
        # The next day: nothing again for the same events.
        self.assertFalse(self.run_reminders(DAYTIME + timedelta(days=1)))

    def test_visit_logged_means_no_reminder(self):
        today = DAYTIME.date()
        self.add_member(self.volunteer, date_start=today - timedelta(days=20))
        self.env["aktive.contact.log"].with_user(self.volunteer_user).create(
            {"participant_id": self.participant.id, "date": today - timedelta(days=3)}
        )
        self.assertFalse(self.run_reminders().filtered(lambda m: m.kind == "visit"))

    def test_checkin_answered_on_the_phone(self):
        self.volunteer.aktive_last_contact_date = DAYTIME.date() - relativedelta(months=3)
        message = self.run_reminders()
        self.assertEqual(message.kind, "checkin")
        token = message.sudo().access_token
        self.assertIn(f"/my/aktive/answer/{token}", self._sms[0]["body"])
        self.start_tour(f"/my/aktive/answer/{token}", "aktive_volunteer_checkin_tour", timeout=60)
        self.assertEqual(message.checkin_answer, "fine")
        self.assertEqual(self.volunteer.aktive_last_contact_date, fields.Date.today())
        contact = self.env["aktive.volunteer.contact"].search(
            [("partner_id", "=", self.volunteer.id)]
        )
        self.assertEqual(contact.kind, "message")

    def test_checkin_wanting_to_talk_gives_a_todo(self):
        self.add_member(self.volunteer)
        self.volunteer.aktive_last_contact_date = DAYTIME.date() - relativedelta(months=3)
        message = self.run_reminders().filtered(lambda m: m.kind == "checkin")
        message.sudo()._aktive_answer_checkin("talk")
        todo = self.volunteer.activity_ids
        self.assertEqual(todo.user_id, self.coordinator)

    # --- who reads the messages ------------------------------------------------------------
    def test_messages_listed_on_the_card_for_coordinators_only(self):
        self.ask(self.volunteer)
        self.assertEqual(len(self.volunteer.with_user(self.coordinator).aktive_message_ids), 1)
        for role in ("volunteer", "municipal"):
            user = self.roles[role]
            with self.assertRaises(AccessError):
                self.Message.with_user(user).search([])
            self.assertDenied(role, "aktive.volunteer.message", "read", "acl")
            with self.assertRaises(AccessError):
                self.Request.with_user(user).search([])
            self.assertDenied(role, "aktive.volunteer.request", "read", "acl")
        other = self.env["res.company"].create({"name": "Iveland kommune"})
        coordinator = self.new_role_user("aktive_coordinator_iveland", "coordinator", other)
        self.assertFalse(self.Message.with_user(coordinator).search([]))
        self.assertFalse(self.Request.with_user(coordinator).search([]))

    def test_a_volunteer_answers_a_request_on_the_phone(self):
        self.ask(self.volunteer)
        token = self.wish.request_ids.sudo().access_token
        self.browser_size = "390x844"
        self.start_tour(f"/my/aktive/request/{token}", "aktive_volunteer_request_tour", timeout=60)
        self.assertEqual(self.wish.request_ids.state, "yes")

    def test_channel_on_the_profile(self):
        self.authenticate(self.volunteer_user.login, self.volunteer_user.login)
        page = self.url_open("/my/aktive/profile")
        self.assertIn("o_aktive_channel_form", page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        self.url_open("/my/aktive/profile/messages", data={"csrf_token": csrf, "channel": "none"})
        self.assertEqual(self.volunteer.aktive_message_channel, "none")
        self.url_open("/my/aktive/profile/messages", data={"csrf_token": csrf, "channel": "x"})
        self.assertEqual(self.volunteer.aktive_message_channel, "none", "unknown choice ignored")

    def test_settings(self):
        settings = self.env["aktive.settings"].with_user(self.admin_user).create({})
        settings.write({"visit_reminder_days": 21, "police_renew_months": 24})
        settings.action_save()
        self.assertEqual(self.env.company.aktive_visit_reminder_days, 21)
        self.assertEqual(self.env.company.aktive_police_renew_months, 24)
        with self.assertRaises(ValidationError):
            settings.write({"visit_reminder_days": 5000})


@tagged("post_install", "-at_install")
class TestVolunteerMessageQueries(AktiveCase, MockSMS):
    """Asking volunteers and the daily reminder job (tests/operations.py, benchmarked by
    tests/bench_scale.py): their queries do not grow with the rest of the data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.partner"].search([("is_aktive_volunteer", "=", True)]).write(
            {"aktive_message_channel": "none"}
        )
        cls.volunteer.write({"phone": "900 00 001", "aktive_message_channel": "sms"})
        cls.second = new_signed_volunteer(cls.env, "aktive_second_volunteer").partner_id
        cls.second.write({"phone": "900 00 002"})
        cls.wish = cls.env["aktive.wish"].create(
            {"participant_id": cls.participant.id, "name": "Kaffe", "category_id": cls.category.id}
        )
        cls.add_member(cls, cls.volunteer, date_start=DAYTIME.date() - timedelta(days=30))
        cls.volunteer.aktive_last_contact_date = DAYTIME.date() - relativedelta(months=3)

    def grow(self, n):
        """n more volunteers and cases that are not due anything: a visit logged, a recent
        contact with the coordinator."""
        today = DAYTIME.date()
        volunteers = self.env["res.partner"].browse(
            [new_signed_volunteer(self.env, f"aktive_grow_{n}_{i}").partner_id.id for i in range(n)]
        )
        volunteers.write({"aktive_last_contact_date": today, "phone": "900 11 111"})
        cases = self.env["aktive.participant"].create([{"name": f"Case {n}-{i}"} for i in range(n)])
        for case, volunteer in zip(cases, volunteers, strict=True):
            self.add_member(volunteer, participant=case)
            self.env["aktive.contact.log"].create(
                {
                    "participant_id": case.id,
                    "user_id": volunteer.user_ids.id,
                    "date": today - timedelta(days=1),
                }
            )
        self.env.flush_all()
        self.env.invalidate_all()

    def count(self, operation, *args, as_user=None):
        env = self.env(user=as_user or self.coordinator)
        with self.mock_datetime_and_now(DAYTIME), self.mockSMSGateway():
            operations.rolled_back(env, operation, *args)  # warm the registry caches
            before = self.cr.sql_log_count
            operations.rolled_back(env, operation, *args)
            return self.cr.sql_log_count - before

    def test_counts_do_not_grow_with_the_data(self):
        ops = {
            "ask": (operations.ask_volunteers, self.wish, self.volunteer | self.second),
            "reminders": (operations.volunteer_reminders,),
        }
        self.grow(3)
        small = {name: self.count(*op) for name, op in ops.items()}
        self.grow(12)
        large = {name: self.count(*op) for name, op in ops.items()}
        for name in ops:
            with self.subTest(operation=name):
                self.assertEqual(small[name], large[name], f"{name}: {small} vs {large}")
        self.assertEqual(len(self._sms), 2, "the reminder went out, twice measured")
        self.assertLess(large["ask"], 60)
        self.assertLess(large["reminders"], 60)


@tagged("post_install", "-at_install")
class TestAskTour(MockSMS):
    """The coordinator's path in the browser, as the demo coordinator Bjørg: ask a volunteer
    about Vera's wish, then add her from the wish once she said yes."""

    def test_ask_then_add_from_the_answer(self):
        ref = self.env.ref
        vera = ref("aktive_sammen_addon.participant_vera_demo")
        sigrid = self.env["res.partner"].search([("name", "=", "Sigrid Homme")])
        wish = vera.wish_ids[:1]
        with self.mockSMSGateway():
            self.start_tour(
                f"/odoo/aktive.participant/{vera.id}",
                "aktive_desk_ask_tour",
                login="bjorg",
                timeout=180,
            )
        request = wish.request_ids.filtered(lambda r: r.partner_id == sigrid)
        self.assertEqual(request.state, "asked")
        self.assertIn("torsdager etter lunsj", request.text)
        self.assertNotIn("Vera", request.text)
        message = request.message_ids
        self.assertEqual(message.kind, "request")
        # Sent now by day; at night it waits for the morning (test_no_message_at_night).
        self.assertIn(message.state, ("sent", "queued"))
        request.sudo()._aktive_answer(True)
        self.start_tour(
            f"/odoo/aktive.wish/{wish.id}",
            "aktive_desk_add_from_answer_tour",
            login="bjorg",
            timeout=180,
        )
        self.assertEqual(request.state, "added")
        self.assertIn(sigrid, vera.network_member_ids.partner_id)
