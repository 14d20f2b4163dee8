"""Issue 15, item 2: the form each time it is updated. The case knows when what its contact
form shows has changed since the last version sent (models/aktive_participant_contact_form.py,
contact_form_changed), the coordinator gets one activity to send it, and sending archives the
version with the volunteers' contact log since the previous one (models/
aktive_contact_form_version.py, wizard/mail_compose_message.py)."""

from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError
from odoo.orm import environments
from odoo.tests import HttpCase
from odoo.tests import tagged

from . import operations
from .common import AktiveCase
from .poppler import page_count
from .poppler import poppler
from .poppler import render_pdf
from .poppler import write_pdf

SEND = "aktive_sammen_addon.mail_activity_type_send_contact_form"


def tagged_translation(module, lang, source, args):
    """Odoo's code translation, with the language it was asked for in front: shows which
    language a text was written in without depending on the .po files."""
    return f"[{lang}] " + (source % args if args else source)


def in_languages():
    """Bokmål active, and every code text tagged with its language."""
    return patch.object(environments, "get_translation", side_effect=tagged_translation)


class FormUpdateCase(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create(
            {"name": "Hilde Home Care", "email": "hilde@kommune.example", "phone": "480 12 345"}
        )
        cls.participant.write(
            {
                "municipal_contact_id": cls.contact.id,
                "adaptations": "Hearing loop",
                "consent_given": True,
                "consent_date": cls.today,
            }
        )
        cls.member = cls.add_member(cls, cls.volunteer)

    def send(self, participant=None):
        participant = participant or self.participant
        action = participant.with_user(self.coordinator).action_send_contact_form()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.coordinator)
            .with_context(**action["context"])
            .create({})
        )
        composer.action_send_mail()
        self.commit_hooks()
        return self.env["aktive.contact.form.version"].search(
            [("participant_id", "=", participant.id)], order="version desc", limit=1
        )

    def commit_hooks(self):
        """What happens before a commit: flush, then the precommit hooks (the activity)."""
        self.env.cr.flush()

    def send_activities(self, participant=None):
        participant = participant or self.participant
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "aktive.participant"),
                ("res_id", "=", participant.id),
                ("activity_type_id", "=", self.env.ref(SEND).id),
            ]
        )

    def changed(self, participant=None):
        participant = participant or self.participant
        participant.invalidate_recordset(["contact_form_changed"])
        return participant.contact_form_changed


@tagged("post_install", "-at_install")
class TestChangedSinceSent(FormUpdateCase):
    def test_a_case_never_sent_is_not_flagged(self):
        self.participant.adaptations = "Wheelchair"
        self.commit_hooks()
        self.assertFalse(self.changed())
        self.assertFalse(self.send_activities())

    def test_sent_form_is_unchanged_until_what_it_shows_changes(self):
        version = self.send()
        self.assertTrue(version.fingerprint)
        self.assertFalse(self.changed(), "as sent")
        # what the form does not print is no update: the life story, the interests, a log
        self.participant.write({"life_story": "<p>Enkemann</p>", "interests": "Fishing"})
        self.env["aktive.contact.log"].create({"participant_id": self.participant.id})
        self.commit_hooks()
        self.assertFalse(self.changed())
        self.assertFalse(self.send_activities())
        # each block of the form counts
        for change in (
            lambda: self.participant.write({"adaptations": "Wheelchair"}),
            lambda: self.member.write({"frequency": "Every Tuesday"}),
            lambda: self.volunteer.write({"phone": "900 99 999"}),
            lambda: self.contact.write({"phone": "480 00 000"}),
            lambda: self.env["aktive.wish"].create(
                {"participant_id": self.participant.id, "name": "Go to the café"}
            ),
            lambda: self.participant.action_plan_followup(),
        ):
            self.send()
            self.assertFalse(self.changed())
            change()
            self.assertTrue(self.changed(), "the form shows something new")

    def test_one_activity_for_the_coordinator_however_many_changes(self):
        self.send()
        self.participant.adaptations = "Wheelchair"
        self.commit_hooks()
        activity = self.send_activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertEqual(activity.summary, "Send the updated contact form to the municipality")
        self.env["aktive.wish"].create({"participant_id": self.participant.id, "name": "Walks"})
        self.member.frequency = "Twice a month"
        self.commit_hooks()
        self.assertEqual(self.send_activities(), activity, "planned once, not one per change")

    def test_the_activity_is_in_the_coordinators_language(self):
        if not self.env["res.lang"]._lang_get("nb_NO"):
            self.env["res.lang"]._activate_lang("nb_NO")
        self.coordinator.lang = "nb_NO"
        self.send()
        with in_languages():
            # a volunteer, in English, proposes a wish: the coordinator reads bokmål
            self.env["aktive.wish"].with_user(self.volunteer_user).with_context(
                lang="en_US"
            ).create({"participant_id": self.participant.id, "name": "Fishing"})
            self.commit_hooks()
        self.assertTrue(self.send_activities().summary.startswith("[nb_NO] Send the updated"))

    def test_sending_closes_the_activity_and_clears_the_flag(self):
        self.send()
        self.participant.adaptations = "Wheelchair"
        self.commit_hooks()
        activity = self.send_activities()
        self.assertTrue(activity)
        version = self.send()
        self.assertEqual(version.version, 2)
        self.assertFalse(self.changed())
        self.assertFalse(activity.active, "done (Odoo keeps done activities archived)")
        self.assertFalse(self.send_activities())
        done = self.participant.message_ids.filtered(
            lambda m: m.mail_activity_type_id == self.env.ref(SEND)
        )
        self.assertEqual(len(done), 1, "the done activity stays in the case log")

    def test_changing_back_clears_the_flag_and_the_activity(self):
        self.send()
        self.participant.adaptations = "Wheelchair"
        self.commit_hooks()
        self.assertTrue(self.send_activities())
        self.participant.adaptations = "Hearing loop"
        self.commit_hooks()
        self.assertFalse(self.changed(), "the form shows what was sent again")
        self.assertFalse(self.send_activities())

    def test_no_activity_without_consent_or_on_a_closed_case(self):
        self.send()
        self.participant.adaptations = "Wheelchair"
        self.commit_hooks()
        self.assertTrue(self.send_activities())
        self.participant.action_withdraw_consent()
        self.commit_hooks()
        self.assertTrue(self.changed())
        self.assertFalse(self.send_activities(), "nothing may be sent without consent")
        self.participant.action_give_consent()
        self.commit_hooks()
        self.assertTrue(self.send_activities(), "consent again: the form is to be sent")
        self.participant.write({"state": "closed", "close_reason": "Moved away"})
        self.commit_hooks()
        self.assertFalse(self.changed(), "a closed case sends nothing more")
        self.assertFalse(self.send_activities())

    def test_a_volunteer_proposing_a_wish_warns_the_coordinator(self):
        self.send()
        self.env["aktive.wish"].with_user(self.volunteer_user).create(
            {"participant_id": self.participant.id, "name": "Fishing by the river"}
        )
        self.commit_hooks()
        self.assertTrue(self.changed())
        self.assertEqual(self.send_activities().user_id, self.coordinator)
        # the flag is the case workers': a volunteer cannot read it
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.participant.with_user(self.volunteer_user).read(["contact_form_changed"])

    def test_the_board_reads_the_flag_without_rendering_any_form(self):
        """A stored column: the board reads it in its one query per step, no form is
        rendered, and the count does not grow with the flagged cases."""
        env = self.env(user=self.coordinator)
        operations.kanban_first_page(env)  # warm the registry caches

        def count():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Participant = type(self.env["aktive.participant"])
            with patch.object(
                Participant, "_contact_form_values", side_effect=AssertionError("rendered")
            ):
                result = operations.kanban_first_page(env)
            return self.cr.sql_log_count - before, result

        self.send()
        self.participant.adaptations = "Wheelchair"
        self.commit_hooks()
        small, result = count()
        cards = [card for group in result["groups"] for card in group["__records"]]
        flagged = [c["id"] for c in cards if c["contact_form_changed"]]
        self.assertEqual(flagged, [self.participant.id])
        for i in range(5):
            other = self.env["aktive.participant"].create(
                {
                    "name": f"Other {i}",
                    "coordinator_id": self.coordinator.id,
                    "municipal_contact_id": self.contact.id,
                    "consent_given": True,
                    "consent_date": self.today,
                }
            )
            self.send(other)
            other.adaptations = "Rullator"
        self.commit_hooks()
        large, result = count()
        cards = [card for group in result["groups"] for card in group["__records"]]
        self.assertEqual(len([c for c in cards if c["contact_form_changed"]]), 6)
        self.assertEqual(small, large)


@tagged("post_install", "-at_install")
class TestContactLogSent(FormUpdateCase):
    def log(self, note):
        return (
            self.env["aktive.contact.log"]
            .with_user(self.volunteer_user)
            .create({"participant_id": self.participant.id, "note": note})
        )

    def mail_of(self, version):
        return self.participant.message_ids.filtered(
            lambda m: self.contact in m.partner_ids and version.attachment_id in m.attachment_ids
        )

    def test_the_log_since_the_previous_version_goes_with_each_version(self):
        first = self.log("Coffee at the centre")
        v1 = self.send()
        self.assertEqual(v1.log_ids, first)
        self.assertTrue(v1.log_attachment_id)
        self.assertEqual(v1.log_attachment_id.res_model, "aktive.contact.form.version")
        self.assertEqual(v1.log_attachment_id.res_id, v1.id)
        self.assertNotEqual(v1.log_attachment_id, v1.attachment_id, "a file of its own")
        self.assertEqual(self.mail_of(v1).attachment_ids, v1.attachment_id | v1.log_attachment_id)
        self.assertIn("Coffee at the centre", v1.log_attachment_id.raw.decode())
        self.assertIn("Mahmoud Test", v1.log_attachment_id.raw.decode(), "who logged it")
        second = self.log("A walk by the river")
        self.participant.adaptations = "Wheelchair"
        v2 = self.send()
        self.assertEqual(v2.log_ids, second, "only what was logged since version 1")
        log2 = v2.log_attachment_id.raw.decode()
        self.assertIn("A walk by the river", log2)
        self.assertNotIn("Coffee at the centre", log2)
        self.assertEqual(self.mail_of(v2).attachment_ids, v2.attachment_id | v2.log_attachment_id)

    def test_nothing_logged_no_log_file(self):
        version = self.send()
        self.assertFalse(version.log_ids)
        self.assertFalse(version.log_attachment_id)
        self.assertEqual(self.mail_of(version).attachment_ids, version.attachment_id)

    def test_the_log_file_is_for_case_workers_only(self):
        self.log("Coffee at the centre")
        version = self.send()
        attachment = version.log_attachment_id
        self.env.invalidate_all()
        self.assertTrue(attachment.with_user(self.coordinator).read(["raw"])[0]["raw"])
        for user in (self.volunteer_user, self.new_staff_volunteer("staff_log_volunteer")):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                with self.assertRaises(AccessError):
                    attachment.with_user(user).read(["raw"])
                with self.assertRaises(AccessError):
                    version.with_user(user).read(["log_pdf"])


@tagged("post_install", "-at_install")
class TestContactLogPdf(HttpCase):
    """The log sent with a version, as the real PDF (Debian's wkhtmltopdf): A4, real text."""

    poppler = staticmethod(poppler)

    def setUp(self):
        super().setUp()
        # wkhtmltopdf loads the report's CSS from this test server.
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())

    def test_the_log_is_an_a4_pdf_with_text(self):
        arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.env["aktive.contact.log"].create(
            {"participant_id": arne.id, "note": "Kaffe og vafler på Lions-møtet, æøå", "hours": 2}
        )
        version = self.env["aktive.contact.form.version"].create(
            {
                "participant_id": arne.id,
                "version": 99,
                "log_ids": [Command.set(arne.contact_log_ids.ids)],
            }
        )
        content = render_pdf(self.env, "aktive_sammen_addon.action_report_contact_log", version.ids)
        path = write_pdf(self, content)
        info = self.poppler("pdfinfo", path)
        self.assertEqual(page_count(info), 1)
        self.assertIn("595 x 842 pts (A4)", info)
        self.assertIn("DejaVu", self.poppler("pdffonts", path), "text must be real text")
        text = " ".join(self.poppler("pdftotext", path).split())
        self.assertIn("Kaffe og vafler på Lions-møtet, æøå", text)
        self.assertIn("Arne Sødal", text)
