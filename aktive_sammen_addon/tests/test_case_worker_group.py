"""The technical group of the case workers, `group_aktive_case_worker`
(security/aktive_security.xml; CASE_WORKERS in models/aktive_groups.py): given by the
coordinator's and the municipal contact's groups, never by hand, offered on no user form,
taken away with the group that gave it; and the views that name it
(views/aktive_participant_views.xml, views/aktive_health_terms_views.xml): its fields and
buttons are the case workers', not the volunteers'. The unit form's agreements
(views/aktive_cooperation_agreement_views.xml) are proved in test_aktive_municipal_unit.py."""

from lxml import etree
from odoo import Command
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..models.aktive_groups import CASE_WORKERS
from ..models.aktive_groups import COORDINATORS
from ..models.aktive_groups import MUNICIPAL
from .common import AktiveCase

PARTICIPANT = "aktive.participant"

# What the participant's views show case workers only, by view type: (tag, name).
CASE_WORKER_NODES = {
    "form": {
        ("page", "person"),
        ("page", "followups"),
        ("page", "sensitive"),
        ("div", "loneliness"),
        ("field", "consent_given"),
        ("field", "network_vulnerable"),
        ("field", "days_in_step"),
        ("field", "contact_form_changed"),
        ("field", "health_terms_found"),
        ("button", "action_give_consent"),
        ("button", "action_withdraw_consent"),
        ("chatter", None),
    },
    "search": {
        ("filter", "followup_overdue"),
        ("filter", "group_target"),
        ("filter", "group_referral"),
    },
    "kanban": {
        ("field", "followup_status"),
        ("field", "contact_form_changed"),
        ("progressbar", None),
    },
}


def nodes(arch):
    """(tag, name) of every element of a view's arch."""
    return {(node.tag, node.get("name")) for node in etree.fromstring(arch).iter()}


@tagged("post_install", "-at_install")
class TestCaseWorkerGroup(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_worker = cls.env.ref(CASE_WORKERS)
        cls.staff_volunteer = cls.new_staff_volunteer("aktive_staff_volunteer_cw")
        # The portal volunteer reads the case as a member of its network.
        cls.env["aktive.network.member"].create(
            {"participant_id": cls.participant.id, "partner_id": cls.volunteer.id}
        )
        cls.unit = cls.env["aktive.municipal.unit"].create(
            {"name": "Home care test", "user_ids": [Command.set(cls.municipal_user.ids)]}
        )
        cls.participant.write({"municipal_unit_id": cls.unit.id})

    def read_as(self, user, names):
        self.env.invalidate_all()
        return self.participant.with_user(user).read(names)[0]

    # --- who has it ---------------------------------------------------------------------------

    def test_coordinators_municipal_contacts_and_admins_have_it_implied(self):
        for role in ("municipal", "coordinator", "admin"):
            user = self.roles[role]
            with self.subTest(role=role):
                self.assertTrue(user.has_group(CASE_WORKERS))
                self.assertIn(self.case_worker, user.all_group_ids)
                self.assertNotIn(self.case_worker, user.group_ids, "implied, not given")

    def test_it_is_given_by_the_two_groups_only_and_to_no_one_by_hand(self):
        self.assertEqual(
            self.case_worker.implied_by_ids, self.env.ref(MUNICIPAL) | self.env.ref(COORDINATORS)
        )
        # Nobody holds it explicitly, demo users and the administrator included.
        self.assertFalse(self.case_worker.with_context(active_test=False).user_ids)
        demo = self.env.ref("aktive_sammen_addon.user_hilde_demo")
        self.assertTrue(demo.has_group(CASE_WORKERS))

    def test_volunteers_do_not_have_it(self):
        for user in (self.volunteer_user, self.staff_volunteer):
            with self.subTest(user=user.login):
                self.assertFalse(user.has_group(CASE_WORKERS))
                self.assertNotIn(self.case_worker, user.all_group_ids)
                self.assertTrue(user.has_group("aktive_sammen_addon.group_aktive_volunteer"))

    def test_it_is_offered_on_no_user_form(self):
        self.assertFalse(self.case_worker.privilege_id)
        privilege = self.env.ref("aktive_sammen_addon.res_groups_privilege_aktive")
        self.assertEqual(
            set(privilege.group_ids.get_external_id().values()),
            {
                f"aktive_sammen_addon.group_aktive_{name}"
                for name in ("volunteer", "municipal", "coordinator", "admin")
            },
        )
        # What the user form's selections are built from.
        hierarchy = self.env["res.groups"]._get_view_group_hierarchy()
        offered = {gid for p in hierarchy["privileges"].values() for gid in p["group_ids"]}
        self.assertNotIn(self.case_worker.id, offered)
        self.assertIn(self.env.ref(COORDINATORS).id, offered)

    # --- taken away with the group that gave it -----------------------------------------------

    def test_removing_the_coordinator_group_removes_the_case_work_at_once(self):
        user = new_test_user(
            self.env, login="aktive_former_coordinator", groups="base.group_user," + COORDINATORS
        )
        self.participant.coordinator_id = user
        self.assertTrue(user.has_group(CASE_WORKERS))
        self.assertIn("consent_given", self.read_as(user, ["consent_given"]))
        user.write({"group_ids": [Command.unlink(self.env.ref(COORDINATORS).id)]})
        self.assertFalse(user.has_group(CASE_WORKERS))
        self.assertNotIn(self.case_worker, user.all_group_ids)
        with self.assertDenied("any", PARTICIPANT, "read", "field"):
            self.read_as(user, ["consent_given"])
        with self.assertDenied("any", PARTICIPANT, "search", "field"):
            self.env[PARTICIPANT].with_user(user).search([("consent_given", "=", True)])

    def test_a_coordinator_who_is_also_a_municipal_contact_keeps_it(self):
        user = new_test_user(
            self.env,
            login="aktive_both_roles",
            groups=f"base.group_user,{COORDINATORS},{MUNICIPAL}",
        )
        user.write({"group_ids": [Command.unlink(self.env.ref(COORDINATORS).id)]})
        self.assertFalse(user.has_group(COORDINATORS))
        self.assertTrue(user.has_group(CASE_WORKERS))
        user.write({"group_ids": [Command.unlink(self.env.ref(MUNICIPAL).id)]})
        self.assertFalse(user.has_group(CASE_WORKERS))

    def test_the_case_workers_fields_are_theirs(self):
        names = ["name", "consent_given"]
        for user in (self.municipal_user, self.coordinator, self.admin_user):
            with self.subTest(user=user.login):
                values = self.read_as(user, names)
                self.assertEqual(values["name"], "Arne Test")
                self.assertFalse(values["consent_given"])
        for user in (self.volunteer_user, self.staff_volunteer):
            with self.subTest(user=user.login):
                self.assertEqual(self.read_as(user, ["name"])["name"], "Arne Test")
                with self.assertDenied("volunteer", PARTICIPANT, "read", "field"):
                    self.read_as(user, names)
                self.assertNotIn(
                    "consent_given", self.env[PARTICIPANT].with_user(user).fields_get()
                )

    # --- the views ----------------------------------------------------------------------------

    def participant_views(self, user):
        self.env.invalidate_all()
        Participant = self.env[PARTICIPANT].with_user(user)
        views = Participant.get_views([(False, kind) for kind in CASE_WORKER_NODES])["views"]
        return {kind: nodes(views[kind]["arch"]) for kind in CASE_WORKER_NODES}

    def test_the_views_show_its_parts_to_case_workers(self):
        for user in (self.municipal_user, self.coordinator):
            views = self.participant_views(user)
            for kind, expected in CASE_WORKER_NODES.items():
                with self.subTest(user=user.login, view=kind):
                    self.assertLessEqual(expected, views[kind])

    def test_the_views_hide_its_parts_from_staff_volunteers(self):
        views = self.participant_views(self.staff_volunteer)
        for kind, expected in CASE_WORKER_NODES.items():
            with self.subTest(view=kind):
                self.assertFalse(expected & views[kind])
        # What is not the case workers' stays: the same views, without their parts.
        self.assertLessEqual(
            {("field", "name"), ("page", "conversation"), ("page", "network")}, views["form"]
        )
        self.assertIn(("filter", "network_vulnerable"), views["search"])
