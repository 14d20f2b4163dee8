"""The coordinator's desk in headless Chromium, as the demo coordinator Bjørg (Norwegian
interface): Foreslå frivillige -> add to the network (issue 16, item 9), the dashboard and
its figures, the volunteer list and the contacts with volunteers. Each screen is checked for
English words and error dialogs (static/tests/tours/utils/aktive_checks.js) and saved as a
screenshot artefact."""

from odoo.tests import HttpCase
from odoo.tests import tagged

from .screenshots import assert_screens
from .screenshots import tour_screens


@tagged("post_install", "-at_install")
class TestDeskTour(HttpCase):
    def setUp(self):
        super().setUp()
        self.bjorg = self.env.ref("aktive_sammen_addon.user_bjorg_demo")
        self.assertEqual(self.bjorg.lang, "nb_NO", "the tour runs in the Norwegian interface")

    def test_suggest_volunteers_and_add_one_to_the_network(self):
        vera = self.env.ref("aktive_sammen_addon.participant_vera_demo")
        sigrid = self.env.ref("aktive_sammen_addon.partner_sigrid_demo")
        wish = self.env.ref("aktive_sammen_addon.wish_vera_0_demo")
        self.assertEqual(vera.stage_id, self.env.ref("aktive_sammen_addon.stage_clarify"))
        self.assertNotIn(sigrid, vera.network_member_ids.partner_id)
        with tour_screens("desk_suggestion") as shots:
            self.start_tour(
                f"/odoo/aktive.participant/{vera.id}",
                "aktive_desk_suggestion_tour",
                login="bjorg",
                timeout=180,
            )
        assert_screens(self, shots, 4)
        member = vera.network_member_ids.filtered(lambda m: m.partner_id == sigrid)
        self.assertEqual(len(member), 1, "Sigrid is in Vera's network")
        self.assertTrue(member.active)
        self.assertEqual(member.wish_ids, wish, "the member carries the wish")
        self.assertEqual(member.create_uid, self.bjorg)

    def test_dashboard_figures_and_progress(self):
        overdue = self.env["aktive.followup"].search(
            [("is_overdue", "=", True), ("state", "=", "planned")]
        )
        self.assertTrue(overdue, "the demo has an overdue follow-up")
        with tour_screens("desk_dashboard") as shots:
            self.start_tour(
                "/odoo/action-aktive_sammen_addon.aktive_dashboard_action",
                "aktive_desk_dashboard_tour",
                login="bjorg",
                timeout=180,
            )
        assert_screens(self, shots, 4)

    def test_volunteer_list_and_contacts(self):
        with tour_screens("desk_volunteers") as shots:
            self.start_tour(
                "/odoo/action-aktive_sammen_addon.res_partner_action_aktive_volunteer",
                "aktive_desk_volunteers_tour",
                login="bjorg",
                timeout=180,
            )
        assert_screens(self, shots, 2)
