import re
from pathlib import Path

from odoo.tests import TransactionCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAddonInstalled(TransactionCase):
    """The addon as an administrator meets it: installed, with its app menu and demo data."""

    def test_app_menu_has_icon_and_action(self):
        root = self.env.ref("aktive_sammen_addon.aktive_menu_root")
        self.assertFalse(root.parent_id)
        self.assertEqual(root.web_icon, "aktive_sammen_addon,static/description/icon.png")
        self.assertTrue(root.web_icon_data, "the icon file must exist and load")
        visible = (
            self.env["ir.ui.menu"].with_user(self.env.ref("base.user_admin"))._visible_menu_ids()
        )
        self.assertIn(root.id, visible, "an app menu without a reachable action is hidden")

    def test_module_metadata(self):
        module = self.env["ir.module.module"].search([("name", "=", "aktive_sammen_addon")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.license, "LGPL-3")
        self.assertTrue(module.application)
        self.assertEqual(
            set(module.dependencies_id.mapped("name")),
            {"base", "mail", "contacts", "portal", "sms"},
        )
        self.assertIn("Aktive Sammen", module.description_html or "")

    def test_odoos_own_runner_finds_every_test_file(self):
        """`odoo --test-enable` runs what tests/__init__.py imports (pytest finds the files by
        themselves): a file missing there is a file an integrator's CI never runs."""
        folder = Path(__file__).parent
        imported = set(
            re.findall(r"^from \. import (test_\w+)$", (folder / "__init__.py").read_text(), re.M)
        )
        self.assertEqual(imported, {path.stem for path in folder.glob("test_*.py")})
