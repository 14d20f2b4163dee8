import os

from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import tagged

from .screenshots import PNG_MAGIC
from .screenshots import capture


@tagged("post_install", "-at_install")
class TestPortalTour(HttpCase):
    """The volunteer's pages in headless Chromium on a phone-sized screen (390x844), as the
    demo volunteer Mahmoud (a portal user, bokmål interface)."""

    browser_size = "390x844"

    def setUp(self):
        super().setUp()
        ref = self.env.ref
        self.arne = ref("aktive_sammen_addon.participant_arne_demo")
        self.mahmoud = ref("aktive_sammen_addon.user_mahmoud_demo")

    def test_demo_volunteer_is_a_portal_user(self):
        self.assertTrue(self.mahmoud.share)
        self.assertTrue(self.mahmoud._is_portal())
        self.assertTrue(self.mahmoud.has_group("aktive_sammen_addon.group_aktive_volunteer"))
        self.assertEqual(self.mahmoud.lang, "nb_NO")

    def test_log_a_visit_in_two_taps(self):
        Log = self.env["aktive.contact.log"]
        before = Log.search([("user_id", "=", self.mahmoud.id)])
        self.start_tour("/my", "aktive_portal_log_visit_tour", login="mahmoud", timeout=120)
        new = Log.search([("user_id", "=", self.mahmoud.id)]) - before
        self.assertEqual(len(new), 1)
        self.assertEqual(new.participant_id, self.arne)
        self.assertEqual(new.kind, "visit")
        today = fields.Date.context_today(new.with_context(tz="Europe/Oslo"))
        self.assertEqual(new.date, today)

    def test_report_a_new_wish(self):
        self.start_tour("/my", "aktive_portal_report_tour", login="mahmoud", timeout=120)
        wish = self.env["aktive.wish"].search(
            [("participant_id", "=", self.arne.id)], limit=1, order="id desc"
        )
        self.assertEqual(wish.name, "Arne vil gjerne på konsert i kirken.")
        self.assertEqual(wish.state, "new")
        todo = self.arne.activity_ids.filtered(lambda a: a.user_id == self.arne.coordinator_id)
        self.assertIn("Arne vil gjerne på konsert i kirken.", "".join(todo.mapped("note")))

    def test_profile(self):
        partner = self.mahmoud.partner_id
        self.assertFalse(partner.aktive_driving_licence)
        self.start_tour(
            "/my/aktive/profile", "aktive_portal_profile_tour", login="mahmoud", timeout=120
        )
        self.assertTrue(partner.aktive_driving_licence)
        self.assertEqual(partner.aktive_area, "Moseidmoen", "kept as it was")

    def test_screenshots(self):
        """A picture of each page (test artefacts, not committed), as the phone shows it."""
        pages = {
            "portal_home.png": ("/my", ".o_aktive_portal_home"),
            "portal_person.png": (f"/my/aktive/person/{self.arne.id}", ".o_aktive_person"),
            "portal_report.png": ("/my/aktive/report", ".o_aktive_report_form"),
            "portal_profile.png": ("/my/aktive/profile", ".o_aktive_profile_form"),
        }
        for name, (url, selector) in pages.items():
            with self.subTest(page=name):
                ready = f"!!document.querySelector('{selector}')"
                path = capture(self, url, ready, "mahmoud", name)
                with open(path, "rb") as file:
                    self.assertEqual(file.read(8), PNG_MAGIC)
                self.assertGreater(os.path.getsize(path), 5000)
