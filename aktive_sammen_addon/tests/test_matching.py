"""Matching and ripple effects: models/aktive_wish_matching.py, the wizard
(wizard/aktive_volunteer_suggestion.py, aktive_volunteer_suggestion_line.py,
aktive_activity_suggestion_line.py), report/aktive_ripple_cluster.py, volunteer care
(models/aktive_volunteer_contact.py) and report/aktive_dashboard.py."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from odoo import Command
from odoo.tests import tagged

from .common import SIGNED
from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestVolunteerSuggestion(AktiveCase):
    """Ranking on a hand-made set: the best match first, the unsigned never."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Interest = cls.env["aktive.interest"]
        cls.books = Interest.create({"name": "Books test"})
        cls.walks = Interest.create({"name": "Walks test"})
        cls.participant.write({"interest_ids": [Command.set(cls.books.ids)], "area": "Moseidmoen"})
        cls.participant.partner_id.lang = "en_US"
        english = cls.env.ref("base.lang_en")
        signed = {
            "is_aktive_volunteer": True,
            "aktive_confidentiality_date": cls.today,
            "aktive_confidentiality_document": SIGNED,
        }
        Partner = cls.env["res.partner"]
        cls.best = Partner.create(
            {
                **signed,
                "name": "Best Match",
                "aktive_area": "Moseidmoen",
                "aktive_interest_ids": [Command.set(cls.books.ids)],
                "aktive_language_ids": [Command.set(english.ids)],
                "aktive_driving_licence": True,
                "aktive_has_car": True,
            }
        )
        cls.busy = Partner.create(
            {
                **signed,
                "name": "Busy Match",
                "aktive_area": "Moseidmoen",
                "aktive_interest_ids": [Command.set(cls.books.ids)],
            }
        )
        cls.far = Partner.create(
            {
                **signed,
                "name": "Far Away",
                "aktive_area": "Grovane",
                "aktive_interest_ids": [Command.set(cls.walks.ids)],
            }
        )
        cls.unsigned = Partner.create(
            {
                "is_aktive_volunteer": True,
                "name": "Perfect But Unsigned",
                "aktive_area": "Moseidmoen",
                "aktive_interest_ids": [Command.set(cls.books.ids)],
                "aktive_confidentiality_date": cls.today,  # a date, but no signed document
            }
        )
        cls.paused = Partner.create(
            {
                **signed,
                "name": "On A Break",
                "aktive_volunteer_state": "paused",
                "aktive_area": "Moseidmoen",
                "aktive_interest_ids": [Command.set(cls.books.ids)],
            }
        )
        others = cls.env["aktive.participant"].create([{"name": f"Other {i}"} for i in range(3)])
        cls.env["aktive.network.member"].create(
            [{"participant_id": o.id, "partner_id": cls.busy.id} for o in others]
        )
        cls.wish = cls.env["aktive.wish"].create(
            {
                "participant_id": cls.participant.id,
                "name": "Someone to talk books with",
                "category_id": cls.category.id,
            }
        )

    def names(self, rows):
        return [row[0].name for row in rows]

    def test_best_match_first_with_reasons(self):
        rows = self.wish._suggest_volunteers(20)
        names = self.names(rows)
        self.assertEqual(names[0], "Best Match")
        self.assertLess(names.index("Busy Match"), names.index("Far Away"))
        best_reasons = rows[0][2]
        self.assertIn("Shared interests: Books test", best_reasons)
        self.assertIn("Same area: Moseidmoen", best_reasons)
        self.assertTrue(any(r.startswith("Speaks") for r in best_reasons))
        self.assertIn("Confidentiality declaration on file", best_reasons)

    def test_never_the_unsigned_the_paused_or_those_already_in(self):
        self.add_member(self.best)
        names = self.names(self.wish._suggest_volunteers(50))
        self.assertNotIn("Perfect But Unsigned", names)
        self.assertNotIn("On A Break", names)
        self.assertNotIn("Best Match", names, "already in the network")

    def test_load_is_spread(self):
        rows = {row[0].name: row[1] for row in self.wish._suggest_volunteers(20)}
        self.assertLess(rows["Busy Match"], rows["Best Match"])

    def test_transport_needs_a_driver(self):
        transport = self.env.ref("aktive_sammen_addon.wish_category_transport")
        wish = self.add_wish(name="Short car trips", category_id=transport.id)
        rows = wish._suggest_volunteers(20)
        self.assertEqual(rows[0][0], self.best)
        self.assertIn("Driving licence and car (transport is needed)", rows[0][2])
        far = next(row for row in rows if row[0] == self.far)
        self.assertIn("No driving licence, and transport is needed", far[2])

    def test_wizard_adds_the_chosen_volunteer_in_one_click(self):
        action = self.wish.with_user(self.coordinator).action_suggest()
        wizard = self.env["aktive.volunteer.suggestion"].browse(action["res_id"])
        self.assertEqual(wizard.line_ids[0].volunteer_id, self.best)
        wizard.role_id = self.role_visit
        wizard.line_ids[0].with_user(self.coordinator).action_add_to_network()
        member = self.participant.network_member_ids.filtered(lambda m: m.partner_id == self.best)
        self.assertEqual(member.role_id, self.role_visit)
        self.assertEqual(member.wish_ids, self.wish)

    def test_activities_and_members_who_drive(self):
        """The Arne / Lions pattern: a club meeting, and fellow members who give the lift."""
        lions = self.env["aktive.activity"].create(
            {
                "name": "Lions meeting test",
                "category_ids": [Command.set(self.category.ids)],
                "area": "Moseidmoen",
                "member_ids": [Command.set((self.best | self.far).ids)],
            }
        )
        other = self.env["aktive.activity"].create(
            {
                "name": "Elsewhere",
                "category_ids": [Command.set(self.category.ids)],
                "area": "Grovane",
            }
        )
        rows = self.wish._suggest_activities(10)
        self.assertEqual(rows[0][0], lions)
        self.assertEqual(rows[0][3], self.best, "members with a driving licence only")
        self.assertIn(other, [row[0] for row in rows])
        action = self.wish.action_suggest()
        wizard = self.env["aktive.volunteer.suggestion"].browse(action["res_id"])
        wizard.activity_line_ids.filtered(lambda line: line.activity_id == lions).action_choose()
        self.assertEqual(self.wish.activity_id, lions)


@tagged("post_install", "-at_install")
class TestRippleEffects(AktiveCase):
    def test_demo_care_housing_is_a_cluster(self):
        """Inger and Vera both wish for a gathering where they live."""
        cluster = self.env["aktive.ripple.cluster"].search(
            [("place", "=", "Venneslatunet omsorgsboliger")]
        )
        self.assertEqual(len(cluster), 1)
        self.assertEqual(
            cluster.category_id, self.env.ref("aktive_sammen_addon.wish_category_gathering")
        )
        self.assertEqual(cluster.participant_count, 2)

    def test_shared_activity_links_the_wishes(self):
        gathering = self.env.ref("aktive_sammen_addon.wish_category_gathering")
        people = self.env["aktive.participant"].create(
            [{"name": f"Neighbour {i}", "residence": "Elvegata 5"} for i in range(3)]
        )
        wishes = self.env["aktive.wish"].create(
            [
                {"participant_id": p.id, "name": "Coffee together", "category_id": gathering.id}
                for p in people
            ]
        )
        alone = self.env["aktive.participant"].create({"name": "Alone", "residence": "Bakken 1"})
        self.add_wish(alone, category_id=gathering.id)
        moved = self.env["aktive.participant"].create(
            {"name": "Moved", "residence": "Elvegata 5", "state": "closed", "close_reason": "Moved"}
        )
        moved_wish = self.add_wish(moved, category_id=gathering.id)
        clusters = self.env["aktive.ripple.cluster"].search([])
        self.assertIn("Elvegata 5", clusters.mapped("place"))
        self.assertNotIn("Bakken 1", clusters.mapped("place"), "one person is not a cluster")
        cluster = clusters.filtered(lambda c: c.place == "Elvegata 5")
        self.assertEqual(cluster.participant_count, 3)
        action = cluster.action_create_shared_activity()
        activity = self.env["aktive.activity"].browse(action["res_id"])
        self.assertEqual(wishes.activity_id, activity)
        self.assertFalse(moved_wish.activity_id, "a closed case is not in the cluster")
        self.assertEqual(activity.place, "Elvegata 5")
        self.assertEqual(activity.category_ids, gathering)


@tagged("post_install", "-at_install")
class TestVolunteerCare(AktiveCase):
    def test_contact_cadence_and_history(self):
        self.volunteer.aktive_last_contact_date = self.today - timedelta(days=70)
        due = self.env["res.partner"].search(
            [("is_aktive_volunteer", "=", True), ("aktive_next_contact_date", "<=", self.today)]
        )
        self.assertIn(self.volunteer, due)
        self.volunteer.with_user(self.coordinator).action_aktive_log_contact()
        self.assertEqual(self.volunteer.aktive_last_contact_date, self.today)
        self.assertEqual(
            self.volunteer.aktive_next_contact_date, self.today + relativedelta(months=2)
        )
        history = self.env["aktive.volunteer.contact"].search(
            [("partner_id", "=", self.volunteer.id)]
        )
        self.assertEqual(len(history), 1)
        self.assertEqual(history.user_id, self.coordinator)

    def test_idle_volunteers(self):
        member = self.add_member(self.volunteer, date_start=self.today - timedelta(days=400))
        self.assertFalse(self.volunteer.aktive_last_assignment_end)
        member.write({"active": False, "date_end": self.today - timedelta(days=200)})
        self.assertEqual(self.volunteer.aktive_assignment_count, 0)
        self.assertEqual(self.volunteer.aktive_last_assignment_end, self.today - timedelta(200))


@tagged("post_install", "-at_install")
class TestDashboard(AktiveCase):
    def test_headline_numbers(self):
        board = {
            tile.kind: tile
            for tile in self.env["aktive.dashboard"].with_user(self.coordinator).search([])
        }
        Participant = self.env["aktive.participant"]
        self.assertEqual(
            board["active_participants"].value,
            Participant.search_count([("state", "=", "active")]),
        )
        self.assertGreaterEqual(board["ripple_clusters"].value, 1)
        self.assertGreater(
            board["avg_days_to_network"].value, 0, "demo cases reached their network"
        )
        self.assertEqual(
            board["ripple_clusters"].action_open()["res_model"], "aktive.ripple.cluster"
        )

    def test_days_from_need_to_network(self):
        self.participant.referral_date = self.today - timedelta(days=30)
        self.add_wish(state="agreed")
        for index in (1, 2, 3):
            self.move_to(self.participant, index)
        self.assertFalse(self.participant.date_network_established)
        self.add_member(self.volunteer)
        self.move_to(self.participant, 4)
        self.assertEqual(self.participant.date_network_established, self.today)
        self.assertEqual(self.participant.days_to_network, 30)
