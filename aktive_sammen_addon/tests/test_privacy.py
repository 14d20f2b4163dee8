"""Retention and data access: models/aktive_participant_privacy.py."""

import json
from collections import Counter
from contextlib import ExitStack
from datetime import timedelta
from unittest.mock import patch

from odoo import Command
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

    PHONE = "913 77 001"  # nowhere else in the database: any trace of it is the person's

    def setUp(self):
        super().setUp()
        self.participant.write({"birthdate": "1941-03-14", "life_story": "<p>Widower</p>"})
        self.participant.partner_id.write({"phone": self.PHONE, "street": "Heiveien 12"})
        self.wish = self.add_wish(state="agreed", agreement="Kåre drives him")
        self.add_member(self.volunteer)
        self.add_member(self.relative)
        self.note = self.env["aktive.sensitive.note"].create(
            {"participant_id": self.participant.id, "note": "Heart condition"}
        )
        self.env["aktive.contact.log"].create(
            {"participant_id": self.participant.id, "note": "Coffee"}
        )
        self.participant.message_post(body="Call the daughter", subtype_xmlid="mail.mt_note")

    def leave_traces(self):
        """The person's name and phone in every place the case keeps text: tracked values of
        the wish and the note, files of the case and its children, a contact form sent to
        the municipality (version PDF, mail)."""
        p = self.participant
        self.followup = self.env["aktive.followup"].create(
            {"participant_id": p.id, "date_planned": self.today, "summary": "Fine"}
        )
        self.wish.name = "Arne Test wants to sing"
        self.wish.agreement = f"Kåre drives Arne Test, call {self.PHONE}"
        self.note.note = f"Arne Test, heart condition, call {self.PHONE}"
        for record in (p, self.wish, self.followup, self.note):
            record.message_post(body=f"About Arne Test, {self.PHONE}")
            self.env["ir.attachment"].create(
                {
                    "name": "Arne Test.txt",
                    "raw": self.PHONE.encode(),
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        p.municipal_contact_id = self.env["res.partner"].create(
            {"name": "Hilde Home Care", "email": "hilde@kommune.example"}
        )
        p.action_give_consent()
        action = p.action_send_contact_form()
        self.env["mail.compose.message"].with_context(**action["context"]).create(
            {}
        ).action_send_mail()
        self.version_pdf = p.contact_form_version_ids.attachment_id
        self.assertTrue(self.version_pdf)
        self.flush_tracking()

    def flush_tracking(self):
        """Tracking values are written at commit: make them now."""
        self.env.flush_all()
        self.env.cr.flush()

    def assertNoTraceOfThePerson(self):
        self.flush_tracking()
        self.assertFalse(self.version_pdf.exists(), "the version PDF is deleted")
        self.assertFalse(
            self.env["aktive.contact.form.version"]
            .search([])
            .filtered(lambda v: v.participant_id == self.participant)
        )
        for text in ("Arne Test", self.PHONE):
            with self.subTest(text=text):
                like = [("body", "ilike", text)]
                self.assertFalse(
                    self.env["mail.message"].search(["|", ("subject", "ilike", text), *like])
                )
                self.assertFalse(self.env["mail.mail"].search([("body_html", "ilike", text)]))
                tracked = [
                    "|",
                    "|",
                    "|",
                    ("old_value_char", "ilike", text),
                    ("new_value_char", "ilike", text),
                    ("old_value_text", "ilike", text),
                    ("new_value_text", "ilike", text),
                ]
                self.assertFalse(self.env["mail.tracking.value"].search(tracked))
                self.assertFalse(self.env["ir.attachment"].search([("name", "ilike", text)]))
                self.assertFalse(
                    self.env["res.partner"]
                    .with_context(active_test=False)
                    .search(["|", ("name", "ilike", text), ("phone", "ilike", text)])
                )

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
        # (the volunteer's assignment ended with the case: kept as history, archived)
        members = p.with_context(active_test=False).network_member_ids
        self.assertEqual(members.partner_id, self.volunteer, "relatives removed")
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

    def test_anonymise_leaves_no_trace_of_the_person(self):
        self.leave_traces()
        self.close(self.participant, days_ago=800)
        self.env["aktive.participant"]._cron_retention()
        self.assertTrue(self.participant.anonymised)
        self.assertTrue(self.wish.exists() and self.followup.exists(), "statistics are kept")
        self.assertFalse(self.participant.sudo().contact_form_version_ids)
        children = [self.participant, self.wish, self.followup]
        for record in children:
            with self.subTest(record=record._name):
                self.assertFalse(record.message_ids)
                self.assertFalse(
                    self.env["ir.attachment"].search(
                        [("res_model", "=", record._name), ("res_id", "=", record.id)]
                    )
                )
        self.assertNoTraceOfThePerson()

    def test_delete_mode_leaves_no_trace_of_the_person(self):
        self.leave_traces()
        followup, note = self.followup, self.note
        self.env.company.aktive_retention_action = "delete"
        self.close(self.participant, days_ago=800)
        self.env["aktive.participant"]._cron_retention()
        self.assertFalse(self.participant.exists())
        self.assertFalse(self.wish.exists() or followup.exists() or note.exists())
        for record in (self.wish, followup, note):
            with self.subTest(record=record._name):
                self.assertFalse(
                    self.env["mail.message"].search(
                        [("model", "=", record._name), ("res_id", "=", record.id)]
                    ),
                    "no orphaned chatter",
                )
        self.assertNoTraceOfThePerson()

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

    def retention_searches(self, n):
        """Searches of messages and files in one retention run over n expired cases, each
        with a wish, a follow-up and a note in its chatter."""
        cases = self.env["aktive.participant"].create(
            [{"name": f"Expired {n}-{i}"} for i in range(n)]
        )
        for case in cases:
            self.add_wish(case, state="agreed")
            self.env["aktive.followup"].create(
                {"participant_id": case.id, "date_planned": self.today}
            )
            case.message_post(body="Call the son", subtype_xmlid="mail.mt_note")
            self.close(case, days_ago=800)
        calls = Counter()
        with ExitStack() as stack:
            for name in ("mail.message", "ir.attachment"):
                model = type(self.env[name])

                def counting(records, domain, *args, _search=model.search, **kwargs):
                    if "aktive.participant" in repr(domain):  # the cases' own, not the ORM's
                        calls[records._name] += 1
                    return _search(records, domain, *args, **kwargs)

                stack.enter_context(patch.object(model, "search", counting))
            done = self.env["aktive.participant"]._cron_retention()
        self.assertEqual(done, cases)
        self.assertTrue(all(cases.mapped("anonymised")))
        self.assertFalse(cases.message_ids.filtered(lambda m: "son" in str(m.body)))
        return calls

    def test_retention_searches_once_for_all_the_cases(self):
        """One batched search over the messages and one over the files of all the expired
        cases, not one per case and record."""
        self.assertEqual(self.retention_searches(1), {"mail.message": 1, "ir.attachment": 1})
        self.assertEqual(self.retention_searches(4), {"mail.message": 1, "ir.attachment": 1})

    # Row X13: retention goes case by case.
    def test_x13_a_dropped_wish_is_anonymised_with_its_case(self):
        """A dropped wish needs a reason (its constraint): anonymising gives it a neutral
        one, instead of failing the whole run."""
        dropped = self.add_wish(state="dropped", drop_reason="Arne Test did not like the choir")
        self.close(self.participant, days_ago=800)
        done = self.env["aktive.participant"]._cron_retention()
        self.assertIn(self.participant, done)
        self.assertTrue(self.participant.anonymised)
        self.assertEqual(dropped.state, "dropped")
        self.assertEqual(dropped.drop_reason, "Anonymised after the retention period.")
        self.assertEqual(self.wish.drop_reason, False)

    def test_x13_one_broken_case_does_not_stop_the_others(self):
        """One case that fails is kept for the next run, logged by its id (never its name);
        the other cases of every company are anonymised or deleted all the same."""
        company_b = self.env["res.company"].create(
            {"name": "Delete centre", "aktive_retention_action": "delete"}
        )
        env_b = self.env(context=dict(self.env.context, allowed_company_ids=company_b.ids))
        deleted = env_b["aktive.participant"].create(
            {"name": "Deleted Person", "company_id": company_b.id}
        )
        broken, other = self.env["aktive.participant"].create(
            [{"name": "Broken Person"}, {"name": "Other Person"}]
        )
        for case in (self.participant, broken, other, deleted):
            self.close(case, days_ago=800)
        Participant = type(self.env["aktive.participant"])
        anonymise = Participant._anonymise

        def failing(cases):
            if broken in cases:
                raise ValueError("Broken Person cannot be anonymised")
            return anonymise(cases)

        logger = "odoo.addons.aktive_sammen_addon.models.aktive_participant_privacy"
        with patch.object(Participant, "_anonymise", failing), self.assertLogs(logger) as logs:
            done = self.env["aktive.participant"]._cron_retention()
        self.assertEqual(done, self.participant | other | deleted)
        self.assertTrue(self.participant.anonymised and other.anonymised)
        self.assertFalse(deleted.exists())
        self.assertFalse(broken.anonymised)
        self.assertEqual(broken.name, "Broken Person", "kept whole for the next run")
        errors = [line for line in logs.output if line.startswith("ERROR")]
        self.assertEqual(len(errors), 1)
        self.assertIn(f"case id {broken.id}", errors[0])
        self.assertNotIn("Broken", "".join(logs.output))


@tagged("post_install", "-at_install")
class TestDataAccessRequest(AktiveCase):
    def setUp(self):
        super().setUp()
        self.unit = self.env["aktive.municipal.unit"].create(
            {"name": "Home care", "user_ids": [Command.set(self.municipal_user.ids)]}
        )
        self.participant.write({"municipal_unit_id": self.unit.id, "birthdate": "1941-03-14"})
        self.add_wish(name="Talk about books")
        self.add_member(self.volunteer)
        self.env["aktive.sensitive.note"].create(
            {"participant_id": self.participant.id, "note": "Heart condition"}
        )

    def export_file(self, user):
        """The attachment the export action sends the user's browser to."""
        action = self.participant.with_user(user).action_export_personal_data()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        return self.env["ir.attachment"].browse(attachment_id)

    def export(self, user):
        return json.loads(self.export_file(user).raw)

    def test_municipal_export_is_complete(self):
        self.participant.write({"residence": "Venneslatunet", "area": "Moseidmoen"})
        self.env["aktive.contact.form.version"].create(
            {"participant_id": self.participant.id, "version": 1}
        )
        data = self.export(self.municipal_user)
        self.assertEqual(
            (data["participant"]["residence"], data["participant"]["area"]),
            ("Venneslatunet", "Moseidmoen"),
        )
        self.assertEqual([v["version"] for v in data["contact_forms_sent"]], [1])
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
        attachment = self.export_file(self.municipal_user)
        self.assertFalse(attachment.res_model, "not attached to the case")
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            attachment.with_user(self.volunteer_user).read(["raw"])
        with self.assertRaises(AccessError):
            attachment.with_user(self.coordinator).read(["raw"])

    def test_export_files_are_removed_by_the_daily_job_after_a_day(self):
        old, fresh = (self.export_file(self.municipal_user) for _ in range(2))
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ir_attachment SET create_date = now() - interval '25 hours' WHERE id = %s",
            [old.id],
        )
        self.env.invalidate_all()
        self.env["aktive.participant"]._cron_retention()
        self.assertFalse(old.exists())
        self.assertTrue(fresh.exists(), "a file just made can be fetched")

    def test_volunteer_cannot_export(self):
        with self.assertRaises(UserError):
            self.participant.with_user(self.volunteer_user).action_export_personal_data()
