import json

from odoo.tests import HttpCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestServed(HttpCase):
    """What `make run` promises: a login page, and the app's menu through JSON-RPC."""

    def test_login_page_and_json_rpc_menu(self):
        self.assertEqual(self.url_open("/web/login").status_code, 200)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.env.ref("base.user_admin").id,
                    "admin",
                    "ir.ui.menu",
                    "search_read",
                    [[["name", "=", "Aktive Sammen"], ["parent_id", "=", False]]],
                    {"fields": ["name", "web_icon"]},
                ],
            },
        }
        response = self.url_open(
            "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        menus = response.json()["result"]
        self.assertEqual(len(menus), 1)
        self.assertEqual(menus[0]["web_icon"], "aktive_sammen_addon,static/description/icon.png")

    def test_json_rpc_refuses_a_wrong_password(self):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [self.env.cr.dbname, 2, "wrong", "ir.ui.menu", "search_read", [[]]],
            },
        }
        response = self.url_open(
            "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        self.assertIn("error", response.json())
