from datetime import timedelta

from dateutil.relativedelta import relativedelta
from odoo import Command
from odoo.exceptions import ValidationError
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
