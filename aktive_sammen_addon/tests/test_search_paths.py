"""Row X3 through another model: a search on a path (``participant_id.sensitive_note_ids``)
or an ``any`` sub-domain answers only about the records the user may see at every step,
as the direct search on the case does (models/aktive_case_privacy.py). Without the
person's consent the coordinator may not learn which cases hold sensitive notes - not by
the case, nor by its wishes, network, follow-ups, loneliness measures or contact card; a
volunteer may not learn of other volunteers' contact log entries."""

from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import new_test_user
from odoo.tests import tagged

from .common import GROUP
from .common import new_signed_volunteer
from .test_access_rights import AccessCase

# The case's records a coordinator reads, each with its participant_id.
CASE_RECORDS = (
    "aktive.wish",
    "aktive.network.member",
    "aktive.followup",
    "aktive.loneliness.measure",
)


def note_oracles(note_id, prefix="participant_id"):
    """Domains that would each find a case's records if, and only if, the case holds a
    (or this) sensitive note."""
    path = f"{prefix}.sensitive_note_ids"
    return (
        [(path, "!=", False)],
        [(path, "in", [note_id])],
        [(path, "=", note_id)],
        [(path, "=?", note_id)],
        [(f"{path}.id", "=", note_id)],
        [(prefix, "any", [("sensitive_note_ids", "!=", False)])],
        [(prefix, "not any", [("sensitive_note_ids", "=", False)])],
        [(prefix, "any", [("sensitive_note_ids", "in", [note_id])])],
    )


def note_negations(note_id, prefix="participant_id"):
    """Domains that would each miss a case's records if it holds a (or this) note."""
    path = f"{prefix}.sensitive_note_ids"
    return (
        [(path, "=", False)],
        [(path, "not in", [note_id])],
        [(path, "!=", note_id)],
        [(prefix, "not any", [("sensitive_note_ids", "!=", False)])],
    )


@tagged("post_install", "-at_install")
class TestSearchPathOracle(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["aktive.loneliness.measure"].create(
            {"participant_id": cls.participant.id, "date": cls.today, "lonely_frequency": "some"}
        )
        # A second case the volunteer helps, where only the other volunteer has logged.
        cls.second = cls.env["aktive.participant"].create(
            {"name": "Second Test", "coordinator_id": cls.coordinator.id}
        )
        Member = cls.env["aktive.network.member"]
        for partner in (cls.volunteer, cls.volunteer2_user.partner_id):
            Member.create({"participant_id": cls.second.id, "partner_id": partner.id})
        cls.second_wish = cls.env["aktive.wish"].create(
            {"participant_id": cls.second.id, "name": "Chess"}
        )
        cls.second_log = (
            cls.env["aktive.contact.log"]
            .with_user(cls.volunteer2_user)
            .create({"participant_id": cls.second.id, "note": "Chess at the library"})
        )
        cls.env.invalidate_all()

    def assertAsIfNoNote(self, Model, role, model, prefix="participant_id", case=None):
        """Every note oracle on the case's records finds nothing, every negation finds them
        all."""
        case = case or [(prefix, "=", self.participant.id)]
        records = Model.search(case)
        self.assertTrue(records, f"the {role} reads the case's {model}")
        for domain in note_oracles(self.note.id, prefix):
            with self.subTest(model=model, domain=domain):
                found = Model.search(case + domain)
                self.assertNothingFound(found, role, model, "search path", "search-oracle")
        for domain in note_negations(self.note.id, prefix):
            with self.subTest(model=model, domain=domain):
                self.assertEqual(Model.search(case + domain), records)

    def test_x3_coordinator_without_consent_cannot_find_notes_through_case_records(self):
        self.assertFalse(self.participant.consent_share_coordinator)
        for model in CASE_RECORDS:
            self.assertAsIfNoNote(self.as_role("coordinator", model), "coordinator", model)

    def test_x3_coordinator_without_consent_cannot_find_notes_through_contact_cards(self):
        Partner = self.as_role("coordinator", "res.partner")
        card = [("id", "=", self.participant.partner_id.id)]
        self.assertAsIfNoNote(Partner, "coordinator", "res.partner", "aktive_participant_ids", card)
        # three steps: a card under the participant's card
        relative = self.env["res.partner"].create(
            {"name": "Son Test", "parent_id": self.participant.partner_id.id}
        )
        domain = [("id", "=", relative.id)]
        Partner = self.as_role("coordinator", "res.partner")
        self.assertEqual(Partner.search(domain), relative)
        self.assertNothingFound(
            Partner.search(
                domain + [("parent_id.aktive_participant_ids.sensitive_note_ids", "!=", False)]
            ),
            "coordinator",
            "res.partner",
            "search path",
            "search-oracle",
        )

    def test_x3_coordinator_with_consent_finds_notes_through_case_records(self):
        """The rewrite hides what the rules hide, nothing more."""
        self.participant.with_user(self.municipal_user).consent_share_coordinator = True
        for model in CASE_RECORDS:
            Model = self.as_role("coordinator", model)
            case = [("participant_id", "=", self.participant.id)]
            records = Model.search(case)
            for domain in note_oracles(self.note.id):
                with self.subTest(model=model, domain=domain):
                    self.assertEqual(Model.search(case + domain), records)

    def test_x3_municipal_other_units_notes_through_case_records(self):
        Wish = self.as_role("municipal", "aktive.wish")
        self.assertFalse(
            Wish.search([("participant_id.sensitive_note_ids", "in", self.foreign_note.ids)])
        )
        self.assertIn(
            self.wish, Wish.search([("participant_id.sensitive_note_ids", "in", self.note.ids)])
        )

    def test_x3_volunteer_cannot_find_other_volunteers_logs_through_case_records(self):
        for model in ("aktive.wish", "aktive.network.member"):
            Model = self.as_role("volunteer", model)
            case = [("participant_id", "=", self.second.id)]
            records = Model.search(case)
            self.assertTrue(records)
            for domain in (
                [("participant_id.contact_log_ids", "!=", False)],
                [("participant_id.contact_log_ids", "in", self.second_log.ids)],
                [("participant_id", "any", [("contact_log_ids", "=", self.second_log.id)])],
            ):
                with self.subTest(model=model, domain=domain):
                    found = Model.search(case + domain)
                    self.assertNothingFound(
                        found, "volunteer", model, "search path", "search-oracle"
                    )
            self.assertEqual(
                Model.search(case + [("participant_id.contact_log_ids", "=", False)]), records
            )
            # by the id of the other volunteer's entry on a case with the volunteer's own
            self.assertFalse(
                Model.search([("participant_id.contact_log_ids", "in", self.other_log.ids)])
            )
            # the volunteer's own entries are found
            mine = Model.search([("participant_id.contact_log_ids", "in", self.log.ids)])
            self.assertEqual(mine.participant_id, self.participant)

    def test_x3_path_through_a_field_the_role_may_not_read_is_refused(self):
        """A field on the path is checked as the first one is: the volunteer reads the
        wish and its case, not the case's consent, derived dates nor log."""
        Wish = self.as_role("volunteer", "aktive.wish")
        for domain in (
            [("participant_id.consent_given", "=", True)],
            [("participant_id.next_followup_date", "!=", False)],
            [("participant_id.message_ids.body", "ilike", "hospital")],
            [("participant_id.activity_user_id", "!=", False)],
            [("participant_id", "any", [("sensitive_note_ids", "!=", False)])],
            [("participant_id.partner_id.aktive_participant_ids.consent_given", "=", True)],
        ):
            with self.subTest(domain=domain):
                with self.assertDenied("volunteer", "aktive.wish", "search path", "search-oracle"):
                    Wish.search(domain)


@tagged("post_install", "-at_install")
class TestSearchPathOverJsonRpc(HttpCase):
    """The same over the wire: search_read, web_search_read and read_group of the web
    client with a path through the case."""

    def setUp(self):
        super().setUp()
        self.coordinator = new_test_user(
            self.env, login="path_coordinator", groups=GROUP + "coordinator"
        )
        self.volunteer = new_signed_volunteer(self.env, "path_volunteer")
        self.other_volunteer = new_signed_volunteer(self.env, "path_volunteer2")
        Participant = self.env["aktive.participant"]
        self.case = Participant.create({"name": "Path Case", "coordinator_id": self.coordinator.id})
        self.shared = Participant.create(
            {
                "name": "Shared Case",
                "coordinator_id": self.coordinator.id,
                "consent_share_coordinator": True,
            }
        )
        Note = self.env["aktive.sensitive.note"]
        self.note = Note.create({"participant_id": self.case.id, "note": "Diagnosis"})
        Note.create({"participant_id": self.shared.id, "note": "Shared diagnosis"})
        for case in self.case | self.shared:
            self.env["aktive.wish"].create({"participant_id": case.id, "name": "Choir"})
            self.env["aktive.followup"].create(
                {"participant_id": case.id, "date_planned": "2026-01-05"}
            )
            for volunteer in self.volunteer | self.other_volunteer:
                self.env["aktive.network.member"].create(
                    {"participant_id": case.id, "partner_id": volunteer.partner_id.id}
                )
        self.log = (
            self.env["aktive.contact.log"]
            .with_user(self.other_volunteer)
            .create({"participant_id": self.case.id, "note": "A walk"})
        )

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def found(self, model, domain):
        """The participants the records found belong to, by search_read, web_search_read and
        read_group alike (they must agree)."""
        rows = self.call(model, "search_read", [domain], {"fields": ["participant_id"]})
        by_search = {r["participant_id"][0] for r in rows}
        web = self.call(
            model, "web_search_read", [domain], {"specification": {"participant_id": {}}}
        )
        self.assertEqual({r["participant_id"] for r in web["records"]}, by_search)
        groups = self.call(
            model,
            "web_read_group",
            [domain],
            {"groupby": ["participant_id"], "aggregates": ["__count"]},
        )
        self.assertEqual({g["participant_id"][0] for g in groups["groups"]}, by_search)
        groups = self.call(model, "formatted_read_group", [domain], {"groupby": ["participant_id"]})
        self.assertEqual({g["participant_id"][0] for g in groups}, by_search)
        groups = self.call(model, "read_group", [domain, ["participant_id"], ["participant_id"]])
        self.assertEqual({g["participant_id"][0] for g in groups}, by_search)
        return by_search

    def test_x3_coordinator_over_json_rpc(self):
        self.authenticate("path_coordinator", "path_coordinator")
        for model in ("aktive.wish", "aktive.network.member", "aktive.followup"):
            with self.subTest(model=model):
                mine = [("participant_id", "in", (self.case | self.shared).ids)]
                found = self.found(
                    model, mine + [("participant_id.sensitive_note_ids", "!=", False)]
                )
                self.assertEqual(found, {self.shared.id})
                found = self.found(
                    model, mine + [("participant_id.sensitive_note_ids", "in", self.note.ids)]
                )
                self.assertEqual(found, set())
        cards = self.call(
            "res.partner",
            "search_read",
            [[("aktive_participant_ids.sensitive_note_ids", "!=", False)]],
            {"fields": ["name"]},
        )
        self.assertNotIn(self.case.partner_id.id, {r["id"] for r in cards})

    def test_x3_volunteer_over_json_rpc(self):
        self.authenticate("path_volunteer", "path_volunteer")
        for model in ("aktive.wish", "aktive.network.member"):
            with self.subTest(model=model):
                found = self.found(model, [("participant_id.contact_log_ids", "!=", False)])
                self.assertEqual(found, set())
                found = self.found(model, [("participant_id.contact_log_ids", "in", self.log.ids)])
                self.assertEqual(found, set())
                mine = self.found(model, [])
                self.assertEqual(mine, {self.case.id, self.shared.id})
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call(
                "aktive.wish",
                "search_read",
                [[("participant_id.sensitive_note_ids", "!=", False)]],
                {"fields": ["name"]},
            )
