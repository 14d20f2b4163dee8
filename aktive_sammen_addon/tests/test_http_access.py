import contextlib

from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import SIGNED
from .common import STAFF_VOLUNTEER
from .common import new_signed_volunteer


@tagged("post_install", "-at_install")
class TestVolunteerOverJsonRpc(HttpCase):
    """The rules hold over the wire too: a volunteer's browser session asking for a
    participant they do not help gets an access error, not data."""

    def setUp(self):
        super().setUp()
        self.volunteer = new_signed_volunteer(
            self.env, "rpc_volunteer", password="rpc_volunteer_pw"
        )
        Participant = self.env["aktive.participant"]
        self.mine = Participant.create({"name": "Helped Person", "phone": "900 11 222"})
        self.other = Participant.create({"name": "Someone Else", "phone": "900 33 444"})
        self.env["aktive.network.member"].create(
            {"participant_id": self.mine.id, "partner_id": self.volunteer.partner_id.id}
        )
        self.authenticate("rpc_volunteer", "rpc_volunteer_pw")

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_volunteer_reads_own_and_is_refused_the_other(self):
        [mine] = self.call("aktive.participant", "read", [[self.mine.id], ["name", "phone"]])
        self.assertEqual(mine["phone"], "900 11 222")
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call("aktive.participant", "read", [[self.other.id], ["name", "phone"]])
        found = self.call("aktive.participant", "search_read", [[]], {"fields": ["name"]})
        self.assertEqual([r["id"] for r in found], [self.mine.id])

    def test_volunteer_is_refused_sensitive_fields_and_models(self):
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call("aktive.participant", "read", [[self.mine.id], ["consent_given"]])
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call("aktive.sensitive.note", "search_read", [[]], {"fields": ["note"]})


@tagged("post_install", "-at_install")
class TestCaseFilesOverHttp(HttpCase):
    """Row V3 over the wire: a file of a case (or of one of its wishes) fetched by id from
    /web/content is refused to the volunteer of the case and served to the coordinator."""

    def setUp(self):
        super().setUp()
        group = "aktive_sammen_addon.group_aktive_"
        # new_test_user: the password is the login
        volunteer = new_test_user(
            self.env, login="http_volunteer", groups="base.group_portal," + group + "volunteer"
        )
        new_test_user(self.env, login="http_coordinator", groups=group + "coordinator")
        volunteer.partner_id.write(
            {
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": "2026-01-01",
                "aktive_confidentiality_document": SIGNED,
            }
        )
        participant = self.env["aktive.participant"].create({"name": "Helped Person"})
        self.env["aktive.network.member"].create(
            {"participant_id": participant.id, "partner_id": volunteer.partner_id.id}
        )
        wish = self.env["aktive.wish"].create({"participant_id": participant.id, "name": "Choir"})
        Attachment = self.env["ir.attachment"]
        self.files = [
            Attachment.create(
                {"name": name, "raw": b"GP letter", "res_model": record._name, "res_id": record.id}
            )
            for name, record in (("referral.txt", participant), ("choir.txt", wish))
        ]

    def fetch(self, attachment):
        return self.url_open(f"/web/content/{attachment.id}?download=true")

    def test_volunteer_is_refused_the_case_files(self):
        self.authenticate("http_volunteer", "http_volunteer")
        for attachment in self.files:
            with self.subTest(file=attachment.name):
                response = self.fetch(attachment)
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn(b"GP letter", response.content)

    def test_coordinator_gets_the_case_files(self):
        self.authenticate("http_coordinator", "http_coordinator")
        for attachment in self.files:
            with self.subTest(file=attachment.name):
                response = self.fetch(attachment)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.content, b"GP letter")


@tagged("post_install", "-at_install")
class TestFollowOverHttp(HttpCase):
    """The Follow button's route and the chatter's routes, as the browser calls them: a
    volunteer (portal or staff) cannot follow the case they help, nor read its log."""

    def setUp(self):
        super().setUp()
        self.arne = self.env.ref("aktive_sammen_addon.participant_arne_demo")
        self.staff = new_signed_volunteer(
            self.env, "rpc_staff_volunteer", STAFF_VOLUNTEER, password="rpc_staff_volunteer_pw"
        )
        self.env["aktive.network.member"].create(
            {"participant_id": self.arne.id, "partner_id": self.staff.partner_id.id}
        )
        self.arne.message_post(body="Internal: hospital next week", subtype_xmlid="mail.mt_note")

    def test_follow_route_refused_and_log_unreadable(self):
        self.authenticate("rpc_staff_volunteer", "rpc_staff_volunteer_pw")
        thread = {"res_model": "aktive.participant", "res_id": self.arne.id}
        # refused outright or ignored: either way no following
        with contextlib.suppress(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/thread/subscribe", {**thread, "partner_ids": self.staff.partner_id.ids}
            )
        self.assertNotIn(self.staff.partner_id, self.arne.sudo().message_partner_ids)
        try:
            messages = self.make_jsonrpc_request(
                "/mail/thread/messages",
                {"thread_model": "aktive.participant", "thread_id": self.arne.id},
            )
        except JsonRpcException:
            messages = {}
        self.assertNotIn("hospital", str(messages))
        # the demo volunteer on the portal: the same
        mahmoud = self.env.ref("aktive_sammen_addon.user_mahmoud_demo").partner_id
        self.authenticate("mahmoud", "mahmoud")
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/thread/subscribe", {**thread, "partner_ids": mahmoud.ids}
            )
        self.assertNotIn(mahmoud, self.arne.sudo().message_partner_ids)
