"""The texts the addon stores are written in the company's language - or, for an activity, in
its assignee's - never in the acting user's (issue 16.4; models/aktive_text_language.py).
The acting users here speak English; the municipality speaks bokmål, then English."""

from datetime import timedelta

from odoo import Command

from .common import AktiveCase

CONSENT_SCOPE = (
    "Sending the contact form to the municipality when established and each time it is updated."
)
OVERDUE = "Overdue follow-up conversation"


class StoredLanguageCase(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("nb_NO"):
            cls.env["res.lang"]._activate_lang("nb_NO")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        for user in (cls.coordinator, cls.municipal_user, cls.env.user):
            user.lang = "en_US"
        cls.nb = cls.env(context=dict(cls.env.context, lang="nb_NO"))

    def set_company_lang(self, lang):
        self.env.company.partner_id.lang = lang

    def as_user(self, user, model):
        """`model` as `user`, in the user's own language."""
        return self.env[model].with_user(user).with_context(lang=user.lang)

    def text(self, lang, source, **kwargs):
        """`source` as the addon translates it in `lang` (a bokmål text differs: translated)."""
        translated = self.env(context=dict(self.env.context, lang=lang))._(source, **kwargs)
        if lang != "en_US":
            self.assertNotEqual(translated, source % kwargs if kwargs else source)
        return translated

    def created(self, lang, model):
        """Odoo's creation message of `model` in `lang` ("Deltaker opprettet")."""
        name = self.env["ir.model"].with_context(lang=lang)._get(model).name
        return f"{name} opprettet" if lang == "nb_NO" else f"{name} created"

    def flush_tracking(self):
        """What the commit does: the tracking messages of the changes so far."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def followup_activity(self, participant):
        followup = self.env.ref("aktive_sammen_addon.mail_activity_type_followup")
        return participant.activity_ids.filtered(lambda a: a.activity_type_id == followup)

    def creation_body(self, record):
        first = record.sudo().message_ids.sorted("id")[:1]
        return str(first.body)

    def new_records(self):
        """A participant, a wish, a follow-up, a catalogue activity and a sensitive note,
        each made by the English-speaking user whose work it is."""
        participant = self.as_user(self.coordinator, "aktive.participant").create(
            {
                "name": "Solveig Language",
                "coordinator_id": self.coordinator.id,
                "referral_source": "relative",
                "municipal_contact_id": self.municipal_user.partner_id.id,
            }
        )
        wish = self.as_user(self.coordinator, "aktive.wish").create(
            {"participant_id": participant.id, "name": "Coffee", "category_id": self.category.id}
        )
        followup = self.as_user(self.coordinator, "aktive.followup").create(
            {"participant_id": participant.id, "date_planned": self.today - timedelta(days=3)}
        )
        activity = self.as_user(self.coordinator, "aktive.activity").create(
            {"name": "Waffle gathering", "category_ids": [Command.set(self.category.ids)]}
        )
        note = self.as_user(self.municipal_user, "aktive.sensitive.note").create(
            {"participant_id": participant.id, "kind": "health", "note": "Tired."}
        )
        return {
            "aktive.participant": participant,
            "aktive.wish": wish,
            "aktive.followup": followup,
            "aktive.activity": activity,
            "aktive.sensitive.note": note,
        }

    def check_company_texts(self, lang):
        records = self.new_records()
        for model, record in records.items():
            with self.subTest(model=model):
                self.assertIn(self.created(lang, model), self.creation_body(record))
        participant = records["aktive.participant"]
        self.assertEqual(participant.consent_scope, self.text(lang, CONSENT_SCOPE))
        # A tracked change stores the labels it shows: the new state, here (records are
        # tracked once the transaction that created them is done).
        self.flush_tracking()
        participant.with_user(self.coordinator).write(
            {"paused_until": self.today + timedelta(days=30)}
        )
        participant.with_user(self.coordinator).with_context(
            lang=self.coordinator.lang
        ).action_pause()
        self.flush_tracking()
        participant.invalidate_recordset(["message_ids"])
        tracked = (
            participant.sudo()
            .message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
            .sorted("id")[-1:]
        )
        labels = dict(
            self.env["aktive.participant"]
            .with_context(lang=lang)
            ._fields["state"]
            ._description_selection(self.env(context={"lang": lang}))
        )
        self.assertEqual(tracked.new_value_char, labels["paused"])
        # Closed, then anonymised by the retention job, which runs in English.
        participant.sudo().write({"state": "closed", "close_reason": "Moved away"})
        participant.sudo().with_context(lang="en_US")._anonymise()
        self.assertEqual(participant.partner_id.name, self.text(lang, "Anonymised participant"))
        self.assertEqual(
            participant.close_reason, self.text(lang, "Anonymised after the retention period.")
        )


class TestNorwegianCompany(StoredLanguageCase):
    def setUp(self):
        super().setUp()
        self.set_company_lang("nb_NO")

    def test_stored_texts_are_bokmaal(self):
        self.check_company_texts("nb_NO")

    def test_moving_back_is_logged_in_bokmaal(self):
        self.add_wish(state="agreed")
        for index in (1, 2):
            self.move_to(self.participant, index)
        self.participant.with_user(self.coordinator).with_context(
            lang="en_US"
        ).stage_id = self.stages[1]
        body = str(self.participant.message_ids.sorted("id")[-1].body)
        stage = self.stages[2].with_env(self.nb).name
        self.assertIn(stage, body)
        self.assertNotIn("Moved back", body)

    def test_activities_are_in_the_assignees_language(self):
        """The overdue reminder, made by the English cron, is in the coordinator's language:
        bokmål for Bjørg, English for a coordinator who reads English."""
        followup = self.env["aktive.followup"].create(
            {"participant_id": self.participant.id, "date_planned": self.today - timedelta(days=2)}
        )
        self.coordinator.lang = "nb_NO"
        self.env["aktive.followup"].with_context(lang="en_US")._cron_flag_overdue()
        self.assertTrue(followup.is_overdue)
        self.assertEqual(
            self.followup_activity(self.participant).summary, self.text("nb_NO", OVERDUE)
        )

        other = self.env["aktive.participant"].create(
            {"name": "Per Other", "coordinator_id": self.coordinator.id, "referral_source": "gp"}
        )
        english = self.env["aktive.followup"].create(
            {"participant_id": other.id, "date_planned": self.today - timedelta(days=2)}
        )
        self.coordinator.lang = "en_US"
        self.env["aktive.followup"].with_context(lang="en_US")._cron_flag_overdue()
        self.assertTrue(english.is_overdue)
        self.assertEqual(self.followup_activity(other).summary, OVERDUE)

    def test_a_held_follow_up_and_an_export_log_in_bokmaal(self):
        self.coordinator.lang = "nb_NO"
        followup = self.env["aktive.followup"].create(
            {
                "participant_id": self.participant.id,
                "date_planned": self.today,
                "user_id": self.coordinator.id,
            }
        )
        followup.write({"summary": "Fine.", "outcome": "continue"})
        followup.with_user(self.coordinator).with_context(lang="en_US").action_hold()
        # The next conversation's reminder is the coordinator's: bokmål.
        self.assertEqual(
            self.followup_activity(self.participant).summary,
            self.text("nb_NO", "Follow-up conversation"),
        )
        self.participant.with_user(self.coordinator).with_context(
            lang="en_US"
        ).action_export_personal_data()
        self.assertIn(
            self.text("nb_NO", "Personal data exported (data access request)."),
            str(self.participant.message_ids.sorted("id")[-1].body),
        )


class TestEnglishCompany(StoredLanguageCase):
    """The reverse: a municipality that works in English gets English, whoever acts."""

    def setUp(self):
        super().setUp()
        self.set_company_lang("en_US")
        self.coordinator.lang = "nb_NO"
        self.municipal_user.lang = "nb_NO"

    def test_stored_texts_are_english(self):
        self.check_company_texts("en_US")
        self.assertEqual(
            self.env["aktive.participant"].new({}).consent_scope,
            CONSENT_SCOPE,
        )
