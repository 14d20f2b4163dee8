from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger
from psycopg2 import IntegrityError

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestConfiguration(AktiveCase):
    """The method's reference data: steps (aktive_stage), wish categories
    (aktive_wish_category), network roles (aktive_network_role), interests (aktive_interest),
    municipal units (aktive_municipal_unit), the catalogue (aktive_activity) and the company's
    intervals (res_company, res_config_settings)."""

    def test_five_steps_in_order_with_guards_and_descriptions(self):
        self.assertEqual(len(self.stages), 5)
        self.assertEqual(
            self.stages.mapped("guard"), ["none", "none", "wish", "agreed_wish", "active_member"]
        )
        self.assertTrue(all(self.stages.mapped("description")))

    def test_wish_categories_and_roles_of_the_method(self):
        categories = self.env["aktive.wish.category"].search([])
        # 11 of the method's kinds, 3 that are the municipality's duty (home help, nursing, TT)
        self.assertEqual(len(categories), 14)
        self.assertEqual(len(categories.filtered("municipal_duty")), 3)
        self.assertTrue(self.env.ref("aktive_sammen_addon.wish_category_transport").needs_transport)
        roles = self.env["aktive.network.role"].search([])
        self.assertEqual(len(roles), 9)

    def test_unique_names(self):
        for model in ("aktive.wish.category", "aktive.network.role", "aktive.interest"):
            self.env[model].create({"name": "Same name"})
            with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.cr.savepoint():
                    self.env[model].create({"name": "Same name"})
                    self.env.flush_all()

    def test_municipal_unit_gives_its_volunteer_contact(self):
        contact = self.env["res.partner"].create({"name": "Hilde", "phone": "480 12 345"})
        unit = self.env["aktive.municipal.unit"].create(
            {"name": "Home care test", "volunteer_contact_id": contact.id}
        )
        self.assertEqual(unit.phone, "480 12 345")
        self.assertEqual(unit.company_id, self.env.company)

    def test_catalogue_activity_members(self):
        activity = self.env["aktive.activity"].create(
            {
                "name": "Lions meeting",
                "organiser_id": self.organisation.id,
                "member_ids": [Command.set(self.volunteer.ids)],
                "category_ids": [Command.set(self.category.ids)],
                "accessibility": "Step-free",
            }
        )
        found = self.env["aktive.activity"].search([("member_ids", "in", self.volunteer.ids)])
        self.assertEqual(found, activity)

    def test_company_intervals_default_to_two_months(self):
        company = self.env["res.company"].create({"name": "Another volunteer centre"})
        self.assertEqual(company.aktive_followup_interval, 2)
        self.assertEqual(company.aktive_volunteer_contact_interval, 2)
