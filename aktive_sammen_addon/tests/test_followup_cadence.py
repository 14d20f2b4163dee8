"""The follow-up cadence of the seeds (models/aktive_participant_cadence.py): the first
follow-up conversation about a week after the network is established, planned when the case
enters step 5, then the company's interval when one is held; never a second planned one."""

from dateutil.relativedelta import relativedelta
from odoo.tests import tagged

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestFollowupCadence(AktiveCase):
    def setUp(self):
        super().setUp()
        wish = self.add_wish(state="agreed")
        wish.network_member_ids = self.add_member(self.volunteer)
        for index in range(1, 4):
            self.move_to(self.participant, index)

    def planned(self):
        return self.participant.followup_ids.filtered(lambda f: f.state == "planned")

    def test_the_first_follow_up_a_week_after_the_network(self):
        self.assertFalse(self.planned())
        self.move_to(self.participant.with_user(self.coordinator), 4)
        [first] = self.planned()
        self.assertEqual(first.date_planned, self.today + relativedelta(days=7))
        self.assertEqual(first.user_id, self.coordinator)
        self.assertEqual(self.participant.next_followup_date, first.date_planned)
        # held: the next one at the company's interval
        self.env.company.aktive_followup_interval = 3
        first.write({"summary": "Går fint", "outcome": "continue"})
        first.action_hold()
        [second] = self.planned()
        self.assertEqual(second.date_planned, self.today + relativedelta(months=3))

    def test_no_second_one_when_one_is_planned(self):
        early = self.env["aktive.followup"].create(
            {"participant_id": self.participant.id, "date_planned": self.today}
        )
        self.move_to(self.participant, 4)
        self.assertEqual(self.planned(), early)

    def test_only_on_entering_the_last_step(self):
        self.move_to(self.participant, 4)
        self.planned().action_cancel()
        self.participant.write({"stage_id": self.stages[4].id, "priority": "1"})
        self.assertFalse(self.planned(), "staying in the step plans nothing")
        self.participant.stage_id = self.stages[3]
        self.assertFalse(self.planned(), "moving back plans nothing")
