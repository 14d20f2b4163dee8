"""The volunteer ranking of models/aktive_wish_matching.py, pinned on a fixed data set.

The suggestion narrows the candidates in SQL before it writes the reasons in Python; this
proves the order is the one the all-Python scoring gave (recorded below when it was replaced):
every criterion, the caps, ties broken by load and then by name (æøå and case included), and
the cut at `limit`. A change of the scoring must change the recorded order on purpose."""

from odoo import Command
from odoo.tests import tagged

from .common import SIGNED
from .common import AktiveCase

NAMES = [
    "Åse Berg",
    "Ole Hansen",
    "Kari Nordmann",
    "Øystein Lie",
    "aase lowercase",
    "Ærlig Dahl",
    "Zeno Moe",
    "Kari Nordmann",
    "Bjørn Eik",
    "Anne Aas",
    "Per Olsen",
    "Liv Strand",
    "Ola Nordmann",
    "Emma Bakke",
    "Nils Vik",
    "Sara Lund",
    "Tor Ås",
    "Ida Holm",
    "Jon Berg",
    "Mia Foss",
    "Elias Rud",
    "Nora Dal",
    "Ali Khan",
    "Eva Øye",
]
AREAS = ["Moseidmoen", " moseidmoen ", "Grovane", False, "MOSEIDMOEN", "Hunsøya"]

# (index in NAMES, name, score) best first: what the all-Python scoring ranked, for a wish
# without transport and one with it.
EXPECTED = [
    (22, "Ali Khan", 9),
    (8, "Bjørn Eik", 9),
    (20, "Elias Rud", 9),
    (24, "Kari Nordmann", 9),
    (2, "Kari Nordmann", 9),
    (14, "Nils Vik", 9),
    (16, "Tor Ås", 9),
    (4, "aase lowercase", 9),
    (13, "Emma Bakke", 9),
    (7, "Kari Nordmann", 9),
    (19, "Mia Foss", 9),
    (1, "Ole Hansen", 9),
    (9, "Anne Aas", 8),
    (21, "Nora Dal", 8),
    (15, "Sara Lund", 8),
    (3, "Øystein Lie", 8),
    (18, "Jon Berg", 5),
    (12, "Ola Nordmann", 5),
    (6, "Zeno Moe", 5),
    (0, "Åse Berg", 5),
    (23, "Eva Øye", 0),
    (17, "Ida Holm", 0),
    (11, "Liv Strand", 0),
    (5, "Ærlig Dahl", 0),
]
EXPECTED_TRANSPORT = [
    (20, "Elias Rud", 13),
    (15, "Sara Lund", 12),
    (8, "Bjørn Eik", 11),
    (16, "Tor Ås", 11),
    (13, "Emma Bakke", 11),
    (1, "Ole Hansen", 11),
    (21, "Nora Dal", 10),
    (3, "Øystein Lie", 10),
    (0, "Åse Berg", 9),
    (18, "Jon Berg", 7),
    (6, "Zeno Moe", 7),
    (22, "Ali Khan", 6),
    (24, "Kari Nordmann", 6),
    (2, "Kari Nordmann", 6),
    (14, "Nils Vik", 6),
    (4, "aase lowercase", 6),
    (7, "Kari Nordmann", 6),
    (19, "Mia Foss", 6),
    (9, "Anne Aas", 5),
    (5, "Ærlig Dahl", 4),
    (12, "Ola Nordmann", 2),
    (23, "Eva Øye", 2),
    (11, "Liv Strand", 2),
    (17, "Ida Holm", -3),
]


@tagged("post_install", "-at_install")
class TestSuggestionOrder(AktiveCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        # Only this set competes: the demo's volunteers take a break.
        Partner.search([("is_aktive_volunteer", "=", True)]).aktive_volunteer_state = "paused"
        Interest = cls.env["aktive.interest"]
        wanted = Interest.create([{"name": f"Wanted {i}"} for i in range(4)])
        other = Interest.create({"name": "Not wanted"})
        english = cls.env.ref("base.lang_en")
        cls.participant.write({"interest_ids": [Command.set(wanted.ids)], "area": "Moseidmoen"})
        cls.participant.partner_id.lang = "en_US"
        vals = []
        for i, name in enumerate(NAMES):
            interests = wanted[: (i * 5) % 6]  # 0-5 shared: the cap at three counts
            vals.append(
                {
                    "name": name,
                    "is_aktive_volunteer": True,
                    "aktive_confidentiality_date": cls.today,
                    "aktive_confidentiality_document": SIGNED,
                    "aktive_area": AREAS[(i * 7) % len(AREAS)],
                    "aktive_interest_ids": [
                        Command.set((interests | other).ids if i % 4 else interests.ids)
                    ],
                    "aktive_language_ids": [Command.set(english.ids)] if i % 3 == 0 else [],
                    "aktive_driving_licence": i % 5 in (0, 1, 3),
                    "aktive_has_car": i % 5 in (0, 2),
                }
            )
        # A full tie (name, criteria and load): the newer card first, as search() gave them.
        vals.append(dict(vals[2]))
        cls.volunteers = Partner.create(vals)
        # Loads 0-5 (the cap at four counts), from the networks of other cases.
        others = cls.env["aktive.participant"].create([{"name": f"Other {i}"} for i in range(5)])
        cls.env["aktive.network.member"].create(
            [
                {"participant_id": others[k].id, "partner_id": volunteer.id}
                for i, volunteer in enumerate(cls.volunteers)
                for k in range((i * 3) % 6 if i % 6 else 0)
            ]
        )
        # One of them already in this network: never suggested.
        cls.add_member(cls, cls.volunteers[10])
        cls.wish = cls.add_wish(cls, name="Someone to talk to")
        transport = cls.env.ref("aktive_sammen_addon.wish_category_transport")
        cls.transport_wish = cls.add_wish(cls, name="Short car trips", category_id=transport.id)

    def ranking(self, wish, limit=100):
        """[(index in NAMES, name, score)]: the index tells the two Kari Nordmann apart."""
        index = {volunteer: i for i, volunteer in enumerate(self.volunteers)}
        return [
            (index[volunteer], volunteer.name, score)
            for volunteer, score, _reasons in wish._suggest_volunteers(limit)
        ]

    def test_order_is_the_recorded_one(self):
        self.assertEqual(self.ranking(self.wish), EXPECTED)
        self.assertEqual(self.ranking(self.transport_wish), EXPECTED_TRANSPORT)

    def test_the_cut_keeps_the_order(self):
        for limit in (1, 5, 10):
            self.assertEqual(self.ranking(self.wish, limit), EXPECTED[:limit])
            self.assertEqual(self.ranking(self.transport_wish, limit), EXPECTED_TRANSPORT[:limit])
