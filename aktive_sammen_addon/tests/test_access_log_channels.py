"""Row L1 of README's role table, the access log's channels: each way a person's record can be
read writes its line (models/aktive_participant_access_log.py,
models/aktive_loneliness_measure_access_log.py, models/aktive_sensitive_note_access_log.py):
the life story and the date of birth by any read, the case's loneliness scores, grouped reads
of scores by the size of their groups, and the sensitive note's text in its chatter."""

from odoo import Command
from odoo.tests import HttpCase
from odoo.tests import tagged

from .test_access_log import CARD_SPEC
from .test_access_log import FORM_SPEC
from .test_access_log import AccessLogCase
from .test_loneliness_measure import MEASURE
from .test_loneliness_measure import MeasureMixin
from .test_loneliness_measure import answers

SCORES_SPEC = {"loneliness_change": {}, "loneliness_change_text": {}}


class TestAccessLogChannels(MeasureMixin, AccessLogCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant.write({"birthdate": "1941-03-14", "life_story": "<p>Widower</p>"})
        # Five more cases of the municipal user's unit: a group of five is a statistic.
        cls.crowd = cls.env["aktive.participant"].create(
            [
                {"name": f"Crowd {n}", "municipal_unit_id": cls.unit.id, "birthdate": "1950-01-01"}
                for n in range(5)
            ]
        )
        export = cls.env.ref("base.group_allow_export")
        (cls.coordinator | cls.municipal_user).group_ids = [Command.link(export.id)]

    def add_measures(self, cases):
        for case in cases:
            self.measure(30, participant=case, **answers(3, 3, 2))
            self.measure(0, participant=case, **answers(2, 1, 1))

    def kinds(self, **where):
        return sorted(self.lines(**where).mapped("kind"))

    # --- the life story and the date of birth ----------------------------------------------
    def test_l1_reading_life_story_or_birthdate_is_an_opening(self):
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        Participant.browse(self.participant.id).read(["name", "life_story"])
        self.assertRecordValues(
            self.lines(),
            [
                {
                    "kind": "open",
                    "participant_id": self.participant.id,
                    "user_id": self.coordinator.id,
                }
            ],
        )
        Participant.search_read([("id", "in", self.crowd[:2].ids)], ["birthdate", "life_story"])
        self.assertEqual(self.lines(kind="open").participant_id, self.participant | self.crowd[:2])
        self.assertEqual(len(self.lines()), 3, "one line a case, not one a field")

    def test_l1_list_or_export_asking_for_the_life_story_is_an_opening(self):
        """A list is no opening - unless it is asked for what only the form shows."""
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        cases = self.participant | self.crowd[0]
        Participant.web_search_read([("id", "in", cases.ids)], CARD_SPEC)
        self.assertFalse(self.lines())
        Participant.web_search_read([("id", "in", cases.ids)], {**CARD_SPEC, "birthdate": {}})
        self.assertEqual(self.lines(kind="open").participant_id, cases)
        self.crowd[1:3].with_user(self.municipal_user).export_data(["name", "life_story"])
        self.assertEqual(self.lines(kind="open").participant_id, cases | self.crowd[1:3])

    def test_l1_reads_without_those_fields_write_none(self):
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        Participant.browse(self.participant.id).read(["name", "phone", "stage_id"])
        Participant.search_read([], ["name", "phone"])
        self.participant.with_user(self.coordinator).export_data(["name", "phone"])
        self.participant.sudo().read(["life_story", "birthdate"])
        self.assertFalse(self.lines())

    def test_l1_export_personal_data_writes_its_one_line(self):
        self.participant.with_user(self.municipal_user).action_export_personal_data()
        self.assertEqual(self.kinds(), ["export"])

    def test_l1_life_story_cannot_be_grouped(self):
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        with self.assertDenied("coordinator", "aktive.participant", "group by", "field"):
            Participant._read_group([], ["life_story"], ["__count"])
        with self.assertDenied("coordinator", "aktive.participant", "read", "field"):
            Participant._read_group([], ["stage_id"], ["life_story:array_agg"])

    def test_l1_birthdates_grouped_by_day_of_one_case_are_its_opening(self):
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        Participant._read_group([("id", "=", self.participant.id)], ["birthdate:day"], ["__count"])
        self.assertEqual(self.lines(kind="open").participant_id, self.participant)
        self.assertFalse(self.lines(kind="loneliness_stats"))

    # --- the case's loneliness scores -----------------------------------------------------------
    def test_l1_case_scores_read_write_a_loneliness_line(self):
        self.add_measures(self.participant)
        Participant = self.env["aktive.participant"].with_user(self.municipal_user)
        [values] = Participant.browse(self.participant.id).read(["loneliness_change"])
        self.assertEqual(values["loneliness_change"], -4)
        self.assertRecordValues(
            self.lines(), [{"kind": "loneliness", "participant_id": self.participant.id}]
        )
        Participant.search_read([("id", "in", self.crowd.ids)], ["loneliness_latest_score"])
        self.assertEqual(
            self.lines(kind="loneliness").participant_id, self.participant | self.crowd
        )

    def test_l1_form_with_the_scores_logs_open_and_loneliness(self):
        self.participant.with_user(self.coordinator).web_read({**FORM_SPEC, **SCORES_SPEC})
        self.assertEqual(self.kinds(), ["loneliness", "open"])

    def test_l1_saving_the_form_logs_nothing_again(self):
        case = self.participant.with_user(self.coordinator)
        case.web_save({"phone": "900 11 222"}, {**FORM_SPEC, **SCORES_SPEC, "life_story": {}})
        self.assertFalse(self.lines())

    # --- grouped reads of the scores -----------------------------------------------------------
    def test_l1_graph_of_one_case_is_a_read_of_that_case(self):
        """The case's graph (Ensomhet over tid): one person's scores by date."""
        self.add_measures(self.participant | self.crowd)
        Measure = self.env[MEASURE].with_user(self.coordinator)
        groups = Measure.formatted_read_group(
            [("participant_id", "=", self.participant.id)], ["date:day"], ["ucla_score:avg"]
        )
        self.assertEqual([group["ucla_score:avg"] for group in groups], [8, 4])
        self.assertRecordValues(
            self.lines(), [{"kind": "loneliness", "participant_id": self.participant.id}]
        )

    def test_l1_pivot_of_many_cases_writes_one_aggregate_line(self):
        """Reporting -> Ensomhet: five or more cases a group are statistics: one line for the
        request, no case; a group of fewer cases (here the one of another unit, a case alone)
        is read as those cases."""
        self.add_measures(self.participant | self.crowd | self.other)
        Measure = self.env[MEASURE].with_user(self.coordinator)
        cases = [("participant_id", "in", (self.participant | self.crowd | self.other).ids)]
        rows = Measure._read_group(
            cases, ["participant_id.municipal_unit_id"], ["ucla_score:avg", "__count"]
        )
        self.assertEqual({row[0].id for row in rows}, {self.other_unit.id, self.unit.id})
        Measure._read_group(cases, [], ["ucla_score:avg"])  # the same request: still one line
        self.assertRecordValues(
            self.lines(kind="loneliness_stats"),
            [
                {
                    "user_id": self.coordinator.id,
                    "participant_id": False,
                    "company_id": self.env.company.id,
                }
            ],
        )
        self.assertEqual(self.lines(kind="loneliness").participant_id, self.other)

    def test_l1_pivot_grouping_sets_are_logged_as_well(self):
        """The pivot view asks several groupings in one query (_read_grouping_sets)."""
        self.add_measures(self.participant | self.crowd)
        Measure = self.env[MEASURE].with_user(self.municipal_user)
        sets = Measure._read_grouping_sets(
            [("participant_id", "in", (self.participant | self.crowd).ids)],
            [["participant_id"], []],
            ["ucla_score:sum", "__count"],
        )
        self.assertEqual(len(sets[0]), 6, "one row a case")
        self.assertEqual(sets[1][0][-1], 12, "the total: 12 measures")
        self.assertEqual(self.kinds(kind="loneliness_stats"), ["loneliness_stats"])
        self.assertEqual(
            self.lines(kind="loneliness").participant_id, self.participant | self.crowd
        )

    def test_l1_grouped_scores_on_the_case_are_logged(self):
        self.add_measures(self.participant | self.crowd)
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        rows = Participant._read_group(
            [("id", "in", (self.participant | self.crowd).ids)],
            ["municipal_unit_id"],
            ["loneliness_change:avg"],
        )
        self.assertEqual(rows, [(self.unit, -4.0)])
        self.assertEqual(self.kinds(), ["loneliness_stats"])
        Participant._read_group([("id", "=", self.participant.id)], [], ["loneliness_change:avg"])
        self.assertEqual(self.lines(kind="loneliness").participant_id, self.participant)

    def test_l1_groups_without_answers_write_none(self):
        self.add_measures(self.participant)
        Measure = self.env[MEASURE].with_user(self.coordinator)
        Measure._read_group([], ["date:month"], ["__count"])
        self.env["aktive.participant"].with_user(self.coordinator)._read_group(
            [], ["stage_id"], ["__count"]
        )
        self.assertFalse(self.lines())

    def test_l1_aggregate_lines_are_the_administrators(self):
        """A line without a case belongs to no unit: the administrator reads it, the municipal
        contact person does not; nobody changes it."""
        self.add_measures(self.participant | self.crowd)
        self.env[MEASURE].with_user(self.coordinator)._read_group([], [], ["ucla_score:avg"])
        line = self.lines(kind="loneliness_stats")
        self.assertEqual(len(line), 1)
        Log = self.env["aktive.access.log"]
        self.assertEqual(Log.with_user(self.admin_user).search([("id", "=", line.id)]), line)
        self.assertNothingFound(
            Log.with_user(self.municipal_user).search([("id", "=", line.id)]),
            "municipal",
            "aktive.access.log",
            "search",
            "record rule",
        )


@tagged("post_install", "-at_install")
class TestAccessLogChannelsHttp(HttpCase):
    """The sensitive note's chatter over JSON-RPC, as the web client asks for it."""

    def setUp(self):
        super().setUp()
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.hilde = self.env.ref("aktive_sammen_addon.user_hilde_demo")
        unit = self.env["aktive.municipal.unit"].create(
            {"name": "Test unit", "user_ids": [Command.set(self.hilde.ids)]}
        )
        self.arne.municipal_unit_id = unit
        self.note = self.env["aktive.sensitive.note"].create(
            {"participant_id": self.arne.id, "note": "Heart condition"}
        )
        self.env.cr.precommit.run()
        self.note.note = "Heart condition, new medicine since May"
        self.env.cr.precommit.run()  # the tracking is written when the transaction commits
        self.authenticate("hilde", "hilde")

    def lines(self):
        return (
            self.env["aktive.access.log"]
            .sudo()
            .search(
                [
                    ("user_id", "=", self.hilde.id),
                    ("participant_id", "=", self.arne.id),
                    ("kind", "=", "sensitive"),
                ]
            )
        )

    def test_l1_note_chatter_with_its_old_text_writes_the_line(self):
        before = self.lines()
        result = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "aktive.sensitive.note", "thread_id": self.note.id},
        )
        self.assertIn("Heart condition, new medicine", str(result), "Hilde reads the change")
        self.assertEqual(len(self.lines() - before), 1)

    def test_l1_note_chatter_without_the_text_writes_none(self):
        """A change of the note's kind holds no text: its log writes no line."""
        self.env["mail.message"].sudo().search(
            [("model", "=", "aktive.sensitive.note"), ("res_id", "=", self.note.id)]
        ).tracking_value_ids.filtered(lambda t: t.field_id.name == "note").unlink()
        self.note.kind = "personal"
        self.env.cr.precommit.run()
        before = self.lines()
        result = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "aktive.sensitive.note", "thread_id": self.note.id},
        )
        self.assertNotIn("new medicine", str(result))
        self.assertEqual(self.lines() - before, self.env["aktive.access.log"])
