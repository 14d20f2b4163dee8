import json
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..models.aktive_groups import VOLUNTEER
from .common import SIGNED


@tagged("post_install", "-at_install")
class TestNoticesPortal(HttpCase):
    """The volunteer's side of the notices (row V10) and what they see after pressing save:
    the notice on /my and its one tap, the pause on the person's page, the confirmation and
    the health warning where they pressed, a note about health sent as a worry instead."""

    def setUp(self):
        super().setUp()
        self.user = new_test_user(
            self.env, login="notice_volunteer", groups="base.group_portal," + VOLUNTEER
        )
        self.user.partner_id.write(
            {
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": "2026-01-01",
                "aktive_confidentiality_document": SIGNED,
            }
        )
        self.coordinator = new_test_user(
            self.env,
            login="notice_coordinator",
            groups="aktive_sammen_addon.group_aktive_coordinator",
        )
        self.contact = self.env["res.partner"].create(
            {"name": "Hilde Contact", "phone": "38 00 00 01", "email": "hilde@example.com"}
        )
        self.person = self.env["aktive.participant"].create(
            {
                "name": "Helped Person",
                "coordinator_id": self.coordinator.id,
                "municipal_contact_id": self.contact.id,
            }
        )
        self.env["aktive.network.member"].create(
            {"participant_id": self.person.id, "partner_id": self.user.partner_id.id}
        )
        self.Notice = self.env["aktive.notice"]
        self.Notice.search([]).write({"date_seen": fields.Datetime.now()})
        self.authenticate("notice_volunteer", "notice_volunteer")

    def csrf(self, url=None):
        url = url or f"/my/aktive/person/{self.person.id}"
        page = self.url_open(url).text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def pause(self):
        self.person.with_user(self.coordinator).write(
            {"paused_until": fields.Date.today() + timedelta(days=20)}
        )
        self.person.with_user(self.coordinator).action_pause()
        return self.Notice.search(
            [("partner_id", "=", self.user.partner_id.id), ("kind", "=", "pause")]
        )

    def test_v10_a_notice_on_my_seen_in_one_tap(self):
        notice = self.pause()
        page = self.url_open("/my").text
        self.assertIn("o_aktive_notice_seen", page)
        self.assertIn("Pause for Helped Person", page)
        response = self.url_open(
            f"/my/aktive/notice/{notice.id}/seen", data={"csrf_token": self.csrf()}
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(notice.date_seen)
        self.assertNotIn("o_aktive_notice_seen", self.url_open("/my").text)

    def test_v10_another_persons_notice_is_not_found(self):
        self.pause()
        theirs = self.Notice.search([("partner_id", "=", self.contact.id)])
        self.assertTrue(theirs)
        token = self.csrf()
        for notice_id in (theirs.id, 0, 2**31 + 5):
            with self.subTest(id=notice_id):
                response = self.url_open(
                    f"/my/aktive/notice/{notice_id}/seen", data={"csrf_token": token}
                )
                self.assertEqual(response.status_code, 404)
        self.assertFalse(theirs.date_seen)
        # a stale page is refused, and marks nothing
        mine = self.Notice.search(
            [("partner_id", "=", self.user.partner_id.id), ("kind", "=", "pause")]
        )
        response = self.url_open(f"/my/aktive/notice/{mine.id}/seen", data={"csrf_token": "x"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(mine.date_seen)

    def test_v10_the_pause_is_on_the_persons_page_and_tile(self):
        self.assertNotIn(
            "o_aktive_paused", self.url_open(f"/my/aktive/person/{self.person.id}").text
        )
        self.pause()
        page = self.url_open(f"/my/aktive/person/{self.person.id}").text
        self.assertIn("o_aktive_paused", page)
        self.assertIn(str((fields.Date.today() + timedelta(days=20)).year), page)
        self.assertIn("o_aktive_paused", self.url_open("/my").text)
        self.assertIn("o_aktive_paused", self.url_open("/my/aktive/people").text)

    def post_log(self, **data):
        data.setdefault("csrf_token", self.csrf(f"/my/aktive/person/{self.person.id}"))
        data.setdefault("kind", "visit")
        return self.url_open(f"/my/aktive/person/{self.person.id}/log", data=data)

    def test_the_confirmation_is_where_the_volunteer_pressed(self):
        """Saving returns to #aktive_log: the confirmation must be inside that section, not
        above it where the page has scrolled past it."""
        page = self.post_log().text
        self.assertLess(page.index('id="aktive_log"'), page.index("o_aktive_saved"))
        page = self.post_log(note="Han snakket om demensen sin").text
        self.assertLess(page.index('id="aktive_log"'), page.index("o_aktive_health_warning"))
        self.assertIn("o_aktive_send_as_worry", page)

    def test_a_note_about_health_is_sent_as_a_worry_instead(self):
        self.post_log(note="Han snakket om demensen sin", hours="1")
        log = self.env["aktive.contact.log"].search([("user_id", "=", self.user.id)])
        url = f"/my/aktive/person/{self.person.id}/log/{log.id}/worry"
        response = self.url_open(url, data={"csrf_token": self.csrf()})
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_aktive_saved", response.text)
        note = self.env["aktive.sensitive.note"].search([("participant_id", "=", self.person.id)])
        self.assertEqual(note.note, "Han snakket om demensen sin")
        self.assertTrue(note.volunteer_report)
        self.assertFalse(log.note, "the note left the volunteer's entry")
        self.assertEqual(log.hours, 1.0, "the visit and its hours are kept")
        # nothing left to send: another's or an empty entry is not found
        response = self.url_open(url, data={"csrf_token": self.csrf()})
        self.assertEqual(response.status_code, 404)

    def test_a_report_about_health_offers_the_worry_first(self):
        report = {"participant_id": self.person.id, "kind": "change", "text": "Han har demens nå"}
        token = self.csrf("/my/aktive/report")
        before = self.person.activity_ids
        response = self.url_open("/my/aktive/report/send", data=dict(report, csrf_token=token))
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_aktive_report_as_worry", response.text)
        self.assertEqual(self.person.activity_ids, before, "nothing sent yet")
        response = self.url_open(
            "/my/aktive/report/send", data=dict(report, csrf_token=token, as_worry="1")
        )
        self.assertEqual(response.status_code, 200)
        note = self.env["aktive.sensitive.note"].search([("participant_id", "=", self.person.id)])
        self.assertEqual(note.note, "Han har demens nå")
        self.assertEqual(self.person.activity_ids, before, "not to the coordinator")
        self.url_open("/my/aktive/report/send", data=dict(report, csrf_token=token, confirm="1"))
        self.assertEqual(len(self.person.activity_ids - before), 1)

    def test_v10_the_coordinator_sees_who_has_seen_what(self):
        """The case form of the coordinator has the Notices tab with who has seen what."""
        self.pause()
        self.Notice.search([("partner_id", "=", self.user.partner_id.id)]).write(
            {"date_seen": fields.Datetime.now()}
        )
        self.authenticate("notice_coordinator", "notice_coordinator")
        views = self.make_jsonrpc_request(
            "/web/dataset/call_kw/aktive.participant/get_views",
            {
                "model": "aktive.participant",
                "method": "get_views",
                "args": [[[False, "form"]]],
                "kwargs": {},
            },
        )
        self.assertIn('name="notice_ids"', views["views"]["form"]["arch"])
        records = self.make_jsonrpc_request(
            "/web/dataset/call_kw/aktive.participant/web_read",
            {
                "model": "aktive.participant",
                "method": "web_read",
                "args": [[self.person.id]],
                "kwargs": {
                    "specification": {
                        "notice_ids": {
                            "fields": {
                                "partner_id": {"fields": {"display_name": {}}},
                                "date_seen": {},
                            }
                        }
                    }
                },
            },
        )
        seen = {
            line["partner_id"]["display_name"]: bool(line["date_seen"])
            for line in records[0]["notice_ids"]
        }
        self.assertTrue(seen[self.user.partner_id.name])
        self.assertFalse(seen["Hilde Contact"])
        json.dumps(seen)


@tagged("post_install", "-at_install")
class TestNoticesTour(HttpCase):
    """Mahmoud on his phone (390x844, bokmål): Bjørg pauses Arne; the notice is on /my, one
    tap says he has seen it, and Arne's tile and page say until when."""

    browser_size = "390x844"

    def test_v10_notice_tour(self):
        ref = self.env.ref
        arne = ref("aktive_sammen_addon.participant_arne_demo")
        mahmoud = ref("aktive_sammen_addon.user_mahmoud_demo")
        bjorg = ref("aktive_sammen_addon.user_bjorg_demo")
        Notice = self.env["aktive.notice"]
        Notice.search([("partner_id", "=", mahmoud.partner_id.id)]).write(
            {"date_seen": fields.Datetime.now()}
        )
        wizard = (
            self.env["aktive.pause.wizard"]
            .with_user(bjorg)
            .create(
                {
                    "participant_id": arne.id,
                    "paused_until": fields.Date.today() + timedelta(days=40),
                }
            )
        )
        wizard.action_pause()
        notice = Notice.search([("partner_id", "=", mahmoud.partner_id.id), ("kind", "=", "pause")])
        self.assertTrue(notice)
        self.start_tour("/my", "aktive_portal_notice_tour", login="mahmoud", timeout=120)
        self.assertTrue(notice.date_seen)
