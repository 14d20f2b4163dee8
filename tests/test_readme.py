"""The addon's README.rst, its Apps page and the Apps entry's bokmål are what the readme/
fragments say (issue 18.3): made by scripts/readme.py, never edited by hand, and up to date."""

import os
import re
import sys

import pytest
from docutils.core import publish_doctree
from odoo_cli import REPO_ROOT

sys.path.insert(0, os.path.join(REPO_ROOT, "scripts"))
import readme

FRAGMENTS = ("DESCRIPTION", "USAGE", "CONFIGURE", "CONTRIBUTORS", "HISTORY")


def test_generated_files_are_up_to_date():
    stale = [os.path.relpath(path, REPO_ROOT) for path in readme.stale()]
    assert not stale, f"run `.venv/bin/python scripts/readme.py`: {stale} out of date"


def test_check_mode_reports_a_stale_file(tmp_path, monkeypatch):
    """--check fails when a generated file was edited by hand."""
    target = tmp_path / "README.rst"
    target.write_text("edited by hand\n", encoding="utf-8")
    monkeypatch.setattr(readme, "outputs", lambda: {str(target): "generated\n"})
    assert readme.main(["--check"]) == 1
    target.write_text("generated\n", encoding="utf-8")
    assert readme.main(["--check"]) == 0


@pytest.mark.parametrize("name", FRAGMENTS)
def test_oca_fragments_exist(name):
    assert readme.fragment(name), f"readme/{name}.md is empty"


def test_history_has_every_version_newest_first():
    versions = re.findall(r"^## (19\.0\.\d+\.\d+\.\d+)", readme.fragment("HISTORY"), re.M)
    assert versions[:4] == ["19.0.3.0.0", "19.0.2.1.0", "19.0.2.0.0", "19.0.1.0.0"]
    assert versions[0] == readme.manifest()["version"], "the newest entry is this version"


@pytest.mark.parametrize("lang", ["en", "nb_NO"])
def test_readme_is_valid_restructuredtext(lang):
    """docutils raises on an error or a warning (a broken list, an unknown role)."""
    publish_doctree(readme.build_rst(lang), settings_overrides={"halt_level": 2})


def test_readme_holds_every_fragment():
    text = open(
        os.path.join(REPO_ROOT, "aktive_sammen_addon", "README.rst"), encoding="utf-8"
    ).read()
    for title in ("Configuration", "Usage", "Changelog", "Credits", "Contributors"):
        assert f"\n{title}\n" in text
    assert "``/my``" in text, "Markdown code became reStructuredText literals"


def test_apps_page_is_in_bokmaal_and_english():
    page = readme.build_html()
    assert page.index('lang="nb"') < page.index('lang="en"'), "bokmål first"
    for lang, words in (("nb_NO", "Kontaktskjemaet på én A4-side"), ("en", "contact form")):
        assert words in page, lang
    assert readme.fragment("SUMMARY", "nb_NO") in page
    assert readme.manifest()["summary"] in page
