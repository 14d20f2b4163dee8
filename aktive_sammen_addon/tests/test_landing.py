"""Where a coordinator or a municipal contact person lands after logging in (issue 16.1,
models/res_users_landing.py): on
the board of the addon's app, with no English OdooBot onboarding chat - the demo users and
any user given those groups later."""

from odoo.tests import HttpCase
from odoo.tests import TransactionCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .screenshots import assert_screens
from .screenshots import tour_screens

BOARD = "aktive_sammen_addon.aktive_participant_action"
GROUP = "aktive_sammen_addon.group_aktive_"


def odoobot_messages(env, user):
    """Messages OdooBot posted in its direct chats with `user` (the onboarding's channel)."""
    odoobot = env.ref("base.partner_root")
    channels = (
        env["discuss.channel"]
        .sudo()
        .search(
            [
                ("channel_type", "=", "chat"),
                ("channel_member_ids.partner_id", "=", user.partner_id.id),
                ("channel_member_ids.partner_id", "=", odoobot.id),
            ]
        )
    )
    return (
        env["mail.message"]
        .sudo()
        .search(
            [
                ("model", "=", "discuss.channel"),
                ("res_id", "in", channels.ids),
                ("author_id", "=", odoobot.id),
            ]
        )
    )


class TestFirstApp(TransactionCase):
    """A user given a case worker's group later: the addon's app comes first, and opens on
    the board; OdooBot stays quiet for them but not for other users."""

    def setUp(self):
        super().setUp()
        # mail_bot is installed with mail (auto_install): the behaviour tested here exists.
        self.assertIn("odoobot_state", self.env["res.users"]._fields)

    def first_app(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_web_menus(False)
        app = menus[menus["root"]["children"][0]]
        return app["xmlid"], app["actionID"]

    def test_case_workers_first_app_is_the_board(self):
        board = self.env.ref(BOARD).id
        for role in ("coordinator", "municipal", "admin"):
            with self.subTest(role=role):
                user = new_test_user(self.env, login=f"landing_{role}", groups=GROUP + role)
                self.assertEqual(
                    self.first_app(user), ("aktive_sammen_addon.aktive_menu_root", board)
                )

    def test_new_case_worker_gets_no_odoobot_onboarding(self):
        for role in ("coordinator", "municipal"):
            with self.subTest(role=role):
                user = new_test_user(self.env, login=f"landing_new_{role}", groups=GROUP + role)
                self.assertFalse(user.odoobot_state)
                user.with_user(user)._on_webclient_bootstrap()
                self.assertEqual(user.odoobot_state, "disabled")
                self.assertFalse(odoobot_messages(self.env, user))

    def test_other_users_keep_odoos_onboarding(self):
        """Only the addon's case workers: an employee of another department keeps OdooBot."""
        user = new_test_user(self.env, login="landing_other", groups="base.group_user")
        user.with_user(user)._on_webclient_bootstrap()
        self.assertEqual(user.odoobot_state, "onboarding_emoji")
        self.assertTrue(odoobot_messages(self.env, user))


@tagged("post_install", "-at_install")
class TestLandingTour(HttpCase):
    """Logging in as the demo coordinator Bjørg, and as a coordinator added today: the browser
    opened on /odoo shows the board (aktive_landing_tour checks the action, the address and
    that no chat window opened), and OdooBot wrote them nothing."""

    def land(self, login, prefix):
        with tour_screens(prefix) as shots:
            self.start_tour("/odoo", "aktive_landing_tour", login=login, timeout=120)
        assert_screens(self, shots, 1)

    def test_bjorg_lands_on_her_board(self):
        bjorg = self.env.ref("aktive_sammen_addon.user_bjorg_demo")
        self.assertEqual(bjorg.lang, "nb_NO")
        self.assertEqual(bjorg.action_id.id, self.env.ref(BOARD).id, "her home action")
        self.land("bjorg", "landing_bjorg")
        self.assertEqual(bjorg.odoobot_state, "disabled")
        self.assertFalse(odoobot_messages(self.env, bjorg))

    def test_a_new_coordinator_lands_on_the_board(self):
        """No home action: the app comes first in the menu."""
        user = new_test_user(
            self.env,
            login="landing_tove",
            password="landing_tove",
            name="Tove Landing",
            groups=GROUP + "coordinator",
            lang="nb_NO",
            tz="Europe/Oslo",
        )
        self.assertFalse(user.action_id)
        self.land("landing_tove", "landing_new_coordinator")
        self.assertEqual(user.odoobot_state, "disabled")
        self.assertFalse(odoobot_messages(self.env, user))
