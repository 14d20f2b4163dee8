from datetime import timedelta

from odoo.tests import tagged

from . import operations
from .common import SIGNED
from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestHotPathQueries(AktiveCase):
    """Query counts of the benchmarked operations (tests/bench_scale.py) on a small data
    set, twice the size the second time: the count must not grow with the data (no N+1)."""

    def grow(self, n):
        """n more participants, each with a volunteer, two wishes and two follow-ups."""
        Partner = self.env["res.partner"]
        volunteers = Partner.create(
            [
                {
                    "name": f"Volunteer {n}-{i}",
                    "is_aktive_volunteer": True,
                    "aktive_confidentiality_date": self.today,
                    "aktive_confidentiality_document": SIGNED,
                    "aktive_interest_ids": [(6, 0, self.interest.ids)],
                    "aktive_area": "Sentrum",
                }
                for i in range(n)
            ]
        )
        participants = self.env["aktive.participant"].create(
            [
                {
                    "name": f"Participant {n}-{i}",
                    "residence": "Tunet",
                    "area": "Sentrum",
                    "interest_ids": [(6, 0, self.interest.ids)],
                }
                for i in range(n)
            ]
        )
        self.env["aktive.network.member"].create(
            [
                {"participant_id": p.id, "partner_id": v.id}
                for p, v in zip(participants, volunteers, strict=True)
            ]
        )
        self.env["aktive.wish"].create(
            [
                {"participant_id": p.id, "name": "Coffee", "category_id": self.category.id}
                for p in participants
                for _ in range(2)
            ]
        )
        self.env["aktive.followup"].create(
            [
                {"participant_id": p.id, "date_planned": self.today - timedelta(days=d)}
                for p in participants
                for d in (3, -30)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interest = cls.env["aktive.interest"].create({"name": "Coffee test"})
        cls.wish = cls.env["aktive.wish"].create(
            {"participant_id": cls.participant.id, "name": "Coffee", "category_id": cls.category.id}
        )
        cls.participant.interest_ids = cls.interest

    def count(self, operation, *args, warm=True):
        """Queries of one run as the coordinator, with the record cache empty and the
        registry caches (rules, views) warm, as on a running server."""
        env = self.env(user=self.coordinator)
        if warm:
            operation(env, *args)
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        operation(env, *args)
        return self.cr.sql_log_count - before

    def test_counts_do_not_grow_with_the_data(self):
        ops = {
            "kanban": (operations.kanban_first_page,),
            "suggest": (operations.suggest_volunteers, self.wish),
            "clusters": (operations.ripple_clusters,),
            "pivot": (operations.reporting_pivot,),
        }
        self.grow(5)
        small = {name: self.count(*op) for name, op in ops.items()}
        self.grow(20)
        large = {name: self.count(*op) for name, op in ops.items()}
        for name in ops:
            with self.subTest(operation=name):
                self.assertEqual(small[name], large[name], f"{name}: {small} vs {large}")

    def test_overdue_cron_count_does_not_grow(self):
        self.grow(2)
        operations.overdue_cron(self.env(user=self.coordinator))  # warm the caches on 2 late
        self.grow(5)
        small = self.count(operations.overdue_cron, warm=False)
        self.grow(20)
        large = self.count(operations.overdue_cron, warm=False)
        self.assertEqual(small, large)

    def test_bounds(self):
        """Hard ceilings, so a regression fails even when it is constant."""
        env = self.env(user=self.coordinator)
        bounds = [
            (operations.kanban_first_page, (), 25),
            (operations.suggest_volunteers, (self.wish,), 13),
            (operations.ripple_clusters, (), 6),
            (operations.reporting_pivot, (), 8),
            (operations.overdue_cron, (), 40),
        ]
        self.grow(2)
        operations.overdue_cron(env)  # warm the caches on 2 late ones
        self.grow(10)
        for operation, args, bound in bounds:
            with self.subTest(operation=operation.__name__):
                if operation is not operations.overdue_cron:
                    operation(env, *args)  # warm the registry caches
                self.env.invalidate_all()
                with self.assertQueryCount(bound):
                    operation(env, *args)
