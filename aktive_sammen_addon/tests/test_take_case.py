"""Taking a case (models/aktive_participant_take.py): a need the municipality reports gives
every coordinator a to-do; the one who takes the case becomes its coordinator, the others'
to-dos are closed, and the municipal contact who reported it is told who took it and when, in
their own language (README row C5)."""

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..models.aktive_groups import COORDINATORS
from .common import AktiveCase

REPORTED = "aktive_sammen_addon.mail_activity_type_need_reported"


@tagged("post_install", "-at_install")
class TestTakeCase(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_units()
        cls.second = new_test_user(cls.env, login="aktive_second_coordinator", groups=COORDINATORS)

    def reported(self):
        self.env.invalidate_all()
        case = (
            self.env["aktive.participant"]
            .with_user(self.municipal_user)
            .create({"name": "Gunnar Test", "need_description": "Sitter mye alene"})
        )
        return case.with_user(self.coordinator)

    def todos(self, case):
        return case.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(REPORTED)
        )

    def told(self, case):
        """The notifications to the reporter that the case was taken (the new coordinator's
        notice, an activity of models/aktive_notice.py, is another channel)."""
        env = case._aktive_in_text_lang(self.municipal_user).env
        return self.env["mail.message"].search(
            [
                ("model", "=", case._name),
                ("res_id", "=", case.id),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", self.municipal_user.partner_id.ids),
                ("body", "ilike", "Gunnar Test"),
                ("subject", "=", env._("%(name)s has a coordinator", name=case.name)),
            ]
        )

    def test_c5_the_coordinator_takes_a_reported_case(self):
        case = self.reported()
        self.assertIn(self.second, self.todos(case).user_id, "every coordinator has a to-do")
        case.action_take_case()
        self.assertEqual(case.coordinator_id, self.coordinator)
        self.assertFalse(self.todos(case), "the other coordinators' to-dos are closed")
        done = case.sudo().message_ids.filtered(lambda m: "took the case" in str(m.body))
        self.assertTrue(done, "closed with who took it, in the case's log")
        [notice] = self.told(case)
        self.assertIn(self.coordinator.name, str(notice.body))
        self.assertIn("Gunnar Test", str(notice.body))
        # the reporter reads it (their Inbox), the other coordinator is not told
        Mail = self.env["mail.message"].with_user(self.municipal_user)
        self.assertEqual(Mail.search([("id", "=", notice.id)]), notice)
        self.assertNotIn(self.second.partner_id, notice.partner_ids)

    def test_c5_the_reporter_is_told_in_their_language(self):
        self.env["res.lang"]._activate_lang("nb_NO")
        self.municipal_user.lang = "nb_NO"
        self.coordinator.lang = "en_US"
        case = self.reported()
        case.action_take_case()
        expected = (
            self.env(context={"lang": "nb_NO"})
            ._(
                "%(coordinator)s took the case of %(name)s on %(date)s.",
                coordinator=self.coordinator.name,
                name="Gunnar Test",
                date="DATE",
            )
            .split("DATE")[0]
        )
        self.assertNotIn("took the case", expected, "a bokmål text exists")
        self.assertIn(expected, str(self.told(case).body))

    def test_c5_a_taken_case_is_not_taken_twice(self):
        case = self.reported()
        case.action_take_case()
        with self.assertRaisesRegex(UserError, "already"):
            case.with_user(self.second).action_take_case()
        self.assertEqual(case.coordinator_id, self.coordinator)
        case.action_take_case()  # taking one's own case again changes nothing
        self.assertEqual(len(self.told(case)), 1)

    def test_c5_only_a_coordinator_takes_a_case(self):
        case = self.reported()
        with self.assertRaises(AccessError):
            case.with_user(self.municipal_user).action_take_case()
        staff = self.new_staff_volunteer("aktive_staff_volunteer", case)
        with self.assertRaises(AccessError):
            case.with_user(staff).action_take_case()
        self.assertFalse(case.coordinator_id)
        self.assertEqual(len(self.todos(case)), len(self.todos(case).user_id))

    def test_c5_a_referrer_outside_the_database_is_not_mailed(self):
        self.participant.write({"coordinator_id": False, "referrer_id": self.relative.id})
        self.participant.with_user(self.coordinator).action_take_case()
        self.assertEqual(self.participant.coordinator_id, self.coordinator)
        notices = self.env["mail.message"].search(
            [
                ("model", "=", "aktive.participant"),
                ("res_id", "=", self.participant.id),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", self.relative.ids),
            ]
        )
        self.assertFalse(notices)
