"""What the coordinator's board counts (issue 16): the days a case has been in its step,
where it stands with its follow-ups (the columns' progress bars), who may drag its cards, and
what reading the board costs - the same for 10 cards as for 40."""

from datetime import datetime
from datetime import timedelta

from lxml import etree
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import AktiveCase

MANY2ONE = {"fields": {"display_name": {}}}


@tagged("post_install", "-at_install")
class TestDaysInStep(AktiveCase):
    """Days in the step are calendar days in the user's time zone since the case last moved."""

    def days(self, participant):
        participant.invalidate_recordset(["days_in_step"])
        return participant.days_in_step

    def test_moved_today_is_zero_five_days_ago_is_five(self):
        moved_today, moved_before = (
            self.participant,
            self.participant.copy(
                {"partner_id": self.env["res.partner"].create({"name": "Inger Test"}).id}
            ),
        )
        with freeze_time("2026-03-05 09:00:00"):
            moved_before.stage_id = self.stages[1]
        with freeze_time("2026-03-10 09:00:00"):
            moved_today.stage_id = self.stages[1]
            self.assertEqual(self.days(moved_today), 0)
            self.assertEqual(self.days(moved_before), 5)

    def test_a_move_late_in_the_evening_counts_from_that_day(self):
        # 22:30 UTC is 23:30 in Oslo: the next morning it has been in the step one day.
        with freeze_time("2026-03-09 22:30:00"):
            self.participant.stage_id = self.stages[1]
        with freeze_time("2026-03-10 07:00:00"):
            self.assertEqual(self.days(self.participant), 1)

    def test_writing_the_same_step_does_not_restart_the_count(self):
        with freeze_time("2026-03-05 09:00:00"):
            self.participant.stage_id = self.stages[1]
        with freeze_time("2026-03-10 09:00:00"):
            self.participant.write({"stage_id": self.stages[1].id, "interests": "Lions"})
            self.assertEqual(self.days(self.participant), 5)
            self.participant.stage_id = self.stages[0]  # back a step: a move too
            self.assertEqual(self.days(self.participant), 0)

    def test_demo_cases_have_been_in_their_steps_for_a_while(self):
        """The demo tells of months of work, not of cases all moved on the day of install."""
        demo = self.env["aktive.participant"].search(
            [("id", "in", self.demo_ids()), ("state", "!=", "closed")]
        )
        days = dict(zip(demo.mapped("name"), demo.mapped("days_in_step"), strict=True))
        self.assertGreaterEqual(len(days), 10)
        self.assertTrue(all(count > 0 for count in days.values()), days)
        self.assertGreater(days["Arne Sødal"], days["Gunnar Haugen"], days)
        arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.assertGreater(arne.days_to_network, 30, "the demo network was not built today")

    def demo_ids(self):
        return (
            self.env["ir.model.data"]
            .search([("module", "=", "aktive_sammen_addon"), ("model", "=", "aktive.participant")])
            .mapped("res_id")
        )


@tagged("post_install", "-at_install")
class TestFollowupStatus(AktiveCase):
    """One status a case: overdue, due within two weeks, on time, or none planned; computed,
    searched and grouped alike, and as private as the follow-ups it comes from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner, Participant = cls.env["res.partner"], cls.env["aktive.participant"]
        cls.cases = {}
        for name, days in (
            ("late", -1),
            ("flagged", 2),
            ("soon", 3),
            ("edge", 14),
            ("later", 30),
            ("none", None),
        ):
            partner = Partner.create({"name": f"Status {name}"})
            case = Participant.create(
                {
                    "partner_id": partner.id,
                    "coordinator_id": cls.coordinator.id,
                    "municipal_contact_id": cls.municipal_user.partner_id.id,
                }
            )
            if days is not None:
                cls.env["aktive.followup"].create(
                    {
                        "participant_id": case.id,
                        "date_planned": cls.today + timedelta(days=days),
                        "is_overdue": name == "flagged",
                    }
                )
            cls.cases[name] = case
        cls.expected = {
            "late": "overdue",
            "flagged": "overdue",  # the daily check flagged it: late whatever its date says
            "soon": "due_soon",
            "edge": "due_soon",
            "later": "on_time",
            "none": "none",
        }
        cls.ids = [case.id for case in cls.cases.values()]

    def test_compute(self):
        for name, status in self.expected.items():
            with self.subTest(case=name):
                self.assertEqual(self.cases[name].followup_status, status)

    def test_search_and_its_negation(self):
        Participant = self.env["aktive.participant"]
        for status in ("overdue", "due_soon", "on_time", "none"):
            with self.subTest(status=status):
                names = {n for n, s in self.expected.items() if s == status}
                found = Participant.search(
                    [("id", "in", self.ids), ("followup_status", "=", status)]
                )
                self.assertEqual({self.name_of(p) for p in found}, names)
                others = Participant.search(
                    [("id", "in", self.ids), ("followup_status", "not in", [status])]
                )
                self.assertEqual({self.name_of(p) for p in others}, set(self.expected) - names)

    def test_group_by_matches_the_compute(self):
        """What the progress bars count (read_progress_bar groups in SQL) is what a card says."""
        groups = self.env["aktive.participant"]._read_group(
            [("id", "in", self.ids)], ["followup_status"], ["__count"]
        )
        counted = dict(groups)
        expected = {}
        for status in self.expected.values():
            expected[status] = expected.get(status, 0) + 1
        self.assertEqual(counted, expected)
        bars = self.env["aktive.participant"].read_progress_bar(
            [("id", "in", self.ids)],
            "stage_id",
            {"field": "followup_status", "colors": {"overdue": "danger", "on_time": "success"}},
        )
        self.assertEqual(bars, {str(self.stages[0].id): {"overdue": 2, "on_time": 1}})

    def test_a_day_later_soon_becomes_late(self):
        case = self.cases["soon"]
        with freeze_time(datetime.combine(self.today + timedelta(days=4), datetime.min.time())):
            case.invalidate_recordset(["followup_status"])
            self.assertEqual(case.followup_status, "overdue")
            late = self.env["aktive.participant"].search(
                [("id", "in", self.ids), ("followup_status", "=", "overdue")]
            )
            self.assertIn(case, late)

    def test_only_case_workers_see_it(self):
        staff = self.new_staff_volunteer("board_staff_volunteer", self.cases["late"])
        Participant = self.env["aktive.participant"].with_user(staff)
        case = Participant.browse(self.cases["late"].id)
        self.assertEqual(case.name, "Status late")  # the case itself is theirs to read
        with self.assertRaises(AccessError):
            case.read(["followup_status"])
        with self.assertRaises(AccessError):
            Participant.search([("followup_status", "=", "overdue")])
        with self.assertRaises(AccessError):
            Participant._read_group([], ["followup_status"], ["__count"])
        arch = etree.fromstring(
            Participant.get_views([(False, "kanban")])["views"]["kanban"]["arch"]
        )
        self.assertFalse(arch.findall(".//progressbar"), "no bar on a field they cannot read")
        for role in ("municipal", "coordinator"):
            with self.subTest(role=role):
                found = (
                    self.env["aktive.participant"]
                    .with_user(self.roles[role])
                    .search([("id", "in", self.ids), ("followup_status", "=", "overdue")])
                )
                self.assertEqual(len(found), 2)

    def name_of(self, participant):
        return participant.name.removeprefix("Status ")


@tagged("post_install", "-at_install")
class TestBoardView(AktiveCase):
    """The board as each role gets it."""

    def board(self, user):
        Participant = self.env["aktive.participant"].with_user(user)
        view = Participant.get_views([(False, "kanban")])["views"]["kanban"]
        return etree.fromstring(view["arch"])

    def test_only_coordinators_drag_cards(self):
        for role, draggable in (("coordinator", True), ("admin", True), ("municipal", False)):
            with self.subTest(role=role):
                board = self.board(self.roles[role])
                self.assertIn("o_aktive_board", board.get("class"))
                self.assertEqual(board.get("records_draggable") != "0", draggable)
                self.assertEqual(board.get("groups_draggable"), "0", "the method's order")
                [bar] = board.iterfind(".//progressbar")
                self.assertEqual(bar.get("field"), "followup_status")

    def test_column_tooltip_has_no_untranslatable_heading(self):
        """The titles of group_by_tooltip are literal text no translation reaches: empty, the
        tooltip shows the step's translated name and description alone."""
        board = self.board(self.coordinator)
        [stage] = board.iterfind("field[@name='stage_id']")
        tooltip = eval(stage.get("options"))["group_by_tooltip"]  # our own view
        self.assertEqual(tooltip, {"name": "", "description": ""})
        step = self.env.ref("aktive_sammen_addon.stage_need_reported").with_context(lang="nb_NO")
        self.assertTrue(step.description.startswith("Personen selv"), step.description)


@tagged("post_install", "-at_install")
class TestBoardQueries(AktiveCase):
    """Reading the board - the cards with the fields its view shows, and the progress bars -
    takes as many queries for the demo as for the demo and 30 more cases."""

    def grow(self, n, start=0):
        Partner = self.env["res.partner"]
        cases = self.env["aktive.participant"].create(
            [
                {
                    "partner_id": Partner.create({"name": f"Board case {start + i}"}).id,
                    "coordinator_id": self.bjorg.id,
                    "municipal_unit_id": self.unit.id,
                }
                for i in range(n)
            ]
        )
        self.env["aktive.followup"].create(
            [
                {"participant_id": case.id, "date_planned": self.today + timedelta(days=d)}
                for i, case in enumerate(cases)
                for d in ((-3, 5, 40)[i % 3],)
            ]
        )
        self.env.flush_all()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bjorg = cls.env.ref("aktive_sammen_addon.user_bjorg_demo")
        cls.unit = cls.env.ref("aktive_sammen_addon.unit_home_care_demo")

    def read_board(self):
        env = self.env(user=self.bjorg, context=dict(self.env.context, lang="nb_NO"))
        Participant = env["aktive.participant"]
        names = Participant.get_views([(False, "kanban")])["models"]["aktive.participant"]
        names = names["fields"]
        fields = Participant._fields
        spec = {
            name: MANY2ONE if fields[name].type == "many2one" else {}
            for name in names
            if name in fields
        }
        domain = [("state", "in", ("active", "paused"))]
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        cards = Participant.web_search_read(domain, spec, limit=80)
        bars = Participant.read_progress_bar(
            domain,
            "stage_id",
            {"field": "followup_status", "colors": {"overdue": "danger", "on_time": "success"}},
        )
        return self.cr.sql_log_count - before, cards, bars

    def test_queries_do_not_grow_with_the_cards(self):
        self.read_board()  # warm the registry caches (views, rules)
        small, cards, bars = self.read_board()
        self.assertGreaterEqual(cards["length"], 9)
        self.assertIn("followup_status", cards["records"][0])
        step5 = str(self.env.ref("aktive_sammen_addon.stage_followup").id)
        self.assertEqual(bars[step5]["overdue"], 1, "Astrid")
        self.grow(30)
        large, cards, _bars = self.read_board()
        self.assertGreaterEqual(cards["length"], 39)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 20)
