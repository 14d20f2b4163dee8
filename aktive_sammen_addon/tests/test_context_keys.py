"""Context keys are not privileges (README row X12, "Context keys"): any caller sets any key
over JSON-RPC, so none of the keys the addon reads may relax a check unless the caller is
the superuser. Tried here as each role: the volunteer (portal), the municipal contact
person, the coordinator and the administrator."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import MissingError
from odoo.exceptions import UserError
from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..models.aktive_participant_contact_form import CONTACT_FORM
from ..models.aktive_participant_contact_form import SEND_KEY
from ..models.mail_thread import NOTIFY_BY_MAIL
from . import access_matrix
from .common import ROLE_GROUPS
from .common import SIGNED
from .test_access_rights import AccessCase

ROLES = ("volunteer", "municipal", "coordinator", "admin")
RETENTION = {"aktive_retention": True}


@tagged("post_install", "-at_install")
class TestContextKeys(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Vennesla frivilligsentral"})
        env_b = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company_b.ids))
        cls.case_b = env_b["aktive.participant"].create(
            {"name": "Case of the other company", "company_id": cls.company_b.id}
        )
        # The history the unlink guards keep: an agreed wish met with an activity, a held
        # follow-up with a loneliness measure, a member who has taken part.
        cls.activity = cls.env["aktive.activity"].create({"name": "Choir"})
        cls.wish.write({"state": "agreed", "activity_id": cls.activity.id})
        cls.followup.write({"state": "held", "date_held": cls.today})
        cls.planned = cls.env["aktive.followup"].create(
            {"participant_id": cls.participant.id, "date_planned": cls.today}
        )
        cls.env["aktive.loneliness.measure"].create(
            {"participant_id": cls.participant.id, "followup_id": cls.planned.id, "declined": True}
        )
        cls.member.date_start = cls.today - timedelta(days=30)
        cls.env["aktive.sensitive.note"].create(
            {"participant_id": cls.participant.id, "note": "Second note"}
        )

    def assertRefused(self, role, model, operation, leak_class="context key"):
        """Refused with an access error or the guard's own message: recorded as a denial."""
        return _Refused(self, role, model, operation, leak_class)

    def test_x12_retention_key_deletes_no_history(self):
        """aktive_retention lets the history guards of unlink pass - for the retention run,
        as superuser, only."""
        history = (
            self.participant,
            self.wish,
            self.followup,
            self.planned,
            self.member,
            self.activity,
        )
        for role in ROLES:
            for record in history:
                with self.subTest(role=role, model=record._name):
                    with self.assertRefused(role, record._name, "unlink"):
                        self.as_role(role, record._name).with_context(**RETENTION).browse(
                            record.id
                        ).unlink()
                    self.assertTrue(record.exists())
        self.assertEqual(len(self.participant.sensitive_note_ids), 2)

    def test_x12_notify_by_mail_key_reaches_nobody(self):
        """aktive_notify_by_mail names partners to notify of an internal note though no user
        of theirs may write the case: honoured for the superuser only."""
        outsider = self.env["res.partner"].create(
            {"name": "Outsider", "email": "outsider@example.com"}
        )
        for role in ROLES:
            with self.subTest(role=role):
                case = self.as_role(role, "aktive.participant").browse(self.participant.id)
                try:
                    message = case.with_context(**{NOTIFY_BY_MAIL: outsider.ids}).message_post(
                        body="Internal", partner_ids=outsider.ids, subtype_xmlid="mail.mt_note"
                    )
                except AccessError:
                    access_matrix.record(role, "mail.message", "notify", "context key")
                    continue
                notified = self.env["mail.notification"].search(
                    [("mail_message_id", "=", message.id)]
                )
                self.assertNotIn(outsider, notified.res_partner_id)
                access_matrix.record(role, "mail.message", "notify", "context key")

    def test_x12_contact_form_send_key_archives_nothing(self):
        """aktive_contact_form_send makes the composer archive a contact form version:
        a caller who may not send the form (the button) gets none by setting it."""
        staff = self.new_staff_volunteer("aktive_staff_volunteer")
        self.participant.municipal_contact_id = self.env["res.partner"].create(
            {"name": "Hilde Home Care", "email": "hilde@kommune.example"}
        )
        context = {
            "default_model": "aktive.participant",
            "default_res_ids": self.participant.ids,
            "default_composition_mode": "comment",
            SEND_KEY: True,
        }
        for role, user in (("volunteer", self.volunteer_user), ("staff_volunteer", staff)):
            with self.subTest(role=role):
                Composer = self.env["mail.compose.message"].with_user(user).with_context(**context)
                with self.assertRefused(role, "aktive.contact.form.version", "create"):
                    Composer.create({"body": "Form"}).action_send_mail()
        self.assertFalse(self.participant.sudo().contact_form_version_ids)

    def test_x12_contact_form_lang_key_reads_nothing_more(self):
        """aktive_contact_form_lang only chooses the language of the printed form."""
        others = {
            "volunteer": self.foreign,
            "municipal": self.foreign,
            "coordinator": self.case_b,
            "admin": self.case_b,
        }
        for role, other in others.items():
            with self.subTest(role=role):
                Report = self.as_role(role, "ir.actions.report").with_context(
                    aktive_contact_form_lang="nb_NO"
                )
                with self.assertRefused(role, "aktive.participant", "read"):
                    Report._render_qweb_html(CONTACT_FORM, other.ids)

    def test_x12_default_keys_are_given_values(self):
        """A default_<field> key counts as the value given: checked like one."""
        Participant = self.as_role("municipal", "aktive.participant")
        base = {"name": "Reported Person", "municipal_unit_id": self.unit.id}
        for key, value in (
            ("default_coordinator_id", self.coordinator.id),
            ("default_partner_id", self.relative.id),
        ):
            with self.subTest(key=key):
                with self.assertDenied("municipal", "aktive.participant", "create", "context key"):
                    Participant.with_context(**{key: value}).create(dict(base))
        for role in ("admin", "coordinator"):
            with self.subTest(role=role):
                with self.assertDenied(role, "aktive.participant", "create", "context key"):
                    self.as_role(role, "aktive.participant").with_context(
                        default_anonymised=True
                    ).create({"name": "Escapes retention"})
        # a volunteer's entry is their own, a note its writer's, a proposed wish new
        entry = (
            self.as_role("volunteer", "aktive.contact.log")
            .with_context(default_user_id=self.coordinator.id)
            .create({"participant_id": self.participant.id})
        )
        self.assertEqual(entry.user_id, self.volunteer_user)
        note = (
            self.as_role("municipal", "aktive.sensitive.note")
            .with_context(default_author_id=self.coordinator.id)
            .create({"participant_id": self.participant.id, "note": "Hearing"})
        )
        self.assertEqual(note.author_id, self.municipal_user)
        wish = (
            self.as_role("volunteer", "aktive.wish")
            .with_context(default_state="agreed")
            .create({"participant_id": self.participant.id, "name": "Fishing"})
        )
        self.assertEqual(wish.state, "new")

    def test_x12_dialog_defaults_reach_no_other_case(self):
        """default_wish_id (volunteer suggestion) and default_participant_id (pause and
        close dialogs) preselect a record: one the user may not reach stays out of reach."""
        for role in ("volunteer", "municipal"):
            with self.subTest(role=role):
                Wizard = self.as_role(role, "aktive.volunteer.suggestion")
                with self.assertRefused(role, "aktive.volunteer.suggestion", "create"):
                    Wizard.with_context(default_wish_id=self.foreign_wish.id).create({})
        others = {"volunteer": self.foreign, "municipal": self.foreign, "coordinator": self.case_b}
        for role, other in others.items():
            with self.subTest(role=role, dialog="pause"):
                Pause = self.as_role(role, "aktive.pause.wizard").with_context(
                    default_participant_id=other.id
                )
                with self.assertRefused(role, "aktive.participant", "write"):
                    Pause.create({"paused_until": self.today + timedelta(days=30)}).action_pause()
                self.assertEqual(other.state, "active")
            with self.subTest(role=role, dialog="close"):
                Close = self.as_role(role, "aktive.close.wizard").with_context(
                    default_participant_id=other.id
                )
                with self.assertRefused(role, "aktive.participant", "write"):
                    Close.create({"close_reason": "Moved"}).action_close()
                self.assertEqual(other.state, "active")


class _Refused:
    """Context manager: the block raises AccessError, UserError or MissingError (an access
    right, a guard or a record the user may not see); the denial is recorded."""

    def __init__(self, case, role, model, operation, leak_class):
        self.case, self.args = case, (role, model, operation, leak_class)
        self.savepoint = None

    def __enter__(self):
        self.savepoint = self.case.env.cr.savepoint()
        self.savepoint.__enter__()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.savepoint.__exit__(exc_type, exc, tb)
        if exc_type is None:
            self.case.fail(f"not refused: {self.args}")
        if not issubclass(exc_type, (AccessError, UserError, MissingError)):
            return False
        access_matrix.record(*self.args)
        return True


@tagged("post_install", "-at_install")
class TestContextKeysOverJsonRpc(HttpCase):
    """The keys as a browser session sets them: /web/dataset/call_kw with a context."""

    def setUp(self):
        super().setUp()
        self.users = {
            role: new_test_user(self.env, login=f"ctx_{role}", groups=ROLE_GROUPS[role])
            for role in ROLES
        }
        self.users["volunteer"].partner_id.write(
            {
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": "2026-01-01",
                "aktive_confidentiality_document": SIGNED,
            }
        )
        unit = self.env["aktive.municipal.unit"].create(
            {"name": "Home care", "user_ids": [Command.set(self.users["municipal"].ids)]}
        )
        self.case = self.env["aktive.participant"].create(
            {"name": "Arne Rpc", "municipal_unit_id": unit.id}
        )
        self.env["aktive.network.member"].create(
            {"participant_id": self.case.id, "partner_id": self.users["volunteer"].partner_id.id}
        )
        self.notes = self.env["aktive.sensitive.note"].create(
            [
                {"participant_id": self.case.id, "note": "Heart condition"},
                {"participant_id": self.case.id, "note": "Hearing"},
            ]
        )

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_x12_retention_key_over_rpc_deletes_no_case(self):
        """Tried on main as coordinator: the case and its two sensitive notes were gone."""
        for role in ROLES:
            with self.subTest(role=role):
                self.authenticate(f"ctx_{role}", f"ctx_{role}")
                with self.assertRaisesRegex(JsonRpcException, "AccessError|UserError"):
                    self.call(
                        "aktive.participant",
                        "unlink",
                        [self.case.ids],
                        {"context": {"aktive_retention": True}},
                    )
                self.assertTrue(self.case.exists())
                self.assertEqual(len(self.notes.exists()), 2)
                access_matrix.record(role, "aktive.participant", "unlink", "context key")

    def test_x12_cron_progress_key_reaches_no_cron_method(self):
        """ir_cron_progress_id is read inside a cron method only, which no request calls."""
        for role in ROLES:
            with self.subTest(role=role):
                self.authenticate(f"ctx_{role}", f"ctx_{role}")
                with self.assertRaisesRegex(JsonRpcException, "AccessError|private"):
                    self.call(
                        "aktive.followup",
                        "_cron_flag_overdue",
                        [],
                        {"context": {"ir_cron_progress_id": 1}},
                    )
