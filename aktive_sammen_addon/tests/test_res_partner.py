from datetime import timedelta

from dateutil.relativedelta import relativedelta
from lxml import etree
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import tagged

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestVolunteerProfile(AktiveCase):
    """The volunteer profile on res.partner (models/res_partner.py)."""

    def test_next_coordinator_contact_every_two_months(self):
        last = self.today - timedelta(days=10)
        self.volunteer.aktive_last_contact_date = last
        self.assertEqual(self.volunteer.aktive_next_contact_date, last + relativedelta(months=2))
        self.volunteer.action_aktive_log_contact()
        self.assertEqual(self.volunteer.aktive_last_contact_date, self.today)
        self.assertEqual(
            self.volunteer.aktive_next_contact_date, self.today + relativedelta(months=2)
        )

    def test_a_new_contact_interval_moves_the_planned_contacts(self):
        last = self.today - timedelta(days=10)
        self.volunteer.aktive_last_contact_date = last
        self.volunteer_unsigned.aktive_last_contact_date = last
        self.env.company.aktive_volunteer_contact_interval = 3
        for volunteer in self.volunteer | self.volunteer_unsigned:
            self.assertEqual(volunteer.aktive_next_contact_date, last + relativedelta(months=3))
        due = self.env["res.partner"].search(
            [("aktive_next_contact_date", "=", last + relativedelta(months=3))]
        )
        self.assertIn(self.volunteer, due, "the stored date moved, not just the cache")

    def test_no_contact_cadence_for_non_volunteers(self):
        self.relative.aktive_last_contact_date = self.today
        self.assertFalse(self.relative.aktive_next_contact_date)

    def test_profile_dates_cannot_be_in_the_future(self):
        with self.assertRaisesRegex(ValidationError, "cannot be in the future"):
            self.volunteer.aktive_confidentiality_date = self.today + timedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "cannot be in the future"):
            self.volunteer.aktive_police_certificate_date = self.today + timedelta(days=1)

    def test_profile_fields(self):
        norwegian = self.env.ref("base.lang_nb_NO")
        interest = self.env["aktive.interest"].create({"name": "Chess test"})
        self.volunteer.write(
            {
                "aktive_language_ids": [Command.set(norwegian.ids)],
                "aktive_interest_ids": [Command.set(interest.ids)],
                "aktive_driving_licence": True,
                "aktive_has_car": True,
                "aktive_organisation_ids": [Command.set(self.organisation.ids)],
                "aktive_volunteer_state": "paused",
            }
        )
        found = self.env["res.partner"].search(
            [("aktive_language_ids", "in", norwegian.ids), ("aktive_driving_licence", "=", True)]
        )
        self.assertIn(self.volunteer, found)


@tagged("post_install", "-at_install")
class TestVolunteerCard(AktiveCase):
    """The volunteer's card of the Volunteers menus (views/res_partner_views.xml): the
    person, the declarations and the profile, not a business contact's form."""

    ACTIONS = (
        "res_partner_action_aktive_volunteer",
        "res_partner_action_aktive_volunteer_due",
        "res_partner_action_aktive_declaration_missing",
    )

    def form_arch(self, action):
        views = {
            mode: view_id for view_id, mode in self.env.ref(f"aktive_sammen_addon.{action}").views
        }
        Partner = self.env["res.partner"].with_user(self.coordinator)
        arch = Partner.get_views([(views["form"], "form")])["views"]["form"]["arch"]
        return {node.get("name") for node in etree.fromstring(arch).iter("field", "button")}

    def test_every_volunteer_menu_opens_the_volunteers_card(self):
        for action in self.ACTIONS:
            with self.subTest(action=action):
                names = self.form_arch(action)
                self.assertLessEqual(
                    {
                        "aktive_confidentiality_date",
                        "aktive_confidentiality_document",
                        "aktive_interest_ids",
                        "aktive_next_contact_date",
                        "action_aktive_log_contact",
                        "action_aktive_open_hours",
                    },
                    names,
                )
                self.assertFalse(
                    {"vat", "function", "website", "parent_id", "company_type"} & names,
                    "no business contact's fields",
                )

    def test_a_coordinator_registers_a_volunteer_on_it(self):
        view = self.env.ref("aktive_sammen_addon.res_partner_view_form_aktive_volunteer")
        Partner = self.env["res.partner"].with_user(self.coordinator)
        with Form(Partner.with_context(default_is_aktive_volunteer=True), view=view) as card:
            card.name = "Sigrid Test"
            card.phone = "900 00 009"
            card.aktive_area = "Moseidmoen"
        volunteer = card.record
        self.assertTrue(volunteer.is_aktive_volunteer)
        self.assertFalse(volunteer.is_company)
        self.assertTrue(volunteer.aktive_declaration_missing, "no declaration yet")
        self.assertIn(volunteer, Partner.search([("aktive_declaration_missing", "=", True)]))
