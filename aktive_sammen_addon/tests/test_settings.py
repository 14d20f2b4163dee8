from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestAktiveSettings(AktiveCase):
    """README row A1 for an Aktive Sammen administrator who is not an Odoo system
    administrator: intervals and retention are theirs to set, nothing else of the company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aktive_admin = new_test_user(
            cls.env, login="aktive_admin_only", groups="aktive_sammen_addon.group_aktive_admin"
        )
        cls.company = cls.aktive_admin.company_id

    def test_admin_without_system_rights_sets_intervals_and_retention(self):
        self.assertFalse(self.aktive_admin.has_group("base.group_system"))
        with Form(self.env["aktive.settings"].with_user(self.aktive_admin)) as form:
            self.assertEqual(form.followup_interval, self.company.aktive_followup_interval)
            form.followup_interval = 3
            form.volunteer_contact_interval = 4
            form.retention_months = 36
            form.retention_action = "delete"
        form.record.action_save()
        self.assertEqual(
            (
                self.company.aktive_followup_interval,
                self.company.aktive_volunteer_contact_interval,
                self.company.aktive_retention_months,
                self.company.aktive_retention_action,
            ),
            (3, 4, 36, "delete"),
        )

    def test_it_opens_from_the_configuration_menu(self):
        menu = self.env.ref("aktive_sammen_addon.aktive_settings_admin_menu")
        visible = self.env["ir.ui.menu"].with_user(self.aktive_admin)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        visible = self.env["ir.ui.menu"].with_user(self.coordinator)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)

    def test_nonsense_is_refused_and_nothing_changes(self):
        settings = self.env["aktive.settings"].with_user(self.aktive_admin).create({})
        settings.retention_months = 0
        with self.assertRaisesRegex(ValidationError, "at least one month"):
            settings.action_save()
        self.assertEqual(self.company.aktive_retention_months, 24)

    def test_only_for_the_users_companies(self):
        other = self.env["res.company"].create({"name": "Another municipality"})
        settings = self.env["aktive.settings"].with_user(self.aktive_admin).create({})
        settings.sudo().company_id = other
        with self.assertRaises(AccessError):
            settings.action_save()
        self.assertEqual(other.aktive_followup_interval, 2)

    def test_coordinator_cannot(self):
        with self.assertRaises(AccessError):
            self.env["aktive.settings"].with_user(self.coordinator).create({})

    def test_company_itself_stays_closed_to_the_aktive_admin(self):
        with self.assertRaises(AccessError):
            self.company.with_user(self.aktive_admin).write({"name": "Renamed"})
