"""The annual report (report/aktive_annual_report.py, its wizard, PDF and the spreadsheet of
report/aktive_annual_report_xlsx.py) and the volunteer hours it counts
(models/aktive_volunteer_hours.py, the one source report/aktive_volunteer_hours_report.py,
res_partner_hours.py): the
figures of a fixed data set, exactly; the rule that no figure is built on fewer than five
people; who may run it; the real PDF and the spreadsheet; the query count at two sizes."""

import io
import zipfile
from datetime import date

from odoo import Command
from odoo import fields
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import SIGNED
from .common import STAFF_VOLUNTEER
from .common import AktiveCase
from .common import new_signed_volunteer
from .poppler import page_count
from .poppler import poppler
from .poppler import render_pdf
from .poppler import write_pdf
from .screenshots import assert_screens
from .screenshots import tour_screens

YEAR = 2024
REPORT = "aktive_sammen_addon.action_report_annual_report"


def ucla(score):
    """Three UCLA answers ("1"-"3") that add up to `score`."""
    first = min(3, score - 2)
    second = min(3, score - first - 1)
    return {
        "lack_companionship": str(first),
        "left_out": str(second),
        "isolated": str(score - first - second),
    }


class AnnualReportData:
    """A municipality of its own (a company, so the demo data does not count) with a year of
    work in 2024 whose figures are known by hand."""

    @classmethod
    def build_company(cls, env, coordinator, name="Testkommune"):
        company = env["res.company"].create({"name": name})
        coordinator.write({"company_ids": [Command.link(company.id)]})
        return company

    @classmethod
    def build(cls, env, company, coordinator):
        Participant = env["aktive.participant"].with_company(company)
        category_culture = env.ref("aktive_sammen_addon.wish_category_culture")
        category_walks = env.ref("aktive_sammen_addon.wish_category_walks")

        def person(name, reported, **vals):
            return Participant.create(
                {
                    "name": name,
                    "company_id": company.id,
                    "coordinator_id": coordinator.id,
                    "referral_date": reported,
                    "target_group": "senior",
                    "referral_source": "relative",
                    **vals,
                }
            )

        # P1-P6 new in 2024; P7 new and paused; P8 reported in 2023, closed in 2024;
        # P9 closed in 2023 and P10 reported in 2025: outside the year.
        people = [person(f"Deltaker {i}", "2024-03-01") for i in range(1, 7)]
        people.append(
            person(
                "Deltaker 7",
                "2024-05-01",
                target_group="disability",
                referral_source="gp",
                state="paused",
                paused_until="2025-01-01",
            )
        )
        closed = {"state": "closed", "close_reason": "Flyttet"}
        people.append(person("Deltaker 8", "2023-02-01", date_closed="2024-04-01", **closed))
        person("Deltaker 9", "2023-01-01", date_closed="2023-06-01", **closed)
        person("Deltaker 10", "2025-01-10")
        p = people
        # Network established 10-14 days after the need: average 12 days, five people.
        for index, participant in enumerate(p[:5]):
            participant.date_network_established = date(2024, 3, 11 + index)
        # Wishes: 6 culture (5 fulfilled in 2024), 2 walks; all written down in 2024.
        wishes = env["aktive.wish"].create(
            [
                {"participant_id": x.id, "name": "Litteratur", "category_id": category_culture.id}
                for x in p[:6]
            ]
            + [
                {"participant_id": x.id, "name": "Turer", "category_id": category_walks.id}
                for x in p[6:8]
            ]
        )
        env.flush_all()
        env.cr.execute(
            "UPDATE aktive_wish SET create_date = '2024-04-01' WHERE id = ANY(%s)", [wishes.ids]
        )
        env.cr.execute(
            "UPDATE aktive_wish SET state = 'fulfilled', date_fulfilled = '2024-06-01' "
            "WHERE id = ANY(%s)",
            [wishes[:5].ids],
        )
        # Five volunteers (of the municipality), a relative and an organisation in the
        # networks of P1-P5.
        volunteers = (
            env["res.partner"]
            .with_company(company)
            .create(
                [
                    {
                        "name": f"Frivillig {i}",
                        "is_aktive_volunteer": True,
                        "aktive_confidentiality_date": "2024-01-02",
                        "aktive_confidentiality_document": SIGNED,
                    }
                    for i in range(1, 6)
                ]
            )
        )
        members = [
            {"participant_id": x.id, "partner_id": v.id, "date_start": "2024-03-11"}
            for x, v in zip(p[:5], volunteers, strict=True)
        ]
        relative = env["res.partner"].create({"name": "Pårørende Test"})
        lions = env["res.partner"].create({"name": "Lions Testby", "is_company": True})
        members += [
            {"participant_id": p[0].id, "partner_id": relative.id, "date_start": "2024-03-11"},
            {"participant_id": p[1].id, "partner_id": lions.id, "date_start": "2024-03-11"},
        ]
        env["aktive.network.member"].create(members)
        # Follow-ups planned 1 May: 4 held before, 1 held late, 1 never held; one cancelled.
        Followup = env["aktive.followup"]
        followups = Followup.create(
            [{"participant_id": x.id, "date_planned": "2024-05-01"} for x in p[:7]]
        )
        for followup in followups[:4]:
            followup.write({"state": "held", "date_held": "2024-04-28"})
        followups[4].write({"state": "held", "date_held": "2024-05-10"})
        followups[6].write({"state": "cancelled"})
        # Hours: 11 in group activities, 1.5 in the contact log; one entry of 2023 and one
        # of the main company do not count in this company's report of 2024.
        Hours = env["aktive.volunteer.hours"]
        Hours.create(
            [
                {"partner_id": v.id, "date": "2024-02-01", "hours": h, "company_id": company.id}
                for v, h in zip(volunteers, (2, 3, 1.5, 4, 0.5), strict=True)
            ]
        )
        Hours.create(
            {
                "partner_id": volunteers[0].id,
                "date": "2023-12-31",
                "hours": 6,
                "company_id": company.id,
            }
        )
        Hours.create({"partner_id": volunteers[0].id, "date": "2024-02-01", "hours": 5})
        # Loneliness (UCLA 3-9): P1-P7 measured twice, P6 declined once between; P8 measured
        # twice, the latest in 2023 (not in the year's report).
        Measure = env["aktive.loneliness.measure"]
        pairs = [(8, 5), (7, 5), (6, 6), (9, 6), (5, 7), (7, 4), (6, 4)]
        for participant, (baseline, latest) in zip(p[:7], pairs, strict=True):
            Measure.create(
                [
                    {"participant_id": participant.id, "date": "2024-03-05", **ucla(baseline)},
                    {"participant_id": participant.id, "date": "2024-10-01", **ucla(latest)},
                ]
            )
        Measure.create({"participant_id": p[5].id, "date": "2024-06-01", "declined": True})
        Measure.create(
            [
                {"participant_id": p[7].id, "date": "2023-03-01", **ucla(8)},
                {"participant_id": p[7].id, "date": "2023-09-01", **ucla(3)},
            ]
        )
        return people, volunteers


def texts(value):
    """The figures as their printed texts, for exact comparison."""
    if isinstance(value, dict) and "text" in value:
        return value["text"]
    if isinstance(value, dict):
        return {key: texts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [texts(item) for item in value]
    return value


@tagged("post_install", "-at_install")
class TestAnnualReportFigures(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = AnnualReportData.build_company(cls.env, cls.coordinator)
        cls.people, cls.volunteers = AnnualReportData.build(cls.env, cls.company, cls.coordinator)
        contact_log = cls.env["aktive.contact.log"].create(
            {
                "participant_id": cls.people[0].id,
                "user_id": cls.volunteer_user.id,
                "date": "2024-09-01",
                "hours": 1.5,
            }
        )
        cls.contact_log = contact_log

    def figures(self, year=YEAR, company=None):
        env = self.env(user=self.coordinator)
        return texts(env["aktive.annual.report"]._figures(year, company or self.company))

    def test_participants(self):
        f = self.figures()["participants"]
        self.assertEqual(f["total"], ["7", "8", "<5", "<5"])
        by = {table["field"]: table["rows"] for table in f["tables"]}
        first_step = self.stages[0].name
        self.assertEqual(by["stage_id"], [{"label": first_step, "cells": ["7", "8", "<5", "<5"]}])
        target = {row["label"]: row["cells"] for row in by["target_group"]}
        self.assertEqual(
            target,
            {
                # 6 and 7 would give the other row's "<5" from the total: hidden too.
                "Senior (65+)": [":", ":", "0", "<5"],
                "Person with a disability": ["<5", "<5", "<5", "0"],
            },
        )
        referral = {row["label"]: row["cells"] for row in by["referral_source"]}
        self.assertEqual(
            referral, {"Relative": [":", ":", "0", "<5"], "GP": ["<5", "<5", "<5", "0"]}
        )
        self.assertEqual(
            by["municipal_unit_id"], [{"label": "Not given", "cells": ["7", "8", "<5", "<5"]}]
        )

    def test_days_wishes_network_followups(self):
        f = self.figures()
        self.assertEqual(f["days_to_network"], "12")
        self.assertEqual(
            f["wishes"]["rows"],
            [
                {"label": "Culture and literature", "cells": [":", "5"]},
                {"label": "Walks and outdoors", "cells": ["<5", "0"]},
            ],
        )
        self.assertEqual(f["wishes"]["total"], ["8", "5"])
        network = {row["label"]: row["cell"] for row in f["network"]["rows"]}
        self.assertEqual(network, {"Volunteer": "5", "Own network": "<5", "Organisation": "<5"})
        self.assertEqual(f["network"]["total"], "7")
        self.assertEqual(f["followups"], {"due": "6", "on_time": "4", "percent": "67 %"})

    def test_volunteers_and_hours(self):
        f = self.figures()["volunteers"]
        # Five in a network with hours, and the contact log's volunteer: six; 11 + 1.5 hours.
        self.assertEqual(f, {"active": "6", "with_hours": "6", "hours": "12.5", "average": "2.1"})

    def test_loneliness(self):
        f = self.figures()["loneliness"]
        # 7 people: baseline 48/7, latest 37/7, change -11/7; 5 less lonely, 1 same, 1 worse.
        self.assertEqual(
            f,
            {
                "people": "7",
                "baseline": "6.9",
                "latest": "5.3",
                "change": "-1.6",
                "improved": "5",
                "same": "<5",
                "worse": "<5",
            },
        )

    def test_fewer_than_five_people_shows_no_figure(self):
        """Another company with three cases: every figure built on them is hidden."""
        small = AnnualReportData.build_company(self.env, self.coordinator, "Småkommune")
        Participant = self.env["aktive.participant"]
        people = Participant.create(
            [
                {"name": f"Liten {i}", "company_id": small.id, "referral_date": "2024-02-01"}
                for i in range(3)
            ]
        )
        for participant in people:
            participant.date_network_established = date(2024, 2, 11)
            self.env["aktive.loneliness.measure"].create(
                [
                    {"participant_id": participant.id, "date": "2024-02-02", **ucla(8)},
                    {"participant_id": participant.id, "date": "2024-08-02", **ucla(4)},
                ]
            )
        self.env["aktive.followup"].create(
            [{"participant_id": x.id, "date_planned": "2024-05-01"} for x in people]
        )
        f = self.figures(company=small)
        self.assertEqual(f["participants"]["total"], ["<5", "<5", "0", "0"])
        self.assertEqual(f["days_to_network"], "–")
        self.assertEqual(f["followups"], {"due": "<5", "on_time": "<5", "percent": "–"})
        self.assertEqual(
            f["loneliness"],
            {
                "people": "<5",
                "baseline": "–",
                "latest": "–",
                "change": "–",
                "improved": "<5",
                "same": "<5",
                "worse": "<5",
            },
        )
        # ... and the years outside the data have nothing, shown as zero counts.
        self.assertEqual(self.figures(year=2022)["participants"]["total"], ["0", "0", "0", "0"])

    def test_no_small_figure_can_be_worked_out_from_its_total(self):
        """Wherever rows add up to a total shown, a column hides no figure or two or more:
        one "<5" alone would be the total less the figures beside it."""
        f = self.figures()

        def check(rows, total, where):
            for index, total_text in enumerate(total):
                if total_text in ("<5", ":"):
                    continue
                hidden = [row[index] for row in rows if row[index] in ("<5", ":")]
                self.assertNotEqual(len(hidden), 1, f"{where}, column {index}")

        participants = f["participants"]
        for table in participants["tables"]:
            check([row["cells"] for row in table["rows"]], participants["total"], table["field"])
        check([row["cells"] for row in f["wishes"]["rows"]], f["wishes"]["total"], "wishes")
        check([[row["cell"]] for row in f["network"]["rows"]], [f["network"]["total"]], "network")
        lonely = f["loneliness"]
        check([[lonely[key]] for key in ("improved", "same", "worse")], [lonely["people"]], "UCLA")

    def test_the_second_figure_hidden_is_the_smallest_else_the_total(self):
        Report = self.env["aktive.annual.report"]
        count = Report._count
        rows = [[count(9)], [count(6)], [count(3)]]
        total = [count(18)]
        Report._complement(rows, total)
        self.assertEqual([row[0]["text"] for row in rows], ["9", ":", "<5"])
        self.assertIsNone(rows[1][0]["value"], "no number behind a hidden figure")
        self.assertEqual(total[0]["text"], "18")
        # beside zeros only, the total goes
        rows, total = [[count(3)], [count(0)]], [count(3, 9)]
        Report._complement(rows, total)
        self.assertEqual(
            [rows[0][0]["text"], rows[1][0]["text"], total[0]["text"]], ["<5", "0", ":"]
        )
        # two small figures already hide each other; a hidden total gives nothing away
        for rows, total in (
            ([[count(3)], [count(2)], [count(7)]], [count(12)]),
            ([[count(3)], [count(0)]], [count(3)]),
        ):
            before = [row[0]["text"] for row in rows]
            Report._complement(rows, total)
            self.assertEqual([row[0]["text"] for row in rows], before)

    def test_hours_per_volunteer_per_year(self):
        """A volunteer's hours of a year count in every company of the user's."""
        volunteers = self.volunteers.with_user(self.coordinator)
        hours = volunteers._aktive_hours(YEAR)
        # The first also gave 5 hours in the main company.
        self.assertEqual([hours[v.id] for v in volunteers], [7, 3, 1.5, 4, 0.5])
        self.assertEqual(volunteers[0]._aktive_hours(2023), {volunteers[0].id: 6})
        # A user of the test company alone does not see the main company's hours.
        other = new_test_user(
            self.env,
            login="annual_other_coordinator",
            groups="aktive_sammen_addon.group_aktive_coordinator",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.assertEqual(
            self.volunteers[0].with_user(other)._aktive_hours(YEAR), {volunteers[0].id: 2}
        )
        env = self.env(user=self.coordinator)
        self.assertEqual(
            env["res.partner"].browse(self.volunteer.id)._aktive_hours(YEAR),
            {self.volunteer.id: 1.5},
        )

    def test_hours_this_year_on_the_profile(self):
        """The profile's "Hours this year" counts the contact log and group activities."""
        today = fields.Date.context_today(self.env.user)
        self.env["aktive.contact.log"].create(
            {"participant_id": self.people[0].id, "user_id": self.volunteer_user.id, "hours": 2}
        )
        self.env["aktive.volunteer.hours"].create(
            {"partner_id": self.volunteer.id, "date": today, "hours": 1.25}
        )
        partner = self.env["res.partner"].with_user(self.coordinator).browse(self.volunteer.id)
        self.assertEqual(partner.aktive_hours_this_year, 3.25)

    def test_hours_entries_refuse_bad_input(self):
        Hours = self.env["aktive.volunteer.hours"]
        for vals in ({"hours": 0}, {"hours": 25}, {"date": date(2999, 1, 1), "hours": 1}):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Hours.create({"partner_id": self.volunteer.id, **vals})

    def test_bad_year_or_company_is_a_clear_error(self):
        env = self.env(user=self.coordinator)
        Report = env["aktive.annual.report"]
        for year in (0, 1800, 3000, date.today().year + 1):
            with self.subTest(year=year), self.assertRaises(UserError):
                Report._figures(year, self.company)
        other = self.env["res.company"].create({"name": "Ikke min kommune"})
        with self.assertRaises(UserError):
            Report._figures(YEAR, other)
        with self.assertRaises(UserError):
            env["aktive.annual.report.wizard"].create({"year": 3000})

    def test_wizard_defaults_to_last_year_early_in_the_year(self):
        Wizard = self.env(user=self.coordinator)["aktive.annual.report.wizard"]
        today = fields.Date.context_today(Wizard)
        expected = today.year - 1 if today.month <= 2 else today.year
        self.assertEqual(Wizard.create({}).year, expected)

    def test_only_coordinators_run_it(self):
        staff = new_signed_volunteer(self.env, "annual_staff_volunteer", groups=STAFF_VOLUNTEER)
        for user in (self.volunteer_user, staff, self.municipal_user):
            with self.subTest(user=user.login):
                env = self.env(user=user)
                with self.assertRaises(AccessError):
                    env["aktive.annual.report"]._figures(YEAR, self.env.company)
                with self.assertRaises(AccessError):
                    env["aktive.annual.report.wizard"].create({"year": YEAR})
                with self.assertRaises(AccessError):
                    env["aktive.volunteer.hours"].search([])
                with self.assertRaises(AccessError):
                    env["aktive.volunteer.hours.report"].search([])

    def test_spreadsheet_has_the_same_figures(self):
        env = self.env(user=self.coordinator)
        content = env["aktive.annual.report"]._xlsx(YEAR, self.company)
        cells = xlsx_cells(content)
        figures = env["aktive.annual.report"]._figures(YEAR, self.company)
        self.assertEqual(cells["All participants"], ["7", "8", "<5", "<5"])
        self.assertEqual(cells["Volunteer hours"], ["12.5"])
        self.assertEqual(float(cells["Mean change"][0]), figures["loneliness"]["change"]["value"])
        self.assertEqual(cells["Less lonely"], ["5"])
        self.assertEqual(cells["Lonelier"], ["<5"])
        self.assertEqual(cells["Held on time (%)"], ["67"])

    def test_query_count_does_not_grow_with_the_data(self):
        env = self.env(user=self.coordinator)
        Report = env["aktive.annual.report"]
        Report._figures(YEAR, self.company)  # warm the registry caches
        counts = []
        for _round in range(2):
            AnnualReportData.build(self.env, self.company, self.coordinator)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Report._figures(YEAR, self.company)
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        self.env.invalidate_all()
        with self.assertQueryCount(15):
            Report._figures(YEAR, self.company)


def xlsx_cells(content):
    """{first column text: [the other columns' texts]} of the first sheet, read with the
    standard library (an xlsx is a zip of XML)."""
    import xml.etree.ElementTree as ET

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        shared = [
            "".join(t.text or "" for t in item.iter(f"{{{ns['m']}}}t"))
            for item in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", ns)
        ]
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = {}
    for row in sheet.iter(f"{{{ns['m']}}}row"):
        values = []
        for cell in row.findall("m:c", ns):
            value = cell.find("m:v", ns)
            text = value.text if value is not None else ""
            if cell.get("t") == "s":
                text = shared[int(text)]
            elif text.endswith(".0"):
                text = text[:-2]
            values.append(text)
        if values:
            rows[values[0]] = values[1:]
    return rows


@tagged("post_install", "-at_install")
class TestAnnualReportHttp(HttpCase):
    """The real PDF (Debian's wkhtmltopdf, the test server's CSS), the spreadsheet route and
    the coordinator's tour."""

    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        self.bjorg = self.env.ref("aktive_sammen_addon.user_bjorg_demo")
        self.company = AnnualReportData.build_company(self.env, self.bjorg)
        AnnualReportData.build(self.env, self.company, self.bjorg)

    poppler = staticmethod(poppler)

    def test_pdf_is_one_or_two_a4_pages_of_text(self):
        wizard = (
            self.env["aktive.annual.report.wizard"]
            .with_user(self.bjorg)
            .create({"year": YEAR, "company_id": self.company.id})
        )
        content = render_pdf(self.env(user=self.bjorg), REPORT, wizard.ids, lang="nb_NO")
        path = write_pdf(self, content, "annual_report")
        info = self.poppler("pdfinfo", path)
        pages = page_count(info)
        self.assertIn(pages, (1, 2))
        self.assertIn("595 x 842 pts (A4)", info)
        self.assertIn("DejaVu", self.poppler("pdffonts", path))
        text = " ".join(self.poppler("pdftotext", path).split())
        self.assertIn("Årsrapport 2024", text)
        self.assertIn("Testkommune", text)
        self.assertIn("11,0", text)  # the volunteer hours, in bokmål
        self.assertIn("<5", text)
        self.assertIn("færre enn 5", text)

    def test_spreadsheet_route(self):
        self.authenticate("bjorg", "bjorg")
        response = self.url_open(f"/aktive/annual_report/{self.company.id}/{YEAR}.xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        cells = xlsx_cells(response.content)
        self.assertEqual(cells["Alle deltakere"], ["7", "8", "<5", "<5"])
        for path in (
            f"/aktive/annual_report/{self.company.id}/1800.xlsx",
            f"/aktive/annual_report/{self.company.id}/3000.xlsx",
            f"/aktive/annual_report/{self.company.id}/abc.xlsx",
            f"/aktive/annual_report/999999/{YEAR}.xlsx",
            f"/aktive/annual_report/{self.company.id}/99999999999.xlsx",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 404)

    def test_spreadsheet_route_refuses_others(self):
        portal = new_signed_volunteer(self.env, "annual_portal")
        staff = new_signed_volunteer(self.env, "annual_staff", groups=STAFF_VOLUNTEER)
        municipal = new_test_user(
            self.env, login="annual_municipal", groups="aktive_sammen_addon.group_aktive_municipal"
        )
        path = f"/aktive/annual_report/{self.env.company.id}/{YEAR}.xlsx"
        for user in (portal, staff, municipal):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                self.assertEqual(self.url_open(path).status_code, 404)
        self.authenticate(None, None)
        response = self.url_open(path, allow_redirects=False)
        self.assertIn(response.status_code, (303, 302, 404))

    def test_portal_profile_shows_the_same_hours(self):
        """The volunteer's own page and the coordinator's profile count the same hours."""
        mahmoud = self.env.ref("aktive_sammen_addon.user_mahmoud_demo")
        partner = mahmoud.partner_id
        self.env["aktive.volunteer.hours"].create(
            {"partner_id": partner.id, "hours": 2.5, "activity_id": False}
        )
        expected = partner.with_user(self.bjorg).aktive_hours_this_year
        self.assertGreaterEqual(expected, 2.5)
        self.authenticate("mahmoud", "mahmoud")
        html = self.url_open("/my/aktive/profile").text
        shown = f"{expected:g}".replace(".", ",")
        self.assertIn(f"<strong>{shown}</strong>", html)

    def test_tour_bjorg_prints_the_annual_report(self):
        with tour_screens("annual_report") as shots:
            self.start_tour(
                "/odoo/action-aktive_sammen_addon.aktive_annual_report_wizard_action",
                "aktive_annual_report_tour",
                login="bjorg",
                timeout=180,
            )
        assert_screens(self, shots, 2)
        wizard = self.env["aktive.annual.report.wizard"].search(
            [("create_uid", "=", self.bjorg.id)], order="id desc", limit=1
        )
        self.assertEqual(wizard.year, 2025)
