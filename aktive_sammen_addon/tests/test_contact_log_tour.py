from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import SIGNED


@tagged("post_install", "-at_install")
class TestContactLogTour(HttpCase):
    """A new line in the back-office contact log, in headless Chromium (issue 13: on a new
    entry the participant picker offered no record). The tour fails if the picker does not
    offer Arne, if saving fails, or if an error dialog is left on the screen."""

    def setUp(self):
        super().setUp()
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.Log = self.env["aktive.contact.log"]

    def log_as(self, user):
        before = self.Log.search([("user_id", "=", user.id)])
        self.start_tour(
            "/odoo/action-aktive_sammen_addon.aktive_contact_log_action",
            "aktive_contact_log_tour",
            login=user.login,
            timeout=120,
        )
        return self.Log.search([("user_id", "=", user.id)]) - before

    def test_coordinator_logs_a_contact(self):
        bjorg = self.env.ref("aktive_sammen_addon.user_bjorg_demo")
        self.assertEqual(bjorg.lang, "nb_NO", "the tour runs in the Norwegian interface")
        new = self.log_as(bjorg)
        self.assertEqual(len(new), 1)
        self.assertEqual(new.user_id, bjorg)
        self.assertEqual(new.participant_id, self.arne)
        self.assertEqual(new.kind, "phone")

    def test_staff_volunteer_logs_a_contact(self):
        """A staff member who volunteers keeps the back office: the Contact log menu is
        shown to the Volunteer group, so they log there as a coordinator does (README, "Who
        may do what"), for the people of their active assignments only."""
        staff = new_test_user(
            self.env,
            login="aktive_staff_volunteer",
            groups="base.group_user,aktive_sammen_addon.group_aktive_volunteer",
            name="Siri Staff",
            lang="nb_NO",
            tz="Europe/Oslo",
        )
        self.assertFalse(staff.share, "an internal user")
        staff.partner_id.write(
            {
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": fields.Date.today(),
                "aktive_confidentiality_document": SIGNED,
            }
        )
        self.env["aktive.network.member"].create(
            {
                "participant_id": self.arne.id,
                "partner_id": staff.partner_id.id,
                "role_id": self.env.ref("aktive_sammen_addon.network_role_visiting_friend").id,
            }
        )
        menu = self.env.ref("aktive_sammen_addon.aktive_contact_log_menu")
        visible = self.env["ir.ui.menu"].with_user(staff)._visible_menu_ids()
        self.assertIn(menu.id, visible, "the menu is shown to a staff volunteer")
        new = self.log_as(staff)
        self.assertEqual(len(new), 1)
        self.assertEqual(new.user_id, staff)
        self.assertEqual(new.participant_id, self.arne)
        self.assertEqual(new.kind, "phone")
