"""Norwegian users: every term of the addon has a bokmål translation, and the template the
translation follows is the addon as it is now (exported from the test database)."""

import os
import re
import subprocess
import sys
import tempfile

import polib
import pytest
from odoo_cli import ODOO_BIN
from odoo_cli import ODOO_CONF
from odoo_cli import PYTHON
from odoo_cli import REPO_ROOT

sys.path.insert(0, os.path.join(REPO_ROOT, "scripts"))
from i18n_terms import addon_terms

I18N = os.path.join(REPO_ROOT, "aktive_sammen_addon", "i18n")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def keys(catalog):
    return {(entry.msgctxt, entry.msgid) for entry in catalog if entry.msgid}


@pytest.fixture(scope="module")
def nb():
    return polib.pofile(os.path.join(I18N, "nb.po"))


@pytest.fixture(scope="module")
def pot():
    return polib.pofile(os.path.join(I18N, "aktive_sammen_addon.pot"))


def test_template_is_current():
    db = os.environ.get("AKTIVE_TEST_DB", "aktive_sammen_test")
    with tempfile.TemporaryDirectory() as tmp:
        exported = os.path.join(tmp, "export.pot")
        subprocess.run(
            [
                PYTHON,
                ODOO_BIN,
                "i18n",
                "export",
                "-c",
                ODOO_CONF,
                "-d",
                db,
                "-o",
                exported,
                "aktive_sammen_addon",
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        current = keys(addon_terms(exported))
    committed = keys(polib.pofile(os.path.join(I18N, "aktive_sammen_addon.pot")))
    missing = sorted(msgid for _ctx, msgid in current - committed)[:10]
    stale = sorted(msgid for _ctx, msgid in committed - current)[:10]
    assert not missing and not stale, (
        f"run scripts/update_translations.sh: new terms {missing}, gone terms {stale}"
    )


def test_every_term_is_translated(nb, pot):
    untranslated = [e.msgid for e in nb if e.msgid and not e.msgstr and not e.obsolete]
    fuzzy = [e.msgid for e in nb if "fuzzy" in e.flags]
    missing = keys(pot) - keys(nb)
    assert len(untranslated) == 0, untranslated[:10]
    assert not fuzzy, fuzzy[:10]
    assert not missing, sorted(missing)[:10]


def test_placeholders_survive_translation(nb):
    broken = [
        e.msgid
        for e in nb
        if e.msgstr
        and sorted(PLACEHOLDER.findall(e.msgid)) != sorted(PLACEHOLDER.findall(e.msgstr))
    ]
    assert not broken, broken[:10]
