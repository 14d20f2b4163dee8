"""Issue 15, item 4: the municipality's duty (models/aktive_wish_municipal_duty.py). A wish for a
statutory service is never matched to volunteers, prints as the municipality's on the
contact form and goes to the municipal contact as an activity."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase
from odoo.tests import tagged

from . import test_contact_form_pdf
from .common import AktiveCase
from .poppler import poppler
from .test_contact_form import render_html
from .test_form_updates import in_languages

DUTY = "aktive_sammen_addon.mail_activity_type_municipal_duty"
LABEL = "«Municipality's responsibility»"


class DutyCase(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nursing = cls.env.ref("aktive_sammen_addon.wish_category_nursing")
        cls.participant.write({"consent_given": True, "consent_date": cls.today})
        # The municipal contact person is a user of the municipality.
        cls.participant.municipal_contact_id = cls.municipal_user.partner_id
        # A volunteer who would match the wish well: same interest, same area.
        cls.interest = cls.env["aktive.interest"].create({"name": "Duty test interest"})
        cls.participant.write({"interest_ids": [Command.set(cls.interest.ids)], "area": "Sentrum"})
        cls.volunteer.write(
            {"aktive_interest_ids": [Command.set(cls.interest.ids)], "aktive_area": "Sentrum"}
        )

    def duty_activities(self, participant=None):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "aktive.participant"),
                ("res_id", "=", (participant or self.participant).id),
                ("activity_type_id", "=", self.env.ref(DUTY).id),
            ]
        )


@tagged("post_install", "-at_install")
class TestMunicipalDuty(DutyCase):
    def test_the_configurable_list_marks_the_wish(self):
        names = self.env["aktive.wish.category"].search([("municipal_duty", "=", True)])
        self.assertIn(self.nursing, names)
        self.assertIn(self.env.ref("aktive_sammen_addon.wish_category_tt_transport"), names)
        self.assertIn(self.env.ref("aktive_sammen_addon.wish_category_home_help"), names)
        wish = self.add_wish(category_id=self.nursing.id, name="Help with my medicines")
        self.assertTrue(wish.municipal_duty)
        self.assertFalse(self.add_wish().municipal_duty, "a café or a visit is not")
        # the administrator adds to the list; the coordinator may mark one wish too
        bathing = (
            self.env["aktive.wish.category"]
            .with_user(self.admin_user)
            .create({"name": "Personal care", "municipal_duty": True})
        )
        self.assertTrue(self.add_wish(category_id=bathing.id).municipal_duty)
        other = self.add_wish(
            category_id=self.env.ref("aktive_sammen_addon.wish_category_other").id
        )
        other.with_user(self.coordinator).municipal_duty = True
        self.assertTrue(other.municipal_duty)
        with self.assertRaises(AccessError):
            self.nursing.with_user(self.coordinator).municipal_duty = False

    def test_never_matched_to_volunteers(self):
        wish = self.add_wish(category_id=self.category.id)
        matched = [v for v, _score, _reasons in wish._suggest_volunteers(10)]
        self.assertIn(self.volunteer, matched, "the same wish, not a duty: the volunteer fits")
        wish.municipal_duty = True
        self.assertEqual(wish._suggest_volunteers(10), [])
        self.assertEqual(wish._suggest_activities(5), [])
        with self.assertRaisesRegex(UserError, "municipality's responsibility"):
            wish.with_user(self.coordinator).action_suggest()
        wizard = self.env["aktive.volunteer.suggestion"].create({"wish_id": wish.id})
        self.assertFalse(wizard.line_ids)
        self.assertFalse(wizard.activity_line_ids)

    def test_a_volunteer_cannot_carry_it(self):
        volunteer = self.add_member(self.volunteer)
        relative = self.add_member(self.relative)
        wish = self.add_wish(category_id=self.nursing.id)
        with self.assertRaisesRegex(ValidationError, "a volunteer cannot carry it"):
            wish.network_member_ids = volunteer
        wish.network_member_ids = relative  # the family may
        self.assertEqual(wish.network_member_ids, relative)
        carried = self.add_wish(network_member_ids=[Command.set(volunteer.ids)])
        with self.assertRaisesRegex(ValidationError, "a volunteer cannot carry it"):
            carried.category_id = self.nursing

    def test_printed_as_the_municipalitys(self):
        self.add_wish(category_id=self.nursing.id, name="Help with my medicines")
        self.add_wish(name="Coffee at the café", agreement="Every Friday")
        html = render_html(self.env, self.participant)
        row = html.split("Help with my medicines", 1)[1].split("</tr>", 1)[0]
        self.assertIn(LABEL, row)
        other = html.split("Coffee at the café", 1)[1].split("</tr>", 1)[0]
        self.assertNotIn(LABEL, other)
        self.assertIn("Every Friday", other)

    def test_goes_to_the_municipal_contact_as_an_activity(self):
        wish = self.add_wish(category_id=self.nursing.id, name="Help with my medicines")
        activity = self.duty_activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.municipal_user)
        self.assertIn("Help with my medicines", activity.summary)
        self.env.invalidate_all()
        self.assertIn(
            "Help with my medicines",
            activity.with_user(self.municipal_user).read(["summary"])[0]["summary"],
        )
        # other changes of the wish do not send it again
        wish.write({"description": "Morning and evening", "state": "clarifying"})
        self.assertEqual(self.duty_activities(), activity)
        # marked later: then it goes
        later = self.add_wish(name="Home help with cleaning")
        self.assertEqual(self.duty_activities(), activity)
        later.municipal_duty = True
        self.assertEqual(len(self.duty_activities()), 2)

    def test_the_activity_is_in_the_municipal_contacts_language(self):
        if not self.env["res.lang"]._lang_get("nb_NO"):
            self.env["res.lang"]._activate_lang("nb_NO")
        self.municipal_user.lang = "nb_NO"
        with in_languages():
            self.add_wish(category_id=self.nursing.id, name="TT card")
        self.assertTrue(self.duty_activities().summary.startswith("[nb_NO] "))

    def test_a_volunteer_proposes_it_the_municipality_gets_it(self):
        self.add_member(self.volunteer)
        wish = (
            self.env["aktive.wish"]
            .with_user(self.volunteer_user)
            .create(
                {
                    "participant_id": self.participant.id,
                    "name": "Someone to help me shower",
                    "category_id": self.nursing.id,
                }
            )
        )
        self.assertTrue(wish.municipal_duty)
        activity = self.duty_activities()
        self.assertEqual(activity.user_id, self.municipal_user)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            activity.with_user(self.volunteer_user).read(["summary"])

    def test_without_a_contact_user_the_unit_then_the_coordinator(self):
        self.participant.municipal_contact_id = self.env["res.partner"].create(
            {"name": "Contact without a user"}
        )
        unit = self.env["aktive.municipal.unit"].create(
            {"name": "Home care", "user_ids": [Command.set(self.municipal_user.ids)]}
        )
        self.participant.municipal_unit_id = unit
        self.add_wish(category_id=self.nursing.id)
        self.assertEqual(self.duty_activities().user_id, self.municipal_user)
        unit.user_ids = False
        self.add_wish(category_id=self.nursing.id, name="TT card")
        self.assertEqual(
            self.duty_activities().mapped("user_id"), self.municipal_user | self.coordinator
        )


@tagged("post_install", "-at_install")
class TestMunicipalDutyPdf(HttpCase):
    """The real PDF: ten duties with the longest agreements still make one page."""

    # The PDF helpers of the contact form's own PDF tests (not its tests).
    pdf = test_contact_form_pdf.TestContactFormPdf.pdf
    poppler = staticmethod(poppler)
    pages = test_contact_form_pdf.TestContactFormPdf.pages

    def setUp(self):
        super().setUp()
        # wkhtmltopdf loads the report's CSS from this test server.
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())

    def test_ten_duties_still_one_page(self):
        participant = self.env["aktive.participant"].create(
            {"name": "Astrid Duty", "consent_given": True, "consent_date": "2026-01-05"}
        )
        self.env["aktive.wish"].create(
            [
                {
                    "participant_id": participant.id,
                    "name": f"Ønske {i}: hjelp til å dusje og ta medisinene mine hver morgen",
                    "category_id": self.env.ref("aktive_sammen_addon.wish_category_nursing").id,
                    "agreement": "Hjemmesykepleien kommer morgen og kveld, " * 10,
                }
                for i in range(10)
            ]
        )
        path = self.pdf(participant)
        self.assertEqual(self.pages(path)[0], 1)
        text = " ".join(self.poppler("pdftotext", path).split())
        self.assertEqual(text.count("Municipality's responsibility"), 10)
