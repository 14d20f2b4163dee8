"""Every XML file of the addon must be well-formed, every CSV must have rows of one width,
and every file the manifest names must exist - before Odoo gets to see them."""

import ast
import csv
import pathlib
import sys

from lxml import etree

ADDON = pathlib.Path(__file__).resolve().parent.parent / "aktive_sammen_addon"
LEGACY = ("<tree", "attrs=", "states=")


def main():
    errors = []
    manifest = ast.literal_eval((ADDON / "__manifest__.py").read_text())
    for name in manifest.get("data", []) + manifest.get("demo", []):
        if not (ADDON / name).is_file():
            errors.append(f"{name}: named in __manifest__.py but missing")
    for path in sorted(ADDON.rglob("*.xml")):
        try:
            etree.parse(str(path))
        except etree.XMLSyntaxError as exc:
            errors.append(f"{path.relative_to(ADDON)}: {exc}")
            continue
        text = path.read_text()
        errors += [f"{path.relative_to(ADDON)}: pre-17 syntax {w!r}" for w in LEGACY if w in text]
    for path in sorted(ADDON.rglob("*.csv")):
        rows = list(csv.reader(path.open(newline="")))
        widths = {len(r) for r in rows if r}
        if len(widths) > 1:
            errors.append(f"{path.relative_to(ADDON)}: rows of different widths {sorted(widths)}")
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
