"""The municipal unit (models/aktive_municipal_unit.py) - a municipal service such as home care
and its volunteer contact (frivilligkontakt) - and its views
(views/aktive_municipal_unit_views.xml; the agreements' smart button and tab on it come from
views/aktive_cooperation_agreement_views.xml).

What the other tests leave open: the defaults in another company, the order, the contact's
number and address read through the unit, the company of the contact and the company rule,
archiving, what each role may do with a unit (security/ir.model.access.csv), the case workers'
fields hidden from volunteers, and bad input (models/aktive_input_guard.py)."""

from lxml import etree
from odoo import Command
from odoo.exceptions import MissingError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from psycopg2 import IntegrityError

from .common import STAFF_VOLUNTEER
from .common import AktiveCase
from .common import new_signed_volunteer

UNIT = "aktive.municipal.unit"
# The fields of the unit that are the case workers' (groups=CASE_WORKERS).
CASE_WORKER_FIELDS = {"cooperation_agreement_ids", "cooperation_agreement_count"}


@tagged("post_install", "-at_install")
class TestMunicipalUnit(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create(
            {"name": "Hilde Frivilligkontakt", "phone": "480 12 345", "email": "hilde@test.no"}
        )
        cls.unit = cls.env[UNIT].create(
            {
                "name": "Home care north",
                "volunteer_contact_id": cls.contact.id,
                "user_ids": [Command.set(cls.municipal_user.ids)],
                "description": "Call before noon.",
            }
        )
        cls.staff_volunteer = new_signed_volunteer(
            cls.env, "aktive_staff_volunteer_unit", groups=STAFF_VOLUNTEER
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other municipality"})

    def as_user(self, user, record=None):
        self.env.invalidate_all()
        return (self.env[UNIT] if record is None else record).with_user(user)

    # --- defaults, order, related fields -------------------------------------------------------

    def test_a_new_unit_is_active_in_the_company_it_is_created_in(self):
        self.admin_user.company_ids = [Command.link(self.other_company.id)]
        Unit = self.env[UNIT].with_user(self.admin_user).with_company(self.other_company)
        unit = Unit.create({"name": "Care centre elsewhere"})
        self.assertTrue(unit.active)
        self.assertEqual(unit.company_id, self.other_company, "the current company, not the user's")
        self.assertFalse(unit.volunteer_contact_id)
        self.assertFalse(unit.user_ids)
        self.assertFalse(unit.phone)
        self.assertFalse(unit.email)
        self.assertEqual(unit.cooperation_agreement_count, 0)

    def test_units_are_listed_by_name(self):
        names = ["Zone south", "Alpha care", "Mental health"]
        units = self.env[UNIT].create([{"name": name} for name in names])
        found = self.env[UNIT].search([("id", "in", units.ids)])
        self.assertEqual(found.mapped("name"), sorted(names))

    def test_phone_and_email_are_the_volunteer_contacts(self):
        self.assertEqual((self.unit.phone, self.unit.email), ("480 12 345", "hilde@test.no"))
        self.contact.write({"phone": "480 99 999", "email": "new@test.no"})
        self.assertEqual((self.unit.phone, self.unit.email), ("480 99 999", "new@test.no"))
        other = self.env["res.partner"].create({"name": "Ola", "phone": "411 11 111"})
        self.unit.volunteer_contact_id = other
        self.assertEqual((self.unit.phone, self.unit.email), ("411 11 111", False))
        self.unit.volunteer_contact_id = False
        self.assertEqual((self.unit.phone, self.unit.email), (False, False))
        # The number is kept on the contact's card: the unit does not change it.
        self.unit.volunteer_contact_id = other
        self.unit.with_user(self.admin_user).write({"phone": "000"})
        self.env.invalidate_all()
        self.assertEqual(other.phone, "411 11 111")

    def test_volunteers_read_whom_to_call(self):
        for user in (self.volunteer_user, self.staff_volunteer):
            with self.subTest(user=user.login):
                [values] = self.as_user(user, self.unit).read(
                    ["name", "volunteer_contact_id", "phone", "email", "description"]
                )
                self.assertEqual(values["name"], "Home care north")
                self.assertEqual(values["volunteer_contact_id"][0], self.contact.id)
                self.assertEqual(values["phone"], "480 12 345")
                self.assertEqual(values["email"], "hilde@test.no")
                self.assertEqual(values["description"], "Call before noon.")

    # --- company ------------------------------------------------------------------------------

    def test_a_volunteer_contact_of_another_company_is_refused(self):
        elsewhere = self.env["res.partner"].create(
            {"name": "Contact elsewhere", "company_id": self.other_company.id}
        )
        with self.assertRaises(UserError) as caught:
            self.unit.with_user(self.admin_user).write({"volunteer_contact_id": elsewhere.id})
        self.assertIn("Volunteer contact", str(caught.exception))
        self.assertEqual(self.unit.volunteer_contact_id, self.contact)
        # A contact of no company, or of the unit's, is fine.
        shared = self.env["res.partner"].create({"name": "Shared", "company_id": False})
        own = self.env["res.partner"].create({"name": "Own", "company_id": self.env.company.id})
        for partner in (shared, own):
            self.unit.with_user(self.admin_user).volunteer_contact_id = partner
            self.assertEqual(self.unit.volunteer_contact_id, partner)

    def test_each_role_sees_the_units_of_its_companies_only(self):
        elsewhere = self.env[UNIT].create(
            {"name": "Elsewhere", "company_id": self.other_company.id}
        )
        shared = self.env[UNIT].create({"name": "Shared NAV", "company_id": False})
        for role, user in self.roles.items():
            with self.subTest(role=role):
                Unit = self.as_user(user)
                found = Unit.search([("id", "in", (self.unit | elsewhere | shared).ids)])
                self.assertEqual(found, self.unit | shared)
                with self.assertDenied(role, UNIT, "read", "rule"):
                    elsewhere.with_user(user).read(["name"])

    # --- archiving ----------------------------------------------------------------------------

    def test_an_archived_unit_leaves_the_lists_not_its_cases(self):
        self.participant.municipal_unit_id = self.unit
        self.unit.with_user(self.admin_user).action_archive()
        self.assertFalse(self.unit.active)
        for role, user in self.roles.items():
            with self.subTest(role=role):
                self.assertFalse(self.as_user(user).search([("name", "=", "Home care north")]))
        admin_units = self.as_user(self.admin_user).with_context(active_test=False)
        self.assertEqual(admin_units.search([("name", "=", "Home care north")]), self.unit)
        # The case keeps its unit, and the unit's staff keep the case.
        self.assertEqual(self.participant.municipal_unit_id, self.unit)
        Participant = self.as_user(self.municipal_user, self.env["aktive.participant"])
        self.assertEqual(Participant.search([("id", "=", self.participant.id)]), self.participant)
        self.unit.with_user(self.admin_user).action_unarchive()
        self.assertEqual(
            self.as_user(self.volunteer_user).search([("id", "=", self.unit.id)]), self.unit
        )

    # --- what each role may do ----------------------------------------------------------------

    def assertReadOnly(self, role, user):
        """`user` reads the unit and cannot create, change, archive or delete one."""
        unit = self.as_user(user, self.unit)
        self.assertEqual(unit.name, "Home care north")
        self.assertIn(self.unit, self.as_user(user).search([]))
        with self.assertDenied(role, UNIT, "create", "acl"):
            self.as_user(user).create({"name": "My own unit"})
        with self.assertDenied(role, UNIT, "write", "acl"):
            unit.write({"name": "Renamed"})
        with self.assertDenied(role, UNIT, "write", "acl"):
            unit.write({"user_ids": [Command.link(user.id)]})
        with self.assertDenied(role, UNIT, "archive", "acl"):
            unit.action_archive()
        with self.assertDenied(role, UNIT, "unlink", "acl"):
            unit.unlink()
        self.env.invalidate_all()
        self.assertEqual(self.unit.name, "Home care north")
        self.assertTrue(self.unit.active)
        self.assertEqual(self.unit.user_ids, self.municipal_user)

    def test_v_volunteers_read_units_only(self):
        self.assertReadOnly("volunteer", self.volunteer_user)
        self.assertReadOnly("volunteer", self.staff_volunteer)

    def test_m_municipal_contacts_read_units_only_also_their_own(self):
        self.assertIn(self.municipal_user, self.unit.user_ids)
        self.assertReadOnly("municipal", self.municipal_user)

    def test_c_coordinators_read_units_only(self):
        self.assertReadOnly("coordinator", self.coordinator)

    def test_a_administrators_manage_units(self):
        Unit = self.as_user(self.admin_user)
        unit = Unit.create({"name": "Nursing home", "volunteer_contact_id": self.contact.id})
        unit.write(
            {"name": "Nursing home east", "user_ids": [Command.link(self.municipal_user.id)]}
        )
        self.assertEqual(unit.name, "Nursing home east")
        self.assertEqual(unit.user_ids, self.municipal_user)
        unit.action_archive()
        self.assertFalse(unit.active)
        unit.unlink()
        self.assertFalse(unit.exists())

    # --- the case workers' fields -------------------------------------------------------------

    def test_volunteers_neither_read_nor_search_the_agreements(self):
        for user in (self.volunteer_user, self.staff_volunteer):
            with self.subTest(user=user.login):
                Unit = self.as_user(user)
                self.assertFalse(CASE_WORKER_FIELDS & set(Unit.fields_get()))
                with self.assertDenied("volunteer", UNIT, "read", "field"):
                    self.as_user(user, self.unit).read(["cooperation_agreement_count"])
                with self.assertDenied("volunteer", UNIT, "search", "field"):
                    Unit.search([("cooperation_agreement_ids", "!=", False)])
                with self.assertDenied("volunteer", UNIT, "order", "field"):
                    Unit.search([], order="cooperation_agreement_ids")
        for user in (self.municipal_user, self.coordinator, self.admin_user):
            with self.subTest(user=user.login):
                self.assertLessEqual(CASE_WORKER_FIELDS, set(self.as_user(user).fields_get()))
                self.assertEqual(self.as_user(user, self.unit).cooperation_agreement_count, 0)

    def test_the_form_shows_the_agreements_to_case_workers_only(self):
        for user, shown in (
            (self.staff_volunteer, False),
            (self.municipal_user, True),
            (self.coordinator, True),
        ):
            with self.subTest(user=user.login):
                Unit = self.as_user(user)
                views = Unit.get_views([(False, "form"), (False, "list")])
                form = etree.fromstring(views["views"]["form"]["arch"])
                names = {node.get("name") for node in form.iter("field", "button")}
                self.assertEqual(
                    "action_open_cooperation_agreements" in names, shown, "the smart button"
                )
                self.assertEqual("cooperation_agreement_ids" in names, shown, "the tab")
                self.assertLessEqual(
                    {"name", "volunteer_contact_id", "phone", "email", "user_ids", "description"},
                    names,
                )
                # The form opens: every field the role's views name is readable.
                fields = views["models"][UNIT]["fields"]
                self.assertEqual(CASE_WORKER_FIELDS <= set(fields), shown)
                [values] = self.as_user(user, self.unit).web_read({name: {} for name in fields})
                self.assertEqual(values["phone"], "480 12 345")

    def test_the_agreements_action_is_for_one_unit(self):
        other = self.env[UNIT].create({"name": "Care centre"})
        action = self.unit.with_user(self.coordinator).action_open_cooperation_agreements()
        self.assertEqual(action["domain"], [("unit_ids", "in", self.unit.ids)])
        self.assertEqual(action["context"], {"default_unit_ids": self.unit.ids})
        with self.assertRaises(ValueError):
            (self.unit | other).with_user(self.coordinator).action_open_cooperation_agreements()

    # --- bad input ----------------------------------------------------------------------------

    def test_bad_input_is_refused_with_the_fields_name(self):
        Unit = self.env[UNIT].with_user(self.admin_user)
        cases = [
            ({"name": "x" * 257}, ("Name", "256")),
            ({"description": "x" * 10_001}, ("Description", "10000")),
            ({"name": ["Home", "care"]}, ("Name",)),
            ({"name": True}, ("Name",)),
            ({"volunteer_contact_id": "Hilde"}, ("Volunteer contact", "'Hilde'")),
            ({"volunteer_contact_id": 2**40}, ("Volunteer contact",)),
            ({"active": "no"}, ("Active",)),
            ({"nope": 1}, ("no field", "nope")),
        ]
        unit = self.unit.with_user(self.admin_user)
        for vals, says in cases:
            with self.subTest(vals=str(vals)[:40]):
                count = Unit.with_context(active_test=False).search_count([])
                with self.assertRaises(ValidationError) as caught:
                    Unit.create({"name": "New unit", **vals})
                for text in says:
                    self.assertIn(text, str(caught.exception))
                self.assertEqual(Unit.with_context(active_test=False).search_count([]), count)
                with self.assertRaises(ValidationError):
                    unit.write(vals)
                self.env.invalidate_all()
                self.assertEqual(self.unit.name, "Home care north")
                self.assertEqual(self.unit.volunteer_contact_id, self.contact)
                self.assertTrue(self.unit.active)

    def test_a_unit_without_a_name_is_not_stored(self):
        self.assertEqual(
            len(self.env[UNIT].with_user(self.admin_user).create({"name": "x" * 256}).name), 256
        )
        # No name at all: the database refuses it (RPC turns that into a message).
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.env[UNIT].with_user(self.admin_user).create({})
                self.env.flush_all()
        # A name given as nothing: the input guard names the field.
        Unit = self.env[UNIT].with_user(self.admin_user)
        with self.assertRaisesRegex(ValidationError, "Name cannot be empty"):
            Unit.create({"name": False})
        with self.assertRaisesRegex(ValidationError, "Name cannot be empty"):
            self.unit.with_user(self.admin_user).write({"name": False})
        self.assertTrue(self.unit.name)

    def test_an_id_that_is_no_contact_is_refused(self):
        missing = self.env["res.partner"].search([], order="id desc", limit=1).id + 1000
        with self.assertRaises(MissingError):
            self.unit.with_user(self.admin_user).write({"volunteer_contact_id": missing})
        self.env.invalidate_all()
        self.assertEqual(self.unit.volunteer_contact_id, self.contact)
