"""The activity catalogue: models/aktive_activity.py (the local offers a wish is met with),
its company rule ``aktive_activity_rule_company`` (security/aktive_rules.xml), its access
rights (security/ir.model.access.csv) and its form (views/aktive_activity_views.xml), role by
role.

Not again here: member search and the wish's link (test_configuration.py,
test_aktive_wish.py), ranking in the suggestions (test_matching.py), over-long texts
(test_bad_input.py), the menus and list of each role (test_views_per_role.py), the chatter
fields of every model (test_field_access_walk.py)."""

import contextlib

from lxml import etree
from odoo import Command
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AktiveCase

ACL = "acl"
# check_company's refusal (a UserError, not an AccessError)
CROSSOVER = "company inconsistencies"


class ActivityCase(AktiveCase):
    @contextlib.contextmanager
    def assertRefused(self, exception, says):
        """Refused with `exception` saying `says`; the savepoint of assertRaises undoes what
        the refused call wrote before it failed (assertRaisesRegex has none)."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(says, str(caught.exception))

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Activity = cls.env["aktive.activity"]
        cls.company_b = cls.env["res.company"].create({"name": "Iveland frivilligsentral"})
        cls.roles_b = {
            role: cls.new_role_user(f"activity_b_{role}", role, cls.company_b)
            for role in ("volunteer", "coordinator")
        }
        cls.lions = cls.Activity.create(
            {
                "name": "Lions meeting test",
                "organiser_id": cls.organisation.id,
                "contact_id": cls.relative.id,
                "place": "Lions hall",
                "area": "Moseidmoen",
                "schedule": "First Tuesday, 19:00",
                "category_ids": [Command.set(cls.category.ids)],
            }
        )
        cls.lions_b = cls.Activity.create(
            {"name": "Lions meeting Iveland", "company_id": cls.company_b.id}
        )
        cls.shared = cls.Activity.create({"name": "Regional choir test", "company_id": False})


@tagged("post_install", "-at_install")
class TestActivityFields(ActivityCase):
    def test_new_activity_is_active_and_in_the_current_company(self):
        activity = self.Activity.with_user(self.coordinator).create({"name": "Walking group"})
        self.assertTrue(activity.active)
        self.assertEqual(activity.company_id, self.env.company)
        in_b = (
            self.Activity.with_user(self.roles_b["coordinator"])
            .with_company(self.company_b)
            .create({"name": "Walking group"})
        )
        self.assertEqual(in_b.company_id, self.company_b, "the company the coordinator works in")

    def test_catalogue_is_in_alphabetical_order(self):
        names = ["Waffles test", "Choir test", "Knitting test"]
        created = self.Activity.create([{"name": name} for name in names])
        self.assertEqual(
            self.Activity.search([("id", "in", created.ids)]).mapped("name"), sorted(names)
        )

    def test_contact_phone_is_the_contact_persons(self):
        self.assertEqual(self.lions.contact_phone, "900 00 002")
        self.relative.phone = "911 11 111"
        self.assertEqual(self.lions.contact_phone, "911 11 111", "follows the contact card")
        self.lions.contact_id = self.organisation
        self.assertFalse(self.lions.contact_phone, "the organisation has no phone")
        self.assertTrue(self.Activity.fields_get(["contact_phone"])["contact_phone"]["readonly"])

    def test_renaming_is_in_the_activitys_log(self):
        self.cr.precommit.run()  # the creation's commit: changes after it are tracked
        self.lions.with_user(self.coordinator).name = "Lions club evening"
        self.env.flush_all()
        self.cr.precommit.run()  # tracking values are written when the transaction commits
        values = self.lions.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "name"
        )
        self.assertEqual(len(values), 1)
        self.assertEqual(values.old_value_char, "Lions meeting test")
        self.assertEqual(values.new_value_char, "Lions club evening")

    def test_organiser_and_contact_of_another_company_are_refused(self):
        """check_company: the catalogue of one centre never points at another's people."""
        foreign = self.env["res.partner"].create(
            {"name": "Iveland Lions", "company_id": self.company_b.id}
        )
        Activity = self.Activity.with_user(self.coordinator)
        for field in ("organiser_id", "contact_id"):
            with self.subTest(field=field):
                with self.assertRefused(UserError, CROSSOVER):
                    Activity.create({"name": "Crossover", field: foreign.id})
                with self.assertRefused(UserError, CROSSOVER):
                    Activity.browse(self.lions.id).write({field: foreign.id})
        self.env.invalidate_all()
        self.assertEqual(self.lions.organiser_id, self.organisation)
        self.assertFalse(self.Activity.search([("name", "=", "Crossover")]))
        # a contact card of no company fits every centre's catalogue
        anyone = self.env["res.partner"].create({"name": "Free agent", "company_id": False})
        self.assertEqual(
            Activity.create({"name": "Open", "organiser_id": anyone.id}).organiser_id, anyone
        )

    def test_a_wish_takes_only_an_activity_of_its_company_or_a_shared_one(self):
        case_b = self.env["aktive.participant"].create(
            {"name": "Iveland case", "company_id": self.company_b.id}
        )
        with self.assertRefused(UserError, CROSSOVER):
            self.add_wish(case_b, activity_id=self.lions.id)
        self.assertEqual(
            self.add_wish(case_b, activity_id=self.lions_b.id).activity_id, self.lions_b
        )
        wishes = self.add_wish(activity_id=self.shared.id) | self.add_wish(
            case_b, activity_id=self.shared.id
        )
        self.assertEqual(self.shared.wish_ids, wishes)


@tagged("post_install", "-at_install")
class TestActivityArchive(ActivityCase):
    def test_archived_activity_leaves_the_catalogue_but_not_the_wishes(self):
        wish = self.add_wish(activity_id=self.lions.id, state="agreed")
        self.assertIn(self.lions, [row[0] for row in wish._suggest_activities(50)])
        self.lions.with_user(self.coordinator).action_archive()
        self.assertFalse(self.lions.active)
        self.assertNotIn(self.lions, self.Activity.with_user(self.coordinator).search([]))
        self.assertNotIn(self.lions, [row[0] for row in wish._suggest_activities(50)])
        self.assertEqual(wish.activity_id, self.lions, "what was agreed stays on the wish")
        self.assertEqual(self.lions.wish_ids, wish)
        self.assertIn(
            self.lions,
            self.Activity.with_user(self.coordinator).search([("active", "=", False)]),
            "the Archived filter finds it",
        )
        self.lions.action_unarchive()
        self.assertIn(self.lions, [row[0] for row in wish._suggest_activities(50)])

    def test_coordinator_deletes_an_activity_others_cannot(self):
        spare = self.Activity.create({"name": "Spare test"})
        for role in ("volunteer", "municipal"):
            with self.subTest(role=role):
                with self.assertDenied(role, "aktive.activity", "unlink", ACL):
                    spare.with_user(self.roles[role]).unlink()
        self.assertTrue(spare.exists())
        spare.with_user(self.coordinator).unlink()
        self.assertFalse(spare.exists())

    def test_an_activity_wishes_were_met_with_is_archived_not_deleted(self):
        """Deleting it would empty the offer of agreed and fulfilled wishes, which cannot be
        deleted themselves: refused, with Archive named; an offer only proposed may go."""
        proposed = self.Activity.create({"name": "Proposed test"})
        self.add_wish(activity_id=proposed.id, state="clarifying")
        for state in ("agreed", "fulfilled"):
            with self.subTest(state=state):
                wish = self.add_wish(activity_id=self.lions.id, state=state)
                with self.assertRaises(UserError) as refused:
                    self.lions.with_user(self.coordinator).unlink()
                self.assertIn("archive", str(refused.exception))
                self.assertEqual(wish.activity_id, self.lions)
                wish.write({"state": "dropped", "drop_reason": "Moved away"})
        proposed.with_user(self.coordinator).unlink()
        self.assertFalse(proposed.exists())


@tagged("post_install", "-at_install")
class TestActivityAccess(ActivityCase):
    def test_every_role_reads_the_catalogue_of_its_company(self):
        for role in ("volunteer", "municipal", "coordinator"):
            with self.subTest(role=role):
                Activity = self.Activity.with_user(self.roles[role])
                found = Activity.search([("name", "like", "test")])
                self.assertIn(self.lions, found)
                self.assertIn(self.shared, found, "an activity of no company is everyone's")
                [data] = Activity.browse(self.lions.id).read(["name", "place", "schedule"])
                self.assertEqual(data["schedule"], "First Tuesday, 19:00")

    def test_another_companys_activity_is_not_seen(self):
        for users, own, foreign in (
            (self.roles, self.lions, self.lions_b),
            (self.roles_b, self.lions_b, self.lions),
        ):
            for role in ("volunteer", "coordinator"):
                with self.subTest(role=role, company=users[role].company_id.name):
                    Activity = self.Activity.with_user(users[role])
                    found = Activity.search([("name", "like", "Lions meeting")])
                    self.assertIn(own, found)
                    self.assertNotIn(foreign, found)
                    self.assertIn(self.shared, Activity.search([]))
                    self.assertNotIn(
                        foreign.id, [i for i, _name in Activity.name_search("Lions meeting")]
                    )
                    with self.assertDenied(role, "aktive.activity", "read", "record rule"):
                        Activity.browse(foreign.id).read(["name"])
        self.env.invalidate_all()
        rule = self.env.ref("aktive_sammen_addon.aktive_activity_rule_company")
        rule.active = False
        self.assertIn(
            self.lions_b,
            self.Activity.with_user(self.coordinator).search([]),
            "it is the company rule that hides it",
        )

    def test_volunteer_and_municipal_contact_cannot_change_the_catalogue(self):
        for role in ("volunteer", "municipal"):
            with self.subTest(role=role):
                Activity = self.Activity.with_user(self.roles[role])
                with self.assertDenied(role, "aktive.activity", "create", ACL):
                    Activity.create({"name": "My own club"})
                with self.assertDenied(role, "aktive.activity", "write", ACL):
                    Activity.browse(self.lions.id).write({"schedule": "Never"})
                with self.assertDenied(role, "aktive.activity", "write", ACL):
                    Activity.browse(self.lions.id).write(
                        {"member_ids": [Command.link(self.roles[role].partner_id.id)]}
                    )
                with self.assertDenied(role, "aktive.activity", "archive", ACL):
                    Activity.browse(self.lions.id).action_archive()
        self.env.invalidate_all()
        self.assertEqual(self.lions.schedule, "First Tuesday, 19:00")
        self.assertFalse(self.lions.member_ids)
        self.assertTrue(self.lions.active)
        self.assertFalse(self.Activity.search([("name", "=", "My own club")]))

    def test_coordinator_manages_the_catalogue(self):
        Activity = self.Activity.with_user(self.coordinator)
        waffles = Activity.create(
            {"name": "Waffles test", "member_ids": [Command.set(self.volunteer.ids)]}
        )
        waffles.write({"schedule": "Thursdays 14:00", "contact_id": self.relative.id})
        self.assertEqual(waffles.schedule, "Thursdays 14:00")
        self.assertEqual(waffles.contact_phone, "900 00 002")
        self.assertEqual(waffles.member_ids, self.volunteer)
        with self.assertDenied("coordinator", "aktive.activity", "write", "record rule"):
            Activity.browse(self.lions_b.id).write({"name": "Taken over"})
        self.assertEqual(self.lions_b.name, "Lions meeting Iveland")


@tagged("post_install", "-at_install")
class TestActivityForm(ActivityCase):
    def _form(self, user):
        Activity = self.Activity.with_user(user)
        views = Activity.get_views([[False, "form"]])
        return Activity, etree.fromstring(views["views"]["form"]["arch"]), views["models"]

    def test_the_log_is_on_the_coordinators_form_only(self):
        staff = self.new_staff_volunteer("activity_staff_volunteer")
        for user, has_log in (
            (staff, False),
            (self.municipal_user, False),
            (self.coordinator, True),
        ):
            with self.subTest(user=user.login):
                _Activity, arch, _models = self._form(user)
                self.assertEqual(bool(arch.findall(".//chatter")), has_log)
                names = {f.get("name") for f in arch.iter("field")}
                self.assertLessEqual({"name", "place", "schedule", "contact_phone"}, names)

    def test_form_loads_for_each_role_with_only_their_wishes(self):
        """The form as the web client reads it; its Wishes page lists only the wishes of the
        cases the user may see."""
        staff = self.new_staff_volunteer("activity_staff_volunteer")
        own = self.add_wish(activity_id=self.lions.id)
        stranger = self.env["aktive.participant"].create({"name": "Someone else"})
        self.add_wish(stranger, activity_id=self.lions.id)
        self.assertEqual(len(self.lions.wish_ids), 2)
        for user, expected in ((staff, own), (self.coordinator, self.lions.wish_ids)):
            with self.subTest(user=user.login):
                self.env.invalidate_all()  # the superuser's cache holds every wish
                Activity, _arch, models = self._form(user)
                spec = {name: {} for name in models["aktive.activity"]["fields"]}
                for name in ("organiser_id", "contact_id"):
                    spec[name] = {"fields": {"display_name": {}}}
                spec["wish_ids"] = {"fields": {"name": {}, "state": {}, "participant_id": {}}}
                [data] = Activity.browse(self.lions.id).web_read(spec)
                self.assertEqual(data["organiser_id"]["display_name"], "Lions Test")
                self.assertEqual({w["id"] for w in data["wish_ids"]}, set(expected.ids))


@tagged("post_install", "-at_install")
class TestActivityBadInput(ActivityCase):
    def test_wrong_values_are_refused_with_the_field_named(self):
        """A script or RPC call sending the wrong type gets the field's name back, not a
        database error; nothing is created and the record reads as before."""
        cases = [
            ({"organiser_id": "lions"}, "Organiser"),
            ({"contact_id": -1}, "Contact"),
            ({"contact_id": 2**31}, "Contact"),
            ({"active": "no"}, "Active"),
            ({"schedule": ["Monday", "Friday"]}, "Schedule"),
            ({"area": True}, "Area"),
            ({"price": 50}, "price"),
        ]
        Activity = self.Activity.with_user(self.coordinator)
        count = self.Activity.with_context(active_test=False).search_count([])
        for vals, says in cases:
            with self.subTest(vals=vals):
                with self.assertRefused(ValidationError, says):
                    Activity.create({"name": "Bad input test", **vals})
                with self.assertRefused(ValidationError, says):
                    Activity.browse(self.lions.id).write(vals)
        self.assertEqual(self.Activity.with_context(active_test=False).search_count([]), count)
        self.env.invalidate_all()
        self.assertEqual(self.lions.contact_id, self.relative)
        self.assertEqual(self.lions.schedule, "First Tuesday, 19:00")
        self.assertEqual(self.lions.area, "Moseidmoen")
        self.assertTrue(self.lions.active)

    def test_contact_phone_cannot_change_the_contact_card(self):
        self.lions.with_user(self.coordinator).write({"contact_phone": "555"})
        self.env.invalidate_all()
        self.assertEqual(self.relative.phone, "900 00 002")
        self.assertEqual(self.lions.contact_phone, "900 00 002")
