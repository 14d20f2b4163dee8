"""The volunteer centre reports back to the municipality (models/aktive_municipal_message.py):
the coordinator sends a need the centre cannot follow up - also one a volunteer told them -
to the case's municipal contact person, the volunteers' worries about health land in the same
inbox, and the municipal side marks each one handled with a note. Who receives what, and who
must not: another unit's contact person, the volunteers, and the coordinator for the text of
a worry without the person's consent to sharing (README row M7)."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import AktiveCase

MESSAGE = "aktive.municipal.message"
NEED = "Klarer ikke trappene lenger, trenger vurdering av hjemmehjelp"
WORRY = "Virker forvirret og har gått seg bort"


@tagged("post_install", "-at_install")
class TestMunicipalInbox(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_units()
        cls.participant.municipal_contact_id = cls.municipal_user.partner_id
        cls.add_member(cls, cls.volunteer)
        cls.other_municipal = new_test_user(
            cls.env,
            login="aktive_other_municipal",
            groups="aktive_sammen_addon.group_aktive_municipal",
        )
        cls.other_unit.user_ids = cls.other_municipal

    def as_user(self, user, model=MESSAGE):
        self.env.invalidate_all()
        return self.env[model].with_user(user)

    def send_need(self, text=NEED, volunteer=None):
        """The coordinator's "Report to the municipality" on the case."""
        Wizard = self.as_user(self.coordinator, "aktive.municipal.report.wizard")
        action = self.participant.with_user(self.coordinator).action_open_municipal_report()
        wizard = Wizard.with_context(**action["context"]).create(
            {"text": text, "volunteer_id": volunteer and volunteer.id}
        )
        wizard.action_send()
        return self.env[MESSAGE].search([("participant_id", "=", self.participant.id)], limit=1)

    def worry(self, text=WORRY):
        Note = self.env["aktive.sensitive.note"].with_user(self.volunteer_user)
        note = Note._aktive_report_worry(self.participant, self.volunteer_user, text)
        return self.env[MESSAGE].search([("sensitive_note_id", "=", note.id)])

    # --- the coordinator reports a need ---------------------------------------------------------
    def test_m7_a_need_goes_to_the_contact_person_unhandled(self):
        message = self.send_need(volunteer=self.volunteer)
        self.assertEqual((message.kind, message.state, message.text), ("need", "unhandled", NEED))
        self.assertEqual(message.sender_id, self.coordinator)
        self.assertEqual(message.volunteer_id, self.volunteer, "told by the volunteer")
        self.assertEqual(message.recipient_id, self.municipal_user.partner_id)
        self.assertEqual(message.activity_ids.user_id, self.municipal_user, "a to-do for them")
        inbox = self.as_user(self.municipal_user).search([("state", "=", "unhandled")])
        self.assertEqual(inbox, message)
        # the coordinator sees the status on the case
        case = self.participant.with_user(self.coordinator)
        self.assertEqual(case.municipal_message_ids.mapped("state"), ["unhandled"])

    def test_m7_without_a_user_the_unit_staff_gets_it(self):
        self.participant.municipal_contact_id = self.relative
        message = self.send_need()
        self.assertEqual(message.activity_ids.user_id, self.municipal_user)

    def test_m7_nobody_to_send_to_is_said_before_writing(self):
        self.participant.write({"municipal_contact_id": False, "municipal_unit_id": False})
        with self.assertRaisesRegex(UserError, "no municipal contact person"):
            self.participant.with_user(self.coordinator).action_open_municipal_report()

    def test_m7_only_the_network_volunteers_can_be_named(self):
        Wizard = self.as_user(self.coordinator, "aktive.municipal.report.wizard")
        wizard = Wizard.create({"participant_id": self.participant.id, "text": NEED})
        self.assertEqual(wizard.volunteer_ids, self.volunteer)

    # --- the municipal side handles it ----------------------------------------------------------
    def test_m7_handled_with_a_note_in_one_step(self):
        message = self.send_need()
        mine = self.as_user(self.municipal_user).browse(message.id)
        action = mine.action_open_handle_wizard()
        self.assertEqual(action["res_model"], "aktive.municipal.message.handle")
        handle = self.as_user(self.municipal_user, action["res_model"])
        handle.with_context(**action["context"]).create(
            {"note": "Vurdering bestilt"}
        ).action_confirm()
        self.assertEqual(message.state, "handled")
        self.assertEqual(message.handled_note, "Vurdering bestilt")
        self.assertEqual(message.handled_by_id, self.municipal_user)
        self.assertTrue(message.handled_date)
        self.assertFalse(message.activity_ids, "the to-do is done")
        # the sender is told, in the case's notifications they may read
        told = self.as_user(self.coordinator, "mail.message").search(
            [
                ("body", "ilike", "Vurdering bestilt"),
                ("partner_ids", "in", self.coordinator.partner_id.ids),
            ]
        )
        self.assertTrue(told)
        with self.assertRaises(UserError):
            mine.action_mark_handled("Again")

    def test_m7_a_note_is_asked_for(self):
        message = self.send_need()
        with self.assertRaises(UserError):
            self.as_user(self.municipal_user).browse(message.id).action_mark_handled("  ")
        self.assertEqual(message.state, "unhandled")

    def test_m7_the_message_stays_what_was_sent(self):
        message = self.send_need()
        mine = self.as_user(self.municipal_user).browse(message.id)
        with self.assertDenied("municipal", MESSAGE, "write", "field"):
            mine.write({"text": "Endret"})
        # handled only with a note, under their own name
        with self.assertDenied("municipal", MESSAGE, "write", "field"):
            mine.write({"state": "handled", "handled_by_id": self.coordinator.id})
        self.assertEqual(message.state, "unhandled")
        with self.assertDenied("municipal", MESSAGE, "create", "acl"):
            self.as_user(self.municipal_user).create(
                {"participant_id": self.participant.id, "text": NEED}
            )

    def test_m7_the_coordinator_cannot_handle_nor_file_a_worry(self):
        message = self.send_need()
        Coordinator = self.as_user(self.coordinator)
        with self.assertDenied("coordinator", MESSAGE, "write", "acl"):
            Coordinator.browse(message.id).action_mark_handled("Selv fikset")
        with self.assertDenied("coordinator", MESSAGE, "create", "field"):
            Coordinator.create(
                {"participant_id": self.participant.id, "kind": "worry", "text": NEED}
            )
        with self.assertDenied("coordinator", MESSAGE, "create", "field"):
            Coordinator.create(
                {"participant_id": self.participant.id, "text": NEED, "state": "handled"}
            )
        self.assertEqual(message.state, "unhandled")

    def test_m7_another_units_contact_sees_nothing(self):
        message = self.send_need()
        self.worry()
        Other = self.as_user(self.other_municipal)
        self.assertNothingFound(Other.search([]), "municipal", MESSAGE, "search", "rule")
        with self.assertDenied("municipal", MESSAGE, "read", "rule"):
            Other.browse(message.id).read(["text"])
        with self.assertDenied("municipal", MESSAGE, "write", "rule"):
            Other.browse(message.id).action_mark_handled("Not mine")

    def test_m7_volunteers_never_see_the_inbox(self):
        message = self.send_need()
        self.worry()
        staff = self.new_staff_volunteer("aktive_staff_volunteer")
        for user in (self.volunteer_user, staff):
            with self.subTest(user=user.login):
                with self.assertDenied("volunteer", MESSAGE, "search", "acl"):
                    self.as_user(user).search([])
                with self.assertDenied("volunteer", MESSAGE, "read", "acl"):
                    self.as_user(user).browse(message.id).read(["text"])
                with self.assertDenied("volunteer", "aktive.participant", "read", "field"):
                    self.as_user(user, "aktive.participant").browse(self.participant.id).read(
                        ["municipal_message_ids"]
                    )

    # --- the volunteers' worries land in the same inbox ---------------------------------------
    def test_m7_a_worry_lands_in_the_inbox_with_its_note(self):
        message = self.worry()
        self.assertEqual((message.kind, message.state, message.text), ("worry", "unhandled", WORRY))
        self.assertEqual(message.sender_id, self.volunteer_user)
        note = message.sensitive_note_id
        self.assertEqual(note.activity_ids.user_id, self.municipal_user, "the to-do as before")
        inbox = self.as_user(self.municipal_user).search([])
        self.assertEqual(inbox, message)
        inbox.action_mark_handled("Ringte datteren")
        self.assertEqual(message.state, "handled")
        self.assertFalse(note.activity_ids, "the worry's to-do on its note is done too")

    def test_m7_a_worrys_text_is_hidden_from_the_coordinator_without_consent(self):
        message = self.worry()
        Coordinator = self.as_user(self.coordinator)
        self.assertNothingFound(
            Coordinator.search([("text", "ilike", "forvirret")]),
            "coordinator",
            MESSAGE,
            "search",
            "rule",
        )
        with self.assertDenied("coordinator", MESSAGE, "read", "rule"):
            Coordinator.browse(message.id).read(["text"])
        case = self.as_user(self.coordinator, "aktive.participant").browse(self.participant.id)
        self.assertFalse(case.municipal_message_ids, "not on the case either")
        Mail = self.as_user(self.coordinator, "mail.message")
        self.assertFalse(Mail.search([("body", "ilike", "forvirret")]))
        # with the person's consent to sharing, as for the health notes
        self.participant.sudo().consent_given = True
        self.participant.with_user(self.municipal_user).consent_share_coordinator = True
        self.assertEqual(self.as_user(self.coordinator).browse(message.id).text, WORRY)

    def test_m7_the_volunteer_never_reads_the_worry_back(self):
        self.worry()
        with self.assertDenied("volunteer", MESSAGE, "search", "acl"):
            self.as_user(self.volunteer_user).search([("text", "ilike", "forvirret")])
        Mail = self.as_user(self.volunteer_user, "mail.message")
        self.assertFalse(Mail.search([("body", "ilike", "forvirret")]))

    def test_m7_another_company_sees_nothing(self):
        other = self.env["res.company"].create({"name": "Other kommune"})
        message = self.send_need()
        stranger = self.new_role_user("aktive_other_company_municipal", "municipal", other)
        self.unit.sudo().user_ids = [Command.link(stranger.id)]
        self.assertNothingFound(
            self.as_user(stranger).search([("id", "=", message.id)]),
            "municipal",
            MESSAGE,
            "search",
            "company",
        )
