"""Health information stays with the municipality (issue 15, item 6): the free texts warn
where they are typed and when a health term is saved (a warning, not a block); a municipal
contact person moves such sentences into a sensitive note; the demo keeps every health
detail in sensitive notes."""

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import html2plaintext

from ..models.aktive_health_terms import find_health_terms
from ..models.aktive_health_terms import parse_health_terms
from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestHealthTerms(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["aktive.municipal.unit"].create(
            {"name": "Home care test", "user_ids": [cls.municipal_user.id]}
        )
        cls.participant.municipal_unit_id = cls.unit

    def onchange(self, model, user, values, record=None):
        Model = (record or self.env[model]).with_user(user)
        return Model.onchange(values, list(values), {name: {} for name in values})

    def test_terms_are_words_and_inflections(self):
        terms = parse_health_terms("Diagnose, demens;\n slag, medisin, demens")
        self.assertEqual(terms, ["diagnose", "demens", "slag", "medisin"])
        self.assertEqual(find_health_terms("Begynnende demens.", terms), ["demens"])
        self.assertEqual(find_health_terms("Demensen er ny.", terms), ["demens"])
        self.assertEqual(find_health_terms("Tar Medisiner hver dag.", terms), ["medisin"])
        self.assertEqual(find_health_terms("Hadde et slag i fjor.", terms), ["slag"])
        # A short term is a word, not a part of one.
        self.assertEqual(find_health_terms("Et forslag av alle slags folk.", terms), [])
        self.assertEqual(find_health_terms("", terms), [])

    def test_company_list_has_a_bokmaal_default(self):
        terms = self.env.company._aktive_health_terms()
        for term in ("diagnose", "demens", "kreft", "medisin", "slag", "tunghørt"):
            self.assertIn(term, terms)

    def test_administrator_edits_the_list_in_the_settings(self):
        settings = self.env["aktive.settings"].with_user(self.admin_user).create({})
        self.assertIn("demens", settings.health_terms)
        settings.health_terms = "gikt, revmatisme"
        settings.action_save()
        self.assertEqual(self.env.company._aktive_health_terms(), ["gikt", "revmatisme"])
        result = self.onchange(
            "aktive.participant", self.coordinator, {"interests": "Har gikt i hendene."}
        )
        self.assertIn("gikt", result["warning"]["message"])
        # The old list no longer warns.
        result = self.onchange("aktive.participant", self.coordinator, {"interests": "Demens."})
        self.assertNotIn("warning", result)

    def test_warning_not_block_on_participant_texts(self):
        for name, value in (
            ("life_story", "<p>Fikk diagnosen kreft i fjor.</p>"),
            ("interests", "Tar medisin og liker sjakk."),
            ("adaptations", "Etter et slag trenger han heis."),
        ):
            with self.subTest(field=name):
                result = self.onchange(
                    "aktive.participant", self.coordinator, {name: value}, self.participant
                )
                warning = result["warning"]
                self.assertEqual(warning["type"], "notification")
                self.assertIn("municipal contact person", warning["message"])
        # Saving is not blocked.
        self.participant.with_user(self.coordinator).interests = "Tar medisin og liker sjakk."
        self.assertEqual(self.participant.interests, "Tar medisin og liker sjakk.")
        self.assertEqual(self.participant.health_terms_found, "medisin")
        clean = self.onchange(
            "aktive.participant", self.coordinator, {"interests": "Sjakk og kaffe."}
        )
        self.assertNotIn("warning", clean)

    def test_municipal_contact_is_offered_the_move(self):
        result = self.onchange(
            "aktive.participant", self.municipal_user, {"interests": "Begynnende demens."}
        )
        self.assertIn("Move to a sensitive note", result["warning"]["message"])

    def test_wish_description_and_contact_log_note_warn(self):
        result = self.onchange(
            "aktive.wish", self.coordinator, {"description": "Vil gå tur tross diabetes."}
        )
        self.assertIn("diabetes", result["warning"]["message"])
        result = self.onchange(
            "aktive.contact.log", self.coordinator, {"note": "Han var innlagt på sykehus."}
        )
        self.assertIn("sykehus", result["warning"]["message"])
        self.assertNotIn(
            "warning", self.onchange("aktive.contact.log", self.coordinator, {"note": "Kaffe."})
        )

    def test_move_into_a_sensitive_note(self):
        self.participant.write(
            {
                "life_story": "<p>Glad i fotball. Har begynnende demens.</p>",
                "interests": "Korsang. Tar medisiner daglig.",
                "adaptations": "Trenger skyss.",
            }
        )
        as_municipal = self.participant.with_user(self.municipal_user)
        action = as_municipal.action_move_health_to_sensitive_note()
        self.assertEqual(action["params"]["type"], "success")
        note = self.env["aktive.sensitive.note"].search(
            [("participant_id", "=", self.participant.id)]
        )
        self.assertEqual(len(note), 1)
        self.assertEqual(note.kind, "health")
        self.assertEqual(note.author_id, self.municipal_user)
        self.assertIn("Har begynnende demens.", note.note)
        self.assertIn("Tar medisiner daglig.", note.note)
        self.assertNotIn("skyss", note.note)
        story = html2plaintext(self.participant.life_story)
        self.assertIn("Glad i fotball.", story)
        self.assertNotIn("demens", story)
        self.assertEqual(self.participant.interests, "Korsang.")
        self.assertEqual(self.participant.adaptations, "Trenger skyss.")
        self.assertFalse(self.participant.health_terms_found)
        # Nothing left to move.
        with self.assertRaises(UserError):
            as_municipal.action_move_health_to_sensitive_note()

    def test_only_municipal_contacts_move(self):
        self.participant.interests = "Har kreft."
        for user in (self.coordinator, self.admin_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.participant.with_user(user).action_move_health_to_sensitive_note()
        self.assertEqual(self.participant.interests, "Har kreft.")
        self.assertFalse(self.participant.sensitive_note_ids)

    def test_warning_shown_where_typed(self):
        arch = self.participant.with_user(self.municipal_user).get_views([(False, "form")])[
            "views"
        ]["form"]["arch"]
        self.assertIn("action_move_health_to_sensitive_note", arch)
        self.assertIn("No diagnoses or health details", arch)
        arch = self.participant.with_user(self.coordinator).get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        self.assertNotIn("action_move_health_to_sensitive_note", arch)
        self.assertIn("health_terms_found", arch)
        wish_arch = self.env["aktive.wish"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("No health information", wish_arch)


@tagged("post_install", "-at_install")
class TestDemoHealthDetails(AktiveCase):
    def test_demo_keeps_health_details_in_sensitive_notes(self):
        ref = self.env.ref
        names = ("arne", "inger", "astrid", "vera", "solveig", "live", "ivar", "line", "per")
        participants = self.env["aktive.participant"].browse(
            [ref(f"aktive_sammen_addon.participant_{n}_demo").id for n in names]
        )
        terms = ref("base.main_company")._aktive_health_terms()
        for participant in participants:
            with self.subTest(participant=participant.name):
                for text in (
                    html2plaintext(participant.life_story or ""),
                    participant.interests,
                    participant.adaptations,
                ):
                    self.assertEqual(find_health_terms(text, terms), [], text)
                self.assertFalse(participant.health_terms_found)
                for summary in participant.followup_ids.mapped("summary"):
                    self.assertEqual(find_health_terms(summary, terms), [], summary)
        # The measured cases: «Tunghørt», «Begynnende demens» are sensitive notes now.
        for name, word in (("ivar", "Tunghørt"), ("per", "Begynnende demens")):
            participant = ref(f"aktive_sammen_addon.participant_{name}_demo")
            self.assertIn(word, " ".join(participant.sensitive_note_ids.mapped("note")))

    def test_demo_faithful_to_the_seeds(self):
        ref = self.env.ref
        solveig = ref("aktive_sammen_addon.participant_solveig_demo")
        self.assertIn("Samle andre", solveig.wish_ids.name)
        live = ref("aktive_sammen_addon.participant_live_demo")
        self.assertTrue(live.wish_ids)
        self.assertIn("BPA", live.sensitive_note_ids.note)
        self.assertNotIn("BPA", html2plaintext(live.life_story))
        units = self.env["aktive.municipal.unit"].search([]).mapped("name")
        self.assertIn("Barn og familie", units)
