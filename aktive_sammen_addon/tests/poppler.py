"""PDFs the tests render for real (wkhtmltopdf), read with poppler-utils (pdfinfo, pdffonts,
pdftotext): what a reader's viewer sees, not what the template meant."""

import os
import subprocess
import tempfile


def poppler(tool, path):
    """The tool's output for the PDF at `path` (pdftotext writes the text to stdout)."""
    return subprocess.run(
        [tool, path] + (["-"] if tool == "pdftotext" else []),
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def render_pdf(env, report, ids, **context):
    """The PDF of `report` for `ids`, made by wkhtmltopdf as a print by env's user is (the
    test mode would otherwise give the HTML)."""
    content, _type = (
        env["ir.actions.report"]
        .with_context(force_report_rendering=True, **context)
        ._render_qweb_pdf(report, ids)
    )
    return content


def write_pdf(case, content, name=None):
    """`content` in a temporary file that the test `case` removes, and its path; with a
    `name` and AKTIVE_ARTIFACTS set, a copy kept there to look at (not committed)."""
    handle, path = tempfile.mkstemp(suffix=".pdf")
    with os.fdopen(handle, "wb") as file:
        file.write(content)
    case.addCleanup(os.unlink, path)
    artifacts = os.environ.get("AKTIVE_ARTIFACTS")
    if artifacts and name:
        os.makedirs(artifacts, exist_ok=True)
        with open(os.path.join(artifacts, f"{name}.pdf"), "wb") as file:
            file.write(content)
    return path


def page_count(info):
    """The number of pages in pdfinfo's output."""
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
