"""The proven access matrix: each asserted denial of the access tests is recorded (role,
model, operation, leak class), so `make access-report` prints what the run proved rather
than what a table claims. Recording is on when AKTIVE_ACCESS_MATRIX names a file."""

import contextlib
import json
import os

from odoo.exceptions import AccessError


def record(role, model, operation, leak_class):
    path = os.environ.get("AKTIVE_ACCESS_MATRIX")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as file:
        file.write(json.dumps([role, model, operation, leak_class]) + "\n")


class DenialMixin:
    """assertDenied: the block must raise AccessError; the denial is recorded."""

    @contextlib.contextmanager
    def assertDenied(self, role, model, operation, leak_class):
        # recorded here, in detail, not again by assertRaises below
        with super().assertRaises(AccessError):  # pylint: disable=super-method-mismatch
            yield
        record(role, model, operation, leak_class)

    def assertNothingFound(self, found, role, model, operation, leak_class):
        """A search that answers as if the hidden records did not exist is a denial too."""
        self.assertFalse(found)
        record(role, model, operation, leak_class)

    # Row prefixes of README's role table, as the access tests are named (test_v1_..., ...).
    ROW_ROLES = {"v": "volunteer", "m": "municipal", "c": "coordinator", "a": "admin"}

    def assertRaises(self, expected, *args, **kwargs):
        """Every `with self.assertRaises(AccessError)` of an access test counts as a denial,
        under the role of its README row (test_v3_... is a volunteer's)."""
        manager = super().assertRaises(expected, *args, **kwargs)
        if expected is not AccessError or args:
            return manager
        parts = self._testMethodName.split("_")
        row = parts[1] if len(parts) > 1 else ""
        role = self.ROW_ROLES.get(row[:1], "any") if row[1:].isdigit() else "any"
        return self._recorded(manager, role, type(self).__name__)

    @contextlib.contextmanager
    def _recorded(self, manager, role, test_class):
        """Under the test class (TestLeakFollowing, TestVolunteerAccess...) as its class."""
        with manager as caught:
            yield caught
        record(role, "*", "assertRaises", test_class)
