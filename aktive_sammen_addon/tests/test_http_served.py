import json

from odoo.tests import HttpCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestServed(HttpCase):
    """What `make run` promises: a login page, and the app's menu through JSON-RPC."""

    def execute_kw(self, password, model, method, *args):
        """The external JSON-RPC API, as a script of the municipality would call it."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.env.ref("base.user_admin").id,
                    password,
                    model,
                    method,
                    *args,
                ],
            },
        }
        response = self.url_open(
            "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        return response.json()

    def test_login_page_and_json_rpc_menu(self):
        self.assertEqual(self.url_open("/web/login").status_code, 200)
        menus = self.execute_kw(
            "admin",
            "ir.ui.menu",
            "search_read",
            [[["name", "=", "Aktive Sammen"], ["parent_id", "=", False]]],
            {"fields": ["name", "web_icon"]},
        )["result"]
        self.assertEqual(len(menus), 1)
        self.assertEqual(menus[0]["web_icon"], "aktive_sammen_addon,static/description/icon.png")

    def test_json_rpc_refuses_a_wrong_password(self):
        self.assertIn("error", self.execute_kw("wrong", "ir.ui.menu", "search_read", [[]]))
