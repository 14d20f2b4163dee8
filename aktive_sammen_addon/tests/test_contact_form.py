"""The contact form: models/aktive_participant_contact_form.py (content, consent, sending),
models/aktive_contact_form_version.py (the archive) and models/ir_actions_report.py."""

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import PIXEL_PNG
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
            "Vennesla kommune",  # the demo municipality heads the form
            "Arne Sødal",
            "Heiveien 12",
            "913 45 678",  # the participant
            "Bjørg Haugland",
            "38 13 71 01",  # coordinator
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
            # stored in the demo municipality's language (models/aktive_text_language.py)
            "Kontaktskjemaet sendes til kommunen",
        ]
        for text in expected:
            with self.subTest(text=text):
                self.assertOnForm(text, html)
        # ended members are not on the form; nothing sensitive is
        self.assertNotOnForm("Odd Hægeland", html)
        self.assertNotOnForm("lungebetennelse", html)
        self.assertNotOnForm("Enkemann", html)

    def test_the_company_logo_but_not_odoos_placeholder(self):
        company = self.participant.company_id
        company.logo = False  # back to Odoo's default: the "YourLogo" picture
        self.assertTrue(company.uses_default_logo)
        self.assertFalse(self.participant._contact_form_values()["logo"])
        company.logo = PIXEL_PNG
        self.assertFalse(company.uses_default_logo)
        self.assertEqual(self.participant._contact_form_values()["logo"], company.logo)

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


def activate_bokmal(env):
    """Norwegian bokmål with the addon's translations (the demo data does it already)."""
    if not env["res.lang"]._lang_get("nb_NO"):
        env["res.lang"]._activate_lang("nb_NO")
        env["ir.module.module"]._load_module_terms(["aktive_sammen_addon"], ["nb_NO"])


@tagged("post_install", "-at_install")
class TestContactFormLanguage(FormCase):
    def test_printed_in_the_language_of_who_prints(self):
        activate_bokmal(self.env)
        norwegian = new_test_user(
            self.env,
            login="aktive_nb",
            groups="aktive_sammen_addon.group_aktive_coordinator",
            lang="nb_NO",
        )
        # The person's contact card in English (as the demo's), the coordinator Norwegian.
        self.participant.partner_id.lang = "en_US"
        self.participant.action_give_consent()
        env = self.env(user=norwegian)
        html = render_html(env, self.participant.with_env(env))
        self.assertOnForm("Kontaktskjema", html)
        self.assertOnForm("Når situasjonen endrer seg, ring kommunen", html)
        self.assertNotOnForm("call the municipality", html)
        self.env.user.lang = "en_US"
        self.assertOnForm("call the municipality", render_html(self.env, self.participant))


@tagged("post_install", "-at_install")
class TestContactFormVolunteer(FormCase):
    def setUp(self):
        super().setUp()
        self.participant.write(
            {
                "birthdate": "1941-03-14",
                "consent_given": True,
                "consent_date": "2025-11-23",
                "consent_scope": "Only to Home care in Vennesla",
            }
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
        self.assertOnForm("Recorded by the coordinator.", html)

    def test_volunteer_form_has_no_consent_details(self):
        """README V3: a volunteer does not read the consent date or scope, printed or not."""
        html = render_html(self.env(user=self.coordinator), self.participant)
        self.assertOnForm("11/23/2025", html)
        self.assertOnForm("Only to Home care in Vennesla", html)
        env = self.env(user=self.volunteer_user)
        self.env.invalidate_all()
        html = render_html(env, self.participant.with_env(env))
        self.assertNotOnForm("11/23/2025", html)
        self.assertNotOnForm("Only to Home care", html)
        self.assertNotOnForm("Given on", html)

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

    def compose(self):
        """What the coordinator's click on "Send to municipality" opens."""
        action = self.participant.with_user(self.coordinator).action_send_contact_form()
        self.assertEqual(action["res_model"], "mail.compose.message")
        return (
            self.env["mail.compose.message"]
            .with_user(self.coordinator)
            .with_context(**action["context"])
            .create({})
        )

    def send(self):
        self.compose().action_send_mail()

    def sent_mails(self):
        return self.participant.message_ids.filtered(lambda m: self.contact in m.partner_ids)

    def test_refused_without_consent(self):
        with self.assertRaisesRegex(UserError, "No recorded consent"):
            self.participant.action_send_contact_form()
        self.assertFalse(self.participant.contact_form_version_ids)

    def test_refused_without_a_municipal_contact_email(self):
        self.participant.action_give_consent()
        self.contact.email = False
        with self.assertRaisesRegex(UserError, "with an email address"):
            self.participant.action_send_contact_form()

    def test_opening_the_composer_archives_nothing(self):
        self.participant.action_give_consent()
        composer = self.compose()
        self.assertEqual(
            composer.template_id, self.env.ref("aktive_sammen_addon.mail_template_contact_form")
        )
        self.assertEqual(composer.partner_ids, self.contact)
        self.assertFalse(self.participant.contact_form_version_ids)
        self.assertFalse(composer.attachment_ids)
        self.assertFalse(
            self.participant.message_ids.filtered(lambda m: "Contact form" in str(m.body))
        )

    def test_discarded_composer_leaves_nothing(self):
        self.participant.action_give_consent()
        messages = self.participant.message_ids
        self.compose()  # and closed without sending
        self.assertFalse(self.participant.contact_form_version_ids)
        self.assertFalse(
            self.env["aktive.contact.form.version"]
            .search([])
            .filtered(lambda v: v.participant_id == self.participant)
        )
        self.assertEqual(self.participant.message_ids, messages)

    def test_versions_are_archived_posted_and_sent(self):
        self.participant.action_give_consent()
        self.send()
        version = self.participant.contact_form_version_ids
        self.assertEqual(version.version, 1)
        self.assertEqual(version.recipient_id, self.contact)
        self.assertTrue(version.attachment_id.raw)
        sent = self.sent_mails()
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.attachment_ids, version.attachment_id, "the PDF of that version")
        self.assertIn("Contact form", sent.subject)
        notes = self.participant.message_ids.filtered(
            lambda m: "Contact form version 1 sent to Hilde Home Care" in str(m.body)
        )
        self.assertEqual(len(notes), 1)
        # an update, then version 2, in the second mail
        self.participant.adaptations = "Hearing loop at the club"
        self.send()
        versions = self.participant.contact_form_version_ids
        self.assertEqual(sorted(versions.mapped("version")), [1, 2])
        self.assertEqual(len(versions.attachment_id), 2)
        second = self.sent_mails() - sent
        v2 = versions.filtered(lambda v: v.version == 2)
        self.assertEqual(second.attachment_ids, v2.attachment_id)
        self.assertIn("Hearing loop at the club", v2.attachment_id.raw.decode())
        notes = self.participant.message_ids.filtered(
            lambda m: "sent to Hilde Home Care" in str(m.body)
        )
        self.assertEqual(len(notes), 2)

    def test_sending_without_consent_is_refused(self):
        """Consent withdrawn while the composer was open: the mail does not go."""
        self.participant.action_give_consent()
        composer = self.compose()
        self.participant.action_withdraw_consent()
        with self.assertRaisesRegex(UserError, "No recorded consent"):
            composer.action_send_mail()
        self.assertFalse(self.participant.contact_form_version_ids)
        self.assertFalse(self.sent_mails())

    def test_mailed_form_is_in_the_language_of_the_mail(self):
        activate_bokmal(self.env)
        self.contact.lang = "nb_NO"
        self.participant.action_give_consent()
        self.send()
        pdf = self.participant.contact_form_version_ids.attachment_id.raw.decode()
        self.assertIn("Kontaktskjema", pdf)  # the tests render HTML instead of PDF

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
        # A portal volunteer may not even search files (no access right): a denial too.
        Attachment = self.env["ir.attachment"].with_user(self.volunteer_user)
        on_case = [("res_model", "=", "aktive.participant"), ("res_id", "=", self.participant.id)]
        try:
            found = Attachment.search(on_case)
        except AccessError:
            found = Attachment.browse()
        self.assertFalse(found, "nothing of the case is attached where a volunteer reads")

    def test_volunteer_cannot_send(self):
        self.participant.action_give_consent()
        self.add_member(self.volunteer)
        with self.assertRaises(AccessError):
            self.participant.with_user(self.volunteer_user).action_send_contact_form()
