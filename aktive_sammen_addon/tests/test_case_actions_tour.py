"""The case form's actions in headless Chromium at 1440 px, as the coordinator Bjørg (issue 16):
plan and hold a follow-up, pause and resume, close - each asking for what it needs - and the
form fitting the screen (static/tests/tours/aktive_case_actions_tour.js)."""

from odoo.tests import HttpCase
from odoo.tests import tagged

from .screenshots import assert_screens
from .screenshots import tour_screens


@tagged("post_install", "-at_install")
class TestCaseActionsTour(HttpCase):
    browser_size = "1440x900"

    def test_case_actions(self):
        ref = self.env.ref
        arne = ref("aktive_sammen_addon.participant_arne_demo")
        self.assertEqual(arne.stage_id, ref("aktive_sammen_addon.stage_followup"))
        [planned] = arne.followup_ids.filtered(lambda f: f.state == "planned")

        with tour_screens("case_actions") as shots:
            self.start_tour(
                f"/odoo/action-aktive_sammen_addon.aktive_participant_action/{arne.id}",
                "aktive_case_actions_tour",
                login="bjorg",
                timeout=240,
            )
        assert_screens(self, shots, 7)

        # plan and hold: the planned one was opened and held, not a second one added
        self.assertEqual(planned.state, "held")
        self.assertEqual(planned.outcome, "continue")
        self.assertIn("Mahmoud", planned.summary)
        self.assertTrue(planned.next_followup_id)
        # pause and resume: the reason is in the chatter, the case active again, then closed
        notes = arne.message_ids.mapped("body")
        self.assertTrue(any("Arne er på sykehus" in str(body) for body in notes))
        self.assertFalse(arne.paused_until)
        states = arne.message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertEqual(len(states), 3, "paused, resumed, closed")
        # close: the reason asked for is kept, the next planned follow-up cancelled
        self.assertEqual(arne.state, "closed")
        self.assertEqual(arne.close_reason, "Arne har flyttet til Venneslaheimen.")
        self.assertEqual(planned.next_followup_id.state, "cancelled")
        self.assertFalse(arne.followup_ids.filtered(lambda f: f.state == "planned"))
        # The closing's own notices to the case workers are activities too (aktive.notice).
        notice = ref("aktive_sammen_addon.mail_activity_type_notice")
        self.assertFalse(
            arne.activity_ids.filtered(lambda a: a.activity_type_id != notice),
            "no reminder to follow up a closed case",
        )
