"""A case's records stay on their case (README row X10), and the fields of a case that only
its processes write stay theirs (row X11): models/aktive_case_privacy.py.

Without these rules a coordinator re-pointed a wish or a log entry to a case of another
company (its stored company followed), a municipal contact person wrote the stored company of
a sensitive note (the note left the case and its export), and a case worker wrote or created
a case with `anonymised`, `date_closed` ... (the case escaped retention, or was anonymised
early, or skewed the annual report)."""

from datetime import timedelta

from odoo import Command
from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import ROLE_GROUPS
from .test_access_rights import AccessCase

# What a case's processes write, with a value a user would like to give.
PROCESS_VALUES = {
    "anonymised": True,
    "date_anonymised": "2020-01-01",
    "date_network_established": "2020-01-01",
    "date_closed": "2020-01-01",
    "date_last_stage_update": "2020-01-01 10:00:00",
}


class IntegrityCase(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Vennesla frivilligsentral"})
        env_b = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company_b.ids))
        cls.case_b = env_b["aktive.participant"].create(
            {"name": "Case of the other company", "company_id": cls.company_b.id}
        )
        cls.measure = cls.env["aktive.loneliness.measure"].create(
            {"participant_id": cls.participant.id, "declined": True}
        )
        cls.children = {
            "aktive.wish": cls.wish,
            "aktive.contact.log": cls.log,
            "aktive.network.member": cls.member,
            "aktive.followup": cls.followup,
            "aktive.loneliness.measure": cls.measure,
            "aktive.sensitive.note": cls.note,
        }


@tagged("post_install", "-at_install")
class TestRecordsStayOnTheirCase(IntegrityCase):
    def test_x10_every_case_record_names_its_case(self):
        """The mechanism is generic: every model whose records point to a case declares
        the field, so that a new model cannot forget the rule."""
        for name, model in self.env.items():
            field = model._fields.get("participant_id")
            if (
                model._transient
                or model._abstract
                or not model._auto  # a report's SQL view
                or not field
                or field.comodel_name != "aktive.participant"
                or name == "aktive.access.log"  # append-only: no user creates or writes a line
                # told once and never changed: its own write takes nothing but date_seen
                # (test_x10_a_notice_stays_what_was_told)
                or name == "aktive.notice"
            ):
                continue
            with self.subTest(model=name):
                self.assertEqual(model._aktive_case_field, "participant_id", name)

    def test_x10_a_notice_stays_what_was_told(self):
        notice = self.env["aktive.notice"].create(
            {
                "participant_id": self.participant.id,
                "company_id": self.participant.company_id.id,
                "partner_id": self.coordinator.partner_id.id,
                "kind": "pause",
                "text": "Pause",
            }
        )
        for vals in (
            {"participant_id": self.foreign.id},
            {"company_id": self.case_b.company_id.id},
        ):
            with self.subTest(vals=vals):
                with self.assertDenied(
                    "coordinator", "aktive.notice", "write", "move to another case"
                ):
                    self.as_role("coordinator", "aktive.notice").browse(notice.id).write(vals)
        self.assertEqual(notice.participant_id, self.participant)

    def test_x10_coordinator_moves_no_record_to_another_case(self):
        for model, record in self.children.items():
            for target in (self.foreign, self.case_b):
                with self.subTest(model=model, target=target.name):
                    with self.assertDenied("coordinator", model, "write", "move to another case"):
                        self.as_role("coordinator", model).browse(record.id).write(
                            {"participant_id": target.id}
                        )
                    record.invalidate_recordset()
                    self.assertEqual(record.participant_id, self.participant)
                    self.assertEqual(record.company_id, self.env.company)

    def test_x10_coordinator_moves_no_record_through_the_other_case(self):
        """Linked from the other case's list (a one-to-many command) is a move too."""
        Participant = self.as_role("coordinator", "aktive.participant")
        for field, record in (("wish_ids", self.wish), ("contact_log_ids", self.log)):
            with self.subTest(field=field):
                with self.assertDenied(
                    "coordinator", record._name, "write", "move to another case"
                ):
                    Participant.browse(self.foreign.id).write({field: [Command.link(record.id)]})
                self.assertEqual(record.participant_id, self.participant)

    def test_x10_volunteer_and_municipal_move_nothing(self):
        with self.assertDenied("volunteer", "aktive.contact.log", "write", "move to another case"):
            self.as_role("volunteer", "aktive.contact.log").browse(self.log.id).write(
                {"participant_id": self.case_b.id}
            )
        with self.assertDenied(
            "municipal", "aktive.sensitive.note", "write", "move to another case"
        ):
            self.as_role("municipal", "aktive.sensitive.note").browse(self.note.id).write(
                {"participant_id": self.foreign.id}
            )

    def test_x10_stored_company_is_never_written_from_outside(self):
        attempts = (
            ("municipal", self.note),
            ("volunteer", self.log),
            ("coordinator", self.wish),
            ("coordinator", self.member),
            ("coordinator", self.followup),
            ("coordinator", self.measure),
            ("admin", self.log),
        )
        for role, record in attempts:
            with self.subTest(role=role, model=record._name):
                with self.assertDenied(role, record._name, "write", "company of a case record"):
                    self.as_role(role, record._name).browse(record.id).write(
                        {"company_id": self.company_b.id}
                    )
                record.invalidate_recordset()
                self.assertEqual(record.company_id, self.env.company)
        # the same company again is no change (a form may send it)
        self.as_role("municipal", self.note._name).browse(self.note.id).write(
            {"company_id": self.env.company.id}
        )

    def test_x10_create_takes_the_case_company(self):
        """A company given on create that is not the case's is refused, as a value or as
        the context's default; the case's own company, or none, is the case's."""
        Wish = self.as_role("coordinator", "aktive.wish")
        vals = {"participant_id": self.participant.id, "name": "Choir"}
        with self.assertDenied("coordinator", "aktive.wish", "create", "company of a case record"):
            Wish.create({**vals, "company_id": self.company_b.id})
        with self.assertDenied("coordinator", "aktive.wish", "create", "company of a case record"):
            Wish.with_context(default_company_id=self.company_b.id).create(vals)
        Note = self.as_role("municipal", "aktive.sensitive.note")
        with self.assertDenied(
            "municipal", "aktive.sensitive.note", "create", "company of a case record"
        ):
            Note.create(
                {
                    "participant_id": self.participant.id,
                    "note": "x",
                    "company_id": self.company_b.id,
                }
            )
        wish = Wish.create({**vals, "company_id": self.env.company.id})
        self.assertEqual(wish.company_id, self.env.company)
        note = Note.create({"participant_id": self.participant.id, "note": "Diabetes"})
        self.assertEqual(note.company_id, self.env.company)

    def test_x10_the_superuser_moves_a_record_and_its_company_follows(self):
        """Only the superuser moves a record (a repair by the system itself): the stored
        company is the new case's."""
        self.wish.sudo().write({"participant_id": self.case_b.id})
        self.assertEqual(self.wish.company_id, self.company_b)

    def test_x10_moving_the_case_to_another_company_takes_its_records(self):
        """The coordinator moves the whole case (a field of theirs): its records follow."""
        moving = self.env["aktive.participant"].create({"name": "Moving Person"})
        wish = self.add_wish(moving)
        note = self.env["aktive.sensitive.note"].create(
            {"participant_id": moving.id, "note": "Diabetes"}
        )
        self.coordinator.company_ids = [Command.link(self.company_b.id)]
        cases = self.as_role("coordinator", "aktive.participant").with_context(
            allowed_company_ids=[self.env.company.id, self.company_b.id]
        )
        cases.browse(moving.id).write({"company_id": self.company_b.id})
        self.assertEqual(wish.company_id, self.company_b)
        self.assertEqual(note.company_id, self.company_b)


@tagged("post_install", "-at_install")
class TestLifecycleFields(IntegrityCase):
    def test_x11_case_workers_write_no_lifecycle_field(self):
        for role in ("municipal", "coordinator"):
            case = self.as_role(role, "aktive.participant").browse(self.participant.id)
            for name, value in PROCESS_VALUES.items():
                with self.subTest(role=role, field=name):
                    with self.assertDenied(role, "aktive.participant", "write", "lifecycle field"):
                        case.write({name: value})
        self.participant.invalidate_recordset()
        self.assertFalse(self.participant.anonymised or self.participant.date_closed)

    def test_x11_case_workers_create_no_case_with_a_lifecycle_field(self):
        """Given as a value or as the context's default; nobody creates an archived case."""
        for role in ("municipal", "coordinator"):
            Participant = self.as_role(role, "aktive.participant")
            base = {"name": "New Person", "municipal_unit_id": self.unit.id}
            for name, value in {**PROCESS_VALUES, "active": False}.items():
                with self.subTest(role=role, field=name):
                    with self.assertDenied(role, "aktive.participant", "create", "lifecycle field"):
                        Participant.create({**base, name: value})
                    with self.assertDenied(role, "aktive.participant", "create", "lifecycle field"):
                        Participant.with_context(**{f"default_{name}": value}).create(dict(base))
            case = Participant.create({**base, "active": True})
            self.assertTrue(case.active)
            self.assertFalse(case.sudo().anonymised or case.date_closed)

    def test_x11_coordinator_archives_municipal_contact_does_not(self):
        case = self.as_role("municipal", "aktive.participant").browse(self.participant.id)
        with self.assertDenied("municipal", "aktive.participant", "write", "archive"):
            case.action_archive()
        with self.assertDenied("municipal", "aktive.participant", "write", "archive"):
            case.write({"active": False})
        case = self.as_role("coordinator", "aktive.participant").browse(self.participant.id)
        case.action_archive()
        self.assertFalse(self.participant.active)
        case.action_unarchive()
        self.assertTrue(self.participant.active)

    def test_x11_the_processes_still_write_their_fields(self):
        """Moving the step, closing and reopening, as the coordinator."""
        case = self.as_role("coordinator", "aktive.participant").browse(self.participant.id)
        self.participant.sudo().date_last_stage_update = fields.Datetime.now() - timedelta(days=9)
        case.write({"interests": "Choir"})
        self.assertEqual(case.days_in_step, 9, "no move, no new date")
        self.add_wish(state="agreed")
        case.action_next_step()
        self.assertEqual(case.days_in_step, 0)
        case.write({"close_reason": "Moved away"})
        case.action_close()
        self.assertEqual(case.date_closed, self.today)
        case.action_reopen()
        self.assertFalse(case.date_closed)


@tagged("post_install", "-at_install")
class TestIntegrityOverJsonRpc(HttpCase):
    """Rows X10 and X11 over the wire (/web/dataset/call_kw), as a browser session would."""

    def setUp(self):
        super().setUp()
        self.users = {
            role: new_test_user(self.env, login=f"rpc_{role}", groups=ROLE_GROUPS[role])
            for role in ("municipal", "coordinator")
        }
        unit = self.env["aktive.municipal.unit"].create(
            {"name": "Home care", "user_ids": [Command.set(self.users["municipal"].ids)]}
        )
        self.unit = unit
        self.case = self.env["aktive.participant"].create(
            {"name": "Arne Rpc", "municipal_unit_id": unit.id}
        )
        self.note = self.env["aktive.sensitive.note"].create(
            {"participant_id": self.case.id, "note": "Heart condition"}
        )
        self.company_b = self.env["res.company"].create({"name": "Other centre"})

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_x10_municipal_writes_no_company_of_a_note_over_rpc(self):
        self.authenticate("rpc_municipal", "rpc_municipal")
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call(
                "aktive.sensitive.note",
                "write",
                [[self.note.id], {"company_id": self.company_b.id}],
            )
        self.note.invalidate_recordset()
        self.assertEqual(self.note.company_id, self.case.company_id)

    def test_x11_lifecycle_fields_over_rpc(self):
        for role in ("municipal", "coordinator"):
            self.authenticate(f"rpc_{role}", f"rpc_{role}")
            for name, value in PROCESS_VALUES.items():
                with self.subTest(role=role, field=name):
                    with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                        self.call("aktive.participant", "write", [[self.case.id], {name: value}])
                    with self.assertRaisesRegex(JsonRpcException, "AccessError"):
                        self.call(
                            "aktive.participant",
                            "create",
                            [{"name": "Rpc New", "municipal_unit_id": self.unit.id, name: value}],
                        )
        self.case.invalidate_recordset()
        self.assertFalse(self.case.anonymised or self.case.date_closed)
        self.assertFalse(
            self.env["aktive.participant"]
            .with_context(active_test=False)
            .search([("name", "=", "Rpc New")])
        )
