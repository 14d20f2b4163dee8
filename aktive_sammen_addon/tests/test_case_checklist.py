"""The contact form's points as a checklist (models/aktive_participant_checklist.py): the case
and its card say what is missing for the step the case is in, before a step or a sending is
refused - computed for a whole board page with a fixed number of queries."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AktiveCase

CONTACT = "No municipal contact person"
CONSENT = "Consent not recorded"
CARRIED = "An agreed wish nobody carries"
FOLLOWUP = "No next follow-up planned"
DECLARATION = "A volunteer in the network without a signed declaration"


@tagged("post_install", "-at_install")
class TestCaseChecklist(AktiveCase):
    def points(self, participant=None):
        participant = participant or self.participant
        participant.invalidate_recordset()
        html = str(participant.checklist_html or "")
        return [p for p in (CONTACT, CONSENT, CARRIED, FOLLOWUP, DECLARATION) if p in html]

    def test_step_one_asks_for_the_municipal_contact(self):
        self.assertEqual(self.points(), [CONTACT])
        self.assertEqual(self.participant.checklist_count, 1)
        self.participant.municipal_contact_id = self.relative
        self.assertEqual(self.points(), [])
        self.assertEqual(self.participant.checklist_count, 0)

    def test_from_the_conversation_consent_is_asked_for(self):
        self.participant.municipal_contact_id = self.relative
        self.move_to(self.participant, 1)
        self.assertEqual(self.points(), [CONSENT])
        self.participant.action_give_consent()
        self.assertEqual(self.points(), [])

    def test_an_agreed_wish_nobody_carries(self):
        self.participant.write({"municipal_contact_id": self.relative.id, "consent_given": True})
        wish = self.add_wish(state="agreed")
        self.move_to(self.participant, 1)
        self.move_to(self.participant, 2)
        self.assertEqual(self.points(), [], "not yet asked while wishes are clarified")
        self.move_to(self.participant, 3)
        self.assertEqual(self.points(), [CARRIED])
        member = self.add_member(self.volunteer)
        wish.network_member_ids = member
        self.assertEqual(self.points(), [])
        member.active = False
        self.assertEqual(self.points(), [CARRIED], "an ended membership carries nothing")

    def test_the_last_step_asks_for_the_next_follow_up(self):
        self.participant.write({"municipal_contact_id": self.relative.id, "consent_given": True})
        wish = self.add_wish(state="agreed")
        wish.network_member_ids = self.add_member(self.volunteer)
        for index in range(1, 5):
            self.move_to(self.participant, index)
        self.assertEqual(self.points(), [], "entering the step planned the first one")
        self.participant.followup_ids.action_cancel()
        self.assertEqual(self.points(), [FOLLOWUP])
        self.participant.action_plan_followup()
        self.assertEqual(self.points(), [])

    def test_a_volunteer_whose_declaration_is_gone(self):
        self.participant.municipal_contact_id = self.relative
        self.add_member(self.volunteer)
        self.assertEqual(self.points(), [])
        # A declaration lost outside the form's rules (an import, a migration).
        self.env.cr.execute(
            "UPDATE res_partner SET aktive_confidentiality_date = NULL WHERE id = %s",
            [self.volunteer.id],
        )
        self.env.invalidate_all()
        self.assertEqual(self.points(), [DECLARATION])

    def test_a_closed_case_misses_nothing(self):
        self.participant.write({"state": "closed", "close_reason": "Moved"})
        self.assertEqual(self.points(), [])

    def test_the_municipal_contact_reads_it_the_volunteer_not(self):
        self.add_units()
        self.add_member(self.volunteer)
        self.env.invalidate_all()
        mine = self.participant.with_user(self.municipal_user)
        self.assertEqual(mine.checklist_count, 1)
        theirs = self.participant.with_user(self.volunteer_user)
        with self.assertRaises(AccessError):
            theirs.read(["checklist_count"])

    def test_a_board_page_is_computed_in_fixed_queries(self):
        def count(n):
            cases = self.env["aktive.participant"].create(
                [{"name": f"Board {n}-{i}"} for i in range(n)]
            )
            for case in cases:
                self.add_wish(case, state="agreed")
                self.add_member(self.volunteer, case)
            self.env.flush_all()
            self.env.invalidate_all()
            board = cases.with_user(self.coordinator)
            before = self.cr.sql_log_count
            board.mapped("checklist_count")
            return self.cr.sql_log_count - before

        count(2)  # warm the registry caches
        self.assertEqual(count(3), count(12))
