"""Ripple effects: report/aktive_ripple_cluster.py (the SQL query model of people in one
place wishing the same kind of thing), its company rule ``aktive_ripple_cluster_rule_company``
(security/aktive_rules.xml), its read-only access rights (security/ir.model.access.csv) and
its list (report/aktive_ripple_cluster_views.xml).

Not again here: the demo care housing cluster, a lone wish and a closed case left out, and the
shared activity's place and category (test_matching.py); volunteers denied (test_v6 in
test_access_rights.py); the dashboard tile (test_dashboard.py); the cost (test_performance.py).
"""

from lxml import etree
from odoo.tests import tagged

from .common import AktiveCase

ELVETUN = "Elvetun test"  # a care housing: a residence
MOEN = "Moen test"  # a district: an area
AAS = "Aas test"
PLACES = (ELVETUN, MOEN, AAS, "Elsewhere test")
CLUSTER = "aktive.ripple.cluster"


class RippleCase(AktiveCase):
    """Eleven people, three clusters: who counts and who does not, one person each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gathering = cls.env.ref("aktive_sammen_addon.wish_category_gathering")
        cls.culture = cls.category
        cls.waffles = cls.env["aktive.activity"].create({"name": "Waffles test"})
        person, wish = cls.make_person, cls.make_wish
        p = cls.people = {
            "p1": person("P1", residence=ELVETUN),
            "p2": person("P2", residence=ELVETUN),
            "p3": person("P3", residence="", area=MOEN),  # an empty residence is none
            "p4": person("P4", area=MOEN),
            "p5": person("P5", residence=ELVETUN, area=MOEN),  # the residence is the place
            "p6": person("P6"),  # no place: in no cluster
            "p7": person("P7", residence=ELVETUN),  # only a fulfilled wish
            "p8": person("P8", residence=ELVETUN, state="closed", close_reason="Moved"),
            "p9": person("P9", residence=AAS),
            "p10": person("P10", residence=AAS),
            "p11": person("P11", residence=ELVETUN, state="paused", paused_until="2099-01-01"),
        }
        w = cls.wishes = {
            "p1": wish(p["p1"], cls.gathering),
            "p1b": wish(p["p1"], cls.gathering, "clarifying"),  # a second wish, same person
            "p1c": wish(p["p1"], cls.culture),  # alone with culture in Elvetun
            "p2": wish(p["p2"], cls.gathering, "agreed", activity_id=cls.waffles.id),
            "p2b": wish(p["p2"], cls.culture, "dropped", drop_reason="Not now"),
            "p3": wish(p["p3"], cls.gathering),
            "p4": wish(p["p4"], cls.gathering),
            "p5": wish(p["p5"], cls.gathering),
            "p6": wish(p["p6"], cls.gathering),
            "p7": wish(p["p7"], cls.gathering, "fulfilled"),
            "p8": wish(p["p8"], cls.gathering),
            "p9": wish(p["p9"], cls.culture),
            "p10": wish(p["p10"], cls.culture, "clarifying"),
            "p11": wish(p["p11"], cls.gathering),
        }
        # What the three clusters count.
        cls.elvetun_wishes = w["p1"] | w["p1b"] | w["p2"] | w["p5"] | w["p11"]
        cls.moen_wishes = w["p3"] | w["p4"]
        cls.aas_wishes = w["p9"] | w["p10"]

    @classmethod
    def make_person(cls, name, **vals):
        """A case in the books of the municipal contact of the tests (unless told)."""
        vals.setdefault("municipal_contact_id", cls.municipal_user.partner_id.id)
        return cls.env["aktive.participant"].create({"name": name, **vals})

    @classmethod
    def make_wish(cls, participant, category, state="new", **vals):
        return cls.env["aktive.wish"].create(
            {
                "participant_id": participant.id,
                "name": f"{category.name} for {participant.name}",
                "category_id": category.id,
                "state": state,
                **vals,
            }
        )

    def clusters(self, Cluster=None, domain=()):
        """(place, category, company, participants, wishes, with an offer) of the clusters in
        the test's places, in the model's order. A query model: the records are flushed and
        the cache of earlier reads dropped first."""
        self.env.flush_all()
        self.env.invalidate_all()
        Cluster = Cluster if Cluster is not None else self.env[CLUSTER]
        return [
            (
                c.place,
                c.category_id,
                c.company_id,
                c.participant_count,
                c.wish_count,
                c.shared_activity_count,
            )
            for c in Cluster.search([("place", "in", PLACES), *domain])
        ]

    def cluster(self, place, category, Cluster=None):
        self.env.flush_all()
        self.env.invalidate_all()
        Cluster = Cluster if Cluster is not None else self.env[CLUSTER]
        found = Cluster.search(
            [
                ("place", "=", place),
                ("category_id", "=", category.id),
                ("company_id", "=", self.env.company.id),
            ]
        )
        self.assertEqual(len(found), 1, f"one cluster {place} / {category.name}")
        return found


@tagged("post_install", "-at_install")
class TestRippleClusters(RippleCase):
    def test_the_clusters_of_a_data_set(self):
        """Per place, category and company: the people counted once, each of their open
        wishes counted, the wishes with an offer; the biggest cluster first."""
        company = self.env.company
        self.assertEqual(
            self.clusters(),
            [
                (ELVETUN, self.gathering, company, 4, 5, 1),
                (AAS, self.culture, company, 2, 2, 0),
                (MOEN, self.gathering, company, 2, 2, 0),
            ],
        )

    def test_no_offer_filter_and_grouping(self):
        """The search view's filter "No shared offer yet" and its groupings."""
        self.assertEqual(
            [row[0] for row in self.clusters(domain=[("shared_activity_count", "=", 0)])],
            [AAS, MOEN],
        )
        groups = self.env[CLUSTER].formatted_read_group(
            [("place", "in", PLACES)], ["category_id"], ["participant_count:sum", "__count"]
        )
        by_category = {
            g["category_id"][0]: (g["__count"], g["participant_count:sum"]) for g in groups
        }
        self.assertEqual(by_category, {self.gathering.id: (2, 6), self.culture.id: (1, 2)})

    def test_the_clusters_follow_the_wishes_and_the_cases(self):
        company = self.env.company
        elvetun = (ELVETUN, self.gathering, company)
        aas = (AAS, self.culture, company, 2, 2, 0)
        moen = (MOEN, self.gathering, company, 2, 2, 0)
        p, w = self.people, self.wishes
        steps = [
            (
                "P2's agreed wish is fulfilled: P2 and the offer leave",
                (
                    lambda: w["p2"].write({"state": "fulfilled"}),
                    [(*elvetun, 3, 4, 0), aas, moen],
                ),
            ),
            (
                "P1's second wish is met with the waffles",
                (
                    lambda: w["p1b"].write({"activity_id": self.waffles.id}),
                    [(*elvetun, 3, 4, 1), aas, moen],
                ),
            ),
            (
                "P4 moves away: P3 is alone in Moen",
                (
                    lambda: p["p4"].write({"area": "Elsewhere test"}),
                    [(*elvetun, 3, 4, 1), aas],
                ),
            ),
            (
                "P6, of no place so far, gives Moen as area",
                (
                    lambda: p["p6"].write({"area": MOEN}),
                    [(*elvetun, 3, 4, 1), aas, moen],
                ),
            ),
            (
                "P9's case is archived: P10 is alone in Aas",
                (
                    lambda: p["p9"].action_archive(),
                    [(*elvetun, 3, 4, 1), moen],
                ),
            ),
            (
                "P11's case is closed and P5's wish dropped: P1 is alone in Elvetun",
                (
                    lambda: (
                        p["p11"].write({"state": "closed", "close_reason": "Moved"}),
                        w["p5"].write({"state": "dropped", "drop_reason": "Changed mind"}),
                    ),
                    [moen],
                ),
            ),
            ("P9's case is back", (lambda: p["p9"].action_unarchive(), [aas, moen])),
            (
                "P3's wish is now about culture: Moen's gathering is gone",
                (
                    lambda: w["p3"].write({"category_id": self.culture.id}),
                    [aas],
                ),
            ),
        ]
        for step, (change, expected) in steps:
            with self.subTest(step=step):
                change()
                self.assertEqual(self.clusters(), expected)

    def test_the_query_sees_changes_not_yet_written(self):
        """No explicit flush: the query model flushes the fields it reads (its _depends)
        before it runs, as a dashboard tile read in the same request needs. Searched by
        value, so that no cached record answers."""
        Cluster = self.env[CLUSTER]

        def found(place, category, **counts):
            domain = [("place", "=", place), ("category_id", "=", category.id)]
            domain += [(name, "=", value) for name, value in counts.items()]
            return bool(Cluster.search(domain))

        self.wishes["p2"].state = "fulfilled"
        self.assertTrue(found(ELVETUN, self.gathering, participant_count=3, wish_count=4))
        self.assertTrue(found(ELVETUN, self.gathering, shared_activity_count=0))
        self.wishes["p1"].activity_id = self.waffles
        self.assertTrue(found(ELVETUN, self.gathering, shared_activity_count=1))
        self.people["p11"].write({"state": "closed", "close_reason": "Moved"})
        self.assertTrue(found(ELVETUN, self.gathering, participant_count=2, wish_count=3))
        self.people["p9"].active = False
        self.assertFalse(found(AAS, self.culture))
        self.people["p9"].active = True
        self.wishes["p10"].category_id = self.gathering
        self.assertFalse(found(AAS, self.culture))
        # The place is read from the case: a move is seen before it is written, too.
        self.people["p9"].residence = ELVETUN
        self.assertTrue(found(ELVETUN, self.culture, participant_count=2))

    def test_wishes_without_a_category_share_nothing(self):
        """Two people in one place with wishes of no kind have nothing in common: no
        cluster (its offer would be named after no category)."""
        for name in ("p9", "p10"):
            self.wishes[name].category_id = False
        self.assertNotIn(AAS, [cluster[0] for cluster in self.clusters()])

    def test_an_archived_case_is_neither_counted_nor_opened(self):
        """The list of wishes a cluster opens, and the offer made from it, hold the same
        cases as its count: not an archived one's."""
        self.people["p5"].active = False
        cluster = self.cluster(ELVETUN, self.gathering)
        self.assertEqual(cluster.participant_count, 3)
        found = self.env["aktive.wish"].search(cluster.action_open_wishes()["domain"])
        self.assertEqual(found, self.elvetun_wishes - self.wishes["p5"])
        self.assertEqual(len(found), cluster.wish_count)

    def test_open_wishes_are_exactly_the_counted_ones(self):
        for place, category, wishes in (
            (ELVETUN, self.gathering, self.elvetun_wishes),
            (MOEN, self.gathering, self.moen_wishes),
            (AAS, self.culture, self.aas_wishes),
        ):
            for user in (self.coordinator,):
                with self.subTest(place=place, user=user.login):
                    cluster = self.cluster(place, category, self.env[CLUSTER].with_user(user))
                    action = cluster.action_open_wishes()
                    self.assertEqual(action["res_model"], "aktive.wish")
                    self.assertEqual(action["context"], {})
                    found = self.env["aktive.wish"].with_user(user).search(action["domain"])
                    self.assertEqual(found, wishes)
                    self.assertEqual(len(found), cluster.wish_count)


@tagged("post_install", "-at_install")
class TestSharedActivity(RippleCase):
    def test_coordinator_creates_one_offer_for_the_cluster(self):
        cluster = self.cluster(
            ELVETUN, self.gathering, self.env[CLUSTER].with_user(self.coordinator)
        )
        action = cluster.action_create_shared_activity()
        self.assertEqual((action["res_model"], action["view_mode"]), ("aktive.activity", "form"))
        activity = self.env["aktive.activity"].browse(action["res_id"])
        self.assertEqual(activity.name, f"{self.gathering.name} in {ELVETUN}")
        self.assertEqual((activity.place, activity.area), (ELVETUN, ELVETUN))
        self.assertEqual(activity.company_id, self.env.company)
        # every open wish of the cluster now has an offer; P2's keeps the one agreed
        self.assertEqual(self.wishes["p2"].activity_id, self.waffles)
        self.assertEqual(
            self.elvetun_wishes.filtered(lambda w: w.activity_id == activity),
            self.elvetun_wishes - self.wishes["p2"],
        )
        others = self.env["aktive.wish"].browse(
            [w.id for key, w in self.wishes.items() if w not in self.elvetun_wishes]
        )
        self.assertFalse(others.filtered(lambda w: w.activity_id == activity))
        self.assertEqual(
            self.clusters(),
            [
                (ELVETUN, self.gathering, self.env.company, 4, 5, 5),
                (AAS, self.culture, self.env.company, 2, 2, 0),
                (MOEN, self.gathering, self.env.company, 2, 2, 0),
            ],
        )

    def test_ripple_effects_are_the_coordinators(self):
        """A cluster counts every case of the company, beyond a municipal contact person's
        units (whose wishes list would then come up short): theirs neither to read, nor in
        their menu or on their dashboard. Nor is the offer made from one."""
        cluster = self.cluster(MOEN, self.gathering)
        Cluster = self.env[CLUSTER].with_user(self.municipal_user)
        with self.assertDenied("municipal", CLUSTER, "read", "acl"):
            Cluster.search([])
        menu = self.env.ref("aktive_sammen_addon.aktive_ripple_cluster_menu")
        visible = self.env["ir.ui.menu"].with_user(self.municipal_user)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)
        self.assertIn(
            menu.id, self.env["ir.ui.menu"].with_user(self.coordinator)._visible_menu_ids()
        )
        tiles = self.env["aktive.dashboard"].with_user(self.municipal_user).search([])
        self.assertNotIn("ripple_clusters", tiles.mapped("kind"))
        with self.assertDenied("municipal", "aktive.activity", "create", "acl"):
            cluster.with_user(self.municipal_user).action_create_shared_activity()
        self.assertFalse(self.moen_wishes.activity_id)
        self.assertFalse(self.env["aktive.activity"].search([("place", "=", MOEN)]))


@tagged("post_install", "-at_install")
class TestRippleAccess(RippleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Iveland kommune"})
        cls.coordinator_b = cls.new_role_user("ripple_b_coordinator", "coordinator", cls.company_b)
        cls.coordinator_ab = cls.new_role_user(
            "ripple_ab_coordinator", "coordinator", cls.env.company | cls.company_b
        )
        in_b = {"company_id": cls.company_b.id, "municipal_contact_id": False}
        q1 = cls.make_person("Q1", residence=ELVETUN, **in_b)
        q2 = cls.make_person("Q2", residence=ELVETUN, **in_b)
        q3 = cls.make_person("Q3", residence=MOEN, **in_b)  # alone in B, whatever A has
        q4 = cls.make_person("Q4", residence=AAS, **in_b)
        cls.wishes_b = (
            cls.make_wish(q1, cls.gathering)
            | cls.make_wish(q2, cls.gathering)
            | cls.make_wish(q3, cls.gathering)
            | cls.make_wish(q4, cls.culture)
        )
        cls.elvetun_b = (ELVETUN, cls.gathering, cls.company_b, 2, 2, 0)
        cls.rows_a = [
            (ELVETUN, cls.gathering, cls.env.company, 4, 5, 1),
            (AAS, cls.culture, cls.env.company, 2, 2, 0),
            (MOEN, cls.gathering, cls.env.company, 2, 2, 0),
        ]
        # the same order in both: the most people first, then by place
        cls.rows_all = [*cls.rows_a[:2], cls.elvetun_b, cls.rows_a[2]]

    def test_one_cluster_per_company(self):
        """Neighbours in two companies' books are no cluster together: B's two in Elvetun
        are a cluster of their own, its one in Moen and its one in Aas none."""
        self.assertEqual(self.clusters(), self.rows_all)

    def test_the_company_rule_hides_another_companys_clusters(self):
        Cluster = self.env[CLUSTER]
        for user, rows in (
            (self.coordinator, self.rows_a),
            (self.coordinator_b, [self.elvetun_b]),
        ):
            with self.subTest(user=user.login):
                self.assertEqual(self.clusters(Cluster.with_user(user)), rows)
        # a coordinator of both: the companies ticked in the company switcher
        for companies, rows in (
            (self.env.company, self.rows_a),
            (self.company_b, [self.elvetun_b]),
            (self.env.company | self.company_b, self.rows_all),
        ):
            with self.subTest(companies=companies.mapped("name")):
                ticked = Cluster.with_user(self.coordinator_ab).with_context(
                    allowed_company_ids=companies.ids
                )
                self.assertEqual(self.clusters(ticked), rows)
        # B's cluster by id, as a link or an old list would ask for it
        cluster_b = Cluster.search(
            [("place", "=", ELVETUN), ("company_id", "=", self.company_b.id)]
        )
        with self.assertDenied("coordinator", CLUSTER, "read", "record rule"):
            cluster_b.with_user(self.coordinator).read(["participant_count"])
        # and it is this rule that hides it
        self.env.ref("aktive_sammen_addon.aktive_ripple_cluster_rule_company").active = False
        self.assertIn(self.elvetun_b, self.clusters(Cluster.with_user(self.coordinator)))

    def test_shared_activity_is_in_the_clusters_company(self):
        """A coordinator of both companies, working in A, makes B's offer in B."""
        Cluster = (
            self.env[CLUSTER]
            .with_user(self.coordinator_ab)
            .with_context(allowed_company_ids=(self.env.company | self.company_b).ids)
        )
        self.env.flush_all()
        cluster = Cluster.search([("place", "=", ELVETUN), ("company_id", "=", self.company_b.id)])
        activity = self.env["aktive.activity"].browse(
            cluster.action_create_shared_activity()["res_id"]
        )
        self.assertEqual(activity.company_id, self.company_b)
        in_elvetun = self.wishes_b.filtered(lambda w: w.residence == ELVETUN)
        self.assertEqual(in_elvetun.activity_id, activity)
        self.assertFalse((self.wishes_b - in_elvetun).activity_id)
        self.assertFalse(self.elvetun_wishes.filtered(lambda w: w.activity_id == activity))

    def test_clusters_are_read_only_for_every_role(self):
        cluster = self.cluster(ELVETUN, self.gathering)
        for role in ("municipal", "coordinator"):
            with self.subTest(role=role):
                Cluster = self.env[CLUSTER].with_user(self.roles[role])
                with self.assertDenied(role, CLUSTER, "create", "acl"):
                    Cluster.create({"place": "Invented", "participant_count": 9})
                with self.assertDenied(role, CLUSTER, "write", "acl"):
                    Cluster.browse(cluster.id).write({"participant_count": 99})
                with self.assertDenied(role, CLUSTER, "unlink", "acl"):
                    Cluster.browse(cluster.id).unlink()
        self.assertEqual(self.clusters(), self.rows_all)

    def test_the_list_offers_the_wishes_and_the_shared_activity(self):
        views = self.env[CLUSTER].with_user(self.coordinator).get_views([[False, "list"]])
        arch = etree.fromstring(views["views"]["list"]["arch"])
        buttons = {b.get("name") for b in arch.iter("button")}
        self.assertEqual(buttons, {"action_open_wishes", "action_create_shared_activity"})
        self.assertEqual((arch.get("create"), arch.get("delete")), ("0", "0"))
