from datetime import timedelta
from unittest.mock import patch

from odoo import Command
from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import tagged

from . import operations
from .common import SIGNED
from .common import AktiveCase
from .common import new_signed_volunteer


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
                    "aktive_interest_ids": [Command.set(self.interest.ids)],
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
                    "interest_ids": [Command.set(self.interest.ids)],
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


@tagged("post_install", "-at_install")
class TestPortalQueries(HttpCase):
    """The volunteer's phone pages (operations.portal_home, operations.portal_person), through
    the test server: the query count of a page must not grow with the people the volunteer
    helps, nor with the wishes, network and log of the person, nor with the rest of the data."""

    def setUp(self):
        super().setUp()
        self.user = new_signed_volunteer(self.env, "perf_volunteer", name="Perf Volunteer")
        self.category = self.env.ref("aktive_sammen_addon.wish_category_culture")
        self.contact = self.env["res.partner"].create({"name": "Perf Contact", "phone": "1"})
        self.person = self.grow(1)[0]
        self.authenticate("perf_volunteer", "perf_volunteer")

    def grow(self, n, person=None):
        """n more people the volunteer helps and n they do not, each with a second volunteer,
        two wishes and two log entries by the volunteer; n more volunteers, two wishes and two
        log entries on `person`."""
        signed = {
            "is_aktive_volunteer": True,
            "aktive_confidentiality_date": fields.Date.today(),
            "aktive_confidentiality_document": SIGNED,
        }
        others = self.env["res.partner"].create(
            [{"name": f"Other Volunteer {n}-{i}", "phone": "2", **signed} for i in range(3 * n)]
        )
        people = self.env["aktive.participant"].create(
            [
                {
                    "name": f"Person {n}-{i}",
                    "phone": "3",
                    "street": "Storgata 1",
                    "city": "Vennesla",
                    "municipal_contact_id": self.contact.id,
                }
                for i in range(2 * n)
            ]
        )
        mine = people[:n]
        members = [
            {"participant_id": p.id, "partner_id": v.id}
            for p, v in zip(people, others[: 2 * n], strict=True)
        ]
        members += [{"participant_id": p.id, "partner_id": self.user.partner_id.id} for p in mine]
        if person:
            members += [{"participant_id": person.id, "partner_id": v.id} for v in others[2 * n :]]
        self.env["aktive.network.member"].create(members)
        self.env["aktive.wish"].create(
            [
                {"participant_id": p.id, "name": f"Wish {k}", "category_id": self.category.id}
                for p in people | (person or people[:0])
                for k in range(2)
            ]
        )
        self.env["aktive.contact.log"].create(
            [
                {"participant_id": p.id, "user_id": self.user.id, "kind": "visit"}
                for p in mine | (person or mine[:0])
                for _ in range(2)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        return mine

    def open_url(self, path, params=None):
        if params is not None:
            return self.make_jsonrpc_request(path, params)
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, 200, path)
        return response.text

    def count(self, operation, *args):
        """Queries of one request (or two, /my and its counters), the caches warm."""
        operation(self.open_url, *args)
        before = self.cr.sql_log_count
        operation(self.open_url, *args)
        return self.cr.sql_log_count - before

    def test_portal_counts_do_not_grow_with_the_data(self):
        ops = {
            "home": (operations.portal_home,),
            "person": (operations.portal_person, self.person.id),
        }
        small = {name: self.count(*op) for name, op in ops.items()}
        self.grow(4, self.person)
        large = {name: self.count(*op) for name, op in ops.items()}
        people = self.env["aktive.participant"].with_user(self.user).search_count([])
        self.assertEqual(people, 5, "the volunteer sees the five people they help")
        # hard ceilings, as test_bounds above; the notices and the pause on the pages: +5, +2
        bounds = {"home": 25, "person": 34}
        for name in ops:
            with self.subTest(page=name):
                self.assertEqual(small[name], large[name], f"{name}: {small} vs {large}")
                self.assertLessEqual(large[name], bounds[name])


@tagged("post_install", "-at_install")
class TestStageMoveQueries(AktiveCase):
    """Moving several participants at once (a selection on the board, 'Next step' on a list)
    reads the method steps once per move, not about five times per participant
    (models/aktive_participant.py: write, action_next_step)."""

    def movers(self, n):
        """n participants in step 2, with what step 3 asks for (a wish)."""
        participants = self.env["aktive.participant"].create(
            [{"name": f"Mover {n}-{i}", "coordinator_id": self.coordinator.id} for i in range(n)]
        )
        for participant in participants:
            self.add_wish(participant)
        participants.stage_id = self.stages[1]
        self.env.flush_all()
        self.env.invalidate_all()
        return participants.with_user(self.coordinator)

    def stage_searches(self, operation):
        """How often the operation searches the stages, and its query count."""
        Stage = type(self.env["aktive.stage"])
        calls = []
        search = Stage._search

        def counting(model, *args, **kwargs):
            calls.append(args)
            return search(model, *args, **kwargs)

        before = self.cr.sql_log_count
        with patch.object(Stage, "_search", counting):
            operation()
            self.env.flush_all()
        return len(calls), self.cr.sql_log_count - before

    def test_next_step_reads_the_steps_once(self):
        self.movers(1).action_next_step()  # warm the registry caches
        searches, small = self.stage_searches(self.movers(2).action_next_step)
        # action_next_step, the write it makes, and is_last_step's recompute.
        self.assertEqual(searches, 3)
        many = self.movers(6)
        searches, large = self.stage_searches(many.action_next_step)
        self.assertEqual(searches, 3, "the same for six participants as for two")
        self.assertEqual(many.stage_id, self.stages[2])
        self.assertLessEqual(large - small, 4 * 4, "at most four queries more per participant")

    def test_write_reads_the_steps_once(self):
        many = self.movers(5)
        searches, _queries = self.stage_searches(
            lambda: many.write({"stage_id": self.stages[2].id})
        )
        self.assertEqual(searches, 2, "the write and is_last_step's recompute")
        self.assertEqual(many.stage_id, self.stages[2])
        # Back one step: still one read, and a note on each case.
        searches, _queries = self.stage_searches(
            lambda: many.write({"stage_id": self.stages[1].id})
        )
        self.assertEqual(searches, 2)
        self.assertEqual(many.stage_id, self.stages[1])
