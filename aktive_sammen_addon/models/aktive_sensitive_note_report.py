from markupsafe import Markup
from markupsafe import escape
from odoo import SUPERUSER_ID
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError

from .aktive_groups import MUNICIPAL
from .mail_thread import NOTIFY_BY_MAIL


class AktiveSensitiveNote(models.Model):
    """Reports back from the volunteers (the portal's "Meld fra", a worry about health).

    A worry about health is health information: it is kept as a sensitive note of kind
    health - municipal only, read by the coordinator only where the person consented to
    that sharing, never by a volunteer (no access right) - with an activity on it for the
    municipal contact person to act on. Not an activity on the case: the coordinator, who
    may write the case, would read it there. The activities of a note are, as all chatter
    fields (models/aktive_case_privacy.py), for those who may write it: the municipality."""

    _name = "aktive.sensitive.note"
    _inherit = ["aktive.sensitive.note", "mail.activity.mixin"]

    volunteer_report = fields.Boolean(
        string="Reported by a volunteer",
        readonly=True,
        copy=False,
        index=True,
        help="A volunteer's worry, sent from the volunteers' pages.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        """Only the volunteers' pages (as the system, below) mark a note as a volunteer's
        report: the flag puts it in *Reports from volunteers* under the volunteer's name."""
        if not self.env.su:
            for vals in vals_list:
                vals.pop("volunteer_report", None)
        return super().create(vals_list)

    def write(self, vals):
        if (
            "volunteer_report" in vals
            and not self.env.su
            and any(note.volunteer_report != bool(vals["volunteer_report"]) for note in self)
        ):
            raise AccessError(
                self.env._("Only a report sent from the volunteers' pages is marked as one.")
            )
        return super().write(vals)

    @api.model
    def _aktive_report_worry(self, participant, volunteer, text):
        """The volunteer ``volunteer`` is worried about ``participant``'s health: a note for
        the municipal contact person of the case (else the unit's staff), with an activity
        for each of them; a contact person without a user gets it by mail."""
        # As superuser (OdooBot), not as the volunteer: a volunteer may not write notes, and
        # neither the note nor the messages about it are the volunteer's (as author they
        # could read them back, row V7). The author is the volunteer, by name only.
        case = participant.with_user(SUPERUSER_ID)
        contact = case.municipal_contact_id or case.municipal_unit_id.volunteer_contact_id
        users = contact.user_ids.filtered(lambda u: u.has_group(MUNICIPAL))
        users = users or case.municipal_unit_id.user_ids.filtered(lambda u: u.has_group(MUNICIPAL))
        if not (users or contact):
            raise ValidationError(
                self.env._("No municipal contact person is registered: call the municipality.")
            )
        note = (
            self.with_user(SUPERUSER_ID)
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "participant_id": participant.id,
                    "kind": "health",
                    "note": text,
                    "author_id": volunteer.id,
                    "volunteer_report": True,
                }
            )
        )
        activity_type = self.env.ref("aktive_sammen_addon.mail_activity_type_volunteer_worry")
        for user in users:
            note.activity_schedule(
                activity_type_id=activity_type.id,
                # in the language of the one who acts on it
                summary=note._aktive_in_text_lang(user).env._(
                    "%(volunteer)s is worried about %(person)s's health",
                    volunteer=volunteer.name,
                    person=case.name,
                ),
                note=escape(text),
                user_id=user.id,
            )
        if not users:
            # A contact person without a user of this database: by mail, on the note, in
            # their language.
            env = note.with_context(lang=contact.lang or note._aktive_text_lang()).env
            message = note.with_context(**{NOTIFY_BY_MAIL: contact.ids}).message_notify(
                partner_ids=contact.ids,
                subject=env._("A volunteer is worried about %(person)s", person=case.name),
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    env._(
                        "%(volunteer)s, volunteer for %(person)s, is worried about their health:",
                        volunteer=volunteer.name,
                        person=case.name,
                    ),
                    escape(text),
                ),
            )
            # Notified by e-mail (Odoo's default), they would have it only as an e-mail - lost
            # without a mail server. Left unread, it is in their Inbox too.
            message.notification_ids.filtered(lambda n: n.res_partner_id == contact).is_read = False
        # In the municipality's inbox too (models/aktive_municipal_message.py), linked to the
        # note: as superuser, like the note (a volunteer has no access right to the inbox).
        self.env["aktive.municipal.message"].with_user(SUPERUSER_ID).with_context(
            mail_create_nosubscribe=True
        ).create(
            {
                "participant_id": participant.id,
                "kind": "worry",
                "text": text,
                "sender_id": volunteer.id,
                "volunteer_id": volunteer.partner_id.id,
                "recipient_id": contact.id,
                "sensitive_note_id": note.id,
            }
        )
        return note
