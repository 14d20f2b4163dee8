"""The municipality's side of the method (issue 15): a municipal contact person reports a
need (step 1), follows the case within their role, and receives the volunteers' worries about
health as activities on health notes - never readable by the volunteer, nor by the
coordinator without the person's consent (models/aktive_participant_need.py,
models/aktive_sensitive_note_report.py)."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..models.aktive_groups import COORDINATORS
from .common import AktiveCase

WORRY = "Har falt to ganger denne uka"


@tagged("post_install", "-at_install")
class TestMunicipalPath(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_units()
        cls.participant.municipal_contact_id = cls.municipal_user.partner_id
        cls.add_member(cls, cls.volunteer)

    def as_municipal(self, model="aktive.participant"):
        self.env.invalidate_all()
        return self.env[model].with_user(self.municipal_user)

    def report(self, **vals):
        return self.as_municipal().create({"name": "Gunnar Test", **vals})

    def coordinators_of_company(self):
        users = self.env.ref(COORDINATORS).all_user_ids
        return users.filtered(lambda u: u.active and self.env.company in u.company_ids)

    # --- 1. report a need -----------------------------------------------------------------
    def test_report_a_need_by_name_alone(self):
        case = self.report()
        self.assertEqual(case.stage_id, self.stages[0])
        self.assertEqual(case.state, "active")
        self.assertFalse(case.coordinator_id, "the coordinators take it on")
        self.assertEqual(case.municipal_unit_id, self.unit, "the reporter's only unit")
        self.assertEqual(case.municipal_contact_id, self.municipal_user.partner_id)
        self.assertEqual(case.sudo().referrer_id, self.municipal_user.partner_id)
        card = case.sudo().partner_id
        self.assertEqual(card.name, "Gunnar Test")
        self.assertTrue(card.aktive_private_card, "the card follows the case's rules")

    def test_report_a_need_with_the_short_form(self):
        case = self.report(
            phone="900 12 345",
            street="Moseidveien 3",
            city="Vennesla",
            referral_source="home_care",
            need_description="Sitter mye alene etter at kona døde",
            municipal_unit_id=self.other_unit.id,
        )
        card = case.sudo().partner_id
        self.assertEqual(
            (card.phone, card.street, card.city), ("900 12 345", "Moseidveien 3", "Vennesla")
        )
        self.assertEqual(case.municipal_unit_id, self.other_unit, "as its contact person")
        self.assertEqual(case.need_description, "Sitter mye alene etter at kona døde")
        # and the phone is theirs to correct later, on the case's own card
        case.phone = "900 99 999"
        self.assertEqual(card.phone, "900 99 999")

    def test_staff_of_two_units_names_the_unit(self):
        self.other_unit.user_ids = self.municipal_user
        case = self.report()
        self.assertFalse(case.municipal_unit_id, "which of the two is theirs to say")
        self.assertEqual(case.municipal_contact_id, self.municipal_user.partner_id)
        case = self.report(name="Inger Test", municipal_unit_id=self.other_unit.id)
        self.assertEqual(case.municipal_unit_id, self.other_unit)

    def test_a_need_starts_in_step_one(self):
        case = self.report(stage_id=self.stages[1].id)
        self.assertEqual(case.stage_id, self.stages[0])

    def test_every_coordinator_of_the_company_gets_an_activity(self):
        other_company = self.env["res.company"].create({"name": "Other kommune"})
        elsewhere = new_test_user(
            self.env,
            login="aktive_coordinator_elsewhere",
            groups=COORDINATORS,
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        case = self.report(need_description="Trenger noen å gå tur med")
        activities = case.sudo().activity_ids
        expected = self.coordinators_of_company()
        self.assertIn(self.coordinator, expected)
        self.assertEqual(activities.user_id, expected)
        self.assertEqual(len(activities), len(expected), "one each")
        self.assertNotIn(elsewhere, activities.user_id)
        self.assertNotIn(self.municipal_user, activities.user_id)
        self.assertEqual(
            activities.activity_type_id,
            self.env.ref("aktive_sammen_addon.mail_activity_type_need_reported"),
        )
        self.assertIn("Trenger noen å gå tur med", str(activities[0].note))

    def test_the_summary_is_in_the_coordinators_language(self):
        self.env["res.lang"]._activate_lang("nb_NO")
        self.municipal_user.lang = "en_US"
        self.coordinator.lang = "nb_NO"
        case = self.report()
        activity = case.sudo().activity_ids.filtered(lambda a: a.user_id == self.coordinator)
        expected = self.env(context={"lang": "nb_NO"})._(
            "Need reported by %(reporter)s: take the case on", reporter=self.municipal_user.name
        )
        self.assertEqual(activity.summary, expected)

    def test_the_reporter_follows_the_case_through_the_steps(self):
        case = self.report()
        self.assertIn(self.municipal_user.partner_id, case.sudo().message_partner_ids)
        case.sudo().coordinator_id = self.coordinator
        self.move_to(case.with_user(self.coordinator), 1)
        mine = self.as_municipal().browse(case.id)
        self.assertEqual(mine.stage_id, self.stages[1])
        self.assertTrue(mine.message_ids, "and reads the case log")
        with self.assertRaises(AccessError):
            mine.stage_id = self.stages[0]

    # --- 1. denials -----------------------------------------------------------------------------
    def test_reporter_cannot_report_into_another_unit(self):
        other_contact = self.env["res.partner"].create({"name": "NAV Contact"})
        with self.assertRaises(AccessError) as caught:
            self.report(
                name="Not Mine",
                municipal_unit_id=self.other_unit.id,
                municipal_contact_id=other_contact.id,
            )
        self.assertNotIn("aktive.", str(caught.exception), "a plain reason, no technical name")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Not Mine")]))

    def test_reporter_cannot_pick_an_existing_contact_or_a_coordinator(self):
        with self.assertRaises(AccessError):
            self.report(partner_id=self.relative.id)
        with self.assertRaises(AccessError):
            self.report(coordinator_id=self.coordinator.id)
        self.assertFalse(self.relative.aktive_participant_ids)

    def test_reporter_cannot_create_other_contacts(self):
        """The card of a reported need is made as superuser; any other contact is not."""
        with self.assertRaises(AccessError):
            self.as_municipal("res.partner").create({"name": "Free Contact"})
        with self.assertRaises(AccessError):
            self.as_municipal("res.partner").browse(self.relative.id).phone = "1"

    def test_reporter_cannot_change_a_card_of_another_unit(self):
        foreign = self.env["aktive.participant"].create(
            {"name": "Foreign Test", "municipal_unit_id": self.other_unit.id}
        )
        with self.assertRaises(AccessError):
            self.as_municipal().browse(foreign.id).phone = "1"
        self.assertFalse(foreign.partner_id.phone)

    def test_refusals_the_reporter_meets_are_plain(self):
        """Item 7: what a municipal contact person can run into on their screens is refused
        with a reason in words, never an access error naming a model."""
        case = self.report()
        mine = self.as_municipal().browse(case.id)
        attempts = {
            "another unit": lambda: self.report(
                municipal_unit_id=self.other_unit.id, municipal_contact_id=self.relative.id
            ),
            "an existing contact": lambda: self.report(partner_id=self.relative.id),
            "a coordinator": lambda: self.report(coordinator_id=self.coordinator.id),
            "a step back (the board)": lambda: mine.write({"stage_id": self.stages[0].id}),
            "the coordinator of the case": lambda: mine.write(
                {"coordinator_id": self.coordinator.id}
            ),
        }
        mine.sudo().stage_id = self.stages[1]
        for what, attempt in attempts.items():
            with self.subTest(what), self.assertRaises(AccessError) as caught:
                attempt()
            message = str(caught.exception)
            self.assertNotIn("aktive.", message)
            self.assertNotIn("You are not allowed", message)

    def test_the_short_form_has_the_input_limits(self):
        with self.assertRaises(ValidationError):
            self.report(phone="9" * 1000)
        with self.assertRaises(ValidationError):
            self.report(street=["not", "a", "street"])
        case = self.report()
        with self.assertRaises(ValidationError):
            self.as_municipal().browse(case.id).city = "x" * 100_000

    def test_volunteer_cannot_report_a_need(self):
        Participant = self.env["aktive.participant"].with_user(self.volunteer_user)
        with self.assertRaises(AccessError):
            Participant.create({"name": "Volunteer Made"})
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Volunteer Made")]))

    # --- 3. reports back: the volunteers' worries ---------------------------------------------
    def worry(self, participant=None):
        Note = self.env["aktive.sensitive.note"].with_user(self.volunteer_user)
        return Note._aktive_report_worry(
            participant or self.participant, self.volunteer_user, WORRY
        )

    def test_a_worry_is_an_activity_for_the_municipal_contact(self):
        note = self.worry()
        self.assertEqual((note.kind, note.volunteer_report), ("health", True))
        self.assertEqual(note.author_id, self.volunteer_user)
        self.assertEqual(note.activity_ids.user_id, self.municipal_user)
        self.assertEqual(
            note.activity_ids.activity_type_id,
            self.env.ref("aktive_sammen_addon.mail_activity_type_volunteer_worry"),
        )
        # (the case's own notices of the new contact person aside: models/aktive_notice.py)
        notice = self.env.ref("aktive_sammen_addon.mail_activity_type_notice")
        on_case = self.participant.activity_ids.filtered(lambda a: a.activity_type_id != notice)
        self.assertFalse(on_case, "nothing on the case itself")
        Note = self.as_municipal("aktive.sensitive.note")
        mine = Note.search([("volunteer_report", "=", True)])
        self.assertEqual(mine, note, "in one list")
        self.assertIn(WORRY, mine.activity_ids.note)
        mine.activity_ids.action_feedback(feedback="Ringte datteren")
        self.assertFalse(note.activity_ids)

    def test_a_worry_goes_to_the_unit_staff_without_a_contact_user(self):
        self.participant.municipal_contact_id = self.relative
        note = self.worry()
        self.assertEqual(note.activity_ids.user_id, self.municipal_user)

    def test_nobody_else_reads_the_worry(self):
        note = self.worry()
        self.env.invalidate_all()
        for user in (self.volunteer_user, self.coordinator):
            with self.subTest(user=user.login):
                Message = self.env["mail.message"].with_user(user)
                self.assertFalse(Message.search([("body", "ilike", WORRY)]))
                with self.assertRaises(AccessError):
                    self.env["aktive.sensitive.note"].with_user(user).browse(note.id).read(["note"])
                Activity = self.env["mail.activity"].with_user(user)
                try:
                    found = Activity.search([("note", "ilike", WORRY)])
                except AccessError:  # a portal volunteer reads no activity at all
                    found = Activity
                self.assertFalse(found)

    def test_with_consent_the_coordinator_reads_the_note_not_its_activity(self):
        self.participant.sudo().consent_given = True
        self.participant.with_user(self.municipal_user).consent_share_coordinator = True
        note = self.worry()
        self.env.invalidate_all()
        shared = self.env["aktive.sensitive.note"].with_user(self.coordinator).browse(note.id)
        self.assertEqual(shared.note, WORRY)
        with self.assertRaises(AccessError):
            shared.read(["activity_ids"])
