"""The dashboard (report/aktive_dashboard.py) and the progress of the cases over time
(report/aktive_progress_report.py): each figure is the number of records its tile opens,
counted with the reader's rights; the year's figures follow the period; nothing is typed or
saved; the cost stays the same when the municipality grows."""

import datetime

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestDashboard(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["aktive.municipal.unit"]
        cls.unit = Unit.create(
            {"name": "Home care test", "user_ids": [Command.set(cls.municipal_user.ids)]}
        )
        cls.participant.municipal_unit_id = cls.unit
        cls.foreign = cls.env["aktive.participant"].create({"name": "Foreign Test"})
        cls.year_start = datetime.date(cls.today.year, 1, 1)
        cls.last_year = datetime.date(cls.today.year - 1, 6, 1)

    def tiles(self, user):
        return {tile.kind: tile for tile in self.env["aktive.dashboard"].with_user(user).search([])}

    def opened(self, tile):
        """The records the tile's click shows, as its user."""
        action = tile.action_open()
        Model = self.env[action["res_model"]].with_user(tile.env.user)
        domain = list(action.get("domain") or [])
        context = action.get("context") or {}
        if action["res_model"] == "aktive.progress.report":
            kind = next(key for key in context if key.startswith("search_default_kind_"))
            domain.append(("kind", "=", kind.removeprefix("search_default_kind_")))
            if context.get("search_default_period"):
                domain += [
                    ("date", ">=", self.year_start),
                    ("date", "<", self.year_start.replace(year=self.today.year + 1)),
                ]
        return Model.search(domain)

    def test_each_figure_is_what_its_tile_opens(self):
        self.add_wish(state="fulfilled", date_fulfilled=self.today)
        tiles = self.tiles(self.coordinator)
        self.assertEqual(len(tiles), 10, "every figure of the old dashboard is there")
        for kind, tile in tiles.items():
            if kind == "avg_days_to_network":
                continue
            with self.subTest(kind=kind):
                self.assertEqual(tile.value, len(self.opened(tile)))
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        self.assertEqual(
            tiles["active_participants"].value, Participant.search_count([("state", "=", "active")])
        )
        self.assertGreaterEqual(tiles["wishes_fulfilled"].value, 1)
        self.assertEqual(
            tiles["ripple_clusters"].action_open()["res_model"], "aktive.ripple.cluster"
        )
        self.assertGreaterEqual(tiles["ripple_clusters"].value, 1, "the demo care housing")

    def test_average_days_from_need_to_network(self):
        self.participant.referral_date = self.today - datetime.timedelta(days=30)
        self.add_wish(state="agreed")
        for index in (1, 2, 3):
            self.move_to(self.participant, index)
        self.add_member(self.volunteer)
        self.move_to(self.participant, 4)
        Participant = self.env["aktive.participant"].with_context(active_test=False)
        [(expected,)] = Participant._read_group(
            [("date_network_established", "!=", False)], [], ["days_to_network:avg"]
        )
        tile = self.tiles(self.coordinator)["avg_days_to_network"]
        self.assertEqual(tile.value, round(expected))
        rows = self.opened(tile)
        self.assertIn(self.participant, rows.participant_id)
        self.assertEqual(
            rows.filtered(lambda r: r.participant_id == self.participant).days_to_network, 30
        )

    def test_overdue_asks_for_action(self):
        followup = self.env["aktive.followup"].create(
            {
                "participant_id": self.participant.id,
                "date_planned": self.today - datetime.timedelta(days=3),
                "is_overdue": True,
            }
        )
        tile = self.tiles(self.coordinator)["overdue_followups"]
        self.assertTrue(tile.attention)
        self.assertIn(followup, self.opened(tile))
        self.assertFalse(self.tiles(self.coordinator)["active_participants"].attention)

    def test_year_figures_follow_the_period(self):
        Followup = self.env["aktive.followup"]
        held = Followup.create(
            [
                {
                    "participant_id": self.participant.id,
                    "date_planned": day,
                    "date_held": day,
                    "state": "held",
                }
                for day in (self.today, self.last_year)
            ]
        )
        tile = self.tiles(self.coordinator)["followups_held"]
        rows = self.opened(tile)
        self.assertIn(held[0].date_held, rows.mapped("date"))
        self.assertNotIn(self.last_year, rows.mapped("date"), "last year is another period")
        Report = self.env["aktive.progress.report"].with_user(self.coordinator)
        last_year = Report.search_count(
            [
                ("kind", "=", "followup_held"),
                ("participant_id", "=", self.participant.id),
                ("date", ">=", self.last_year.replace(month=1, day=1)),
                ("date", "<", self.year_start),
            ]
        )
        self.assertEqual(last_year, 1)

    def test_municipal_sees_the_figures_of_its_cases(self):
        self.env["aktive.volunteer.contact"].create({"partner_id": self.volunteer.id})
        self.env["aktive.followup"].create(
            [
                {
                    "participant_id": case.id,
                    "date_planned": self.today,
                    "date_held": self.today,
                    "state": "held",
                }
                for case in (self.participant, self.foreign)
            ]
        )
        tiles = self.tiles(self.municipal_user)
        self.assertFalse(
            {"active_volunteers", "volunteers_to_contact", "volunteer_contacts"} & set(tiles),
            "the volunteers are the coordinator's",
        )
        self.assertNotIn("ripple_clusters", tiles, "so are the ripple effects")
        self.assertEqual(len(tiles), 6)
        Participant = self.env["aktive.participant"].with_user(self.municipal_user)
        self.assertEqual(
            tiles["active_participants"].value, Participant.search_count([("state", "=", "active")])
        )
        rows = self.opened(tiles["followups_held"])
        self.assertIn(self.participant, rows.participant_id)
        self.assertNotIn(self.foreign, rows.participant_id, "not a case of the unit")
        Report = self.env["aktive.progress.report"].with_user(self.municipal_user)
        self.assertFalse(Report.search([("kind", "=", "volunteer_contact")]))
        self.assertFalse(Report.search([("participant_id", "=", self.foreign.id)]))
        coordinator = self.env["aktive.progress.report"].with_user(self.coordinator)
        self.assertTrue(coordinator.search([("kind", "=", "volunteer_contact")]))

    def test_progress_rows_follow_the_cases(self):
        Report = self.env["aktive.progress.report"]
        wish = self.add_wish()
        self.participant.referral_date = self.today
        rows = Report.search([("participant_id", "=", self.participant.id)])
        self.assertEqual(rows.mapped("kind"), ["need"])
        wish.write({"state": "fulfilled", "date_fulfilled": self.today})
        rows = Report.search([("participant_id", "=", self.participant.id)])
        self.assertEqual(sorted(rows.mapped("kind")), ["need", "wish_fulfilled"])
        self.assertEqual(
            rows.filtered(lambda r: r.kind == "wish_fulfilled").category_id, self.category
        )
        self.assertEqual(len(set(Report.search([]).ids)), Report.search_count([]), "stable ids")

    def test_nothing_to_type_or_save(self):
        """No wizard record, no year field: the figures are read, never written."""
        Dashboard = self.env["aktive.dashboard"].with_user(self.coordinator)
        self.assertNotIn("year", Dashboard._fields)
        tile = Dashboard.search([], limit=1)
        with self.assertRaises(AccessError):
            Dashboard.create({"kind": "active_participants"})
        with self.assertRaises(AccessError):
            tile.write({"kind": "ripple_clusters"})
        with self.assertRaises(AccessError):
            tile.unlink()
        with self.assertRaises(AccessError):
            self.env["aktive.progress.report"].with_user(self.coordinator).create({})


@tagged("post_install", "-at_install")
class TestDashboardQueries(AktiveCase):
    """The tiles and the graph cost the same number of queries in a small and in a large
    municipality."""

    def grow(self, count):
        cases = self.env["aktive.participant"].create(
            [{"name": f"Grow {i}", "referral_date": self.today} for i in range(count)]
        )
        self.env["aktive.followup"].create(
            [
                {
                    "participant_id": case.id,
                    "date_planned": self.today,
                    "date_held": self.today,
                    "state": "held",
                }
                for case in cases
            ]
        )
        self.env["aktive.volunteer.contact"].create(
            [{"partner_id": self.volunteer.id} for _case in cases]
        )
        self.env.flush_all()

    def measure(self):
        env = self.env(user=self.coordinator)
        counts = []
        for read in (self.read_tiles, self.read_graph):
            env.invalidate_all()
            env.flush_all()
            before = self.cr.sql_log_count
            read(env)
            counts.append(self.cr.sql_log_count - before)
        return counts

    @staticmethod
    def read_tiles(env):
        tiles = env["aktive.dashboard"].search([])
        tiles.read(["kind", "value", "attention", "hint", "section"])

    def read_graph(self, env):
        env["aktive.progress.report"].formatted_read_group(
            [("date", ">=", datetime.date(self.today.year, 1, 1))],
            ["date:month", "kind"],
            ["__count", "days_to_network:avg"],
        )

    def test_query_count_does_not_grow(self):
        self.measure()  # warm the caches (rules, registry)
        small = self.measure()
        self.assertLessEqual(small[0], 20, "about one query per figure")
        self.assertLessEqual(small[1], 5, "one query for the graph, a few for the reader")
        self.grow(40)
        env = self.env(user=self.coordinator)
        for read, expected in zip((self.read_tiles, self.read_graph), small, strict=True):
            env.invalidate_all()
            with self.assertQueryCount(expected):
                read(env)
