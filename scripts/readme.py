"""Build what the readme/ fragments of the addon say, the way OCA's readme generator does:

- aktive_sammen_addon/README.rst - the addon's description (Odoo reads it as the module's
  description), from readme/DESCRIPTION.md, CONFIGURE.md, USAGE.md, HISTORY.md and
  CONTRIBUTORS.md;
- aktive_sammen_addon/static/description/index.html - the page Apps shows (Odoo shows this
  file when it exists, and nothing for an application without it): the same fragments, in
  bokmål (readme/nb_NO/) and in English;
- aktive_sammen_addon/i18n_extra/nb.po - the bokmål of the Apps entry's summary and
  description (Odoo loads i18n_extra/<lang>.po with the addon's own translations; the terms
  belong to the module record base.module_aktive_sammen_addon, which the addon's exported
  template does not hold).

No network; docutils and polib come with Odoo's requirements. Run it after changing a
fragment or the manifest's summary (tests/test_readme.py fails until then):

    .venv/bin/python scripts/readme.py           # write the files
    .venv/bin/python scripts/readme.py --check   # exit 1 if one is out of date
"""

import ast
import os
import re
import sys

import polib
from docutils.core import publish_parts

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDON = os.path.join(REPO, "aktive_sammen_addon")
README = os.path.join(ADDON, "readme")
MODULE_XMLID = "base.module_aktive_sammen_addon"
GENERATED = "This file is generated from readme/ by scripts/readme.py: edit the fragments."

# Section titles per language, in OCA's order.
TITLES = {
    "en": {
        "CONFIGURE": "Configuration",
        "USAGE": "Usage",
        "HISTORY": "Changelog",
        "credits": "Credits",
        "authors": "Authors",
        "CONTRIBUTORS": "Contributors",
        "toc": "Table of contents",
        "language": "English",
    },
    "nb_NO": {
        "CONFIGURE": "Oppsett",
        "USAGE": "Bruk",
        "HISTORY": "Endringer",
        "credits": "Om modulen",
        "authors": "Forfattere",
        "CONTRIBUTORS": "Bidragsytere",
        "toc": "Innhold",
        "language": "Norsk (bokmål)",
    },
}


def manifest():
    with open(os.path.join(ADDON, "__manifest__.py"), encoding="utf-8") as file:
        return ast.literal_eval(file.read())


def fragment(name, lang="en"):
    folder = README if lang == "en" else os.path.join(README, lang)
    with open(os.path.join(folder, f"{name}.md"), encoding="utf-8") as file:
        return file.read().strip()


def md_to_rst(text, heading="-"):
    """The Markdown the fragments use, as reStructuredText: paragraphs, "- " lists and
    *emphasis*/**strong** read the same in both; `code` and "## " headings do not."""
    lines = []
    for line in text.splitlines():
        match = re.match(r"#{2,3} (.+)", line)
        if match:
            title = match.group(1).strip()
            lines += [title, heading * len(title)]
            continue
        lines.append(re.sub(r"`([^`]+)`", r"``\1``", line))
    return "\n".join(lines).strip()


def section(title, body, char="="):
    return f"{title}\n{char * len(title)}\n\n{body}\n"


def build_rst(lang="en", toc=True):
    """The addon's README in `lang`, laid out like OCA's README.rst; `toc=False` for the
    page, which holds two languages."""
    titles = TITLES[lang]
    name = manifest()["name"]
    parts = [
        f".. {GENERATED}\n" if toc else "",
        f"{'=' * len(name)}\n{name}\n{'=' * len(name)}\n",
        md_to_rst(fragment("DESCRIPTION", lang)) + "\n",
    ]
    if toc:
        parts.append(f"**{titles['toc']}**\n\n.. contents::\n   :local:\n")
    for key in ("CONFIGURE", "USAGE", "HISTORY"):
        parts.append(section(titles[key], md_to_rst(fragment(key, lang))))
    parts.append(
        section(
            titles["credits"],
            section(titles["authors"], f"- {manifest()['author']}", "-")
            + "\n"
            + section(titles["CONTRIBUTORS"], md_to_rst(fragment("CONTRIBUTORS")), "-"),
        )
    )
    return "\n".join(parts)


def rst_to_html(rst, prefix):
    """The body of the page (the document title is the page's own heading)."""
    parts = publish_parts(
        source=rst,
        writer_name="html5",
        settings_overrides={
            "initial_header_level": 3,
            "id_prefix": prefix,
            "report_level": 2,
            "halt_level": 2,
            "embed_stylesheet": False,
            "file_insertion_enabled": False,
            "raw_enabled": False,
        },
    )
    return parts["body"].strip()


def build_html():
    summary = {"en": manifest()["summary"], "nb_NO": fragment("SUMMARY", "nb_NO")}
    blocks = [
        f"<!-- {GENERATED} -->",
        '<section class="oe_container">',
        '    <div class="oe_row oe_spaced">',
        '        <h2 class="oe_slogan" style="color:#217670;">Aktive Sammen</h2>',
        f'        <h3 class="oe_slogan">{summary["nb_NO"]}</h3>',
        f'        <h3 class="oe_slogan">{summary["en"]}</h3>',
        '        <div class="oe_span12 text-center">',
        '            <img class="oe_picture" src="icon.png" alt="Aktive Sammen"/>',
        "        </div>",
        "    </div>",
        "</section>",
    ]
    for lang, code in (("nb_NO", "nb"), ("en", "en")):
        blocks += [
            f'<section class="oe_container" lang="{code}">',
            '    <div class="oe_row oe_spaced">',
            f"        <h2>{TITLES[lang]['language']}</h2>",
            rst_to_html(build_rst(lang, toc=False), f"{code}-"),
            "    </div>",
            "</section>",
        ]
    return "\n".join(blocks) + "\n"


def build_po():
    """Bokmål for the module record's summary and description (the description is the
    README.rst, as Odoo reads it when the manifest has none)."""
    catalog = polib.POFile(wrapwidth=78)
    catalog.metadata = {
        "Project-Id-Version": "aktive_sammen_addon",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": "nb",
    }
    catalog.header = GENERATED
    for field, source, translation in (
        ("summary", manifest()["summary"], fragment("SUMMARY", "nb_NO")),
        ("description", build_rst("en"), build_rst("nb_NO")),
    ):
        catalog.append(
            polib.POEntry(
                msgid=source,
                msgstr=translation,
                comment="module: base",
                occurrences=[(f"model:ir.module.module,{field}:{MODULE_XMLID}", "")],
            )
        )
    return str(catalog) + "\n"


def outputs():
    """{path: content}; each file ends with one newline and no line with trailing spaces, as
    the repository's checks (pre-commit's end-of-file and whitespace fixers) want it."""
    files = {
        os.path.join(ADDON, "README.rst"): build_rst("en"),
        os.path.join(ADDON, "static", "description", "index.html"): build_html(),
        os.path.join(ADDON, "i18n_extra", "nb.po"): build_po(),
    }
    return {
        path: "\n".join(line.rstrip() for line in content.splitlines()).strip("\n") + "\n"
        for path, content in files.items()
    }


def stale():
    """The generated files whose content differs from what the fragments give."""
    result = []
    for path, content in outputs().items():
        try:
            with open(path, encoding="utf-8") as file:
                current = file.read()
        except FileNotFoundError:
            current = None
        if current != content:
            result.append(path)
    return result


def main(argv):
    if "--check" in argv:
        paths = stale()
        for path in paths:
            print(f"out of date: {os.path.relpath(path, REPO)} (run scripts/readme.py)")
        return 1 if paths else 0
    for path, content in outputs().items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(content)
        print(f"wrote {os.path.relpath(path, REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
