"""poppler-utils on a PDF the tests rendered for real (pdfinfo, pdffonts, pdftotext): what a
reader's viewer sees, not what the template meant."""

import subprocess


def poppler(tool, path):
    """The tool's output for the PDF at `path` (pdftotext writes the text to stdout)."""
    return subprocess.run(
        [tool, path] + (["-"] if tool == "pdftotext" else []),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
