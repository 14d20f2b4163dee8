"""Loneliness measures (issue 17, models/aktive_loneliness_measure.py; the case's side in
models/aktive_participant_loneliness.py; the access log's lines in
models/aktive_loneliness_measure_access_log.py): the UCLA three-item
score and the direct question, declining, the checks on bad input, the participant's baseline,
latest and change, who may see them (case workers only), the access log, export, retention,
the query count of the participant's computes, and the coordinator's screens in a tour."""

import json
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import HttpCase
from odoo.tests import tagged

from .common import AktiveCase
from .screenshots import assert_screens
from .screenshots import tour_screens
from .test_access_log import AccessLogCase
from .test_access_rights import AccessCase

MEASURE = "aktive.loneliness.measure"
PARTICIPANT_FIELDS = (
    "loneliness_measure_ids",
    "loneliness_baseline_score",
    "loneliness_latest_score",
    "loneliness_change",
    "loneliness_change_text",
)
# Stored: a role that may not read them may not search, group or order by them either.
STORED_PARTICIPANT_FIELDS = PARTICIPANT_FIELDS[1:4]


def answers(companionship, left_out, isolated, frequency="some"):
    return {
        "lack_companionship": str(companionship),
        "left_out": str(left_out),
        "isolated": str(isolated),
        "lonely_frequency": frequency,
    }


class MeasureMixin:
    def measure(self, days_ago=0, participant=None, **vals):
        return self.env[MEASURE].create(
            {
                "participant_id": (participant or self.participant).id,
                "date": self.today - timedelta(days=days_ago),
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestLonelinessScore(MeasureMixin, AktiveCase):
    def test_score_is_the_sum_of_the_three_items(self):
        measure = self.measure(**answers(3, 2, 1))
        self.assertEqual(measure.ucla_score, 6)
        self.assertEqual(measure.kind, "baseline")
        measure.write(answers(3, 3, 3))
        self.assertEqual(measure.ucla_score, 9)
        measure.write(answers(1, 1, 1, "never"))
        self.assertEqual(measure.ucla_score, 3)

    def test_incomplete_scale_has_no_score(self):
        measure = self.measure(lack_companionship="3", left_out="2", lonely_frequency="often")
        self.assertEqual(measure.ucla_score, 0, "two of three items are no score")
        only_direct = self.measure(lonely_frequency="occasionally")
        self.assertEqual(only_direct.ucla_score, 0)

    def test_measure_at_a_followup_is_a_followup_measure(self):
        followup = self.env["aktive.followup"].create(
            {"participant_id": self.participant.id, "date_planned": self.today}
        )
        measure = self.measure(followup_id=followup.id, **answers(2, 2, 2))
        self.assertEqual(measure.kind, "followup")
        self.assertEqual(followup.loneliness_measure_ids, measure)

    def test_declined_keeps_no_answers_and_no_score(self):
        declined = self.measure(declined=True)
        self.assertEqual(declined.ucla_score, 0)
        with self.assertRaisesRegex(ValidationError, "declined"):
            self.measure(declined=True, **answers(1, 1, 1))
        with self.assertRaisesRegex(ValidationError, "declined"):
            declined.lack_companionship = "2"

    def test_declining_on_the_form_clears_the_answers(self):
        form = Form(self.env[MEASURE].with_context(default_participant_id=self.participant.id))
        form.lack_companionship = "3"
        form.lonely_frequency = "often"
        form.declined = True
        self.assertFalse(form.lack_companionship)
        self.assertFalse(form.lonely_frequency)
        measure = form.save()
        self.assertTrue(measure.declined)
        self.assertEqual(measure.ucla_score, 0)

    def test_a_measure_needs_an_answer_or_declined(self):
        with self.assertRaisesRegex(ValidationError, "at least one answer"):
            self.measure()

    def test_bad_dates_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "future"):
            self.measure(days_ago=-1, **answers(1, 1, 1))
        with self.assertRaisesRegex(ValidationError, "plausible date"):
            self.env[MEASURE].create(
                {"participant_id": self.participant.id, "date": "0201-01-01", "declined": True}
            )
        with self.assertRaisesRegex(ValidationError, "not a valid value"):
            self.env[MEASURE].create(
                {"participant_id": self.participant.id, "lack_companionship": "7"}
            )

    def test_followup_of_another_person_is_refused(self):
        other = self.env["aktive.participant"].create({"name": "Inger Test"})
        followup = self.env["aktive.followup"].create(
            {"participant_id": other.id, "date_planned": self.today}
        )
        with self.assertRaisesRegex(ValidationError, "Inger Test"):
            self.measure(followup_id=followup.id, **answers(1, 1, 1))

    def test_followup_with_a_measure_is_not_deleted_under_it(self):
        followup = self.env["aktive.followup"].create(
            {"participant_id": self.participant.id, "date_planned": self.today}
        )
        self.measure(followup_id=followup.id, **answers(1, 2, 1))
        with self.assertRaisesRegex(UserError, "loneliness measure"):
            followup.unlink()
        followup.action_cancel()
        self.assertTrue(followup.exists())

    def test_case_with_measures_is_history(self):
        self.measure(declined=True)
        with self.assertRaisesRegex(UserError, "Archive the participant"):
            self.participant.unlink()


@tagged("post_install", "-at_install")
class TestParticipantLoneliness(MeasureMixin, AktiveCase):
    def assertLoneliness(self, baseline, latest, change):
        self.assertRecordValues(
            self.participant,
            [
                {
                    "loneliness_baseline_score": baseline,
                    "loneliness_latest_score": latest,
                    "loneliness_change": change,
                }
            ],
        )

    def test_fewer_than_two_scored_measures_show_nothing(self):
        self.assertLoneliness(0, 0, 0)
        self.measure(days_ago=60, **answers(3, 3, 2))
        self.measure(days_ago=30, declined=True)
        self.measure(days_ago=10, lonely_frequency="some")  # unscored
        self.assertLoneliness(0, 0, 0)
        self.assertEqual(
            self.participant.loneliness_change_text, "Two scored measures show the change."
        )

    def test_baseline_latest_and_change_follow_the_dates(self):
        # recorded out of order: the dates decide, not the order of entry
        self.measure(days_ago=20, **answers(2, 2, 1))  # 5
        self.measure(days_ago=120, **answers(3, 3, 2))  # 8, the baseline
        self.measure(days_ago=60, **answers(2, 2, 2))  # 6
        self.measure(days_ago=5, declined=True)  # the latest, but declined: not scored
        self.assertLoneliness(8, 5, -3)
        self.assertEqual(
            self.participant.loneliness_change_text,
            "3 points better since the first conversation",
        )
        worse = self.measure(days_ago=1, **answers(3, 3, 3))  # 9
        self.assertLoneliness(8, 9, 1)
        self.assertEqual(
            self.participant.loneliness_change_text, "1 points worse since the first conversation"
        )
        worse.write(answers(3, 3, 2))
        self.assertLoneliness(8, 8, 0)
        self.assertEqual(
            self.participant.loneliness_change_text, "The same as at the first conversation"
        )
        worse.unlink()
        self.assertLoneliness(8, 5, -3)

    def test_change_text_in_the_readers_language(self):
        self.env["res.lang"]._activate_lang("nb_NO")
        self.measure(days_ago=30, **answers(3, 3, 3))
        self.measure(days_ago=1, **answers(2, 2, 2))
        text = self.participant.with_context(lang="nb_NO").loneliness_change_text
        self.assertEqual(text, "3 poeng bedre siden første samtale")

    def test_computes_take_constant_queries(self):
        """The scores of many cases are computed in the same few queries as of a few."""
        Participant = self.env["aktive.participant"]

        def cases(count):
            people = Participant.create([{"name": f"Person {i}"} for i in range(count)])
            self.env[MEASURE].create(
                [
                    {"participant_id": p.id, "date": self.today - timedelta(days=d), **a}
                    for p in people
                    for d, a in ((90, answers(3, 3, 2)), (10, answers(2, 1, 2)))
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            return people

        def recompute(people):
            field = Participant._fields["loneliness_change"]
            self.env.add_to_compute(field, people)
            start = self.env.cr.sql_log_count
            people.flush_recordset(["loneliness_change"])
            return self.env.cr.sql_log_count - start

        few, many = cases(3), cases(60)
        few_queries = recompute(few)
        with self.assertQueryCount(few_queries):
            recompute(many)
        self.assertLessEqual(few_queries, 4)
        self.assertEqual(set(many.mapped("loneliness_change")), {-3})


@tagged("post_install", "-at_install")
class TestLonelinessAccess(MeasureMixin, AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff_volunteer = cls.new_staff_volunteer("loneliness_staff_volunteer")
        cls.mine = cls.env[MEASURE].create(
            {"participant_id": cls.participant.id, "date": cls.today, **answers(3, 2, 2)}
        )
        cls.theirs = cls.env[MEASURE].create(
            {"participant_id": cls.foreign.id, "date": cls.today, **answers(1, 1, 1)}
        )

    def volunteers(self):
        return (("volunteer", self.volunteer_user), ("staff_volunteer", self.staff_volunteer))

    def test_volunteers_cannot_reach_the_model(self):
        for role, user in self.volunteers():
            with self.subTest(role=role):
                self.env.invalidate_all()
                Measure = self.env[MEASURE].with_user(user)
                with self.assertDenied(role, MEASURE, "search", "acl"):
                    Measure.search([])
                with self.assertDenied(role, MEASURE, "read", "acl"):
                    self.mine.with_user(user).read(["ucla_score"])
                with self.assertDenied(role, MEASURE, "group by", "acl"):
                    Measure.formatted_read_group([], ["kind"], ["ucla_score:avg"])
                with self.assertDenied(role, MEASURE, "create", "acl"):
                    Measure.create({"participant_id": self.participant.id, "declined": True})

    def test_volunteers_cannot_read_search_or_group_the_case_fields(self):
        for role, user in self.volunteers():
            Participant = self.env["aktive.participant"].with_user(user)
            record = Participant.browse(self.participant.id)
            self.assertEqual(Participant.search([]), self.participant, "they do see the case")
            for name in PARTICIPANT_FIELDS:
                with self.subTest(role=role, field=name):
                    self.env.invalidate_all()
                    self.assertNotIn(name, Participant.fields_get())
                    with self.assertDenied(role, "aktive.participant", "read", "field"):
                        record.read([name])
            for name in STORED_PARTICIPANT_FIELDS:
                with self.subTest(role=role, field=name):
                    with self.assertDenied(role, "aktive.participant", "search", "search-oracle"):
                        Participant.search([(name, "!=", 0)])
                    with self.assertDenied(role, "aktive.participant", "group by", "search-oracle"):
                        Participant.formatted_read_group([], [name], ["__count"])
                    with self.assertDenied(role, "aktive.participant", "order", "search-oracle"):
                        Participant.search([], order=name)
            with self.assertDenied(role, "aktive.participant", "search path", "search-oracle"):
                Participant.search([("loneliness_measure_ids.ucla_score", ">", 5)])

    def test_volunteers_form_and_portal_show_no_measure(self):
        for role, user in self.volunteers():
            with self.subTest(role=role):
                arch = (
                    self.env["aktive.participant"]
                    .with_user(user)
                    .get_views([(False, "form")])["views"]["form"]["arch"]
                )
                for name in (*PARTICIPANT_FIELDS, "action_open_loneliness"):
                    self.assertNotIn(name, arch)

    def test_municipal_contact_reads_and_records_for_their_units(self):
        Measure = self.as_role("municipal", MEASURE)
        self.assertEqual(Measure.search([]), self.mine)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.municipal_user).read(["ucla_score"])
        new = Measure.create({"participant_id": self.participant.id, **answers(2, 2, 2)})
        new.write({"lonely_frequency": "hardly"})
        self.assertEqual(new.ucla_score, 6)
        with self.assertRaises(AccessError):
            Measure.create({"participant_id": self.foreign.id, **answers(2, 2, 2)})
        with self.assertRaises(AccessError):
            new.unlink()
        record = self.as_role("municipal", "aktive.participant").browse(self.participant.id)
        self.assertEqual(record.loneliness_measure_ids, self.mine | new)
        self.assertEqual(record.loneliness_change, -1, "the same day: the later entry is latest")

    def test_coordinator_manages_every_measure_of_the_company(self):
        Measure = self.as_role("coordinator", MEASURE)
        cases = (self.participant | self.foreign).ids
        self.assertEqual(Measure.search([("participant_id", "in", cases)]), self.mine | self.theirs)
        self.theirs.with_user(self.coordinator).unlink()
        self.assertFalse(self.theirs.exists())

    def test_another_company_sees_none(self):
        other = self.env["res.company"].create({"name": "Other kommune"})
        self.coordinator.write({"company_ids": [Command.link(other.id)], "company_id": other.id})
        Measure = (
            self.env[MEASURE]
            .with_user(self.coordinator)
            .with_context(allowed_company_ids=[other.id])
        )
        self.assertFalse(Measure.search([]))


@tagged("post_install", "-at_install")
class TestLonelinessPrivacy(MeasureMixin, AccessLogCase):
    def setUp(self):
        super().setUp()
        self.first = self.measure(days_ago=90, **answers(3, 3, 3))
        self.second = self.measure(days_ago=3, **answers(2, 2, 1, "occasionally"))
        self.commit()

    def test_opening_a_measure_writes_one_line(self):
        self.first.with_user(self.coordinator).web_read({"ucla_score": {}, "date": {}})
        self.second.with_user(self.coordinator).read(["lonely_frequency"])
        self.assertRecordValues(
            self.lines(),
            [
                {
                    "kind": "loneliness",
                    "user_id": self.coordinator.id,
                    "participant_id": self.participant.id,
                }
            ],
        )

    def test_the_case_with_its_measures_logs_them(self):
        spec = {"name": {}, "loneliness_measure_ids": {"fields": {"ucla_score": {}}}}
        self.participant.with_user(self.municipal_user).web_read(spec)
        self.assertEqual(sorted(self.lines().mapped("kind")), ["loneliness", "open"])

    def test_dates_only_and_system_reads_write_none(self):
        self.first.with_user(self.coordinator).read(["date", "kind"])
        self.first.sudo().read(["ucla_score"])
        self.assertEqual(self.participant.loneliness_change, -4)
        self.assertFalse(self.lines())

    def test_export_holds_the_measures_with_one_line(self):
        action = self.participant.with_user(self.municipal_user).action_export_personal_data()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        data = json.loads(self.env["ir.attachment"].browse(attachment_id).raw)
        self.assertEqual(
            [(row["ucla_score"], row["lonely_frequency"]) for row in data["loneliness_measures"]],
            [(9, "some"), (5, "occasionally")],
        )
        self.assertEqual(self.lines().mapped("kind"), ["export"])

    def test_retention_delete_removes_the_measures(self):
        followup = self.env["aktive.followup"].create(
            {"participant_id": self.participant.id, "date_planned": self.today}
        )
        at_followup = self.measure(followup_id=followup.id, declined=True)
        self.env.company.aktive_retention_action = "delete"
        self.participant.write(
            {"state": "closed", "close_reason": "Moved", "date_closed": "2001-01-01"}
        )
        self.env["aktive.participant"]._cron_retention()
        self.assertFalse((self.first | self.second | at_followup).exists())
        self.assertFalse(followup.exists())
        self.assertFalse(self.participant.exists())

    def test_anonymised_case_keeps_its_scores_for_the_statistics(self):
        self.participant.write(
            {"state": "closed", "close_reason": "Moved", "date_closed": "2001-01-01"}
        )
        self.env["aktive.participant"]._cron_retention()
        self.assertTrue(self.participant.anonymised)
        self.assertEqual(self.participant.loneliness_measure_ids, self.first | self.second)
        self.assertEqual(self.participant.loneliness_change, -4)


@tagged("post_install", "-at_install")
class TestLonelinessDemo(HttpCase):
    """The demo's stories, and Bjørg recording a measure at Arne's follow-up in bokmål."""

    def setUp(self):
        super().setUp()
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")

    def test_demo_stories(self):
        names = ("arne", "inger", "astrid", "vera", "solveig")
        for name in names:
            with self.subTest(person=name):
                case = self.env.ref(f"aktive_sammen_addon.participant_{name}_demo")
                self.assertGreaterEqual(len(set(case.loneliness_measure_ids.mapped("date"))), 2)
        self.assertEqual(self.arne.loneliness_change, -2)
        self.assertTrue(
            self.env[MEASURE].search_count([("declined", "=", True)]), "one declined measure"
        )
        self.assertTrue(self.arne.loneliness_measure_ids.filtered("followup_id"))

    def test_coordinator_records_a_measure_at_a_followup(self):
        followup = self.env.ref("aktive_sammen_addon.followup_arne_2_demo")
        self.assertFalse(followup.loneliness_measure_ids)
        before = self.arne.loneliness_change
        with tour_screens("loneliness") as shots:
            self.start_tour(
                f"/odoo/action-aktive_sammen_addon.aktive_followup_action/{followup.id}",
                "aktive_loneliness_tour",
                login="bjorg",
                timeout=180,
            )
        assert_screens(self, shots, 3)
        measure = followup.loneliness_measure_ids
        self.assertEqual(len(measure), 1)
        self.assertRecordValues(
            measure,
            [
                {
                    "participant_id": self.arne.id,
                    "kind": "followup",
                    "ucla_score": 4,
                    "lonely_frequency": "occasionally",
                }
            ],
        )
        self.assertEqual(measure.create_uid, self.env.ref("aktive_sammen_addon.user_bjorg_demo"))
        self.assertEqual(before, -2)
        self.assertEqual(self.arne.loneliness_change, -4)
