"""The addon's entry in Apps reads in bokmål as well as English (issue 16.7): its summary and
description are translated on the module record (i18n_extra/nb.po, made with README.rst and
the Apps page from the readme/ fragments by scripts/readme.py), and the page Apps shows is
those fragments in both languages."""

import html
import re

from odoo.tests import TransactionCase
from odoo.tools import file_open

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def fragment(path):
    with file_open(f"aktive_sammen_addon/readme/{path}") as file:
        return file.read().strip()


def first_line(path):
    return fragment(path).splitlines()[0].strip()


class TestAppsEntry(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("nb_NO"):
            # Activating a language loads the installed addons' translations, ours included.
            cls.env["res.lang"]._activate_lang("nb_NO")
        cls.module = cls.env.ref("base.module_aktive_sammen_addon")

    def field_in(self, lang, field):
        return self.module.with_context(lang=lang)[field]

    def test_summary_in_bokmaal_and_english(self):
        self.assertEqual(self.field_in("nb_NO", "summary"), fragment("nb_NO/SUMMARY.md"))
        self.assertIn("social network", self.field_in("en_US", "summary"))
        self.assertNotEqual(self.field_in("nb_NO", "summary"), self.field_in("en_US", "summary"))

    def test_description_in_bokmaal_and_english(self):
        """The module's description is the README (reStructuredText), one per language."""
        norwegian, english = (
            self.field_in("nb_NO", "description"),
            self.field_in("en_US", "description"),
        )
        self.assertIn(first_line("nb_NO/DESCRIPTION.md"), norwegian)
        self.assertIn("\nOppsett\n=======", norwegian)
        self.assertIn(first_line("DESCRIPTION.md"), english)
        self.assertIn("\nConfiguration\n=============", english)
        self.assertNotIn("Oppsett", english)

    def test_apps_page_shows_the_fragments_in_both_languages(self):
        page = self.module.description_html
        self.assertTrue(page, "Apps shows static/description/index.html")
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
        for path in ("nb_NO/DESCRIPTION.md", "nb_NO/USAGE.md", "DESCRIPTION.md", "USAGE.md"):
            with self.subTest(fragment=path):
                # The first words of the fragment, markup aside, are on the page.
                words = re.sub(r"[*`:]", " ", first_line(path)).split()[1:5]
                self.assertRegex(text, r"\W+".join(map(re.escape, words)))
        self.assertLess(text.index("Norsk (bokmål)"), text.index("English"), "bokmål first")

    def test_an_update_brings_this_versions_bokmaal(self):
        """The module record is noupdate: Odoo keeps its translation at an update, unless
        the addon drops it first (data/ir_module_module_data.xml)."""
        self.module.with_context(lang="nb_NO").summary = "Forrige versjons sammendrag"
        self.module._update_translations("nb_NO")
        self.assertEqual(self.field_in("nb_NO", "summary"), "Forrige versjons sammendrag")
        self.module._aktive_reset_apps_entry_terms()
        self.assertIn("social network", self.field_in("nb_NO", "summary"), "English until loaded")
        self.module._update_translations("nb_NO")
        self.assertEqual(self.field_in("nb_NO", "summary"), fragment("nb_NO/SUMMARY.md"))
        self.assertIn("social network", self.field_in("en_US", "summary"))

    def test_icon(self):
        self.assertEqual(self.module.icon, "/aktive_sammen_addon/static/description/icon.png")
        with file_open("aktive_sammen_addon/static/description/icon.png", "rb") as file:
            self.assertEqual(file.read(8), PNG_MAGIC)
