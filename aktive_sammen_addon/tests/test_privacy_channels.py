"""Privacy where the record rules do not look (issue 14), one class per leak class: following
a record, search oracles, derived fields, contact cards and field-level integrity. Each test
logs in as the role that could use the channel and proves the denial
(models/aktive_case_privacy.py, models/mail_followers.py, models/mail_thread.py)."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tests import tagged

from .test_access_rights import AccessCase

CASE_MODELS = ("aktive.participant", "aktive.wish")


@tagged("post_install", "-at_install")
class TestLeakFollowing(AccessCase):
    """Following a case or a wish needs write access: a follower reads the notes it is sent
    and may post in the log."""

    def _followers(self, record):
        return record.sudo().message_follower_ids.partner_id

    def test_following_volunteer_cannot_follow_what_they_read(self):
        for model, record in (("aktive.participant", self.participant), ("aktive.wish", self.wish)):
            with self.subTest(model=model):
                mine = self.as_role("volunteer", model).browse(record.id)
                mine.message_subscribe(partner_ids=self.volunteer.ids)
                self.assertNotIn(self.volunteer, self._followers(record))

    def test_following_municipal_cannot_follow_a_wish_it_only_reads(self):
        wish = self.as_role("municipal", "aktive.wish").browse(self.wish.id)
        wish.message_subscribe(partner_ids=self.municipal_user.partner_id.ids)
        self.assertNotIn(self.municipal_user.partner_id, self._followers(self.wish))
        # ... but the case they may change, they may follow
        case = self.as_role("municipal", "aktive.participant").browse(self.participant.id)
        case.message_subscribe(partner_ids=self.municipal_user.partner_id.ids)
        self.assertIn(self.municipal_user.partner_id, self._followers(self.participant))

    def test_following_coordinator_cannot_make_a_volunteer_follow(self):
        note = self.env.ref("mail.mt_note")
        case = self.as_role("coordinator", "aktive.participant").browse(self.participant.id)
        case.message_subscribe(partner_ids=self.volunteer.ids, subtype_ids=note.ids)
        case.message_partner_ids = case.message_partner_ids | self.volunteer
        self.assertNotIn(self.volunteer, self._followers(self.participant))
        case.message_subscribe(partner_ids=self.coordinator.partner_id.ids)
        self.assertIn(self.coordinator.partner_id, self._followers(self.participant))

    def test_following_creator_of_a_wish_proposal_does_not_follow_it(self):
        staff = self.new_staff_volunteer("staff_volunteer_follow")
        wish = (
            self.env["aktive.wish"]
            .with_user(staff)
            .create({"participant_id": self.participant.id, "name": "Chess"})
        )
        self.assertNotIn(staff.partner_id, self._followers(wish))

    def test_following_internal_note_reaches_no_volunteer_by_mention(self):
        case = self.participant.with_user(self.coordinator)
        note = case.message_post(
            body="Internal: GP called", subtype_xmlid="mail.mt_note", partner_ids=self.volunteer.ids
        )
        self.assertNotIn(self.volunteer, note.sudo().partner_ids)
        self.assertFalse(
            note.sudo().notification_ids.filtered(lambda n: n.res_partner_id == self.volunteer)
        )
        Message = self.as_role("volunteer", "mail.message")
        self.assertNotIn(note, Message.search([("model", "=", "aktive.participant")]))
        with self.assertRaises(AccessError):
            Message.browse(note.id).read(["body"])
        # a municipal contact of the unit may be mentioned: they may change the case
        note = case.message_post(
            body="Ask home care",
            subtype_xmlid="mail.mt_note",
            partner_ids=self.municipal_user.partner_id.ids,
        )
        self.assertIn(self.municipal_user.partner_id, note.sudo().partner_ids)

    def test_following_volunteer_cannot_post_in_the_case_log(self):
        for record in (self.participant, self.wish):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                self.as_role("volunteer", record._name).browse(record.id).message_post(
                    body="Hello", subtype_xmlid="mail.mt_comment"
                )

    def test_following_ending_an_assignment_ends_the_following(self):
        # A follower line from before the rule (an upgraded database), made as superuser.
        Followers = self.env["mail.followers"].sudo()
        for record in (self.participant, self.wish):
            Followers.create(
                {"res_model": record._name, "res_id": record.id, "partner_id": self.volunteer.id}
            )
        self.assertIn(self.volunteer, self._followers(self.participant))
        self.member.action_end()
        self.assertNotIn(self.volunteer, self._followers(self.participant))
        self.assertNotIn(self.volunteer, self._followers(self.wish))


@tagged("post_install", "-at_install")
class TestLeakSearchOracle(AccessCase):
    """A search answers yes or no: on what the user may not read it must refuse, or answer
    as if the hidden records did not exist."""

    CHATTER_DOMAINS = (
        [("message_ids.body", "ilike", "hospital")],
        [("message_ids.author_id", "=", 1)],
        [("message_follower_ids.partner_id", "!=", False)],
        [("message_partner_ids", "!=", False)],
        [("activity_ids.summary", "ilike", "GP")],
        [("activity_ids.user_id", "!=", False)],
        [("activity_user_id", "!=", False)],
        [("activity_type_id", "!=", False)],
        [("activity_date_deadline", "<", "2100-01-01")],
        [("activity_state", "=", "overdue")],
        [("message_is_follower", "=", True)],
    )

    def test_search_oracle_chatter_and_activities_refused(self):
        cases = (
            ("volunteer", "aktive.participant"),
            ("volunteer", "aktive.wish"),
            ("municipal", "aktive.wish"),
            ("coordinator", "aktive.sensitive.note"),
        )
        denied = 0
        for role, model in cases:
            Model = self.as_role(role, model)
            for domain in self.CHATTER_DOMAINS:
                if domain[0][0].split(".")[0] not in Model._fields:
                    continue
                with self.subTest(role=role, model=model, domain=domain):
                    with self.assertRaises(AccessError):
                        Model.search(domain)
                    denied += 1
        # 11 on the case and on the sensitive note (activities too: a volunteer's worry is
        # an activity on a note, issue 15), 5 on each wish
        self.assertEqual(denied, 32)

    def test_search_oracle_chatter_group_and_order_refused(self):
        Participant = self.as_role("volunteer", "aktive.participant")
        with self.assertRaises(AccessError):
            Participant.formatted_read_group([], ["activity_user_id"], ["__count"])
        with self.assertRaises(AccessError):
            Participant.search([], order="message_is_follower")

    def test_search_oracle_case_workers_may_search_their_log(self):
        Participant = self.as_role("coordinator", "aktive.participant")
        self.assertIn(
            self.participant, Participant.search([("message_ids.body", "ilike", "hospital")])
        )

    def test_search_oracle_other_volunteers_assignments(self):
        """Other cases' network lines are not found by id, nor by being there at all."""
        foreign_member = self.foreign.sudo().network_member_ids
        Participant = self.as_role("volunteer", "aktive.participant")
        self.assertFalse(Participant.search([("network_member_ids", "in", foreign_member.ids)]))
        self.assertFalse(Participant.search([("network_member_ids", "=", foreign_member.id)]))
        Partner = self.as_role("volunteer", "res.partner")
        self.assertFalse(Partner.search([("aktive_assignment_ids", "in", foreign_member.ids)]))
        self.assertFalse(Partner.search([("aktive_participant_ids", "in", self.foreign.ids)]))
        self.assertNotIn(self.relative, Partner.search([("aktive_assignment_ids", "!=", False)]))

    def test_search_oracle_sensitive_notes_without_consent(self):
        """Which cases hold sensitive notes is itself sensitive: without the person's consent
        to share, the coordinator cannot tell by searching."""
        self.assertFalse(self.participant.consent_share_coordinator)
        Participant = self.as_role("coordinator", "aktive.participant")
        self.assertNotIn(
            self.participant, Participant.search([("sensitive_note_ids", "!=", False)])
        )
        self.assertFalse(Participant.search([("sensitive_note_ids", "in", self.note.ids)]))
        self.assertFalse(Participant.search([("sensitive_note_ids", "=", self.note.id)]))
        self.assertIn(self.participant, Participant.search([("sensitive_note_ids", "=", False)]))
        # as many with notes as the coordinator may read the notes of
        shared = self.env["aktive.sensitive.note"].with_user(self.coordinator).search([])
        self.assertEqual(
            Participant.search([("sensitive_note_ids", "!=", False)]), shared.participant_id
        )
        # with consent, the notes count
        self.participant.with_user(self.municipal_user).consent_share_coordinator = True
        self.assertIn(self.participant, Participant.search([("sensitive_note_ids", "!=", False)]))

    def test_search_oracle_municipal_other_units(self):
        Participant = self.as_role("municipal", "aktive.participant")
        self.assertFalse(Participant.search([("wish_ids", "in", self.foreign_wish.ids)]))
        self.assertFalse(Participant.search([("sensitive_note_ids", "in", self.foreign_note.ids)]))

    def test_search_oracle_contact_log_of_others(self):
        Participant = self.as_role("volunteer", "aktive.participant")
        self.assertFalse(Participant.search([("contact_log_ids", "in", self.other_log.ids)]))
        self.assertEqual(
            Participant.search([("contact_log_ids", "in", self.log.ids)]), self.participant
        )


@tagged("post_install", "-at_install")
class TestLeakDerivedFields(AccessCase):
    """A field a role may read must not give away one it may not."""

    DERIVED = (
        "days_to_network",
        "date_network_established",
        "next_followup_date",
        "followup_overdue",
    )

    def test_derived_fields_closed_to_volunteers(self):
        Participant = self.as_role("volunteer", "aktive.participant")
        record = Participant.browse(self.participant.id)
        for name in self.DERIVED:
            with self.subTest(field=name):
                with self.assertRaises(AccessError):
                    record.read([name])
                with self.assertRaises(AccessError):
                    Participant.search([(name, "!=", False)])
                self.assertNotIn(name, Participant.fields_get())

    def test_derived_fields_read_by_case_workers(self):
        for role in ("coordinator", "municipal"):
            with self.subTest(role=role):
                record = self.as_role(role, "aktive.participant").browse(self.participant.id)
                self.assertTrue(record.read(list(self.DERIVED)))


@tagged("post_install", "-at_install")
class TestLeakContactCards(AccessCase):
    """A card made under a participant's card, and a participant's old card, are as private
    as the case."""

    def test_contact_cards_child_of_a_participant(self):
        daughter = self.env["res.partner"].create(
            {"name": "Daughter Test", "parent_id": self.foreign.partner_id.id, "type": "contact"}
        )
        self.assertTrue(daughter.aktive_private_card)
        for role in ("volunteer", "municipal"):
            with self.subTest(role=role):
                Partner = self.as_role(role, "res.partner")
                self.assertFalse(Partner.search([("id", "=", daughter.id)]))
                with self.assertRaises(AccessError):
                    Partner.browse(daughter.id).read(["street", "name"])
        # the child of a participant one helps: visible
        son = self.env["res.partner"].create(
            {"name": "Son Test", "parent_id": self.participant.partner_id.id}
        )
        Partner = self.as_role("volunteer", "res.partner")
        self.assertEqual(Partner.search([("id", "=", son.id)]), son)

    def test_contact_cards_old_card_after_repointing(self):
        old_card = self.foreign.partner_id
        new_card = self.env["res.partner"].create({"name": "Foreign Person (new card)"})
        self.foreign.partner_id = new_card
        self.assertTrue(old_card.aktive_private_card)
        for role in ("volunteer", "municipal"):
            with self.subTest(role=role):
                Partner = self.as_role(role, "res.partner")
                self.assertFalse(Partner.search([("id", "=", old_card.id)]))
        self.assertEqual(
            self.as_role("coordinator", "res.partner").browse(old_card.id).name, old_card.name
        )

    def test_contact_cards_of_archived_cases(self):
        card = self.foreign.partner_id
        self.foreign.active = False
        Partner = self.as_role("volunteer", "res.partner")
        self.assertFalse(Partner.search([("id", "=", card.id)]))


@tagged("post_install", "-at_install")
class TestFieldWriteRights(AccessCase):
    """Which role may change which field of a case; authorship is never given, only taken."""

    # field -> roles that may change it (the others are refused)
    MATRIX = {
        "partner_id": {"coordinator"},
        "coordinator_id": {"coordinator"},
        "stage_id": {"coordinator"},
        "state": {"coordinator"},
        "municipal_unit_id": {"coordinator", "municipal"},
        "municipal_contact_id": {"coordinator", "municipal"},
        "consent_given": {"coordinator", "municipal"},
        "consent_share_coordinator": {"municipal"},
    }

    def _new_value(self, name, role):
        other_user = new_test_user(self.env, login=f"other_{name}_{role}", groups="base.group_user")
        return {
            "partner_id": self.env["res.partner"].create({"name": "Another card"}).id,
            "coordinator_id": other_user.id,
            "stage_id": self.stages[1].id,
            "state": "paused",
            "municipal_unit_id": self.other_unit.id,
            "municipal_contact_id": other_user.partner_id.id,
            "consent_given": False,
            "consent_share_coordinator": True,
        }[name]

    def test_field_write_rights_per_role(self):
        self.add_wish(state="new")
        self.participant.paused_until = self.today
        checked = 0
        for name, allowed in self.MATRIX.items():
            for role in ("volunteer", "municipal", "coordinator"):
                with self.subTest(field=name, role=role):
                    value = self._new_value(name, role)
                    record = self.as_role(role, "aktive.participant").browse(self.participant.id)
                    with self.env.cr.savepoint() as savepoint:
                        if role in allowed:
                            record.write({name: value})
                            self.assertEqual(
                                record.sudo()
                                ._fields[name]
                                .convert_to_cache(record.sudo()[name], record, validate=False),
                                value,
                            )
                        else:
                            with self.assertRaises(AccessError):
                                record.write({name: value})
                        savepoint.rollback()
                    checked += 1
        self.assertEqual(checked, 24)

    def test_field_write_rights_authorship_is_taken_not_given(self):
        note = (
            self.env["aktive.sensitive.note"]
            .with_user(self.municipal_user)
            .create(
                {
                    "participant_id": self.participant.id,
                    "note": "Fell at home",
                    "author_id": self.coordinator.id,
                }
            )
        )
        self.assertEqual(note.author_id, self.municipal_user)
        log = (
            self.env["aktive.contact.log"]
            .with_user(self.volunteer_user)
            .create(
                {
                    "participant_id": self.participant.id,
                    "note": "Walk",
                    "user_id": self.volunteer2_user.id,
                }
            )
        )
        self.assertEqual(log.user_id, self.volunteer_user)
        with self.assertRaises(AccessError):
            note.with_user(self.municipal_user).write({"author_id": self.coordinator.id})
