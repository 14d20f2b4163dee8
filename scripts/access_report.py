"""Prints the access matrix an access test run proved: the test methods run and passed (from
pytest's JUnit XML) and every denial the tests asserted (from the AKTIVE_ACCESS_MATRIX file
that aktive_sammen_addon/tests/access_matrix.py writes), by role, model, operation and class."""

import collections
import contextlib
import io
import json
import sys
import xml.etree.ElementTree as ET

BEGIN, END = "<!-- access:begin -->", "<!-- access:end -->"
ROLES = ["volunteer", "staff_volunteer", "municipal", "coordinator", "admin", "any"]


def main(matrix_path, junit_path, readme=None):
    """Print the report; with `readme`, also put it between its access markers."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        status = report(matrix_path, junit_path)
    text = buffer.getvalue()
    print(text, end="")
    if readme:
        with open(readme, encoding="utf-8") as file:
            content = file.read()
        head, _sep, rest = content.partition(BEGIN)
        _old, _sep, tail = rest.partition(END)
        with open(readme, "w", encoding="utf-8") as file:
            file.write(f"{head}{BEGIN}\n{text}{END}{tail}")
    return status


def report(matrix_path, junit_path):
    cases = ET.parse(junit_path).getroot().iter("testcase")
    by_file = collections.Counter()
    failed = 0
    for case in cases:
        by_file[case.get("classname").rsplit(".", 2)[-2]] += 1
        failed += any(child.tag in ("failure", "error", "skipped") for child in case)
    rows = [json.loads(line) for line in open(matrix_path, encoding="utf-8")]
    print(
        f"Access tests: {sum(by_file.values())} test methods ({failed} not passed), "
        f"{len(rows)} asserted denials\n"
    )
    print("| test file | methods |\n|---|---:|")
    for name, count in sorted(by_file.items()):
        print(f"| {name} | {count} |")
    table(rows, "role × model", lambda r: r[1], "model")
    table(rows, "role × operation", lambda r: r[2], "operation")
    table(rows, "role × leak class", lambda r: r[3], "class")
    return 1 if failed else 0


def table(rows, title, key, label):
    counts = collections.Counter((key(r), r[0]) for r in rows)
    roles = [role for role in ROLES if any(r[0] == role for r in rows)]
    print(f"\nDenials, {title}:\n")
    print(f"| {label} | " + " | ".join(roles) + " | all |")
    print("|---|" + "---:|" * (len(roles) + 1))
    for value in sorted({k for k, _ in counts}):
        cells = [counts.get((value, role), 0) for role in roles]
        print(f"| {value} | " + " | ".join(str(c or "") for c in cells) + f" | {sum(cells)} |")


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
