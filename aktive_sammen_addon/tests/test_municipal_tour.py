from odoo.tests import HttpCase
from odoo.tests import tagged

WORRY = "Har falt i trappa og virker forvirret"


@tagged("post_install", "-at_install")
class TestMunicipalTour(HttpCase):
    """The municipal contact person's screens in headless Chromium, as the demo user Hilde
    (bokmål): report a need, write a health note, read a volunteer's worry and act on it.
    A tour fails on a missing element, on a failed save and on any error dialog."""

    def setUp(self):
        super().setUp()
        self.hilde = self.env.ref("aktive_sammen_addon.user_hilde_demo")
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.assertEqual(self.hilde.lang, "nb_NO", "the tours run in the Norwegian interface")
        self.assertFalse(self.hilde.has_group("aktive_sammen_addon.group_aktive_coordinator"))

    def tour(self, url, name):
        self.start_tour(url, name, login="hilde", timeout=120)

    def test_report_a_need(self):
        self.tour(
            "/odoo/action-aktive_sammen_addon.aktive_participant_action_report_need",
            "aktive_municipal_report_need_tour",
        )
        case = self.env["aktive.participant"].search([("name", "=", "Gunnar Turtest")])
        self.assertEqual(len(case), 1)
        self.assertEqual(case.partner_id.phone, "900 55 123")
        self.assertEqual(case.municipal_contact_id, self.hilde.partner_id)
        self.assertEqual(case.need_description, "Sitter mye alene etter flyttingen")
        self.assertFalse(case.coordinator_id)
        coordinators = self.env.ref("aktive_sammen_addon.group_aktive_coordinator").all_user_ids
        self.assertEqual(
            case.activity_ids.user_id,
            coordinators.filtered(lambda u: case.company_id in u.company_ids),
        )
        self.assertIn(
            self.env.ref("aktive_sammen_addon.user_bjorg_demo"), case.activity_ids.user_id
        )

    def test_report_a_need_on_the_board(self):
        self.tour(
            "/odoo/action-aktive_sammen_addon.aktive_participant_action",
            "aktive_municipal_board_tour",
        )
        case = self.env["aktive.participant"].search([("name", "=", "Kari Brettest")])
        self.assertEqual(case.stage_id, self.env["aktive.stage"].search([], limit=1))
        self.assertEqual(case.municipal_contact_id, self.hilde.partner_id)
        self.assertTrue(case.activity_ids, "the coordinators' activities")

    def test_write_a_sensitive_note(self):
        self.tour(
            f"/odoo/action-aktive_sammen_addon.aktive_participant_action/{self.arne.id}",
            "aktive_municipal_note_tour",
        )
        note = self.arne.sensitive_note_ids.filtered(lambda n: "Blodtrykket" in n.note)
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.hilde)

    def test_read_a_report_back(self):
        mahmoud = self.env.ref("aktive_sammen_addon.user_mahmoud_demo")
        note = (
            self.env["aktive.sensitive.note"]
            .with_user(mahmoud)
            ._aktive_report_worry(self.arne, mahmoud, WORRY)
        )
        self.assertEqual(note.activity_ids.user_id, self.hilde)
        self.tour(
            "/odoo/action-aktive_sammen_addon.aktive_sensitive_note_action_volunteer_report",
            "aktive_municipal_worry_tour",
        )
        self.assertFalse(note.activity_ids, "acted on")
        self.assertTrue(
            note.message_ids.filtered(lambda m: "Ringte datteren" in str(m.body)),
            "what was done is in the note's log",
        )
