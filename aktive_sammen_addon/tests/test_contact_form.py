"""The contact form: models/aktive_participant_contact_form.py (content, consent, sending),
models/aktive_contact_form_version.py (the archive) and models/ir_actions_report.py."""

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SIGNED
from .common import AktiveCase

REPORT = "aktive_sammen_addon.report_contact_form"


def render_html(env, participants):
    html, _type = env["ir.actions.report"]._render_qweb_html(REPORT, participants.ids)
    return " ".join(html.decode().split())  # one space between words, as a reader sees it


class FormCase(AktiveCase):
    def assertOnForm(self, text, html):
        self.assertTrue(text in html, f"{text!r} is not on the contact form")

    def assertNotOnForm(self, text, html):
        self.assertFalse(text in html, f"{text!r} must not be on the contact form")


@tagged("post_install", "-at_install")
class TestContactFormContent(FormCase):
    def test_arne_demo_form_has_every_block(self):
        arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        html = render_html(self.env, arne)
        expected = [
            "Arne Sødal",
            "Heiveien 12",
            "913 45 678",  # the participant
            "Bjørg Haugland",  # coordinator
            "When the situation changes, call the municipality",
            "Hilde Berntsen",
            "480 12 345",
            "Hjemmetjenesten",  # whom to call
            "Kåre Lian",
            "941 22 333",
            "Randi Skuland",
            "941 44 555",  # volunteers + phones
            "Mahmoud Haddad",
            "941 11 222",
            "Visiting friend",
            "Kari Sødal",
            "922 33 444",  # own network
            "Lions Club Vennesla",
            "913 00 101",  # organisation
            "Jeg vil gjerne fortsette på møtene i Lions.",
            "Lions-møte",  # wish + activity
            "Mahmoud kommer på besøk en gang i uka",  # what was agreed
            "Trenger skyss til møter.",  # adaptations
            "Next follow-up",
            "Consent:",
            "Sending the contact form to the municipality",
        ]
        for text in expected:
            with self.subTest(text=text):
                self.assertOnForm(text, html)
        # ended members are not on the form; nothing sensitive is
        self.assertNotOnForm("Odd Hægeland", html)
        self.assertNotOnForm("lungebetennelse", html)
        self.assertNotOnForm("Enkemann", html)

    def test_long_lists_are_shortened_not_flowed(self):
        self.participant.action_give_consent()
        partners = self.env["res.partner"].create(
            [{"name": f"Friend {i}", "phone": f"900 00 {i:03d}"} for i in range(14)]
        )
        for partner in partners:
            self.add_member(partner)
        for i in range(12):
            self.add_wish(name=f"Wish number {i}")
        html = render_html(self.env, self.participant)
        self.assertOnForm("Friend 11", html)
        self.assertNotOnForm("Friend 12", html)
        self.assertIn("(+2 more, see the participant's record)", html)
        self.assertOnForm("Wish number 9", html)
        self.assertNotOnForm("Wish number 10", html)

    def test_no_consent_no_form(self):
        with self.assertRaisesRegex(UserError, "No recorded consent"):
            render_html(self.env, self.participant)
        with self.assertRaisesRegex(UserError, "No recorded consent"):
            self.participant.action_print_contact_form()
        self.participant.action_give_consent()
        action = self.participant.action_print_contact_form()
        self.assertEqual(action["type"], "ir.actions.report")


@tagged("post_install", "-at_install")
class TestContactFormVolunteer(FormCase):
    def setUp(self):
        super().setUp()
        self.participant.write(
            {"birthdate": "1941-03-14", "consent_given": True, "consent_date": self.today}
        )
        self.add_member(self.volunteer)
        self.foreign = self.env["aktive.participant"].create(
            {"name": "Foreign", "consent_given": True, "consent_date": self.today}
        )

    def test_volunteer_prints_own_participant_without_case_worker_fields(self):
        env = self.env(user=self.volunteer_user)
        self.env.invalidate_all()
        html = render_html(env, self.participant.with_env(env))
        self.assertOnForm("Arne Test", html)
        self.assertOnForm("Mahmoud Test", html)
        self.assertNotOnForm("1941", html)
        self.assertOnForm("Consent:", html)

    def test_volunteer_is_refused_another_participants_form(self):
        env = self.env(user=self.volunteer_user)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            render_html(env, self.foreign.with_env(env))
        with self.assertRaises(AccessError):
            env["ir.actions.report"]._render_qweb_pdf(REPORT, self.foreign.ids)


@tagged("post_install", "-at_install")
class TestSendToMunicipality(AktiveCase):
    def setUp(self):
        super().setUp()
        self.contact = self.env["res.partner"].create(
            {"name": "Hilde Home Care", "email": "hilde@kommune.example", "phone": "480 12 345"}
        )
        self.participant.municipal_contact_id = self.contact
        self.volunteer_signed = self.volunteer
        self.volunteer_signed.aktive_confidentiality_document = SIGNED

    def send(self):
        action = self.participant.with_user(self.coordinator).action_send_contact_form()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.coordinator)
            .with_context(**action["context"])
            .create({})
        )
        composer._action_send_mail()
        return action

    def test_refused_without_consent(self):
        with self.assertRaisesRegex(UserError, "No recorded consent"):
            self.participant.action_send_contact_form()
        self.assertFalse(self.participant.contact_form_version_ids)

    def test_refused_without_a_municipal_contact_email(self):
        self.participant.action_give_consent()
        self.contact.email = False
        with self.assertRaisesRegex(UserError, "with an email address"):
            self.participant.action_send_contact_form()

    def test_versions_are_archived_posted_and_sent(self):
        self.participant.action_give_consent()
        action = self.send()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertEqual(
            action["context"]["default_template_id"],
            self.env.ref("aktive_sammen_addon.mail_template_contact_form").id,
        )
        version = self.participant.contact_form_version_ids
        self.assertEqual(version.version, 1)
        self.assertEqual(version.recipient_id, self.contact)
        self.assertTrue(version.attachment_id.raw)
        sent = self.participant.message_ids.filtered(lambda m: self.contact in m.partner_ids)
        self.assertEqual(len(sent), 1)
        self.assertIn(version.attachment_id, sent.attachment_ids)
        self.assertIn("Contact form", sent.subject)
        # an update, then version 2
        self.participant.adaptations = "Hearing loop at the club"
        self.send()
        versions = self.participant.contact_form_version_ids
        self.assertEqual(sorted(versions.mapped("version")), [1, 2])
        self.assertEqual(len(versions.attachment_id), 2)
        notes = self.participant.message_ids.filtered(
            lambda m: "prepared for Hilde Home Care" in str(m.body)
        )
        self.assertEqual(len(notes), 2)

    def test_withdrawn_consent_stops_sharing(self):
        self.participant.write({"consent_given": True, "consent_date": self.today})
        self.send()
        self.participant.action_withdraw_consent()
        with self.assertRaisesRegex(UserError, "No recorded consent"):
            self.participant.action_send_contact_form()
        self.assertEqual(len(self.participant.contact_form_version_ids), 1)

    def test_archived_forms_are_for_case_workers_only(self):
        self.participant.action_give_consent()
        self.add_member(self.volunteer)
        self.send()
        attachment = self.participant.contact_form_version_ids.attachment_id
        self.assertEqual(attachment.res_model, "aktive.contact.form.version")
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            attachment.with_user(self.volunteer_user).read(["raw"])
        found = (
            self.env["ir.attachment"]
            .with_user(self.volunteer_user)
            .search(
                [("res_model", "=", "aktive.participant"), ("res_id", "=", self.participant.id)]
            )
        )
        self.assertFalse(found, "nothing of the case is attached where a volunteer reads")

    def test_volunteer_cannot_send(self):
        self.participant.action_give_consent()
        self.add_member(self.volunteer)
        with self.assertRaises(AccessError):
            self.participant.with_user(self.volunteer_user).action_send_contact_form()
