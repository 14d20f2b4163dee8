from datetime import timedelta

from dateutil.relativedelta import relativedelta
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from psycopg2 import IntegrityError

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestFollowup(AktiveCase):
    def plan(self, days=0, **vals):
        return self.env["aktive.followup"].create(
            {
                "participant_id": self.participant.id,
                "date_planned": self.today + timedelta(days=days),
                **vals,
            }
        )

    def test_coordinator_comes_from_the_participant(self):
        self.assertEqual(self.plan().user_id, self.coordinator)

    def test_holding_plans_the_next_at_two_months_as_an_activity(self):
        followup = self.plan(summary="He is happy with Lions", outcome="continue")
        followup.action_hold()
        self.assertEqual(followup.state, "held")
        self.assertEqual(followup.date_held, self.today)
        next_date = self.today + relativedelta(months=2)
        self.assertEqual(followup.next_followup_id.date_planned, next_date)
        self.assertEqual(followup.next_followup_id.state, "planned")
        activity = self.participant.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, next_date)
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("aktive_sammen_addon.mail_activity_type_followup"),
        )
        self.assertEqual(self.participant.next_followup_date, next_date)

    def test_holding_closes_the_reminders_that_led_to_it(self):
        late = self.plan(days=-3)
        self.env["aktive.followup"]._cron_flag_overdue(batch_size=10**6)
        self.assertEqual(len(self.participant.activity_ids), 1, "the overdue reminder")
        late.write({"summary": "Called at last", "outcome": "continue"})
        late.action_hold()
        activity = self.participant.activity_ids
        self.assertEqual(len(activity), 1, "only the next follow-up is left to do")
        self.assertEqual(activity.date_deadline, late.next_followup_id.date_planned)
        done = self.participant.message_ids.filtered(lambda m: m.mail_activity_type_id)
        self.assertTrue(done, "the reminder is marked done in the case log")

    def test_a_held_follow_up_is_history(self):
        followup = self.plan(summary="Fine", outcome="continue")
        followup.action_hold()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            followup.unlink()
        planned = followup.next_followup_id
        planned.unlink()
        self.assertFalse(planned.exists(), "a planned one may go")

    def test_interval_is_configurable_per_company(self):
        settings = self.env["res.config.settings"].create({"aktive_followup_interval": 3})
        settings.execute()
        self.assertEqual(self.env.company.aktive_followup_interval, 3)
        followup = self.plan(summary="Fine", outcome="continue")
        followup.action_hold()
        self.assertEqual(
            followup.next_followup_id.date_planned, self.today + relativedelta(months=3)
        )

    def test_interval_must_be_positive(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env.company.aktive_followup_interval = 0
            self.env.flush_all()

    def test_an_agreed_next_date_wins(self):
        agreed = self.today + timedelta(days=21)
        followup = self.plan(summary="Fine", outcome="continue", next_date=agreed)
        followup.action_hold()
        self.assertEqual(followup.next_followup_id.date_planned, agreed)

    def test_holding_needs_summary_and_outcome(self):
        followup = self.plan()
        with self.assertRaisesRegex(UserError, "summary and choose the outcome"):
            followup.action_hold()
        self.assertEqual(followup.state, "planned")
        followup.write({"summary": "ok", "outcome": "continue"})
        followup.action_hold()
        with self.assertRaisesRegex(UserError, "Only a planned follow-up"):
            followup.action_hold()

    def test_held_date_cannot_be_in_the_future(self):
        with self.assertRaisesRegex(ValidationError, "cannot be held in the future"):
            self.plan(date_held=self.today + timedelta(days=1))

    def test_next_date_must_come_after(self):
        with self.assertRaisesRegex(ValidationError, "must come after"):
            self.plan(days=5, next_date=self.today)

    def test_outcome_pause_pauses_until_the_next(self):
        followup = self.plan(summary="Needs a break", outcome="pause")
        followup.action_hold()
        self.assertEqual(self.participant.state, "paused")
        self.assertEqual(self.participant.paused_until, followup.next_followup_id.date_planned)

    def test_outcome_close_plans_nothing(self):
        followup = self.plan(summary="Moved away", outcome="close")
        followup.action_hold()
        self.assertFalse(followup.next_followup_id)
        self.assertFalse(self.participant.activity_ids)
        self.assertFalse(self.participant.next_followup_date)

    def test_cron_flags_overdue_and_tells_the_coordinator(self):
        late = self.plan(days=-3)
        on_time = self.plan(days=3)
        self.assertFalse(self.participant.followup_overdue)
        flagged = self.env["aktive.followup"]._cron_flag_overdue()
        self.assertIn(late, flagged)
        self.assertNotIn(on_time, flagged)
        self.assertTrue(late.is_overdue)
        self.assertFalse(on_time.is_overdue)
        self.assertTrue(self.participant.followup_overdue)
        self.assertEqual(self.participant.activity_ids.user_id, self.coordinator)
        self.assertNotIn(late, self.env["aktive.followup"]._cron_flag_overdue(), "flagged once")
        late.write({"summary": "Called at last", "outcome": "continue"})
        late.action_hold()
        self.assertFalse(late.is_overdue)
        self.assertFalse(self.participant.followup_overdue)

    def test_cron_works_off_a_backlog_oldest_first_in_bounded_batches(self):
        Followup = self.env["aktive.followup"]
        Followup._cron_flag_overdue(batch_size=10**6)  # whatever the demo left late
        oldest, older, old = (self.plan(days=-d) for d in (9, 6, 3))
        self.assertEqual(Followup._cron_flag_overdue(batch_size=2), oldest | older)
        self.assertFalse(old.is_overdue, "the third waits for the next batch")
        self.assertEqual(Followup._cron_flag_overdue(batch_size=2), old)
        self.assertFalse(Followup._cron_flag_overdue(batch_size=2))

    def test_cron_batch_size_is_a_system_parameter(self):
        Followup = self.env["aktive.followup"]
        Followup._cron_flag_overdue(batch_size=10**6)
        late = self.plan(days=-5) | self.plan(days=-4)
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("aktive_sammen_addon.overdue_batch_size", 1)
        self.assertEqual(len(Followup._cron_flag_overdue()), 1)
        self.assertEqual(late.filtered("is_overdue"), late[0])

    def test_cron_is_scheduled_daily(self):
        cron = self.env.ref("aktive_sammen_addon.ir_cron_followup_overdue")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
