"""Retention and data access: models/aktive_participant_privacy.py."""

import json
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestRetention(AktiveCase):
    def close(self, participant, days_ago):
        participant.write(
            {
                "state": "closed",
                "close_reason": "Moved to a nursing home",
                "date_closed": self.today - timedelta(days=days_ago),
            }
        )

    def setUp(self):
        super().setUp()
        self.participant.write({"birthdate": "1941-03-14", "life_story": "<p>Widower</p>"})
        self.participant.partner_id.write({"phone": "913 45 678", "street": "Heiveien 12"})
        self.wish = self.add_wish(state="agreed", agreement="Kåre drives him")
        self.add_member(self.volunteer)
        self.add_member(self.relative)
        self.env["aktive.sensitive.note"].create(
            {"participant_id": self.participant.id, "note": "Heart condition"}
        )
        self.env["aktive.contact.log"].create(
            {"participant_id": self.participant.id, "note": "Coffee"}
        )
        self.participant.message_post(body="Call the daughter", subtype_xmlid="mail.mt_note")

    def test_expired_closed_case_is_anonymised_keeping_statistics(self):
        self.env.company.aktive_retention_months = 24
        old_partner = self.participant.partner_id
        self.close(self.participant, days_ago=800)
        done = self.env["aktive.participant"]._cron_retention()
        self.assertIn(self.participant, done)
        p = self.participant
        self.assertTrue(p.anonymised)
        self.assertEqual(p.name, "Anonymised participant")
        self.assertFalse(p.birthdate or p.life_story)
        self.assertNotIn("nursing home", p.close_reason)
        self.assertFalse(p.sensitive_note_ids or p.contact_log_ids)
        self.assertFalse(p.message_ids.filtered(lambda m: "daughter" in str(m.body)))
        # what the annual report counts stays
        self.assertEqual(p.stage_id, self.stages[0])
        self.assertEqual(p.state, "closed")
        self.assertEqual(len(p.wish_ids), 1)
        self.assertEqual(p.wish_ids.category_id, self.category)
        self.assertEqual(p.wish_ids.state, "agreed")
        self.assertFalse(p.wish_ids.agreement)
        self.assertEqual(p.network_member_ids.partner_id, self.volunteer, "relatives removed")
        self.assertFalse(old_partner.active)
        self.assertFalse(old_partner.phone or old_partner.street)
        self.assertNotIn(p, self.env["aktive.participant"]._cron_retention(), "only once")

    def test_recent_or_open_cases_are_kept(self):
        self.close(self.participant, days_ago=30)
        open_case = self.env["aktive.participant"].create({"name": "Still helped"})
        done = self.env["aktive.participant"]._cron_retention()
        self.assertNotIn(self.participant, done)
        self.assertNotIn(open_case, done)
        self.assertFalse(self.participant.anonymised)

    def test_delete_mode_removes_the_case(self):
        self.env.company.aktive_retention_action = "delete"
        self.close(self.participant, days_ago=800)
        self.env["aktive.participant"]._cron_retention()
        self.assertFalse(self.participant.exists())

    def test_volunteer_contact_card_is_never_scrubbed(self):
        volunteer_case = self.env["aktive.participant"].create(
            {"partner_id": self.volunteer_unsigned.id}
        )
        self.close(volunteer_case, days_ago=800)
        self.env["aktive.participant"]._cron_retention()
        self.assertTrue(volunteer_case.anonymised)
        self.assertEqual(self.volunteer_unsigned.name, "Unsigned Volunteer")

    def test_retention_cron_is_scheduled(self):
        cron = self.env.ref("aktive_sammen_addon.ir_cron_retention")
        self.assertTrue(cron.active)


@tagged("post_install", "-at_install")
class TestDataAccessRequest(AktiveCase):
    def setUp(self):
        super().setUp()
        self.unit = self.env["aktive.municipal.unit"].create(
            {"name": "Home care", "user_ids": [(6, 0, self.municipal_user.ids)]}
        )
        self.participant.write({"municipal_unit_id": self.unit.id, "birthdate": "1941-03-14"})
        self.add_wish(name="Talk about books")
        self.add_member(self.volunteer)
        self.env["aktive.sensitive.note"].create(
            {"participant_id": self.participant.id, "note": "Heart condition"}
        )

    def export(self, user):
        action = self.participant.with_user(user).action_export_personal_data()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        return json.loads(attachment.raw)

    def test_municipal_export_is_complete(self):
        data = self.export(self.municipal_user)
        self.assertEqual(data["participant"]["name"], "Arne Test")
        self.assertEqual(data["participant"]["birthdate"], "1941-03-14")
        self.assertEqual(data["wishes"][0]["name"], "Talk about books")
        self.assertEqual(len(data["network"]), 1)
        self.assertEqual(data["sensitive_notes"][0]["note"], "Heart condition")
        self.assertIn("Personal data exported", str(self.participant.message_ids[0].body))

    def test_coordinator_export_respects_the_sharing_consent(self):
        data = self.export(self.coordinator)
        self.assertEqual(data["sensitive_notes"], [])
        self.participant.consent_share_coordinator = True
        self.assertEqual(len(self.export(self.coordinator)["sensitive_notes"]), 1)

    def test_export_file_only_for_who_asked(self):
        action = self.participant.with_user(self.municipal_user).action_export_personal_data()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertFalse(attachment.res_model, "not attached to the case")
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            attachment.with_user(self.volunteer_user).read(["raw"])
        with self.assertRaises(AccessError):
            attachment.with_user(self.coordinator).read(["raw"])

    def test_volunteer_cannot_export(self):
        with self.assertRaises(UserError):
            self.participant.with_user(self.volunteer_user).action_export_personal_data()
