"""The case form's actions that need input ask for it (issue 16): pausing asks for the date
(wizard/aktive_pause_wizard.py), closing for the reason (wizard/aktive_close_wizard.py), both
one case at a time and checked again on confirming (wizard/aktive_case_wizard.py), and
planning a follow-up when one is planned opens that one instead of adding a second."""

from datetime import timedelta

from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import tagged

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestCaseActions(AktiveCase):
    def setUp(self):
        super().setUp()
        self.case = self.participant.with_user(self.coordinator)

    def _wizard(self, action):
        self.assertEqual(action["target"], "new")
        return Form(
            self.env[action["res_model"]]
            .with_user(self.coordinator)
            .with_context(**action["context"])
        )

    # --- pause ----------------------------------------------------------------------------------
    def test_pause_asks_for_the_date_then_pauses(self):
        wizard = self._wizard(self.case.action_open_pause_wizard())
        self.assertGreater(wizard.paused_until, self.today, "a date is proposed")
        wizard.paused_until = self.today + timedelta(days=30)
        wizard.reason = "På sykehus"
        wizard.save().action_pause()
        self.assertEqual(self.participant.state, "paused")
        self.assertEqual(self.participant.paused_until, self.today + timedelta(days=30))
        self.assertIn("På sykehus", str(self.participant.message_ids[0].body))
        self.case.action_resume()
        self.assertEqual(self.participant.state, "active")
        self.assertFalse(self.participant.paused_until)

    def test_pause_in_the_past_is_a_clear_error(self):
        for bad in (self.today - timedelta(days=1), self.today):
            with self.subTest(date=bad):
                wizard = self._wizard(self.case.action_open_pause_wizard())
                wizard.paused_until = bad
                with self.assertRaisesRegex(ValidationError, "must end after today"):
                    wizard.save()
        self.assertEqual(self.participant.state, "active")

    def test_pause_moves_planned_followups_to_its_end(self):
        self.case.action_plan_followup()
        planned = self.participant.followup_ids
        planned.date_planned = self.today + timedelta(days=5)
        wizard = self._wizard(self.case.action_open_pause_wizard())
        wizard.paused_until = self.today + timedelta(days=40)
        self.assertEqual(wizard.planned_count, 1)
        wizard.save().action_pause()
        self.assertEqual(planned.date_planned, self.today + timedelta(days=40))

    def test_only_an_active_case_pauses(self):
        self.participant.write({"state": "paused", "paused_until": self.today + timedelta(1)})
        with self.assertRaisesRegex(UserError, "only an active case"):
            self.case.action_open_pause_wizard()

    # --- close ----------------------------------------------------------------------------------
    def test_close_asks_for_the_reason_and_cancels_planned_followups(self):
        self.case.action_plan_followup()
        wizard = self._wizard(self.case.action_open_close_wizard())
        self.assertEqual(wizard.planned_count, 1)
        wizard.close_reason = "Flyttet til sykehjem"
        wizard.save().action_close()
        self.assertEqual(self.participant.state, "closed")
        self.assertEqual(self.participant.close_reason, "Flyttet til sykehjem")
        self.assertEqual(self.participant.followup_ids.mapped("state"), ["cancelled"])
        with self.assertRaisesRegex(UserError, "closed already"):
            self.case.action_open_close_wizard()

    def test_close_without_a_reason_is_refused(self):
        wizard = self.env["aktive.close.wizard"].with_user(self.coordinator)
        blank = wizard.create({"participant_id": self.participant.id, "close_reason": "  "})
        with self.assertRaisesRegex(UserError, "Write why"):
            blank.action_close()
        self.assertEqual(self.participant.state, "active")

    # --- plan a follow-up -----------------------------------------------------------------------
    def test_plan_followup_opens_the_planned_one_instead_of_a_second(self):
        first = self.case.action_plan_followup()
        [planned] = self.participant.followup_ids
        self.assertEqual((first["res_model"], first["res_id"]), ("aktive.followup", planned.id))
        with self.assertQueryCount(2):
            again = self.case.action_plan_followup()
        self.assertEqual(again["res_id"], planned.id)
        self.assertEqual(len(self.participant.followup_ids), 1, "no silent second follow-up")
        planned.write({"summary": "Bra", "outcome": "continue"})
        planned.with_user(self.coordinator).action_hold()
        following = self.case.action_plan_followup()
        self.assertEqual(following["res_id"], planned.next_followup_id.id)
        self.assertEqual(len(self.participant.followup_ids), 2)
