import importlib.util
import os
import subprocess
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import TransactionCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..models.aktive_groups import VOLUNTEER
from .common import SIGNED


@tagged("post_install", "-at_install")
class TestVolunteerPortal(HttpCase):
    """The volunteers' pages under /my, as a portal volunteer: their own people only, bad
    input refused with a message and nothing saved, never a 500. (Portal access and the
    conversion of volunteers: models/res_users.py, wizard/portal_wizard_user.py.)"""

    def setUp(self):
        super().setUp()
        self.user = new_test_user(
            self.env,
            login="portal_volunteer",
            groups="base.group_portal," + VOLUNTEER,
            name="Portal Volunteer",
        )
        self.user.partner_id.write(
            {
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": "2026-01-01",
                "aktive_confidentiality_document": SIGNED,
                "aktive_area": "Moseidmoen",
            }
        )
        self.coordinator = new_test_user(
            self.env,
            login="portal_coordinator",
            groups="aktive_sammen_addon.group_aktive_coordinator",
        )
        self.hilde = self.env["res.partner"].create(
            {"name": "Hilde Contact", "phone": "38 00 00 01"}
        )
        Participant = self.env["aktive.participant"]
        self.mine = Participant.create(
            {
                "name": "Helped Person",
                "phone": "900 11 222",
                "street": "Storgata 1",
                "city": "Vennesla",
                "coordinator_id": self.coordinator.id,
                "municipal_contact_id": self.hilde.id,
            }
        )
        self.other = Participant.create({"name": "Someone Else", "phone": "900 33 444"})
        self.member = self.env["aktive.network.member"].create(
            {"participant_id": self.mine.id, "partner_id": self.user.partner_id.id}
        )
        self.authenticate("portal_volunteer", "portal_volunteer")

    def post_log(self, participant, **data):
        data.setdefault("csrf_token", self._csrf)
        return self.url_open(f"/my/aktive/person/{participant.id}/log", data=data)

    @property
    def _csrf(self):
        page = self.url_open(f"/my/aktive/person/{self.mine.id}").text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def logs(self):
        return self.env["aktive.contact.log"].search([("user_id", "=", self.user.id)])

    def test_person_page_shows_what_the_volunteer_needs(self):
        response = self.url_open(f"/my/aktive/person/{self.mine.id}")
        self.assertEqual(response.status_code, 200)
        for text in (
            "Helped Person",
            "tel:900 11 222",
            "sms:900 11 222",
            "Storgata 1",
            "openstreetmap.org",
            "tel:38 00 00 01",
            "Hilde Contact",
        ):
            self.assertIn(text, response.text)
        self.assertNotIn("Someone Else", self.url_open("/my/aktive/people").text)
        self.assertIn("Helped Person", self.url_open("/my").text)

    def test_other_ids_are_not_found(self):
        ended = self.env["aktive.participant"].create({"name": "Ended Person"})
        self.env["aktive.network.member"].create(
            {"participant_id": ended.id, "partner_id": self.user.partner_id.id}
        ).action_end()
        for participant_id in (self.other.id, ended.id, 0, 999999999, 2**31 + 5):
            for path in ("", "/contact-form"):
                with self.subTest(id=participant_id, path=path):
                    response = self.url_open(f"/my/aktive/person/{participant_id}{path}")
                    self.assertIn(response.status_code, (403, 404))
                    self.assertNotIn("Someone Else", response.text)
        response = self.post_log(self.other, kind="visit")
        self.assertIn(response.status_code, (403, 404))
        self.assertFalse(self.logs())
        # The ended assignment's old link: a 404 that shows the way back to his people.
        response = self.url_open(f"/my/aktive/person/{ended.id}")
        self.assertEqual(response.status_code, 404)
        self.assertIn("o_aktive_not_found", response.text)
        self.assertIn('href="/my/aktive/people"', response.text)
        # ... and the addon's root leads to the people
        response = self.url_open("/my/aktive", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/aktive/people"))

    def test_log_a_visit(self):
        response = self.post_log(self.mine, kind="visit", note="Kaffe og bøker", hours="1,5")
        self.assertEqual(response.status_code, 200)
        self.assertIn("alert-success", response.text)
        log = self.logs()
        self.assertEqual(
            (log.participant_id, log.kind, log.note, log.hours),
            (self.mine, "visit", "Kaffe og bøker", 1.5),
        )
        self.assertIn("Kaffe og bøker", self.url_open(f"/my/aktive/person/{self.mine.id}").text)

    def test_a_note_about_health_is_saved_with_a_warning(self):
        """A warning, not a block: the entry is kept, the page points to the worry channel."""
        self.assertNotIn("o_aktive_health_warning", self.post_log(self.mine, kind="visit").text)
        response = self.post_log(self.mine, kind="visit", note="Han snakket om demensen sin")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_aktive_health_warning", response.text)
        self.assertIn(f"/my/aktive/report?participant_id={self.mine.id}", response.text)
        self.assertEqual(len(self.logs()), 2)

    def test_bad_input_is_refused_with_a_message(self):
        self.env["res.users"].browse(self.user.id).lang = "nb_NO"
        self.env["res.lang"]._activate_lang("nb_NO")
        cases = {
            "future date": {"kind": "visit", "date": "2999-01-01"},
            "broken date": {"kind": "visit", "date": "31.02.2026"},
            "missing kind": {},
            "unknown kind": {"kind": "party"},
            "100 kB note": {"kind": "visit", "note": "x" * 100_000},
            "negative hours": {"kind": "visit", "hours": "-1"},
            "hours not a number": {"kind": "visit", "hours": "mange"},
            "HTML in the note": {"kind": "visit", "note": "<script>alert(1)</script>"},
            "missing CSRF token": {"kind": "visit", "csrf_token": ""},
        }
        for label, data in cases.items():
            with self.subTest(label):
                response = self.post_log(self.mine, **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn("o_aktive_errors", response.text)
                self.assertNotIn("<script>alert", response.text)
                self.assertFalse(self.logs())

    def test_tell_the_coordinator_a_new_wish(self):
        page = self.url_open(f"/my/aktive/report?participant_id={self.mine.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn('name="text"', page.text)
        response = self.url_open(
            "/my/aktive/report/send",
            data={
                "csrf_token": self._csrf,
                "participant_id": self.mine.id,
                "kind": "wish",
                "text": "Konsert i kirken",
            },
        )
        self.assertEqual(response.status_code, 200)
        wish = self.mine.wish_ids.filtered(lambda w: w.name == "Konsert i kirken")
        self.assertEqual(wish.state, "new")
        todo = self.mine.activity_ids
        self.assertEqual(todo.user_id, self.coordinator)
        self.assertIn("Konsert i kirken", str(todo.note))

    def test_a_worry_goes_to_the_municipal_contact_only(self):
        worry = "Virker forvirret og har falt"
        response = self.url_open(
            "/my/aktive/report/send",
            data={
                "csrf_token": self._csrf,
                "participant_id": self.mine.id,
                "kind": "worry",
                "text": worry,
            },
        )
        self.assertEqual(response.status_code, 200)
        Message = self.env["mail.message"]
        sent = Message.search([("body", "ilike", worry)])
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.partner_ids, self.hilde)
        # Not on the case, where the coordinator would read it: on a health note (issue 15,
        # models/aktive_sensitive_note_report.py), which only the municipality reads.
        self.assertEqual(sent.model, "aktive.sensitive.note")
        self.assertEqual(self.env["aktive.sensitive.note"].browse(sent.res_id).note, worry)
        self.assertFalse(self.mine.activity_ids, "no task for the coordinator")
        self.env.invalidate_all()
        self.assertFalse(Message.with_user(self.user).search([("body", "ilike", worry)]))
        self.assertFalse(Message.with_user(self.coordinator).search([("body", "ilike", worry)]))

    def test_report_about_another_person_is_refused(self):
        response = self.url_open(
            "/my/aktive/report/send",
            data={
                "csrf_token": self._csrf,
                "participant_id": self.other.id,
                "kind": "change",
                "text": "x",
            },
        )
        self.assertIn(response.status_code, (400, 403))
        self.assertFalse(self.other.sudo().activity_ids)

    def test_profile(self):
        interest = self.env["aktive.interest"].create({"name": "Sjakk"})
        page = self.url_open("/my/aktive/profile")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Moseidmoen", page.text)
        response = self.url_open(
            "/my/aktive/profile/save",
            data={
                "csrf_token": self._csrf,
                "interest_ids": str(interest.id),
                "area": "Sentrum",
                "has_car": "1",
            },
        )
        self.assertEqual(response.status_code, 200)
        partner = self.user.partner_id
        self.assertEqual(partner.aktive_interest_ids, interest)
        self.assertEqual(partner.aktive_area, "Sentrum")
        self.assertTrue(partner.aktive_has_car)
        # another volunteer's profile stays out of reach (row V3)
        other = self.env["res.partner"].create(
            {"name": "Other Volunteer", "is_aktive_volunteer": True, "aktive_area": "X"}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.user).read(["aktive_area"])
        bad = self.url_open(
            "/my/aktive/profile/save",
            data={"csrf_token": self._csrf, "interest_ids": "abc", "area": "<b>x</b>"},
        )
        self.assertEqual(bad.status_code, 400)
        self.assertEqual(partner.aktive_area, "Sentrum")

    def test_portal_volunteer_cannot_open_the_back_office(self):
        for path in ("/odoo", "/odoo/action-aktive_sammen_addon.aktive_participant_action"):
            with self.subTest(path=path):
                response = self.url_open(path, allow_redirects=False)
                self.assertEqual(response.status_code, 303)
                # to the portal's home page, never the web client
                self.assertTrue(response.headers["Location"].startswith("/my"))

    def test_contact_form_pdf_of_own_person(self):
        # without the person's recorded consent there is no form to print (a message, no 500)
        self.assertEqual(
            self.url_open(f"/my/aktive/person/{self.mine.id}/contact-form").status_code, 422
        )
        self.mine.write({"consent_given": True, "consent_date": "2026-01-01"})
        response = self.url_open(f"/my/aktive/person/{self.mine.id}/contact-form")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"), response.content[:300])
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
        ).stdout.decode()
        self.assertIn(self.mine.name, text)
        self.assertIn("call the municipality", text)  # this test user reads English
        # the volunteer's variant: no consent details, no follow-up date
        self.assertNotIn("01/01/2026", text)
        self.assertNotIn("Next follow-up", text)

    def test_login_through_the_form_speaks_the_users_language(self):
        """The login page gives a visitor the default language's cookie (English); the
        pages after login must still be in the user's own language (bokmål)."""
        self.env["res.lang"]._activate_lang("nb_NO")
        self.user.lang = "nb_NO"
        self.url_open("/web/session/logout")
        self.opener.cookies.clear()
        self.opener.cookies.set("frontend_lang", "en_US", domain="127.0.0.1", path="/")
        login_page = self.url_open("/web/login").text
        csrf = login_page.split('name="csrf_token" value="')[1].split('"')[0]
        response = self.url_open(
            "/web/login",
            data={"login": "portal_volunteer", "password": "portal_volunteer", "csrf_token": csrf},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            {c.value for c in self.opener.cookies if c.name == "frontend_lang"}, {"nb_NO"}
        )
        self.assertIn("Personene du hjelper", response.text)
        self.assertNotIn("The people you help", response.text)
        person = self.url_open(f"/my/aktive/person/{self.mine.id}").text
        self.assertIn("Når situasjonen endrer seg, ring kommunen", person)

    def test_report_is_written_in_the_coordinators_language(self):
        self.env["res.lang"]._activate_lang("nb_NO")
        self.coordinator.lang = "nb_NO"
        self.user.lang = "en_US"
        response = self.url_open(
            "/my/aktive/report/send",
            data={
                "csrf_token": self._csrf,
                "participant_id": self.mine.id,
                "kind": "change",
                "text": "Har flyttet til omsorgsbolig",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.mine.activity_ids.summary, "Endring meldt av Portal Volunteer", "Bjørg's language"
        )
        # the page after sending leads back to the person
        self.assertIn(f'href="/my/aktive/person/{self.mine.id}"', response.text)
        self.assertIn("o_aktive_back", response.text)

    def test_profile_keeps_a_language_that_is_not_installed(self):
        """Mahmoud speaks Arabic, which is no interface language: saving his profile must
        not drop it, and he can add another such language."""
        Lang = self.env["res.lang"].with_context(active_test=False)
        arabic, ukrainian = (Lang.search([("code", "=", code)]) for code in ("ar_001", "uk_UA"))
        self.assertFalse(arabic.active or ukrainian.active, "test needs languages not installed")
        self.user.partner_id.aktive_language_ids = arabic
        page = self.url_open("/my/aktive/profile").text
        self.assertIn(f'id="aktive_lang_{arabic.id}"', page)
        self.assertIn(f'<option value="{ukrainian.id}"', page)
        response = self.url_open(
            "/my/aktive/profile/save",
            data={"csrf_token": self._csrf, "language_ids": [str(arabic.id), ""]},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.user.partner_id.aktive_language_ids, arabic)
        self.url_open(
            "/my/aktive/profile/save",
            data={"csrf_token": self._csrf, "language_ids": [str(arabic.id), str(ukrainian.id)]},
        )
        self.assertEqual(self.user.partner_id.aktive_language_ids, arabic | ukrainian)

    def test_home_screen_app_is_scoped_to_my(self):
        home = self.url_open("/my").text
        self.assertIn("/scoped_app?app_id=aktive_sammen_addon&amp;path=my", home)
        page = self.url_open(
            "/scoped_app?app_id=aktive_sammen_addon&path=my&app_name=Aktive%20Sammen"
        )
        self.assertEqual(page.status_code, 200)
        manifest = self.url_open(
            "/web/manifest.scoped_app_manifest?app_id=aktive_sammen_addon&path=/my"
            "&app_name=Aktive%20Sammen"
        ).json()
        self.assertEqual((manifest["scope"], manifest["start_url"]), ("/my", "/my"))
        self.assertEqual(manifest["name"], "Aktive Sammen")

    def call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def plan_end(self, days_from_today):
        """The assignment's Until date, as the coordinator sets it; the daily job not run."""
        today = self.member.with_user(self.user)._aktive_today()
        self.member.write(
            {
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=days_from_today),
            }
        )

    def test_v1_assignment_past_its_until_date_closes_every_door(self):
        """Row V1: Until yesterday, the daily job not run yet (the assignment still active):
        the person's page, the contact log form, the contact form PDF and JSON-RPC reads of
        the case, its wishes, its network and its contact card all answer as for a stranger."""
        self.mine.write({"consent_given": True, "consent_date": "2026-01-01"})
        wish = self.env["aktive.wish"].create({"participant_id": self.mine.id, "name": "Choir"})
        self.plan_end(0)
        csrf = self._csrf  # the page as it was on the Until day, with its form
        self.plan_end(-1)
        self.assertTrue(self.member.active, "the daily job has not run")
        for path in ("", "/contact-form"):
            with self.subTest(path=path):
                response = self.url_open(f"/my/aktive/person/{self.mine.id}{path}")
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("900 11 222", response.text)
        response = self.url_open(
            f"/my/aktive/person/{self.mine.id}/log",
            data={"kind": "visit", "note": "After the end", "csrf_token": csrf},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.logs())
        self.assertNotIn("Helped Person", self.url_open("/my/aktive/people").text)
        self.assertNotIn("Helped Person", self.url_open("/my").text)
        for model, record in (
            ("aktive.participant", self.mine),
            ("aktive.wish", wish),
            ("aktive.network.member", self.member),
            ("res.partner", self.mine.partner_id),
        ):
            with self.subTest(model=model):
                found = self.call_kw(
                    model, "search_read", [[("id", "=", record.id)]], {"fields": ["display_name"]}
                )
                self.assertEqual(found, [])
                with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                    self.call_kw(model, "read", [record.ids, ["display_name"]])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call_kw(
                "aktive.contact.log", "create", [{"participant_id": self.mine.id, "kind": "visit"}]
            )

    def test_v1_assignment_until_today_keeps_the_pages(self):
        """The Until day itself is still the volunteer's: page, PDF, log and RPC."""
        self.mine.write({"consent_given": True, "consent_date": "2026-01-01"})
        self.plan_end(0)
        self.assertEqual(self.url_open(f"/my/aktive/person/{self.mine.id}").status_code, 200)
        response = self.url_open(f"/my/aktive/person/{self.mine.id}/contact-form")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertEqual(self.post_log(self.mine, kind="visit").status_code, 200)
        self.assertEqual(len(self.logs()), 1)
        found = self.call_kw("aktive.participant", "search_read", [[]], {"fields": ["name"]})
        self.assertEqual([r["id"] for r in found], [self.mine.id])

    def test_portal_volunteer_cannot_read_other_cases_over_json_rpc(self):
        def call(model, method, args, kwargs=None):
            return self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/{method}",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        found = call("aktive.participant", "search_read", [[]], {"fields": ["name"]})
        self.assertEqual([r["id"] for r in found], [self.mine.id])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            call("aktive.participant", "read", [[self.other.id], ["name"]])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            call("aktive.contact.log", "create", [{"participant_id": self.other.id}])


@tagged("post_install", "-at_install")
class TestVolunteerMigration(TransactionCase):
    """migrations/19.0.2.0.0: on the demo database, a volunteer made internal again (as in
    version 1) becomes a portal user; staff who volunteer stay internal."""

    def test_migration_converts_demo_volunteer(self):
        volunteer = self.env.ref(VOLUNTEER)
        group_user = self.env.ref("base.group_user")
        mahmoud = self.env.ref("aktive_sammen_addon.user_mahmoud_demo")
        # version 1: the Volunteer group implied the internal user
        mahmoud.group_ids = [Command.set(volunteer.ids)]
        volunteer.implied_ids = [Command.link(group_user.id)]
        staff = new_test_user(self.env, login="staff_v1", groups="base.group_system," + VOLUNTEER)
        self.assertFalse(mahmoud.share)

        path = os.path.join(
            os.path.dirname(__file__), "..", "migrations", "19.0.2.0.0", "post-migrate.py"
        )
        spec = importlib.util.spec_from_file_location("aktive_post_migrate", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "19.0.1.0.0")
        self.env.invalidate_all()

        self.assertNotIn(group_user, volunteer.implied_ids)
        self.assertTrue(mahmoud.share)
        self.assertTrue(mahmoud._is_portal())
        self.assertTrue(mahmoud.has_group(VOLUNTEER))
        self.assertFalse(staff.share)
        self.assertTrue(staff.has_group(VOLUNTEER))
        # Mahmoud still reads Arne's case, as a portal user
        arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.assertEqual(self.env["aktive.participant"].with_user(mahmoud).search([]), arne)


@tagged("post_install", "-at_install")
class TestPortalInvitation(TransactionCase):
    def test_invitation_gives_the_volunteer_group(self):
        partner = self.env["res.partner"].create(
            {
                "name": "New Volunteer",
                "email": "new.volunteer@example.com",
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": "2026-01-01",
                "aktive_confidentiality_document": SIGNED,
                "lang": "nb_NO",
            }
        )
        action = partner.action_aktive_grant_portal_access()
        wizard = self.env["portal.wizard"].browse(action["res_id"])
        wizard.user_ids.action_grant_access()
        user = partner.user_ids
        self.assertTrue(user._is_portal())
        self.assertTrue(user.has_group(VOLUNTEER))
