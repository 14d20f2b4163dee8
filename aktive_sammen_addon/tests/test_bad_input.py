"""Bad input (issue 14): ids that are no record, values of the wrong type, oversize texts,
impossible dates and HTML, through the models, the wizards, JSON-RPC and the report routes.
Each case gets a clear error (a user error of Odoo's, or a 404/403/400 page without a
traceback) and leaves the data as it was. The limits are models/aktive_input_guard.py's."""

import datetime
import json
import re

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import MissingError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase
from odoo.tests import tagged

from ..models.aktive_input_guard import TEXT_LIMITS
from .common import AktiveCase

REPORT = "aktive_sammen_addon.report_contact_form"
HUGE = 2**40  # beyond PostgreSQL's integer
MB = 1024 * 1024
# Errors the web client shows as a message, not as a crash with a traceback.
CLEAR_ERRORS = {
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.UserError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
}


class BadInputCase(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participant.write(
            {
                "phone": "900 11 222",
                "birthdate": "1941-03-14",
                "life_story": "<p>Enkemann.</p>",
                "interests": "Lions",
                "consent_given": True,
            }
        )
        cls.wish = cls.env["aktive.wish"].create(
            {
                "participant_id": cls.participant.id,
                "name": "Continue at Lions",
                "category_id": cls.category.id,
                "description": "Thursdays",
            }
        )
        cls.member = cls.env["aktive.network.member"].create(
            {
                "participant_id": cls.participant.id,
                "partner_id": cls.volunteer.id,
                "role_id": cls.role_visit.id,
                "frequency": "every Tuesday",
                "date_start": "2026-01-05",
            }
        )
        cls.followup = cls.env["aktive.followup"].create(
            {"participant_id": cls.participant.id, "date_planned": "2027-01-04", "summary": "Ok"}
        )
        cls.note = cls.env["aktive.sensitive.note"].create(
            {"participant_id": cls.participant.id, "kind": "health", "note": "Tired."}
        )
        cls.log = cls.env["aktive.contact.log"].create(
            {"participant_id": cls.participant.id, "note": "Coffee."}
        )
        cls.volunteer_contact = cls.env["aktive.volunteer.contact"].create(
            {"partner_id": cls.volunteer.id, "note": "All well."}
        )
        cls.activity = cls.env["aktive.activity"].create(
            {"name": "Lions meeting", "description": "Monthly"}
        )

    def assertRefused(self, record, vals, exception=ValidationError, says=()):
        """Writing vals is refused with a clear error that says what is wrong, and the
        record reads as before."""
        names = [name for name in vals if name in record._fields]
        before = record.sudo().read(names)
        with self.assertRaises(exception) as caught:
            record.write(vals)
        record.invalidate_recordset()
        self.assertEqual(record.sudo().read(names), before)
        for text in says:
            self.assertIn(text, str(caught.exception))

    def assertNotCreated(self, model, vals, exception=ValidationError, says=()):
        """Creating is refused; `model` is a name (as superuser) or a model with its user."""
        Model = self.env[model] if isinstance(model, str) else model
        count = Model.sudo().with_context(active_test=False).search_count([])
        with self.assertRaises(exception) as caught:
            Model.create(vals)
        self.assertEqual(Model.sudo().with_context(active_test=False).search_count([]), count)
        for text in says:
            self.assertIn(text, str(caught.exception))


@tagged("post_install", "-at_install")
class TestOversizeTexts(BadInputCase):
    def test_texts_beyond_their_limit_are_refused(self):
        char, text = TEXT_LIMITS["char"], TEXT_LIMITS["text"]
        cases = [
            # (record, field, length, label and limit in the message)
            (self.participant, "name", 129, "Name", "128"),
            (self.participant, "phone", 65, "Phone", "64"),
            (self.participant, "zip", 17, "Zip", "16"),
            (self.participant, "residence", char + 1, "Residence", str(char)),
            (self.participant, "interests", text + 1, "Interests (own words)", str(text)),
            (self.participant, "adaptations", MB, "Adaptations needed", str(text)),
            (self.wish, "name", 201, "Wish (own words)", "200"),
            (self.wish, "name", MB, "Wish (own words)", "200"),  # the measured 1 MB wish
            (self.wish, "description", text + 1, "Description", str(text)),
            (self.member, "frequency", char + 1, "Frequency", str(char)),
            (self.followup, "summary", text + 1, "Summary", str(text)),
            (self.note, "note", 3 * MB, "Note", str(text)),  # the measured 3 MB note
            (self.log, "note", text + 1, "Note", str(text)),
            (self.volunteer_contact, "note", text + 1, "Note", str(text)),
            (self.activity, "name", char + 1, "Name", str(char)),
            (self.activity, "accessibility", text + 1, "Accessibility", str(text)),
        ]
        for record, name, length, label, limit in cases:
            with self.subTest(model=record._name, field=name, length=length):
                self.assertRefused(record, {name: "x" * length}, says=(label, limit))

    def test_a_life_story_is_measured_by_its_text(self):
        # 100 000 characters of text is the life story's limit, its markup aside.
        limit = self.participant._input_limits["life_story"]
        # 999 characters of text in 30 of markup
        story = "<p><b><i><u>" + "y" * 999 + "</u></i></b></p>"
        with self.subTest(case="text over the limit"):
            self.assertRefused(
                self.participant,
                {"life_story": story * (limit // 999 + 1)},
                says=("Life story", str(limit)),
            )
        with self.subTest(case="markup flood"):
            self.assertRefused(
                self.participant, {"life_story": "<p></p>" * (limit * 2)}, says=("Life story",)
            )
        with self.subTest(case="much markup, text within the limit: accepted"):
            self.participant.life_story = story * 99  # 98 901 characters of text
            self.assertGreater(len(self.participant.life_story), limit)
            self.assertIn("y" * 999, self.participant.life_story)

    def test_texts_at_their_limit_are_accepted(self):
        self.wish.name = "w" * 200
        self.note.note = "n" * TEXT_LIMITS["text"]
        self.activity.place = "p" * TEXT_LIMITS["char"]
        self.assertEqual(len(self.wish.name), 200)

    def test_oversize_records_are_not_created(self):
        cases = [
            ("aktive.wish", {"participant_id": self.participant.id, "name": "w" * MB}),
            (
                "aktive.sensitive.note",
                {"participant_id": self.participant.id, "kind": "health", "note": "n" * 3 * MB},
            ),
            ("aktive.participant", {"name": "N" * 129}),
            ("aktive.contact.log", {"participant_id": self.participant.id, "note": "c" * MB}),
        ]
        for model, vals in cases:
            with self.subTest(model=model):
                self.assertNotCreated(model, vals, says=("too long",))


@tagged("post_install", "-at_install")
class TestImpossibleDates(BadInputCase):
    def test_dates_out_of_range_or_of_no_calendar_are_refused(self):
        cases = [
            (self.participant, "birthdate", "0001-01-01", ValidationError),
            (self.participant, "birthdate", "9999-12-31", ValidationError),
            (self.participant, "paused_until", "not a date", ValidationError),
            (self.participant, "referral_date", "1899-12-31", ValidationError),
            (self.participant, "consent_date", "2101-01-01", ValidationError),
            (self.member, "date_start", "abc", ValidationError),
            (self.member, "date_end", "2024-02-30", ValidationError),
            (self.member, "date_end", 12345, ValidationError),
            (self.followup, "date_planned", "0001-01-01", ValidationError),
            (self.followup, "date_planned", "2026-13-01", ValidationError),
            (self.note, "date", "0001-01-01", ValidationError),
            (self.log, "date", "0001-01-01", ValidationError),
            (self.volunteer_contact, "date", "1000-06-15", ValidationError),
        ]
        for record, name, value, exception in cases:
            with self.subTest(model=record._name, field=name, value=value):
                self.assertRefused(record, {name: value}, exception)

    def test_the_message_names_the_field_and_the_range(self):
        self.assertRefused(
            self.participant,
            {"birthdate": "0001-01-01"},
            says=("Date of birth", "0001-01-01", "1900", "2100"),
        )

    def test_a_case_reported_in_year_one_is_not_created(self):
        self.assertNotCreated(
            "aktive.participant", {"name": "Year One", "referral_date": "0001-01-01"}
        )

    def test_plausible_edge_dates_are_accepted(self):
        self.participant.birthdate = "1900-01-01"
        self.followup.date_planned = "2100-12-31"
        self.assertEqual(str(self.participant.birthdate), "1900-01-01")


@tagged("post_install", "-at_install")
class TestWrongTypesAndIds(BadInputCase):
    def test_values_of_the_wrong_type_are_refused(self):
        cases = [
            (self.wish, {"category_id": "abc"}),  # the ORM used to clear the category
            (self.wish, {"category_id": -1}),
            (self.wish, {"category_id": 0}),
            (self.wish, {"category_id": HUGE}),
            (self.wish, {"sequence": "abc"}),
            (self.wish, {"sequence": HUGE}),
            (self.wish, {"state": "bogus"}),
            (self.wish, {"name": ["a", "list"]}),
            (self.wish, {"name": {"a": 1}}),
            (self.wish, {"name": True}),
            (self.wish, {"nope": 1}),
            (self.participant, {"active": "no"}),  # the ORM reads any text as yes
            (self.participant, {"coordinator_id": "bjorg"}),
            (self.member, {"participant_id": -1}),
            (self.member, {"partner_id": HUGE}),
            (self.log, {"hours": "two"}),
            (self.activity, {"company_id": 0}),
        ]
        for record, vals in cases:
            with self.subTest(model=record._name, vals=str(vals)):
                self.assertRefused(record, vals)

    def test_the_message_names_the_field(self):
        self.assertRefused(self.wish, {"category_id": "abc"}, says=("Category", "'abc'"))

    def test_a_required_text_of_spaces_is_no_text(self):
        """A name of spaces would be kept as a blank line in every list: refused by name."""
        for record, name in ((self.activity, "name"), (self.wish, "name")):
            for value in ("", "   ", "\n\t", False):
                with self.subTest(model=record._name, value=repr(value)):
                    self.assertRefused(record, {name: value}, says=("cannot be empty",))
        self.assertNotCreated(
            "aktive.municipal.unit", {"name": "  "}, says=("Name", "cannot be empty")
        )
        self.assertNotCreated(
            "aktive.sensitive.note",
            {"participant_id": self.participant.id, "note": " "},
            says=("cannot be empty",),
        )

    def test_to_many_values_that_are_no_commands_are_refused(self):
        """A list of commands or of ids, as the form sends: anything else stops with the
        field's name, not a ValueError or an out-of-range error from the database."""
        for value in (
            "abc",
            7,
            [(4, HUGE)],
            [(4, -1)],
            [(6, 0, "abc")],
            [(6, 0, [1, HUGE])],
            [(0, 0, "abc")],
            [(1, True, {})],
            [(9, 1)],
            [()],
            [True],
            ["abc"],
            self.participant,  # records of another model
        ):
            with self.subTest(value=repr(value)):
                self.assertRefused(self.activity, {"category_ids": value})
        # what a form or a script rightly sends still goes through
        categories = self.env["aktive.wish.category"].search([], limit=2)
        for value in (
            [Command.set(categories.ids)],
            [Command.link(categories[0].id), Command.unlink(categories[1].id)],
            categories.ids,
            categories,
            [Command.clear()],
        ):
            with self.subTest(value=repr(value)):
                self.activity.write({"category_ids": value})


@tagged("post_install", "-at_install")
class TestHtmlInTexts(BadInputCase):
    def test_script_in_a_life_story_is_sanitized(self):
        self.participant.life_story = "<p>Glad i bøker</p><script>alert('x')</script>"
        self.assertIn("Glad i bøker", self.participant.life_story)
        self.assertNotIn("<script", self.participant.life_story)
        self.assertNotIn("alert", self.participant.life_story)

    def test_html_in_plain_texts_is_kept_as_text_and_escaped_on_the_form(self):
        script = "<script>alert('x')</script>"
        self.participant.adaptations = script
        self.wish.name = "<b onmouseover=alert(1)>Choir</b>"
        self.assertEqual(self.participant.adaptations, script)  # stored as typed
        html, _type = self.env["ir.actions.report"]._render_qweb_html(REPORT, self.participant.ids)
        html = html.decode()
        self.assertIn("&lt;script&gt;alert(", html)
        self.assertNotIn("<script>alert", html)
        self.assertIn("&lt;b onmouseover=alert(1)&gt;Choir&lt;/b&gt;", html)
        self.assertNotIn("<b onmouseover", html)


@tagged("post_install", "-at_install")
class TestContactFormOnBadIds(BadInputCase):
    def test_print_and_send_on_ids_that_are_no_record(self):
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        versions = self.env["aktive.contact.form.version"].search_count([])
        for ids in ([0], [-1], [HUGE], [self.participant.id, 0]):
            actions = ["action_print_contact_form"]
            if len(ids) == 1:  # sending is for one case at a time
                actions.append("action_send_contact_form")
            for action in actions:
                with self.subTest(ids=ids, action=action):
                    with self.assertRaises(MissingError):
                        getattr(Participant.browse(ids), action)()
            with self.subTest(ids=ids, action="render"):
                with self.assertRaises(MissingError):
                    self.env["ir.actions.report"]._render_qweb_html(REPORT, ids)
        with self.subTest(ids=[]):
            with self.assertRaises(UserError):
                Participant.browse().action_print_contact_form()
        self.assertEqual(self.env["aktive.contact.form.version"].search_count([]), versions)


@tagged("post_install", "-at_install")
class TestWizardsOnBadInput(BadInputCase):
    def test_suggestions_for_a_wish_that_is_no_record(self):
        Suggestion = self.env["aktive.volunteer.suggestion"].with_user(self.coordinator)
        deleted = self.add_wish(name="Gone")
        deleted.unlink()
        for wish_id in (0, -1, HUGE, "abc", deleted.id, None):
            with self.subTest(wish_id=wish_id):
                count = Suggestion.sudo().search_count([])
                with self.assertRaises(MissingError):
                    Suggestion.create({"wish_id": wish_id})
                self.assertEqual(Suggestion.sudo().search_count([]), count)
        with self.subTest(case="a real wish still works"):
            self.assertTrue(Suggestion.create({"wish_id": self.wish.id}))

    def test_dashboard_for_a_period_no_one_means(self):
        """The period is a search filter (report/aktive_progress_report.py): a year no one
        means finds nothing, and the figures cannot be typed over at all."""
        Report = self.env["aktive.progress.report"].with_user(self.coordinator)
        for year in (1, 1899, 2101, 9999):
            with self.subTest(year=year):
                start = datetime.date(year, 1, 1)
                self.assertEqual(
                    Report.search_count(
                        [("date", ">=", start), ("date", "<=", start.replace(month=12, day=31))]
                    ),
                    0,
                )
        Dashboard = self.env["aktive.dashboard"].with_user(self.coordinator)
        for vals in ({"kind": "active_participants"}, {}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                Dashboard.create(vals)
        with self.subTest(case="the figures still read"):
            figures = Dashboard.search([])
            self.assertGreaterEqual(min(figures.mapped("value")), 0)

    def test_settings_beyond_sense_or_type(self):
        admin = self.admin_user
        company = admin.company_id
        before = company.read(
            ["aktive_followup_interval", "aktive_retention_months", "aktive_retention_action"]
        )
        Settings = self.env["aktive.settings"].with_user(admin)
        cases = [
            {"followup_interval": 25},
            {"volunteer_contact_interval": 1000},
            {"retention_months": 10**6},
            {"retention_months": HUGE},
            {"retention_months": -HUGE},
            {"followup_interval": "two"},
        ]
        for vals in cases:
            with self.subTest(vals=str(vals)):
                with self.assertRaises(ValidationError):
                    Settings.create(vals).action_save()
        for value in (0, -5):
            with self.subTest(followup_interval=value):
                settings = Settings.create({})
                settings.followup_interval = value
                with self.assertRaises(ValidationError):
                    settings.action_save()
        company.invalidate_recordset()
        self.assertEqual(
            company.read(
                ["aktive_followup_interval", "aktive_retention_months", "aktive_retention_action"]
            ),
            before,
        )


@tagged("post_install", "-at_install")
class TestBadInputOverTheWire(HttpCase):
    """JSON-RPC and the report routes, as the demo users (password = login)."""

    def setUp(self):
        super().setUp()
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.wish = self.env.ref("aktive_sammen_addon.wish_arne_0_demo")
        self.note = self.env.ref("aktive_sammen_addon.sensitive_note_arne_demo")
        self.report_url = f"/report/pdf/{REPORT}"

    def snapshot(self):
        """What printing or a refused call could have changed: the case, its log and its
        archive of forms."""
        self.env.invalidate_all()
        return (
            self.arne.read(["name", "phone", "write_date"]),
            len(self.arne.message_ids),
            len(self.arne.sudo().contact_form_version_ids),
            self.wish.read(["name", "category_id", "write_date"]),
            self.note.read(["note", "date"]),
        )

    def rpc_error(self, model, method, args):
        """The error of a call_kw as the web client receives it."""
        response = self.url_open(
            "/web/dataset/call_kw",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": {"context": {"lang": "en_US"}},
                },
            },
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertIn("error", body, f"{model}.{method}{args} was not refused")
        return body["error"]["data"]

    def test_json_rpc_bad_calls_get_clear_errors(self):
        self.authenticate("bjorg", "bjorg")
        participant, wish = "aktive.participant", "aktive.wish"
        cases = [
            (participant, "action_print_contact_form", [[0]], "does not exist"),
            (participant, "action_print_contact_form", [[-1]], "does not exist"),
            (participant, "action_print_contact_form", [[HUGE]], "does not exist"),
            (participant, "action_send_contact_form", [[0]], "does not exist"),
            (participant, "action_send_contact_form", [[-1]], "does not exist"),
            (participant, "action_print_contact_form", [[]], "Choose the participant"),
            (wish, "write", [[self.wish.id], {"name": "w" * MB}], "too long"),
            (wish, "write", [[self.wish.id], {"category_id": 99999}], ""),
            (wish, "write", [[self.wish.id], {"category_id": HUGE}], "not a valid value"),
            (wish, "write", [[self.wish.id], {"category_id": "abc"}], "not a valid value"),
            (participant, "write", [[self.arne.id], {"birthdate": "0001-01-01"}], "plausible"),
            (participant, "write", [[self.arne.id], {"phone": "9" * 65}], "too long"),
        ]
        before = self.snapshot()
        for model, method, args, says in cases:
            with self.subTest(method=method, args=str(args)[:60]):
                error = self.rpc_error(model, method, args)
                self.assertIn(error["name"], CLEAR_ERRORS)
                self.assertIn(says, error["message"])
        self.assertEqual(self.snapshot(), before)

    def test_json_rpc_reading_an_id_beyond_the_database_reads_nothing(self):
        self.authenticate("bjorg", "bjorg")
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": "aktive.wish", "method": "read", "args": [[HUGE], ["name"]], "kwargs": {}},
        )
        self.assertEqual(result, [])

    def test_json_rpc_a_3_mb_sensitive_note_is_refused(self):
        self.authenticate("hilde", "hilde")
        before = self.snapshot()
        error = self.rpc_error(
            "aktive.sensitive.note", "write", [[self.note.id], {"note": "n" * 3 * MB}]
        )
        self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
        self.assertIn("too long", error["message"])
        self.assertEqual(self.snapshot(), before)

    def bad_report_urls(self):
        arne = self.arne.id
        return [
            (f"{self.report_url}/0", 404),
            (f"{self.report_url}/-1", 404),
            (f"{self.report_url}/{HUGE}", 404),
            (f"{self.report_url}/99999999999999999999", 404),
            (f"{self.report_url}/abc", 404),
            (f"{self.report_url}/{arne},0", 404),
            (f"{self.report_url}/999999", 404),  # no such participant
            (f"/report/html/{REPORT}/0", 404),
            (f"/report/pdf/aktive_sammen_addon.no_such_report/{arne}", 404),
            (f"/report/pdf/no_such_report/{arne}", 404),
            (f"/report/pdf/aktive_sammen_addon.aktive_participant_action/{arne}", 404),
            (f"/report/xls/{REPORT}/{arne}", 404),
            (f"{self.report_url}/{arne}?options=not-json", 400),
            (f"{self.report_url}/{arne}?context=[1]", 400),
        ]

    def test_report_routes_answer_not_found_for_every_role(self):
        before = self.snapshot()
        for login in ("bjorg", "hilde", "mahmoud"):
            self.authenticate(login, login)
            for url, status in self.bad_report_urls():
                with self.subTest(login=login, url=url):
                    response = self.url_open(url)
                    self.assertEqual(response.status_code, status)
                    self.assertNotIn(b"Traceback", response.content)
        self.assertEqual(self.snapshot(), before)

    def download(self, url):
        return self.url_open("/report/download", params={"data": json.dumps([url, "qweb-pdf"])})

    def test_the_print_download_of_bad_ids_is_not_found(self):
        self.authenticate("bjorg", "bjorg")
        for docids in ("0", "-1", str(HUGE), "abc"):
            with self.subTest(docids=docids):
                response = self.download(f"{self.report_url}/{docids}")
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(b"Traceback", response.content)
        with self.subTest(data="not json"):
            response = self.url_open("/report/download", params={"data": "{nope"})
            self.assertEqual(response.status_code, 400)

    def test_normal_printing_still_works(self):
        self.authenticate("bjorg", "bjorg")
        response = self.url_open(f"/report/html/{REPORT}/{self.arne.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Arne", response.text)
        response = self.download(f"{self.report_url}/{self.arne.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers["Content-Disposition"])

    def test_a_volunteer_asking_for_another_form_is_forbidden(self):
        other = self.env["aktive.participant"].create({"name": "Not Mahmoud's", "phone": "1"})
        other.sudo().consent_given = True
        self.authenticate("mahmoud", "mahmoud")
        response = self.url_open(f"/report/html/{REPORT}/{other.id}")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(b"Traceback", response.content)
        self.assertNotIn(b"Not Mahmoud", response.content)


# A NUL byte, and a lone surrogate (half a UTF-16 pair, as JSON's "\ud800" gives): no text
# can hold them - PostgreSQL and the encoding of an answer fail on them with a 500.
UNSTORABLE = ("a\x00b", "\x00", "a\ud800b", "\udfff")


@tagged("post_install", "-at_install")
class TestUnstorableInput(BadInputCase):
    """Row X7 through the models: characters no text can hold, a 3 MB name on a new case, a
    text where a unit or the values of a record belong. Refused with a message, before the
    database (or a contact card) is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_units()

    def test_x7_every_guarded_text_refuses_nul_and_surrogates(self):
        """Every text field of every model of the addon, by the guard they all inherit."""
        checked = 0
        for name in self.env.registry.descendants(["aktive.input.guard"], "_inherit"):
            Model = self.env[name]
            if Model._abstract:
                continue
            for field in Model._fields.values():
                if field.type not in ("char", "text", "html") or not field.store:
                    continue
                if field.compute and field.readonly:
                    continue
                for value in UNSTORABLE[:1] + UNSTORABLE[2:3]:
                    with self.subTest(model=name, field=field.name, value=repr(value)):
                        with self.assertRaises(ValidationError) as caught:
                            Model._check_input_types({field.name: value})
                        self.assertIn("cannot be stored", str(caught.exception))
                        checked += 1
        self.assertGreater(checked, 40)

    def test_x7_writes_and_creates_with_nul_are_refused_and_change_nothing(self):
        cases = [
            (self.participant, "name"),
            (self.participant, "interests"),
            (self.participant, "life_story"),
            (self.participant, "phone"),
            (self.wish, "name"),
            (self.wish, "description"),
            (self.member, "frequency"),
            (self.followup, "summary"),
            (self.note, "note"),
            (self.log, "note"),
            (self.volunteer_contact, "note"),
            (self.activity, "name"),
        ]
        for record, name in cases:
            for value in UNSTORABLE:
                with self.subTest(model=record._name, field=name, value=repr(value)):
                    self.assertRefused(record, {name: value}, says=("cannot be stored",))
        as_coordinator = self.env(user=self.coordinator)
        self.assertRefused(
            self.log.with_env(as_coordinator), {"note": "a\x00b"}, says=("cannot be stored",)
        )
        for model, vals in (
            ("aktive.wish", {"participant_id": self.participant.id, "name": "a\x00b"}),
            ("aktive.contact.log", {"participant_id": self.participant.id, "note": "\ud800"}),
            ("aktive.activity", {"name": "Choir\x00"}),
            ("aktive.municipal.unit", {"name": "NAV\x00"}),
            ("aktive.participant", {"name": "Nul\x00Test"}),
        ):
            with self.subTest(model=model):
                self.assertNotCreated(model, vals, says=("cannot be stored",))

    def test_x7_searches_for_nul_are_refused(self):
        Participant = self.env["aktive.participant"].with_user(self.coordinator)
        Wish = self.env["aktive.wish"].with_user(self.coordinator)
        searches = {
            "name_search": lambda: Participant.name_search("Arne\x00"),
            "search": lambda: Participant.search([("name", "ilike", "a\x00")]),
            "surrogate": lambda: Participant.search([("name", "=", "\ud800")]),
            "in a list": lambda: Wish.search([("name", "in", ["ok", "a\x00"])]),
            "any": lambda: Participant.search([("wish_ids", "any", [("name", "=", "\x00")])]),
            "count": lambda: Wish.search_count([("description", "ilike", "\x00")]),
            "order": lambda: Wish.search([], order="name\x00"),
            "read_group": lambda: Wish.formatted_read_group(
                [("name", "ilike", "\x00")], ["state"], ["__count"]
            ),
        }
        for label, search in searches.items():
            with self.subTest(search=label), self.assertRaises(ValidationError) as caught:
                search()
            self.assertIn("cannot be stored", str(caught.exception))
        with self.subTest(search="a normal search still works"):
            self.assertEqual(Participant.name_search("Arne Test")[0][0], self.participant.id)

    def partner_count(self):
        return self.env["res.partner"].with_context(active_test=False).search_count([])

    def test_x7_a_3_mb_name_on_a_new_case_makes_no_contact_card(self):
        """The case's name is its contact card's: measured before the card is made, for the
        coordinator's new case and for a municipal reporter's reported need."""
        partners = self.partner_count()
        reporter = {"municipal_unit_id": self.unit.id}
        for user, extra in ((self.coordinator, {}), (self.municipal_user, reporter)):
            Participant = self.env["aktive.participant"].with_user(user)
            for vals in (
                {"name": "n" * 3 * MB},
                {"name": "n" * 129},
                {"name": "Ok Test", "phone": "9" * MB},
                {"name": "Nul\x00Test"},
                {"name": "Ok Test", "city": "Venne\x00sla"},
            ):
                with self.subTest(login=user.login, vals=str(vals)[:40]):
                    self.assertNotCreated(Participant, {**vals, **extra})
                    self.assertEqual(self.partner_count(), partners)
        with self.subTest(case="a name that fits still makes its card"):
            self.env["aktive.participant"].with_user(self.municipal_user).create(
                {"name": "Reported Test", **reporter}
            )
            self.assertEqual(self.partner_count(), partners + 1)

    def test_x7_a_text_where_the_unit_belongs_when_reporting_a_need(self):
        Participant = self.env["aktive.participant"].with_user(self.municipal_user)
        partners = self.partner_count()
        for unit in ("abc", "1", [self.unit.id], {"id": 1}, HUGE, -1, 1.5, True, "\x00"):
            with self.subTest(unit=repr(unit)):
                self.assertNotCreated(
                    Participant,
                    {"name": "Unit Test", "municipal_unit_id": unit},
                    says=("Municipal unit",),
                )
        self.assertEqual(self.partner_count(), partners)

    def test_x7_wrong_types_for_a_file_a_card_or_a_search(self):
        """The case's card and step are looked up only after the guard; a file is base64; a
        search's limit is a number."""
        as_coordinator = self.env(user=self.coordinator)
        for vals in (
            {"partner_id": "abc"},
            {"partner_id": 1.5},
            {"stage_id": 1.5},
            {"stage_id": "abc"},
            {"image_1920": "!!! not base64"},
            {"image_1920": ["abc"]},
        ):
            with self.subTest(vals=repr(vals)):
                self.assertRefused(self.participant.with_env(as_coordinator), vals)
        Wish = self.env["aktive.wish"].with_env(as_coordinator)
        for kwargs in ({"limit": "abc"}, {"limit": 2**70}, {"offset": -1}, {"offset": "1"}):
            with self.subTest(search=kwargs), self.assertRaises(ValidationError):
                Wish.search([], **kwargs)
        self.assertTrue(Wish.search([], limit=1, offset=0))

    def test_x7_a_contact_log_made_from_a_text_is_refused(self):
        for user in (self.volunteer_user, self.coordinator):
            Log = self.env["aktive.contact.log"].with_user(user)
            for vals in ("abc", ["abc"], [{"participant_id": self.participant.id}, "abc"], [7]):
                with self.subTest(login=user.login, vals=repr(vals)):
                    self.assertNotCreated(
                        Log, vals, says=("Contact log entry", "not the values of a record")
                    )


@tagged("post_install", "-at_install")
class TestUnstorableOverTheWire(HttpCase):
    """Row X7 over real HTTP, as the demo users: JSON-RPC calls on the addon's models and
    the volunteers' forms, with a NUL byte, a lone surrogate, a 3 MB name or a text where
    an id or a record's values belong. A JSON-RPC error with a message (HTTP 200) or a
    400/404 page, never a 500, and nothing changed."""

    def setUp(self):
        super().setUp()
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.wish = self.env.ref("aktive_sammen_addon.wish_arne_0_demo")
        self.log = self.env["aktive.contact.log"].search(
            [("participant_id", "=", self.arne.id)], limit=1
        )
        self.mahmoud = self.env.ref("aktive_sammen_addon.user_mahmoud_demo").partner_id
        self.unit = self.env.ref("aktive_sammen_addon.unit_home_care_demo")
        # The messages are read in English, their source language; the demo users read
        # bokmål (the translations are tested in test_translations_loaded.py).
        for login in ("bjorg", "hilde", "mahmoud"):
            self.env["res.users"].search([("login", "=", login)]).lang = "en_US"

    def snapshot(self):
        self.env.invalidate_all()
        counts = {
            model: self.env[model].with_context(active_test=False).search_count([])
            for model in (
                "res.partner",
                "aktive.participant",
                "aktive.wish",
                "aktive.contact.log",
                "aktive.sensitive.note",
                "mail.activity",
                "mail.message",
            )
        }
        return (
            counts,
            self.arne.read(["name", "phone", "interests", "life_story", "write_date"]),
            self.wish.read(["name", "description", "write_date"]),
            self.log.read(["note", "write_date"]),
            self.mahmoud.read(["aktive_area", "aktive_availability", "write_date"]),
        )

    def post_json(self, body):
        """A JSON-RPC call as the web client sends it, from its raw text (so that a lone
        surrogate reaches the server as JSON's \\ud800)."""
        return self.url_open(
            "/web/dataset/call_kw",
            data=body.encode(),
            headers={"Content-Type": "application/json"},
        )

    def call(self, model, method, args, kwargs=None):
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        return self.post_json(body)

    def assertClearError(self, response, says=""):
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertIn("error", body)
        self.assertIn(body["error"]["data"]["name"], CLEAR_ERRORS)
        self.assertIn(says, body["error"]["data"]["message"])

    def test_x7_json_rpc_nul_and_surrogates_get_a_message(self):
        self.authenticate("bjorg", "bjorg")
        participant, wish, log = "aktive.participant", "aktive.wish", "aktive.contact.log"
        nul = "a\x00b"
        cases = [
            (participant, "write", [[self.arne.id], {"interests": nul}]),
            (participant, "write", [[self.arne.id], {"life_story": f"<p>{nul}</p>"}]),
            (participant, "write", [[self.arne.id], {"name": nul}]),
            (participant, "create", [{"name": nul}]),
            (participant, "name_search", [nul]),
            (participant, "search_read", [[["name", "ilike", nul]], ["name"]]),
            (participant, "search_count", [[["wish_ids.name", "=", nul]]]),
            (participant, "web_search_read", [[["name", "ilike", nul]], {"name": {}}]),
            (wish, "create", [{"participant_id": self.arne.id, "name": nul}]),
            (wish, "write", [[self.wish.id], {"description": nul}]),
            (log, "write", [[self.log.id], {"note": nul}]),
            (log, "create", [{"participant_id": self.arne.id, "note": nul}]),
            ("aktive.close.wizard", "create", [{"close_reason": nul}]),
        ]
        before = self.snapshot()
        for model, method, args in cases:
            with self.subTest(model=model, method=method, args=repr(args)[:60]):
                self.assertClearError(self.call(model, method, args), "cannot be stored")
        # JSON's own escapes, as a client sends them: lone surrogates and a NUL byte
        escaped = [
            (participant, "write", [[self.arne.id], {"interests": "a<D800>b"}]),
            (wish, "write", [[self.wish.id], {"name": "<DFFF>"}]),
            (participant, "name_search", ["<D800>"]),
            (participant, "search_read", [[["name", "ilike", "<D83D>"]], ["name"]]),
            (participant, "write", [[self.arne.id], {"interests": "a<0000>b"}]),
        ]
        for model, method, args in escaped:
            params = {"model": model, "method": method, "args": args, "kwargs": {}}
            body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
            body = re.sub(r"<([0-9A-F]{4})>", lambda m: "\\u" + m.group(1).lower(), body)
            with self.subTest(body=body[-80:]):
                self.assertIn("\\u", body)
                self.assertClearError(self.post_json(body), "cannot be stored")
        self.assertEqual(self.snapshot(), before)

    def test_x7_json_rpc_oversize_names_wrong_types_and_ids(self):
        before = self.snapshot()
        self.authenticate("bjorg", "bjorg")
        cases = [
            ("aktive.participant", "create", [{"name": "n" * 3 * MB}], "too long"),
            ("aktive.contact.log", "create", ["abc"], "not the values of a record"),
            ("aktive.contact.log", "create", [["abc"]], "not the values of a record"),
            ("aktive.contact.log", "create", [[7, "abc"]], "not the values of a record"),
        ]
        for model, method, args, says in cases:
            with self.subTest(login="bjorg", model=model, args=repr(args)[:40]):
                self.assertClearError(self.call(model, method, args), says)
        self.authenticate("hilde", "hilde")
        need = {"name": "Reported Test", "municipal_unit_id": self.unit.id}
        cases = [
            {**need, "name": "n" * 3 * MB},
            {**need, "phone": "9" * MB},
            {**need, "municipal_unit_id": "abc"},
            {**need, "municipal_unit_id": [self.unit.id]},
            {**need, "municipal_unit_id": HUGE},
        ]
        for vals in cases:
            with self.subTest(login="hilde", vals=repr(vals)[:60]):
                self.assertClearError(self.call("aktive.participant", "create", [vals]))
        self.assertEqual(self.snapshot(), before)

    def test_x7_json_rpc_ids_limits_and_values_of_the_wrong_kind(self):
        self.authenticate("bjorg", "bjorg")
        arne = self.arne.id
        cases = [
            ("aktive.participant", "read", [["abc"], ["name"]], "not the ids of records"),
            ("aktive.participant", "write", [["abc"], {"interests": "x"}], "not the ids"),
            ("aktive.participant", "write", [[arne, None], {"interests": "x"}], "not the ids"),
            ("aktive.wish", "unlink", [["abc"]], "not the ids of records"),
            ("aktive.participant", "create", ["abc"], "not the values of a record"),
            ("aktive.wish", "create", [["abc"]], "not the values of a record"),
            ("aktive.sensitive.note", "create", ["abc"], "not the values of a record"),
            ("aktive.settings", "create", [["abc"]], "not the values of a record"),
            ("aktive.case.privacy", "create", [{}], "cannot be created"),
            ("aktive.participant", "write", [[arne], {"partner_id": "abc"}], "not a valid value"),
            ("aktive.participant", "write", [[arne], {"stage_id": 1.5}], "not a valid value"),
        ]
        before = self.snapshot()
        for model, method, args, says in cases:
            with self.subTest(model=model, method=method, args=repr(args)[:40]):
                self.assertClearError(self.call(model, method, args), says)
        for kwargs in ({"limit": "abc"}, {"limit": 2**70}, {"offset": -1}):
            with self.subTest(search=kwargs):
                response = self.call("aktive.participant", "search", [[]], kwargs)
                self.assertClearError(response, "whole numbers")
        self.assertEqual(self.snapshot(), before)

    @property
    def _csrf(self):
        page = self.url_open(f"/my/aktive/person/{self.arne.id}").text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def test_x7_portal_forms_refuse_nul_without_a_500(self):
        self.authenticate("mahmoud", "mahmoud")
        csrf = self._csrf
        nul = "Kaffe\x00og prat"
        log = f"/my/aktive/person/{self.arne.id}/log"
        report = "/my/aktive/report/send"
        profile = "/my/aktive/profile/save"
        arne = str(self.arne.id)
        forms = [
            (log, {"kind": "visit", "note": nul}),
            (log, {"kind": "visit", "note": "Ok", "hours": "1\x00"}),
            (log, {"kind": "visit\x00", "note": "Ok"}),
            (log, {"kind": "visit", "note": "Ok", "date": "2026-01-01\x00"}),
            (report, {"participant_id": arne, "kind": "change", "text": nul}),
            (report, {"participant_id": arne, "kind": "wish", "text": nul}),
            (report, {"participant_id": arne, "kind": "worry", "text": nul}),
            (report, {"participant_id": arne + "\x00", "kind": "change", "text": "Ok"}),
            (profile, {"area": nul}),
            (profile, {"availability": nul}),
            (profile, {"area": "Ok", "interest_ids": "1\x00"}),
        ]
        before = self.snapshot()
        for url, data in forms:
            with self.subTest(url=url, data=repr(data)):
                response = self.url_open(url, data={**data, "csrf_token": csrf})
                self.assertEqual(response.status_code, 400)
                self.assertNotIn("Traceback", response.text)
                self.assertIn("cannot be stored", response.text)
        self.assertEqual(self.snapshot(), before)
        with self.subTest(case="a normal visit is still logged"):
            response = self.url_open(log, data={"kind": "visit", "note": "Ok", "csrf_token": csrf})
            self.assertEqual(response.status_code, 200)
            logs = self.snapshot()[0]["aktive.contact.log"]
            self.assertEqual(logs, before[0]["aktive.contact.log"] + 1)

    def test_x7_addresses_with_nul_are_not_found_or_bad_requests(self):
        before = self.snapshot()
        arne = self.arne.id
        urls = [
            "/my/aktive/person/%00",
            f"/my/aktive/person/{arne}%00",
            f"/my/aktive/person/{arne}/contact-form%00",
            f"/my/aktive/person/{arne}/log%00",
            "/my/aktive/%00",
            "/my/%00",
            f"/my/aktive/person/{arne}?saved=%00",
            f"/my/aktive/report?participant_id={arne}%00",
            "/my/aktive/profile?saved=%00",
            f"/report/pdf/{REPORT}/{arne}%00",
            f"/report/html/{REPORT}/%00",
            f"/report/pdf/{REPORT}%00/{arne}",
            "/aktive/annual_report/1/2026%00.xlsx",
            "/my/aktive/person/" + "1" * 5000,  # beyond Python's conversion of digits
            f"/aktive/annual_report/1/{'2' * 5000}.xlsx",
        ]
        for login in (None, "mahmoud", "bjorg", "hilde"):
            if login:
                self.authenticate(login, login)
            else:
                self.authenticate(None, None)
            for url in urls:
                with self.subTest(login=login, url=url):
                    response = self.url_open(url)
                    self.assertLess(response.status_code, 500)
                    if login:  # a visitor is sent to the login page first
                        self.assertIn(response.status_code, (400, 404))
                    self.assertNotIn("Traceback", response.text)
        self.assertEqual(self.snapshot(), before)
