"""The inbox in headless Chromium (static/tests/tours/aktive_inbox_tour.js), in the demo
users' bokmål: the coordinator Bjørg takes a case Hilde reported and reports a need to the
municipality; Hilde handles an item of her inbox with a note. Each screen is checked for
English words and error dialogs and saved as a screenshot artefact."""

from odoo.tests import HttpCase
from odoo.tests import tagged

from .screenshots import assert_screens
from .screenshots import tour_screens

MESSAGE = "aktive.municipal.message"


@tagged("post_install", "-at_install")
class TestInboxTour(HttpCase):
    def setUp(self):
        super().setUp()
        ref = self.env.ref
        self.bjorg = ref("aktive_sammen_addon.user_bjorg_demo")
        self.hilde = ref("aktive_sammen_addon.user_hilde_demo")
        self.arne = ref("aktive_sammen_addon.participant_arne_demo")
        self.assertEqual((self.bjorg.lang, self.hilde.lang), ("nb_NO", "nb_NO"))

    def test_the_coordinator_takes_a_case_and_reports_a_need(self):
        case = (
            self.env["aktive.participant"]
            .with_user(self.hilde)
            .create({"name": "Gudrun Turtest", "need_description": "Sitter mye alene"})
        )
        with tour_screens("take_case") as shots:
            self.start_tour(
                f"/odoo/action-aktive_sammen_addon.aktive_participant_action/{case.id}",
                "aktive_take_case_tour",
                login="bjorg",
                timeout=180,
            )
        assert_screens(self, shots, 3)
        self.assertEqual(case.coordinator_id, self.bjorg)
        self.assertFalse(
            case.activity_ids.filtered(
                lambda a: a.activity_type_id.get_external_id()[a.activity_type_id.id].endswith(
                    "need_reported"
                )
            )
        )
        message = self.env[MESSAGE].search([("participant_id", "=", case.id)])
        self.assertEqual(message.text, "Trenger vurdering av trygghetsalarm")
        self.assertEqual((message.sender_id, message.state), (self.bjorg, "unhandled"))
        self.assertEqual(message.activity_ids.user_id, self.hilde)

    def test_the_municipal_contact_handles_an_item(self):
        Wizard = self.env["aktive.municipal.report.wizard"].with_user(self.bjorg)
        Wizard.create(
            {"participant_id": self.arne.id, "text": "Ringer ikke tilbake, vi er bekymret"}
        ).action_send()
        mahmoud = self.env.ref("aktive_sammen_addon.user_mahmoud_demo")
        self.env["aktive.sensitive.note"].with_user(mahmoud)._aktive_report_worry(
            self.arne, mahmoud, "Har falt i trappa"
        )
        with tour_screens("inbox") as shots:
            self.start_tour(
                "/odoo/action-aktive_sammen_addon.aktive_municipal_message_action",
                "aktive_inbox_tour",
                login="hilde",
                timeout=180,
            )
        assert_screens(self, shots, 3)
        need = self.env[MESSAGE].search([("text", "like", "Ringer ikke tilbake")])
        self.assertEqual(need.state, "handled")
        self.assertEqual(need.handled_by_id, self.hilde)
        self.assertEqual(need.handled_note, "Hjemmetjenesten har vært der, alt i orden")
        worry = self.env[MESSAGE].search([("text", "=", "Har falt i trappa")])
        self.assertEqual(worry.state, "unhandled")
