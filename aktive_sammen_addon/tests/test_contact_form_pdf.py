import html
import logging
import os
import re
import subprocess
import time

from odoo import Command
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .poppler import page_count
from .poppler import poppler
from .poppler import render_pdf
from .poppler import write_pdf

_logger = logging.getLogger(__name__)
ACTION = "aktive_sammen_addon.action_report_contact_form"
LOG_ACTION = "aktive_sammen_addon.action_report_contact_log"
WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)
# A word's box from `pdftotext -bbox-layout` is as high as the font's ascent + descent,
# 1.164 em for DejaVu Sans: its height / 1.164 is the size of the type in pt (checked
# against the font size set in the PDF's text matrix).
DEJAVU_BOX_EM = 1.164
TABLE_PT = 9  # issue 16: the least type on the form, for older readers
HEADING_PT = 11
HEADINGS = (
    "Contact form",
    "Participant",
    "Coordinator",
    "When the situation changes, call the municipality",
    "The network",
    "Wishes and what was agreed",
    "Adaptations",
    "Next follow-up",
)


def type_sizes(path):
    """[(size in pt, bottom in pt, word)] of page 1 of the PDF at `path`, in reading order."""
    layout = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", path, "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        ((float(y_max) - float(y_min)) / DEJAVU_BOX_EM, float(y_max), html.unescape(word))
        for y_min, y_max, word in WORD.findall(layout)
    ]


def heading_sizes(words, heading):
    """The sizes of the words of the first place `heading` is printed, or None."""
    tokens = heading.split()
    texts = [word for _size, _y, word in words]
    for start in range(len(texts) - len(tokens) + 1):
        if texts[start : start + len(tokens)] == tokens:
            return [size for size, _y, _word in words[start : start + len(tokens)]]
    return None


@tagged("post_install", "-at_install")
class TestContactFormPdf(HttpCase):
    """The real PDF, from Debian's wkhtmltopdf with the running server's CSS, checked with
    poppler-utils: one A4 page with a text layer, whatever the realistic maximum."""

    def setUp(self):
        super().setUp()
        # wkhtmltopdf loads the report's CSS from this test server.
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")

    def pdf(self, participants):
        content = render_pdf(self.env, ACTION, participants.ids)
        return write_pdf(self, content, self._testMethodName)

    poppler = staticmethod(poppler)

    def pages(self, path):
        info = self.poppler("pdfinfo", path)
        return page_count(info), info

    def test_arne_one_a4_page_with_every_phone(self):
        path = self.pdf(self.arne)
        pages, info = self.pages(path)
        self.assertEqual(pages, 1)
        self.assertIn("595 x 842 pts (A4)", info)
        self.assertIn("DejaVu", self.poppler("pdffonts", path), "text must be real text")
        text = " ".join(self.poppler("pdftotext", path).split())
        self.assertIn("Arne Sødal", text)
        for member in self.arne.network_member_ids:
            with self.subTest(member=member.partner_id.name):
                self.assertIn(member.phone, text)
        self.assertIn("Hilde Berntsen", text)
        self.assertIn("480 12 345", text)

    def test_realistic_maximum_still_one_page(self):
        participant = self.env["aktive.participant"].create(
            {
                "name": "Astrid Marie Kristiansen-Håland",
                "street": "Omsorgsboligene i Venneslatunet, leilighet 12, inngang B",
                "phone": "913 67 890",
                "consent_given": True,
                "consent_date": "2026-01-05",
                "adaptations": "Rullator, teleslynge, trenger skyss og god tid. " * 6,
                "municipal_contact_id": self.env.ref("aktive_sammen_addon.partner_hilde_demo").id,
            }
        )
        friends = self.env["res.partner"].create(
            [
                {"name": f"Venn nummer {i} Etternavnsen-Lund", "phone": f"900 10 {i:03d}"}
                for i in range(12)
            ]
        )
        members = self.env["aktive.network.member"].create(
            [
                {
                    "participant_id": participant.id,
                    "partner_id": f.id,
                    "frequency": "Annenhver torsdag etter middag",
                }
                for f in friends
            ]
        )
        self.env["aktive.wish"].create(
            [
                {
                    "participant_id": participant.id,
                    "state": "agreed",
                    "name": f"Ønske {i}: komme meg ut og treffe folk der jeg bor, hver uke",
                    "agreement": "Vaffeltreff i fellesstua hver torsdag, med følge av en frivillig",
                    "network_member_ids": [Command.set(members[i : i + 2].ids)],
                }
                for i in range(10)
            ]
        )
        path = self.pdf(participant)
        self.assertEqual(self.pages(path)[0], 1)
        text = " ".join(self.poppler("pdftotext", path).split())
        self.assertIn("900 10 011", text, "the twelfth member is printed")
        self.assertIn("Ønske 9", text, "the tenth wish is printed")

    def test_longest_texts_still_one_page(self):
        """Whatever length is typed in any field the form prints, and more members and
        wishes than it holds: one page, the rest counted."""
        path = self.pdf(self.longest_case())
        self.assertEqual(self.pages(path)[0], 1)
        text = " ".join(self.poppler("pdftotext", path).split())
        self.assertIn("(+3 more", text, "members beyond the twelfth are counted")
        self.assertEqual(text.count("(+3 more"), 2, "and so are wishes beyond the tenth")

    def assertReadable(self, path, headings=HEADINGS):
        """Nothing on page 1 smaller than TABLE_PT, each heading at least HEADING_PT."""
        words = type_sizes(path)
        self.assertTrue(words, "the PDF has a text layer")
        smallest = min(words)
        # 0.05 pt: the rounding of the box coordinates pdftotext prints.
        self.assertGreaterEqual(smallest[0], TABLE_PT - 0.05, f"too small: {smallest}")
        for heading in headings:
            with self.subTest(heading=heading):
                sizes = heading_sizes(words, heading)
                self.assertTrue(sizes, f"{heading!r} is printed")
                self.assertGreaterEqual(min(sizes), HEADING_PT - 0.05)
        return words

    def test_type_for_older_readers_on_one_page(self):
        """Issue 16: the longest form in type of at least 9 pt (the tables, the least on the
        page) and 11 pt headings, still one A4 page - using the page, not half of it."""
        path = self.pdf(self.longest_case())
        pages, info = self.pages(path)
        self.assertEqual(pages, 1)
        self.assertIn("595 x 842 pts (A4)", info)
        words = self.assertReadable(path)
        table = [w for w in words if w[2].startswith(("Etternavnsen-Lund", "Ønske", "Besøksvenn"))]
        self.assertGreater(len(table), 30, "the rows of both tables are measured")
        self.assertGreaterEqual(min(table)[0], TABLE_PT - 0.05)
        bottom = max(y for _size, y, _word in words)
        self.assertGreater(bottom, 842 * 0.85, "the longest form fills the page")

    def test_arne_type_for_older_readers(self):
        path = self.pdf(self.arne)
        self.assertEqual(self.pages(path)[0], 1)
        words = self.assertReadable(path)
        phones = [w for w in words if w[2] in ("941", "922", "913")]
        self.assertGreaterEqual(min(phones)[0], TABLE_PT - 0.05, "the network's phones")

    def test_contact_log_type_for_older_readers(self):
        """The log sent with the form shares its styles: 9 pt and more, on one page."""
        self.env["aktive.contact.log"].create(
            [
                {"participant_id": self.arne.id, "note": f"Kaffe og vafler, besøk {i}", "hours": 2}
                for i in range(20)
            ]
        )
        version = self.env["aktive.contact.form.version"].create(
            {
                "participant_id": self.arne.id,
                "version": 99,
                "log_ids": self.arne.contact_log_ids.ids,
            }
        )
        path = write_pdf(self, render_pdf(self.env, LOG_ACTION, version.ids))
        self.assertEqual(self.pages(path)[0], 1)
        words = self.assertReadable(path, headings=("Contact log",))
        self.assertIn("besøk", [w[2] for w in words])

    def longest_case(self):
        """A participant with every printed field as long as it takes, 15 network members
        and 13 wishes: more than the form holds."""

        def long(words, size=400):
            return ((words + " ") * (size // len(words) + 1))[:size].strip()

        def longest(model, field, words):
            """As long as the field takes (models/aktive_input_guard.py)."""
            Model = self.env[model]
            return long(words, Model._input_limit(Model._fields[field]))

        Partner = self.env["res.partner"]
        self.env.company.write(
            {"name": long("Vennesla frivilligsentral"), "phone": long("38 13 71")}
        )
        coordinator = new_test_user(
            self.env,
            login="aktive_long",
            groups="aktive_sammen_addon.group_aktive_coordinator",
            name=long("Koordinator Bjørg Haugland"),
            email=long("bjorg") + "@x.no",
        )
        contact = Partner.create(
            {"name": long("Hilde Berntsen-Kristoffersen"), "phone": long("480 12 345")}
        )
        unit = self.env["aktive.municipal.unit"].create(
            {
                "name": longest("aktive.municipal.unit", "name", "Hjemmetjenesten sone nord"),
                "volunteer_contact_id": Partner.create(
                    {"name": long("Frivilligkontakt Ola Nordmann"), "phone": long("38 00 00")}
                ).id,
            }
        )
        P = "aktive.participant"
        participant = self.env[P].create(
            {
                "name": longest(P, "name", "Astrid Marie Kristiansen-Håland"),
                "street": longest(P, "street", "Omsorgsboligene i Venneslatunet, leilighet 12"),
                "zip": longest(P, "zip", "4700"),
                "city": longest(P, "city", "Vennesla"),
                "phone": longest(P, "phone", "913 67 890"),
                "coordinator_id": coordinator.id,
                "municipal_unit_id": unit.id,
                "municipal_contact_id": contact.id,
                "consent_given": True,
                "consent_date": "2026-01-05",
                "consent_scope": long("Skjemaet sendes kommunen hver gang det endres."),
                "adaptations": long("Rullator, teleslynge, trenger skyss og god tid."),
            }
        )
        role = self.env["aktive.network.role"].create(
            {"name": longest("aktive.network.role", "name", "Besøksvenn og turvenn")}
        )
        friends = Partner.create(
            [
                {"name": long(f"Venn {i} Etternavnsen-Lund"), "phone": long("900 10 111")}
                for i in range(15)
            ]
        )
        members = self.env["aktive.network.member"].create(
            [
                {
                    "participant_id": participant.id,
                    "partner_id": f.id,
                    "role_id": role.id,
                    "frequency": longest(
                        "aktive.network.member", "frequency", "Annenhver torsdag etter middag"
                    ),
                }
                for f in friends
            ]
        )
        activity = self.env["aktive.activity"].create(
            {"name": longest("aktive.activity", "name", "Vaffeltreff i fellesstua")}
        )
        self.env["aktive.wish"].create(
            [
                {
                    "participant_id": participant.id,
                    "state": "agreed",
                    "name": longest(
                        "aktive.wish", "name", f"Ønske {i}: komme meg ut og treffe folk"
                    ),
                    "agreement": long("Hver torsdag, med følge av en frivillig"),
                    "activity_id": activity.id,
                    "network_member_ids": [Command.set(members[i : i + 3].ids)],
                }
                for i in range(13)
            ]
        )
        return participant

    def test_batch_of_50_gives_50_pages(self):
        participants = self.env["aktive.participant"].create(
            [
                {
                    "name": f"Deltaker {i}",
                    "phone": f"913 00 {i:03d}",
                    "consent_given": True,
                    "consent_date": "2026-01-05",
                }
                for i in range(50)
            ]
        )
        start = time.perf_counter()
        path = self.pdf(participants)
        seconds = time.perf_counter() - start
        self.assertEqual(self.pages(path)[0], 50)
        text = self.poppler("pdftotext", path)
        self.assertIn("Deltaker 0", text)
        self.assertIn("Deltaker 49", text)
        _logger.info("Contact form: 50 forms rendered as one PDF in %.2f s", seconds)
        artifacts = os.environ.get("AKTIVE_ARTIFACTS")
        if artifacts:
            os.makedirs(artifacts, exist_ok=True)
            with open(os.path.join(artifacts, "contact_form_timing.txt"), "w") as file:
                file.write(f"50 contact forms in one PDF: {seconds:.2f} s\n")
