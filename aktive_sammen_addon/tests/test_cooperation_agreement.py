"""Cooperation agreements (samarbeidsavtaler, issue 15 item 5) between municipal units and
the volunteer centre or an organisation: managed by coordinators, read by the units' contact
persons, listed on the unit, reviewed on time."""

from dateutil.relativedelta import relativedelta
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import SIGNED
from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestCooperationAgreement(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["aktive.municipal.unit"]
        cls.unit = Unit.create({"name": "Home care test", "user_ids": [cls.municipal_user.id]})
        cls.other_unit = Unit.create({"name": "NAV test"})
        cls.other_municipal = new_test_user(
            cls.env,
            login="aktive_municipal_other",
            groups="aktive_sammen_addon.group_aktive_municipal",
        )
        cls.other_unit.user_ids = cls.other_municipal
        cls.centre = cls.env["res.partner"].create(
            {"name": "Volunteer centre test", "is_company": True}
        )

    def new_agreement(self, user=None, **vals):
        Agreement = self.env["aktive.cooperation.agreement"].with_user(user or self.coordinator)
        return Agreement.create(
            {
                "name": "Home care and the volunteer centre",
                "unit_ids": [self.unit.id],
                "partner_id": self.centre.id,
                "partner_contact_id": self.volunteer.id,
                "municipal_contact_id": self.municipal_user.partner_id.id,
                "date_start": self.today,
                "date_end": self.today + relativedelta(years=2),
                "municipality_tasks": "Reports needs; one volunteer contact per unit.",
                "partner_tasks": "Recruits and follows up the volunteers.",
                "date_signed": self.today,
                "document": SIGNED,
                "document_name": "avtale.pdf",
                **vals,
            }
        )

    def test_coordinator_records_it_and_the_unit_lists_it(self):
        agreement = self.new_agreement(state="signed")
        self.assertEqual(agreement.company_id, self.env.company)
        self.assertEqual(agreement.user_id, self.coordinator)
        self.assertEqual(self.unit.cooperation_agreement_ids, agreement)
        self.assertEqual(self.unit.cooperation_agreement_count, 1)
        self.assertEqual(self.other_unit.cooperation_agreement_count, 0)
        action = self.unit.with_user(self.coordinator).action_open_cooperation_agreements()
        self.assertEqual(action["res_model"], "aktive.cooperation.agreement")
        found = self.env["aktive.cooperation.agreement"].search(action["domain"])
        self.assertEqual(found, agreement)
        self.assertTrue(agreement.with_user(self.coordinator).document)
        agreement.with_user(self.admin_user).write({"state": "ended"})
        self.assertEqual(agreement.state, "ended")

    def test_period_must_be_in_order(self):
        with self.assertRaises(ValidationError):
            self.new_agreement(date_end=self.today - relativedelta(days=1))

    def test_municipal_contacts_read_their_units_agreements(self):
        agreement = self.new_agreement()
        Agreement = self.env["aktive.cooperation.agreement"]
        as_municipal = Agreement.with_user(self.municipal_user)
        self.assertEqual(as_municipal.search([]), agreement)
        self.assertEqual(
            agreement.with_user(self.municipal_user).partner_tasks, agreement.partner_tasks
        )
        self.assertEqual(self.unit.with_user(self.municipal_user).cooperation_agreement_count, 1)
        with self.assertRaises(AccessError):
            agreement.with_user(self.municipal_user).write({"partner_tasks": "Nothing."})
        with self.assertRaises(AccessError):
            self.new_agreement(user=self.municipal_user)
        # Another unit's contact person does not see it.
        self.assertFalse(Agreement.with_user(self.other_municipal).search([]))
        with self.assertRaises(AccessError):
            agreement.with_user(self.other_municipal).read(["name"])

    def test_volunteers_see_no_agreement(self):
        agreement = self.new_agreement()
        with self.assertRaises(AccessError):
            self.env["aktive.cooperation.agreement"].with_user(self.volunteer_user).search([])
        with self.assertRaises(AccessError):
            agreement.with_user(self.volunteer_user).read(["name"])
        # The unit stays readable; its agreements are not.
        unit = self.unit.with_user(self.volunteer_user)
        self.assertEqual(unit.read(["name"])[0]["name"], "Home care test")
        with self.assertRaises(AccessError):
            unit.read(["cooperation_agreement_ids"])

    def test_company_rule(self):
        other = self.env["res.company"].create({"name": "Other municipality"})
        unit = self.env["aktive.municipal.unit"].create(
            {"name": "Elsewhere", "company_id": other.id}
        )
        agreement = (
            self.env["aktive.cooperation.agreement"]
            .with_company(other)
            .create(
                {
                    "name": "Elsewhere",
                    "unit_ids": [unit.id],
                    "partner_id": self.centre.id,
                    "company_id": other.id,
                }
            )
        )
        Agreement = self.env["aktive.cooperation.agreement"].with_user(self.coordinator)
        self.assertNotIn(agreement, Agreement.search([]))
        with self.assertRaises(AccessError):
            agreement.with_user(self.coordinator).read(["name"])

    def test_review_reminder_once_per_review_date(self):
        near = self.new_agreement(review_date=self.today + relativedelta(days=10))
        late = self.new_agreement(review_date=self.today - relativedelta(days=3))
        far = self.new_agreement(review_date=self.today + relativedelta(days=90))
        ended = self.new_agreement(review_date=self.today + relativedelta(days=5), state="ended")
        none = self.new_agreement()
        Agreement = self.env["aktive.cooperation.agreement"]
        Agreement._cron_review_reminder()
        for agreement in (near, late):
            self.assertEqual(len(agreement.activity_ids), 1)
            self.assertEqual(agreement.activity_ids.user_id, self.coordinator)
            self.assertEqual(agreement.activity_ids.date_deadline, agreement.review_date)
        for agreement in (far, ended, none):
            self.assertFalse(agreement.activity_ids)
        # The next day: no duplicate, also after the reminder is done.
        Agreement._cron_review_reminder()
        self.assertEqual(len(near.activity_ids), 1)
        near.activity_ids.action_done()
        Agreement._cron_review_reminder()
        self.assertFalse(near.activity_ids)
        # A new review date plans a new reminder.
        near.with_user(self.coordinator).review_date = self.today + relativedelta(days=20)
        Agreement._cron_review_reminder()
        self.assertEqual(len(near.activity_ids), 1)
        self.assertEqual(near.activity_ids.date_deadline, self.today + relativedelta(days=20))
        cron = self.env.ref("aktive_sammen_addon.ir_cron_agreement_review")
        self.assertEqual(cron.code, "model._cron_review_reminder()")

    def test_views_per_role(self):
        agreement = self.new_agreement()
        for user in (self.coordinator, self.municipal_user):
            with self.subTest(user=user.login):
                Agreement = self.env["aktive.cooperation.agreement"].with_user(user)
                views = Agreement.get_views([(False, "list"), (False, "form"), (False, "search")])
                form = views["views"]["form"]["arch"]
                self.assertIn("partner_tasks", form)
                self.assertEqual("<chatter" in form, user == self.coordinator)
                # The form opens: every field it shows is readable.
                names = views["models"]["aktive.cooperation.agreement"]["fields"]
                values = agreement.with_user(user).web_read({name: {} for name in names})
                self.assertEqual(values[0]["name"], agreement.name)
                unit_arch = (
                    self.env["aktive.municipal.unit"]
                    .with_user(user)
                    .get_views([(False, "form")])["views"]["form"]["arch"]
                )
                self.assertIn("action_open_cooperation_agreements", unit_arch)
        menu = self.env.ref("aktive_sammen_addon.aktive_cooperation_agreement_menu")
        visible = self.env["ir.ui.menu"].with_user(self.municipal_user)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        # Staff who volunteer use the back office: the menu is not theirs.
        staff_volunteer = new_test_user(
            self.env,
            login="aktive_staff_volunteer_h8",
            groups="base.group_user,aktive_sammen_addon.group_aktive_volunteer",
        )
        visible = self.env["ir.ui.menu"].with_user(staff_volunteer)._visible_menu_ids()
        self.assertIn(self.env.ref("aktive_sammen_addon.aktive_menu_root").id, visible)
        self.assertNotIn(menu.id, visible)


@tagged("post_install", "-at_install")
class TestDemoAgreement(AktiveCase):
    def test_demo_agreement_is_on_the_unit_with_its_reminder(self):
        agreement = self.env.ref("aktive_sammen_addon.cooperation_agreement_home_care_demo")
        home_care = self.env.ref("aktive_sammen_addon.unit_home_care_demo")
        self.assertIn(agreement, home_care.cooperation_agreement_ids)
        self.assertEqual(agreement.partner_id.name, "Vennesla frivilligsentral")
        self.assertTrue(agreement.municipality_tasks and agreement.partner_tasks)
        self.assertEqual(len(agreement.activity_ids), 1, "the review is 20 days ahead")
        hilde = self.env.ref("aktive_sammen_addon.user_hilde_demo")
        Agreement = self.env["aktive.cooperation.agreement"].with_user(hilde)
        self.assertIn(agreement, Agreement.search([]))
