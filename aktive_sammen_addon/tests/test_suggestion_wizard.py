"""What the suggestion wizard (wizard/aktive_volunteer_suggestion.py) tells the coordinator:
no volunteer who does not fit, the number of assignments in proper bokmål, a close button
that closes the window, and a sentence where a tab would be empty."""

from lxml import etree
from odoo import Command
from odoo.tests import tagged

from .common import SIGNED
from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestSuggestionWizard(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        signed = {
            "is_aktive_volunteer": True,
            "aktive_confidentiality_date": cls.today,
            "aktive_confidentiality_document": SIGNED,
        }
        Partner = cls.env["res.partner"]
        cls.walker = Partner.create({**signed, "name": "Walker Without Licence"})
        cls.one = Partner.create(
            {**signed, "name": "One Assignment", "aktive_driving_licence": True}
        )
        cls.two = Partner.create(
            {
                **signed,
                "name": "Two Assignments",
                "aktive_driving_licence": True,
                "aktive_has_car": True,
            }
        )
        others = cls.env["aktive.participant"].create([{"name": f"Other {i}"} for i in range(2)])
        cls.env["aktive.network.member"].create(
            [{"participant_id": others[0].id, "partner_id": cls.one.id}]
            + [{"participant_id": o.id, "partner_id": cls.two.id} for o in others]
        )
        cls.transport = cls.env.ref("aktive_sammen_addon.wish_category_transport")

    def wizard(self, wish, lang=None):
        env = self.env(user=self.coordinator, context=dict(self.env.context, lang=lang or "en_US"))
        action = env["aktive.wish"].browse(wish.id).action_suggest()
        return env["aktive.volunteer.suggestion"].browse(action["res_id"])

    def test_no_volunteer_who_does_not_fit(self):
        wish = self.add_wish(name="Short car trips", category_id=self.transport.id)
        ranked = {row[0]: row[1] for row in wish._suggest_volunteers(50)}
        self.assertLess(ranked[self.walker], 0, "no licence and transport is needed")
        wizard = self.wizard(wish)
        self.assertTrue(wizard.line_ids)
        self.assertTrue(
            all(line.score >= 0 for line in wizard.line_ids), wizard.line_ids.mapped("score")
        )
        self.assertNotIn(self.walker, wizard.line_ids.volunteer_id)
        self.assertIn(self.two, wizard.line_ids.volunteer_id, "busy, but with a car for transport")
        self.assertFalse(wizard.volunteer_note)

    def test_an_empty_tab_says_why(self):
        Activity = self.env["aktive.activity"]
        gathering = self.env.ref("aktive_sammen_addon.wish_category_gathering")
        Activity.search([("category_ids", "in", gathering.ids)]).category_ids = [
            Command.unlink(gathering.id)
        ]
        self.env["res.partner"].search(
            [("is_aktive_volunteer", "=", True)]
        ).aktive_volunteer_state = "paused"
        wizard = self.wizard(self.add_wish(category_id=gathering.id), lang="nb_NO")
        self.assertFalse(wizard.line_ids)
        self.assertFalse(wizard.activity_line_ids)
        self.assertIn("taushetserklæring", wizard.volunteer_note)
        self.assertIn(gathering.with_context(lang="nb_NO").name, wizard.activity_note)
        self.assertIn("katalogen", wizard.activity_note)

    def test_assignments_singular_and_plural_in_bokmal(self):
        wish = self.add_wish(name="Short car trips", category_id=self.transport.id)
        rows = {row[0]: row[2] for row in wish.with_context(lang="nb_NO")._suggest_volunteers(50)}
        self.assertIn("1 aktivt oppdrag", rows[self.one])
        self.assertIn("2 aktive oppdrag", rows[self.two])
        english = {row[0]: row[2] for row in wish._suggest_volunteers(50)}
        self.assertIn("1 active assignment", english[self.one])
        self.assertIn("2 active assignments", english[self.two])

    def test_the_close_button_says_close_in_bokmal(self):
        Wizard = self.env["aktive.volunteer.suggestion"].with_context(lang="nb_NO")
        arch = etree.fromstring(Wizard.get_views([[False, "form"]])["views"]["form"]["arch"])
        [button] = arch.iterfind(".//footer/button[@special='cancel']")
        self.assertEqual(button.get("string"), "Lukk")
