from datetime import timedelta

from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SIGNED
from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestNetworkMember(AktiveCase):
    def test_volunteer_needs_a_signed_declaration(self):
        with self.assertRaisesRegex(ValidationError, "confidentiality declaration"):
            self.add_member(self.volunteer_unsigned)
        self.volunteer_unsigned.aktive_confidentiality_date = self.today
        with self.assertRaisesRegex(ValidationError, "attach the signed document"):
            self.add_member(self.volunteer_unsigned)
        self.volunteer_unsigned.aktive_confidentiality_document = SIGNED
        member = self.add_member(self.volunteer_unsigned)
        self.assertEqual(member.member_kind, "volunteer")

    def test_relabelling_a_volunteer_is_no_way_round_the_declaration(self):
        for kind in ("own", "organisation"):
            with (
                self.subTest(kind=kind),
                self.assertRaisesRegex(ValidationError, "confidentiality declaration"),
            ):
                self.add_member(self.volunteer_unsigned, member_kind=kind)

    def test_anyone_who_can_log_in_needs_a_declaration(self):
        """A member with a login reads the case: a user's contact is no 'own network' loophole."""
        colleague = self.municipal_user.partner_id
        self.assertFalse(colleague.is_aktive_volunteer)
        with self.assertRaisesRegex(ValidationError, "confidentiality declaration"):
            self.add_member(colleague, member_kind="own")
        self.assertEqual(self.add_member(self.relative).member_kind, "own", "relatives need none")

    def test_registering_a_member_as_volunteer_needs_the_declaration(self):
        self.add_member(self.relative, member_kind="own")
        with self.assertRaisesRegex(ValidationError, "confidentiality declaration"):
            self.relative.is_aktive_volunteer = True
        self.relative.write(
            {
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": self.today,
                "aktive_confidentiality_document": SIGNED,
            }
        )
        self.assertTrue(self.relative.is_aktive_volunteer)

    def test_declaration_cannot_be_removed_during_an_assignment(self):
        self.add_member(self.volunteer)
        with self.assertRaisesRegex(ValidationError, "cannot be removed"):
            self.volunteer.aktive_confidentiality_date = False

    def test_kind_follows_the_contact(self):
        self.assertEqual(self.add_member(self.volunteer).member_kind, "volunteer")
        self.assertEqual(self.add_member(self.organisation).member_kind, "organisation")
        self.assertEqual(self.add_member(self.relative).member_kind, "own")

    def test_end_date_not_before_start(self):
        with self.assertRaisesRegex(ValidationError, "end date is before the start date"):
            self.add_member(
                self.relative, date_start=self.today, date_end=self.today - timedelta(days=1)
            )

    def test_not_a_member_of_own_network(self):
        with self.assertRaisesRegex(ValidationError, "own network"):
            self.add_member(self.participant.partner_id)

    def test_ending_keeps_the_history(self):
        member = self.add_member(self.volunteer, date_start=self.today - timedelta(days=60))
        with self.assertRaisesRegex(UserError, "end the assignment instead"):
            member.unlink()
        member.action_end()
        self.assertFalse(member.active)
        self.assertEqual(member.date_end, self.today)
        self.assertTrue(member.exists())
        self.assertEqual(self.volunteer.aktive_assignment_count, 0)

    def test_an_assignment_ends_by_itself_after_its_end_date(self):
        start, yesterday = self.today - timedelta(days=60), self.today - timedelta(days=1)
        past = self.add_member(self.volunteer, date_start=start, date_end=yesterday)
        today = self.add_member(self.relative, date_start=start, date_end=self.today)
        open_ended = self.add_member(self.organisation, date_start=start)
        self.assertEqual(self.volunteer.aktive_assignment_count, 1)
        ended = self.env["aktive.network.member"]._cron_end_assignments()
        self.assertEqual(ended, past)
        self.assertFalse(past.active)
        self.assertEqual(past.date_end, yesterday, "the planned date is kept")
        self.assertTrue(today.active and open_ended.active)
        self.assertEqual(self.volunteer.aktive_assignment_count, 0)
        cron = self.env.ref("aktive_sammen_addon.ir_cron_end_assignments")
        self.assertTrue(cron.active)
        self.assertEqual(cron.model_id.model, "aktive.network.member")

    def test_a_member_added_by_mistake_today_can_be_deleted(self):
        member = self.add_member(self.relative)
        member.unlink()
        self.assertFalse(member.exists())

    def test_assignment_count_on_the_volunteer(self):
        other = self.env["aktive.participant"].create({"name": "Inger Test"})
        self.add_member(self.volunteer)
        self.add_member(self.volunteer, participant=other)
        self.assertEqual(self.volunteer.aktive_assignment_count, 2)

    def test_warning_list_of_missing_declarations(self):
        Partner = self.env["res.partner"]
        missing = Partner.search(
            [("is_aktive_volunteer", "=", True), ("aktive_declaration_missing", "=", True)]
        )
        self.assertIn(self.volunteer_unsigned, missing)
        self.assertNotIn(self.volunteer, missing)
        signed = Partner.search([("aktive_declaration_missing", "=", False)])
        self.assertIn(self.volunteer, signed)
        self.assertNotIn(self.volunteer_unsigned, signed)
        action = self.env.ref("aktive_sammen_addon.res_partner_action_aktive_declaration_missing")
        self.assertIn("aktive_declaration_missing", action.domain)
