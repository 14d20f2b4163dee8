"""Translatable terms of the addon, from an Odoo export, without demo-only entries.

Demo records (xml ids ending in _demo) are sample data in Norwegian already; they are not part
of the addon's vocabulary. Used by scripts/update_translations.sh and the translation tests."""

import sys

import polib


def is_demo_only(entry):
    refs = [ref for ref, _line in entry.occurrences]
    return bool(refs) and all(ref.rsplit(".", 1)[-1].endswith("_demo") for ref in refs)


def addon_terms(pot_path):
    """The exported template without demo-only entries (a polib.POFile)."""
    pot = polib.pofile(pot_path)
    for entry in [e for e in pot if is_demo_only(e)]:
        pot.remove(entry)
    return pot


if __name__ == "__main__":
    addon_terms(sys.argv[1]).save(sys.argv[2])
