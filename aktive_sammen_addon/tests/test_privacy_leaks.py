"""Leaks found by attacking a served database over HTTP, one class per README row: the
followers of other units' cases (X2), a relative added to a network as a plain contact
(X5), the staff logins a portal volunteer listed (V8), Odoo's portal address form writing a
card that is not the volunteer's own (V9), a wish proposal carrying what the coordinator
sets (V5) and public sign-up on the login page (X15)."""

import json

from odoo import Command
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .access_matrix import DenialMixin
from .access_matrix import record
from .common import new_signed_volunteer
from .test_access_rights import AccessCase


@tagged("post_install", "-at_install")
class TestFollowersOfOtherCases(AccessCase):
    """Row X2: who follows a case record is read by those who may write the record - not by
    a municipal contact of another unit, nor by another company's coordinator
    (models/mail_followers.py, rule aktive_followers_rule_case_records)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the coordinator follows both cases and the foreign wish (allowed: may write them)
        for case_record in (cls.participant, cls.foreign, cls.foreign_wish):
            case_record.message_subscribe(partner_ids=cls.coordinator.partner_id.ids)
        cls.foreign_lines = (
            cls.env["mail.followers"]
            .sudo()
            .search(
                [
                    "|",
                    "&",
                    ("res_model", "=", "aktive.participant"),
                    ("res_id", "=", cls.foreign.id),
                    "&",
                    ("res_model", "=", "aktive.wish"),
                    ("res_id", "=", cls.foreign_wish.id),
                ]
            )
        )

    def _foreign_domain(self):
        return [("id", "in", self.foreign_lines.ids)]

    def test_x2_municipal_does_not_list_followers_of_other_units(self):
        self.assertTrue(self.foreign_lines)
        Followers = self.as_role("municipal", "mail.followers")
        found = Followers.search_read(self._foreign_domain(), ["partner_id", "res_id"])
        self.assertNothingFound(found, "municipal", "mail.followers", "search_read", "followers")
        found = Followers.search([("res_model", "=", "aktive.participant")])
        self.assertNotIn(self.foreign.id, found.mapped("res_id"))
        # ... the followers of the cases of their own unit, they do read
        self.assertIn(self.participant.id, found.mapped("res_id"))
        self.assertNothingFound(
            Followers._read_group(self._foreign_domain(), ["res_id"], ["__count"]),
            "municipal",
            "mail.followers",
            "read_group",
            "followers",
        )
        with self.assertDenied("municipal", "mail.followers", "read", "followers"):
            Followers.browse(self.foreign_lines[:1].id).read(["partner_id", "name", "email"])
        # the case's own method, called over RPC on a case they may not read
        case = self.as_role("municipal", "aktive.participant").browse(self.foreign.id)
        store = case.message_get_followers()
        self.assertNotIn("mail.followers", store)

    def test_x2_followers_of_a_private_card(self):
        """A relative's card in another unit's case: who follows it is as private as it."""
        card = self.env["res.partner"].create({"name": "Relative Followed"})
        self.add_member(card, self.foreign)
        card.message_subscribe(partner_ids=self.coordinator.partner_id.ids)
        domain = [("res_model", "=", "res.partner"), ("res_id", "=", card.id)]
        found = self.as_role("municipal", "mail.followers").search(domain)
        self.assertNothingFound(found, "municipal", "mail.followers", "search", "followers")
        self.assertTrue(self.as_role("coordinator", "mail.followers").search(domain))
        # an ordinary contact's followers, as Odoo has them
        self.organisation.message_subscribe(partner_ids=self.coordinator.partner_id.ids)
        domain = [("res_model", "=", "res.partner"), ("res_id", "=", self.organisation.id)]
        self.assertTrue(self.as_role("municipal", "mail.followers").search(domain))

    def test_x2_another_company_does_not_list_followers(self):
        other_company = self.env["res.company"].create({"name": "Other centre"})
        other_coordinator = self.new_role_user("x2_other_coord", "coordinator", other_company)
        Followers = self.env["mail.followers"].with_user(other_coordinator)
        found = Followers.search([("res_model", "like", "aktive.")])
        self.assertNothingFound(found, "coordinator", "mail.followers", "search", "followers")
        # the company's own coordinator reads them all
        Followers = self.as_role("coordinator", "mail.followers")
        self.assertEqual(Followers.search(self._foreign_domain()), self.foreign_lines)

    def test_x2_volunteer_staff_does_not_list_the_case_workers(self):
        """Staff who volunteer read the case, not its followers (they may not write it)."""
        staff = self.new_staff_volunteer("x2_staff_volunteer")
        Followers = self.env["mail.followers"].with_user(staff)
        found = Followers.search([("res_model", "=", "aktive.participant")])
        self.assertNothingFound(found, "volunteer", "mail.followers", "search", "followers")
        # followers of other records stay as Odoo has them
        self.env.company.partner_id.message_subscribe(partner_ids=self.coordinator.partner_id.ids)
        self.assertTrue(Followers.search([("res_model", "=", "res.partner")]))


@tagged("post_install", "-at_install")
class TestFollowersOverHttp(DenialMixin, HttpCase):
    """Row X2 over the wire: the municipal contact of another unit asks mail.followers and
    the case's followers through JSON-RPC and the mail routes."""

    def setUp(self):
        super().setUp()
        group = "aktive_sammen_addon.group_aktive_"
        self.municipal = new_test_user(self.env, login="x2_http_muni", groups=group + "municipal")
        self.coordinator = new_test_user(
            self.env, login="x2_http_coord", groups=group + "coordinator"
        )
        Unit = self.env["aktive.municipal.unit"]
        mine = Unit.create({"name": "Home care", "user_ids": [Command.set(self.municipal.ids)]})
        other = Unit.create({"name": "NAV"})
        Participant = self.env["aktive.participant"]
        self.mine = Participant.create({"name": "Own Unit Person", "municipal_unit_id": mine.id})
        self.other = Participant.create(
            {"name": "Other Unit Person", "municipal_unit_id": other.id}
        )
        self.other.message_subscribe(partner_ids=self.coordinator.partner_id.ids)
        self.authenticate("x2_http_muni", "x2_http_muni")

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_x2_followers_of_other_units_refused_over_http(self):
        domain = [("res_model", "=", "aktive.participant"), ("res_id", "=", self.other.id)]
        found = self.call("mail.followers", "search_read", [domain], {"fields": ["name"]})
        self.assertNothingFound(found, "municipal", "mail.followers", "rpc", "followers")
        store = self.call("aktive.participant", "message_get_followers", [[self.other.id]])
        self.assertNotIn("mail.followers", store)
        data = self.make_jsonrpc_request(
            "/mail/data",
            {
                "fetch_params": [
                    [
                        "mail.thread",
                        {
                            "thread_model": "aktive.participant",
                            "thread_id": self.other.id,
                            "request_list": ["followers"],
                        },
                    ]
                ]
            },
        )
        self.assertNotIn(self.coordinator.partner_id.name, json.dumps(data))


@tagged("post_install", "-at_install")
class TestRelativeCardsInANetwork(AccessCase):
    """Row X5: a relative added to a network as a plain contact (Kari and her phone, made
    from the network line) is as private as the case, like a card made under the
    participant's; a volunteer, an organisation or a user in a network stays as it was."""

    def test_x5_relative_added_from_the_network_line(self):
        kari = self.env["res.partner"].create({"name": "Kari Nettverk", "phone": "900 77 001"})
        self.add_member(kari, self.foreign)
        self.assertTrue(kari.aktive_private_card)
        for role in ("volunteer", "municipal"):
            with self.subTest(role=role):
                Partner = self.as_role(role, "res.partner")
                self.assertNothingFound(
                    Partner.search([("phone", "=", "900 77 001")]),
                    role,
                    "res.partner",
                    "search",
                    "relative card",
                )
                self.assertFalse(Partner.name_search("Kari Nettverk"))
                with self.assertDenied(role, "res.partner", "read", "relative card"):
                    Partner.browse(kari.id).read(["name", "phone"])
        # in the network of the case they help (or of their unit's case): visible
        own = self.env["res.partner"].create({"name": "Own Relative", "phone": "900 77 002"})
        self.add_member(own)
        for role in ("volunteer", "municipal"):
            with self.subTest(role=role, case="own"):
                Partner = self.as_role(role, "res.partner")
                self.assertEqual(Partner.browse(own.id).phone, "900 77 002")
        # the coordinator sees both
        self.assertEqual(self.as_role("coordinator", "res.partner").browse(kari.id).name, kari.name)

    def test_x5_volunteers_and_organisations_in_a_network_stay_public(self):
        self.add_member(self.organisation, self.foreign)
        self.assertFalse(self.organisation.aktive_private_card)
        self.assertFalse(self.volunteer.aktive_private_card)
        self.assertEqual(
            self.as_role("volunteer", "res.partner").browse(self.organisation.id).name,
            "Lions Test",
        )

    def test_x5_contact_person_of_an_organisation_stays_public(self):
        """A line of kind Organisation (the contact person at Lions) is no relative."""
        contact = self.env["res.partner"].create({"name": "Lions Contact"})
        self.add_member(contact, self.foreign, member_kind="organisation")
        self.assertFalse(contact.aktive_private_card)

    def test_x5_relative_moved_onto_a_line_later(self):
        """The line's member changed to a plain contact: private from then on."""
        line = self.add_member(self.relative, self.foreign)
        cousin = self.env["res.partner"].create({"name": "Cousin Test"})
        line.partner_id = cousin
        self.assertTrue(cousin.aktive_private_card)
        with self.assertDenied("volunteer", "res.partner", "read", "relative card"):
            self.as_role("volunteer", "res.partner").browse(cousin.id).read(["name"])


@tagged("post_install", "-at_install")
class TestStaffUsersForVolunteers(AccessCase):
    """Row V8: a portal volunteer reads the staff of the cases they help - the coordinator,
    the municipal contact person's user, the unit's staff - to call them, and no login;
    not every internal user of the database (rule aktive_users_rule_volunteer)."""

    def test_v8_volunteer_sees_only_the_staff_of_their_cases(self):
        contact_user = new_test_user(
            self.env, login="v8_contact", groups="aktive_sammen_addon.group_aktive_municipal"
        )
        self.participant.municipal_contact_id = contact_user.partner_id
        outsider = new_test_user(self.env, login="v8_outsider", groups="base.group_user")
        Users = self.as_role("volunteer", "res.users")
        found = Users.search([])
        self.assertEqual(
            found,
            self.volunteer_user | self.coordinator | self.municipal_user | contact_user,
        )
        for user in (outsider, self.admin_user):
            with self.subTest(user=user.login):
                with self.assertDenied("volunteer", "res.users", "read", "staff"):
                    Users.browse(user.id).read(["name"])
        self.assertFalse(Users.name_search("v8_outsider"))

    def test_v8_volunteer_reads_name_and_phone_not_the_login(self):
        self.coordinator.partner_id.phone = "38 00 00 09"
        Users = self.as_role("volunteer", "res.users")
        coordinator = Users.browse(self.coordinator.id)
        self.assertEqual(coordinator.phone, "38 00 00 09")
        self.assertEqual(coordinator.name, "Bjørg Test")
        for field in ("login", "group_ids", "login_date", "company_ids"):
            with self.subTest(field=field):
                with self.assertDenied("volunteer", "res.users", "read", "field"):
                    Users.browse(self.coordinator.id).read([field])
        with self.assertDenied("volunteer", "res.users", "search", "field"):
            Users.search([("login", "=", "aktive_admin")])
        # their own user, as Odoo has it
        self.assertEqual(Users.browse(self.volunteer_user.id).login, "aktive_volunteer")

    def test_v8_ended_assignment_ends_seeing_the_staff(self):
        self.member.action_end()
        Users = self.as_role("volunteer", "res.users")
        self.assertEqual(Users.search([]), self.volunteer_user)

    def test_v8_staff_who_volunteer_see_every_user_as_before(self):
        staff = self.new_staff_volunteer("v8_staff_volunteer")
        self.assertIn(self.admin_user, self.env["res.users"].with_user(staff).search([]))


@tagged("post_install", "-at_install")
class TestPortalAddressForm(DenialMixin, HttpCase):
    """Row V9: Odoo's own portal address form (/my/address, /my/address/submit, /my/account)
    lets a volunteer edit their own card only - not a relative's card they may read
    (models/res_partner_portal.py)."""

    def setUp(self):
        super().setUp()
        self.volunteer = new_signed_volunteer(self.env, "v9_volunteer")
        self.person = self.env["aktive.participant"].create(
            {"name": "Helped Person", "street": "Storgata 1"}
        )
        self.env["aktive.network.member"].create(
            {"participant_id": self.person.id, "partner_id": self.volunteer.partner_id.id}
        )
        # a card under the person's (a daughter, as a contact address of the card)
        self.daughter = self.env["res.partner"].create(
            {
                "name": "Daughter Test",
                "phone": "900 55 001",
                "parent_id": self.person.partner_id.id,
                "type": "other",
            }
        )
        # an ordinary address card of nobody the volunteer knows
        self.stranger = self.env["res.partner"].create(
            {"name": "Stranger Address", "type": "delivery", "phone": "900 55 002"}
        )
        self.authenticate("v9_volunteer", "v9_volunteer")

    def _csrf(self):
        page = self.url_open("/my/account").text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def _submit(self, partner, **values):
        data = {
            "csrf_token": self._csrf(),
            "partner_id": str(partner.id),
            "name": "Rewritten",
            "phone": "999 99 999",
            "street": "Elsewhere 1",
            "city": "Vennesla",
            "zip": "4700",
            "country_id": str(self.env.ref("base.no").id),
            "email": "rewritten@example.com",
            "address_type": "billing",
            "use_delivery_as_billing": "true",
            **values,
        }
        return self.url_open("/my/address/submit", data=data)

    def test_v9_volunteer_cannot_rewrite_a_relatives_card(self):
        self.assertTrue(
            self.env["res.partner"].with_user(self.volunteer).browse(self.daughter.id).name
        )
        for card in (self.daughter, self.stranger):
            with self.subTest(card=card.name):
                self.assertForbidden(self._submit(card))
                card.invalidate_recordset()
                self.assertNotEqual(card.name, "Rewritten")
                self.assertNotEqual(card.phone, "999 99 999")
                self.assertForbidden(self.url_open(f"/my/address?partner_id={card.id}"))

    def assertForbidden(self, response):
        """A 403 from the portal's own check is a denial (counted by make access-report)."""
        self.assertEqual(response.status_code, 403)
        record("volunteer", "res.partner", "portal address form", type(self).__name__)

    def test_v9_volunteer_edits_their_own_card(self):
        response = self._submit(self.volunteer.partner_id, name="V9 Volunteer")
        self.assertEqual(response.status_code, 200)
        self.assertIn("redirectUrl", response.json())
        self.volunteer.partner_id.invalidate_recordset()
        self.assertEqual(self.volunteer.partner_id.phone, "999 99 999")


@tagged("post_install", "-at_install")
class TestWishProposalFields(AccessCase):
    """Row V5: a volunteer's wish is a proposal - the wish in the person's words, its
    description and category; the dates, who carries it, the agreement, the municipality's
    duty and the rest are the coordinator's and are left out (models/aktive_wish.py)."""

    def test_v5_proposal_keeps_only_the_proposal_fields(self):
        activity = self.env["aktive.activity"].create({"name": "Chess club"})
        Wish = self.as_role("volunteer", "aktive.wish")
        wish = Wish.create(
            {
                "participant_id": self.participant.id,
                "name": "Chess",
                "description": "Every Thursday",
                "category_id": self.category.id,
                "state": "agreed",
                "agreement": "Mahmoud drives every day",
                "date_agreed": "2020-01-01",
                "date_fulfilled": "2020-02-01",
                "network_member_ids": [Command.set(self.member.ids)],
                "municipal_duty": True,
                "activity_id": activity.id,
                "drop_reason": "none",
                "sequence": -100,
            }
        ).sudo()
        self.assertEqual(
            (wish.name, wish.description, wish.category_id, wish.state),
            ("Chess", "Every Thursday", self.category, "new"),
        )
        self.assertFalse(wish.agreement)
        self.assertFalse(wish.date_agreed)
        self.assertFalse(wish.date_fulfilled)
        self.assertFalse(wish.network_member_ids)
        self.assertFalse(wish.municipal_duty)
        self.assertFalse(wish.activity_id)
        self.assertFalse(wish.drop_reason)
        self.assertEqual(wish.sequence, 10)

    def test_v5_proposal_ignores_defaults_given_in_the_context(self):
        Wish = self.as_role("volunteer", "aktive.wish").with_context(
            default_agreement="Set by context", default_date_agreed="2020-01-01"
        )
        wish = Wish.create({"participant_id": self.participant.id, "name": "Walk"}).sudo()
        self.assertFalse(wish.agreement)
        self.assertFalse(wish.date_agreed)

    def test_v5_coordinator_records_the_agreement(self):
        wish = (
            self.env["aktive.wish"]
            .with_user(self.coordinator)
            .create(
                {
                    "participant_id": self.participant.id,
                    "name": "Chess",
                    "state": "agreed",
                    "agreement": "Mahmoud, Thursdays",
                    "network_member_ids": [Command.set(self.member.ids)],
                }
            )
        )
        self.assertEqual(wish.agreement, "Mahmoud, Thursdays")
        self.assertEqual(wish.network_member_ids, self.member)


@tagged("post_install", "-at_install")
class TestPublicSignup(HttpCase):
    """Row X15: nobody signs up on their own - the login page has no sign-up link and
    /web/signup is not found; volunteers and staff are invited (data/auth_signup_data.xml)."""

    def test_x15_login_page_has_no_signup(self):
        self.assertEqual(
            self.env["ir.config_parameter"].sudo().get_param("auth_signup.invitation_scope"),
            "b2b",
        )
        page = self.url_open("/web/login")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("/web/signup", page.text)
        self.assertEqual(self.url_open("/web/signup").status_code, 404)
