"""A county runs several municipalities (companies) in one database: the contact cards of one
municipality's participants, their relatives and its volunteers stay in it (README rows C1
and C4). Odoo's own company rule sees only a card's company: every card the addon makes
carries one, and a volunteer who serves two municipalities is shared with those two only."""

import contextlib

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import new_test_user
from odoo.tests import tagged

from .access_matrix import DenialMixin
from .common import GROUP
from .common import SIGNED
from .common import AktiveCase
from .common import new_signed_volunteer

PARTNER = "res.partner"


class CountyMixin:
    """Company A (the test's own) and B (another municipality), each with its coordinator and
    municipal contact person; A's participant, an archived one, a relative under the card and
    a volunteer registered by A's coordinator."""

    @classmethod
    def make_county(cls):
        env = cls.env
        cls.company_a = env.company
        cls.company_b = env["res.company"].create({"name": "Evje kommune (county test)"})
        cls.others = {
            role: new_test_user(
                env,
                login=f"county_b_{role}",
                groups=f"base.group_user,{GROUP}{role}",
                company_id=cls.company_b.id,
                company_ids=[Command.set(cls.company_b.ids)],
            )
            for role in ("coordinator", "municipal")
        }
        cls.coordinator_a = new_test_user(
            env, login="county_a_coordinator", groups=f"base.group_user,{GROUP}coordinator"
        )
        Participant = env["aktive.participant"].with_user(cls.coordinator_a)
        cls.case = Participant.create({"name": "Arne County", "phone": "900 55 001"})
        cls.archived = Participant.create({"name": "Berit County", "phone": "900 55 002"})
        cls.archived.action_archive()
        cls.relative = env[PARTNER].create(
            {"name": "Kari County", "phone": "900 55 003", "parent_id": cls.case.partner_id.id}
        )
        Volunteers = (
            env[PARTNER].with_user(cls.coordinator_a).with_context(default_is_aktive_volunteer=True)
        )
        cls.volunteer_card = Volunteers.create(
            {
                "name": "Sigrid County",
                "phone": "900 55 004",
                "aktive_confidentiality_date": cls.today,
                "aktive_confidentiality_document": SIGNED,
            }
        )
        cls.cards = {
            "participant": cls.case.partner_id,
            "archived participant": cls.archived.with_context(active_test=False).partner_id,
            "relative": cls.relative,
            "volunteer": cls.volunteer_card,
        }


@tagged("post_install", "-at_install")
class TestCompanyCards(CountyMixin, AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_county()

    def as_user(self, user, card):
        card.invalidate_model()
        return card.with_user(user).with_context(active_test=False)

    # --- row C1: another municipality's coordinator and municipal contact ----------------------
    def test_c1_cards_carry_their_company(self):
        for kind, card in self.cards.items():
            with self.subTest(card=kind):
                self.assertEqual(card.company_id, self.company_a)
        self.assertEqual(self.volunteer_card.aktive_company_ids, self.company_a)

    def test_c1_other_company_cannot_read_search_or_write_cards(self):
        for role, user in self.others.items():
            for kind, card in self.cards.items():
                with self.subTest(role=role, card=kind):
                    with self.assertDenied(role, PARTNER, "read", "multi-company"):
                        self.as_user(user, card).read(["name", "phone"])
                    with self.assertDenied(role, PARTNER, "write", "multi-company"):
                        self.as_user(user, card).write({"phone": "666"})
                    Partner = self.as_user(user, self.env[PARTNER])
                    self.assertNothingFound(
                        Partner.search([("id", "=", card.id)]),
                        role,
                        PARTNER,
                        "search",
                        "multi-company",
                    )
                    self.assertNothingFound(
                        Partner.search([("phone", "=", card.phone)]),
                        role,
                        PARTNER,
                        "search",
                        "multi-company",
                    )
                    self.assertNothingFound(
                        [r for r in Partner.name_search(card.name) if r[0] == card.id],
                        role,
                        PARTNER,
                        "name_search",
                        "multi-company",
                    )
        self.assertEqual(self.case.partner_id.phone, "900 55 001")

    def test_c1_other_coordinator_cannot_read_declarations(self):
        coordinator = self.others["coordinator"]
        for field in (
            "aktive_confidentiality_document",
            "aktive_confidentiality_date",
            "aktive_area",
        ):
            with self.subTest(field=field):
                with self.assertDenied("coordinator", PARTNER, "read", "multi-company"):
                    self.as_user(coordinator, self.volunteer_card).read([field])
        Partner = self.as_user(coordinator, self.env[PARTNER])
        self.assertNothingFound(
            Partner.search(
                [("aktive_declaration_missing", "=", False), ("id", "=", self.volunteer_card.id)]
            ),
            "coordinator",
            PARTNER,
            "search",
            "multi-company",
        )

    def test_c1_own_company_keeps_its_cards(self):
        for kind, card in self.cards.items():
            with self.subTest(card=kind):
                self.assertEqual(
                    self.as_user(self.coordinator_a, card).read(["name"])[0]["id"], card.id
                )

    def test_c1_need_reported_by_municipality_has_its_company(self):
        municipal = self.others["municipal"]
        unit = self.env["aktive.municipal.unit"].create(
            {
                "name": "Home care B",
                "company_id": self.company_b.id,
                "user_ids": [Command.set(municipal.ids)],
            }
        )
        case = (
            self.env["aktive.participant"]
            .with_user(municipal)
            .create(
                {"name": "Reported in B", "municipal_unit_id": unit.id, "need_description": "x"}
            )
        )
        self.assertEqual(case.sudo().partner_id.company_id, self.company_b)
        with self.assertDenied("coordinator", PARTNER, "read", "multi-company"):
            self.as_user(self.coordinator_a, case.sudo().partner_id).read(["name"])

    def test_c1_case_from_existing_contact_takes_its_company(self):
        contact = self.env[PARTNER].create({"name": "Ola Existing"})
        child = self.env[PARTNER].create({"name": "Ola's daughter", "parent_id": contact.id})
        self.assertFalse(contact.company_id)
        self.env["aktive.participant"].with_user(self.coordinator_a).create(
            {"partner_id": contact.id}
        )
        self.assertEqual(contact.company_id, self.company_a)
        self.assertEqual(child.company_id, self.company_a)
        with self.assertDenied("coordinator", PARTNER, "read", "multi-company"):
            self.as_user(self.others["coordinator"], contact).read(["name"])

    def test_c1_case_refuses_a_card_of_another_company(self):
        both = self.company_a | self.company_b
        coordinator = new_test_user(
            self.env,
            login="county_ab_coordinator",
            groups=f"base.group_user,{GROUP}coordinator",
            company_ids=[Command.set(both.ids)],
        )
        card_b = self.env[PARTNER].create({"name": "Person of B", "company_id": self.company_b.id})
        Participant = (
            self.env["aktive.participant"]
            .with_user(coordinator)
            .with_context(allowed_company_ids=both.ids)
        )
        with self.assertRaisesRegex(ValidationError, "another municipality"):
            Participant.create({"partner_id": card_b.id, "company_id": self.company_a.id})
        with self.assertRaisesRegex(ValidationError, "another municipality"):
            self.case.with_user(coordinator).with_context(allowed_company_ids=both.ids).write(
                {"partner_id": card_b.id}
            )

    # --- row C4: suggestions and networks stay in the wish's municipality ----------------------
    def volunteer_of(self, company, name):
        card = self.env[PARTNER].create(
            {
                "name": name,
                "is_aktive_volunteer": True,
                "company_id": company.id,
                "aktive_confidentiality_date": self.today,
                "aktive_confidentiality_document": SIGNED,
                "aktive_interest_ids": [Command.set(self.case.interest_ids.ids)],
            }
        )
        return card

    def test_c4_suggestions_only_from_the_wishs_company(self):
        interest = self.env["aktive.interest"].create({"name": "Chess County"})
        self.case.interest_ids = interest
        other = self.volunteer_of(self.company_b, "Best Fit Of B")
        other.aktive_interest_ids = interest
        mine = self.volunteer_of(self.company_a, "Fit Of A")
        mine.aktive_interest_ids = interest
        wish = self.env["aktive.wish"].create({"participant_id": self.case.id, "name": "Chess"})
        both = self.company_a | self.company_b
        coordinator = new_test_user(
            self.env,
            login="county_both_coordinator",
            groups=f"base.group_user,{GROUP}coordinator",
            company_ids=[Command.set(both.ids)],
        )
        suggested = [
            v
            for v, _score, _reasons in wish.with_user(coordinator)
            .with_context(allowed_company_ids=both.ids)
            ._suggest_volunteers(50)
        ]
        self.assertIn(mine, suggested)
        self.assertNotIn(other, suggested)
        self.assertEqual(other.aktive_company_ids, self.company_b)

    def test_c4_network_refuses_a_volunteer_of_another_company(self):
        other = self.volunteer_of(self.company_b, "Volunteer Of B")
        with self.assertRaises(ValidationError):
            self.env["aktive.network.member"].create(
                {"participant_id": self.case.id, "partner_id": other.id}
            )

    def test_c4_catalogue_suggestions_of_the_wishs_company(self):
        category = self.env.ref("aktive_sammen_addon.wish_category_culture")
        Activity = self.env["aktive.activity"]
        own = Activity.create({"name": "Choir A", "category_ids": [Command.set(category.ids)]})
        theirs = Activity.create(
            {
                "name": "Choir B",
                "category_ids": [Command.set(category.ids)],
                "company_id": self.company_b.id,
            }
        )
        wish = self.env["aktive.wish"].create(
            {"participant_id": self.case.id, "name": "Sing", "category_id": category.id}
        )
        offered = [a for a, *_rest in wish._suggest_activities(50)]
        self.assertIn(own, offered)
        self.assertNotIn(theirs, offered)

    # --- row C4: a volunteer who serves two municipalities -------------------------------------
    def test_c4_volunteer_serving_two_municipalities(self):
        third = self.env["res.company"].create({"name": "Iveland kommune (county test)"})
        coordinator_c = new_test_user(
            self.env,
            login="county_c_coordinator",
            groups=f"base.group_user,{GROUP}coordinator",
            company_id=third.id,
            company_ids=[Command.set(third.ids)],
        )
        shared = self.volunteer_card
        # A's coordinator cannot share the volunteer with a municipality they do not work in.
        with self.assertRaises(AccessError):
            shared.with_user(self.coordinator_a).write(
                {"aktive_company_ids": [Command.link(self.company_b.id)]}
            )
        # Someone working in both can: the card is then shared by the two, no third.
        both = self.company_a | self.company_b
        self.coordinator_a.company_ids = both
        shared.with_user(self.coordinator_a).write(
            {"aktive_company_ids": [Command.link(self.company_b.id)]}
        )
        self.assertFalse(shared.company_id)
        self.assertEqual(shared.aktive_company_ids, both)
        self.assertTrue(self.as_user(self.others["coordinator"], shared).read(["aktive_area"]))
        self.assertTrue(self.as_user(self.others["municipal"], shared).read(["name"]))
        with self.assertDenied("coordinator", PARTNER, "read", "multi-company"):
            self.as_user(coordinator_c, shared).read(["name"])
        self.assertNothingFound(
            self.as_user(coordinator_c, self.env[PARTNER]).search([("id", "=", shared.id)]),
            "coordinator",
            PARTNER,
            "search",
            "multi-company",
        )
        # Suggested for wishes of both, and joins networks in both.
        case_b = self.env["aktive.participant"].create(
            {"name": "Case B", "company_id": self.company_b.id}
        )
        for case in (self.case, case_b):
            with self.subTest(company=case.company_id.name):
                wish = self.env["aktive.wish"].create({"participant_id": case.id, "name": "Walk"})
                self.assertIn(shared, [v for v, *_r in wish._suggest_volunteers(50)])
                self.env["aktive.network.member"].create(
                    {"participant_id": case.id, "partner_id": shared.id}
                )
        # B's coordinator stops B's part: the card is A's again, out of B's sight.
        shared.with_user(self.others["coordinator"]).write(
            {"aktive_company_ids": [Command.unlink(self.company_b.id)]}
        )
        self.assertEqual(shared.company_id, self.company_a)
        with self.assertDenied("coordinator", PARTNER, "read", "multi-company"):
            self.as_user(self.others["coordinator"], shared).read(["name"])

    def test_c4_shared_volunteers_portal_login_works_in_both(self):
        user = new_signed_volunteer(self.env, "county_portal_volunteer")
        card = user.partner_id
        self.assertEqual(card.aktive_company_ids, self.env.company)
        card.aktive_company_ids = self.company_a | self.company_b
        self.assertEqual(user.company_ids, self.company_a | self.company_b)
        self.assertFalse(card.company_id)

    def test_c4_migration_gives_old_cards_their_company(self):
        """19.0.3.0.0's post-migrate function on cards made before they carried a company."""
        case_b = self.env["aktive.participant"].create(
            {"name": "Old Case B", "company_id": self.company_b.id}
        )
        old_volunteer = self.volunteer_of(self.company_b, "Old Volunteer")
        self.env["aktive.network.member"].create(
            {"participant_id": case_b.id, "partner_id": old_volunteer.id}
        )
        cards = (
            case_b.partner_id
            | self.cards["archived participant"]
            | self.relative
            | old_volunteer
            | self.volunteer_card
        )
        self.env.cr.execute(
            "UPDATE res_partner SET company_id = NULL WHERE id = ANY(%s)", [cards.ids]
        )
        self.env.cr.execute(
            "DELETE FROM aktive_partner_company_rel WHERE partner_id = ANY(%s)", [cards.ids]
        )
        self.env.invalidate_all()
        self.env[PARTNER]._aktive_migrate_card_companies()
        self.assertEqual(case_b.partner_id.company_id, self.company_b)
        self.assertEqual(self.cards["archived participant"].company_id, self.company_a)
        self.assertEqual(self.relative.company_id, self.company_a)
        # the company of their assignments' cases; else the registering user's
        self.assertEqual(old_volunteer.aktive_company_ids, self.company_b)
        self.assertEqual(old_volunteer.company_id, self.company_b)
        self.assertEqual(self.volunteer_card.aktive_company_ids, self.company_a)
        self.assertEqual(self.volunteer_card.company_id, self.company_a)


@tagged("post_install", "-at_install")
class TestCompanyCardsOverHttp(CountyMixin, DenialMixin, HttpCase):
    """Row C1 over the wire: B's coordinator's browser session asks for A's cards and their
    chatter with JSON-RPC, as the web client does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = "2026-01-01"
        cls.make_county()
        cls.case.partner_id.message_post(body="Card note: hospital next week")

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_c1_other_company_over_json_rpc(self):
        ids = [card.id for card in self.cards.values()]
        for role, user in self.others.items():
            with self.subTest(role=role):
                self.authenticate(user.login, user.login)
                for card_id in ids:
                    with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                        self.call(PARTNER, "read", [[card_id], ["name", "phone"]])
                    with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                        self.call(PARTNER, "write", [[card_id], {"phone": "666"}])
                found = self.call(
                    PARTNER,
                    "search_read",
                    [[("id", "in", ids)]],
                    {"fields": ["name"], "context": {"active_test": False}},
                )
                self.assertNothingFound(found, role, PARTNER, "search_read", "json-rpc")
                names = self.call(PARTNER, "name_search", [], {"name": "County"})
                self.assertNothingFound(
                    [n for n in names if n[0] in ids], role, PARTNER, "name_search", "json-rpc"
                )
                messages = {}
                with contextlib.suppress(JsonRpcException):
                    messages = self.make_jsonrpc_request(
                        "/mail/thread/messages",
                        {"thread_model": PARTNER, "thread_id": self.case.partner_id.id},
                    )
                self.assertNothingFound(
                    "hospital" in str(messages), role, "mail.message", "read", "chatter"
                )
        self.assertEqual(self.case.partner_id.phone, "900 55 001")
