"""The volunteer centre reports back to the municipality (seed 000: "Frivilligsentralen kan
også melde tilbake til kontaktpersonene i kommunen hvis de ser at noen ... trenger mer eller
annerledes oppfølging").

One inbox for the municipal side (*Municipality → Inbox*): a need the centre cannot follow
up, sent by the coordinator (also for a volunteer who told the coordinator), and a volunteer's
worry about health (models/aktive_sensitive_note_report.py). Each item is unhandled until a
municipal contact person marks it handled with a note; the coordinator sees the status of
the needs on the case.

Who reads what (security/aktive_rules.xml): the municipal contact persons of the case's unit
and its contact person, all items; the coordinators, the needs - a worry's text is health
information, so a worry only where the person consented to sharing the municipality's notes
with the coordinator, as for the sensitive notes; volunteers nothing (no access right)."""

from markupsafe import Markup
from markupsafe import escape
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from .aktive_groups import COORDINATORS
from .aktive_groups import MUNICIPAL
from .mail_thread import NOTIFY_BY_MAIL

# What a municipal contact person changes on an item: that it is handled, and how.
HANDLE_FIELDS = frozenset({"state", "handled_note", "handled_by_id", "handled_date"})


class AktiveMunicipalMessage(models.Model):
    _name = "aktive.municipal.message"
    _description = "Message to the municipality"
    _inherit = ["mail.thread", "mail.activity.mixin", "aktive.case.privacy", "aktive.input.guard"]
    # Unhandled first ('unhandled' > 'handled'), the newest on top.
    _order = "state desc, create_date desc, id desc"
    _check_company_auto = True
    _rec_name = "participant_id"
    # A message stays on its case (models/aktive_case_privacy.py).
    _aktive_case_field = "participant_id"
    _input_limits = {"text": 4000, "handled_note": 4000}

    # No check_company: the company is the participant's (related), the picker would be empty.
    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    municipal_unit_id = fields.Many2one(
        related="participant_id.municipal_unit_id", string="Municipal unit", store=True
    )
    kind = fields.Selection(
        [("need", "Needs follow-up"), ("worry", "Worry about health")],
        required=True,
        default="need",
        readonly=True,
    )
    text = fields.Text(string="Message", required=True, readonly=True)
    sender_id = fields.Many2one(
        "res.users", string="Sent by", default=lambda self: self.env.user, readonly=True
    )
    volunteer_id = fields.Many2one(
        "res.partner",
        string="Told by volunteer",
        readonly=True,
        help="The volunteer who told the coordinator, when the coordinator passes it on.",
    )
    recipient_id = fields.Many2one(
        "res.partner", string="Sent to", readonly=True, help="The case's municipal contact."
    )
    sensitive_note_id = fields.Many2one(
        "aktive.sensitive.note", string="Health note", readonly=True, ondelete="set null"
    )
    state = fields.Selection(
        [("unhandled", "Unhandled"), ("handled", "Handled")],
        default="unhandled",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    handled_note = fields.Text(string="What was done", readonly=True)
    handled_by_id = fields.Many2one("res.users", string="Handled by", readonly=True)
    handled_date = fields.Datetime(string="Handled on", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        """A coordinator sends a need, signed by them and unhandled; only the system (the
        volunteers' pages) files a worry, with its health note."""
        if not self.env.su:
            if not self.env.user.has_group(COORDINATORS):
                raise AccessError(
                    self.env._("Only the coordinator reports to the municipality from a case.")
                )
            for vals in vals_list:
                if vals.get("kind", "need") != "need" or vals.get("sensitive_note_id"):
                    raise AccessError(
                        self.env._("A worry about health comes from the volunteers' pages.")
                    )
                if (
                    any(vals.get(name) for name in HANDLE_FIELDS - {"state"})
                    or vals.get("state", "unhandled") != "unhandled"
                ):
                    raise AccessError(
                        self.env._("Only the municipality marks a message as handled.")
                    )
                vals["sender_id"] = self.env.uid
        for vals in vals_list:
            if not (vals.get("text") or "").strip():
                raise ValidationError(self.env._("Write what the municipality should know."))
        return super().create(vals_list)

    def write(self, vals):
        """A message stays what was sent, and is handled only with a note, by whoever
        handles it (action_mark_handled): no direct write, also not of its state."""
        if not self.env.su:
            raise AccessError(self.env._("A message sent to the municipality cannot be changed."))
        return super().write(vals)

    # --- sending ------------------------------------------------------------------------------
    @api.model
    def _aktive_recipients(self, participant):
        """(contact person, users): the case's municipal contact person (else the unit's
        volunteer contact) and their users; without users, the unit's staff."""
        case = participant.sudo()  # the case's contact and unit, whoever sends
        contact = case.municipal_contact_id or case.municipal_unit_id.volunteer_contact_id
        users = contact.user_ids.filtered(lambda u: u.has_group(MUNICIPAL))
        users = users or case.municipal_unit_id.user_ids.filtered(lambda u: u.has_group(MUNICIPAL))
        return contact, users

    def _aktive_notify_municipality(self):
        """An activity for each municipal recipient of a need; a contact person without a user
        of this database gets it by mail (as a worry, models/aktive_sensitive_note_report.py)."""
        activity_type = self.env.ref("aktive_sammen_addon.mail_activity_type_municipal_message")
        for message in self:
            contact, users = self._aktive_recipients(message.participant_id)
            if not (users or contact):
                raise ValidationError(
                    self.env._(
                        "%(person)s has no municipal contact person or unit: choose one on the "
                        "case first.",
                        person=message.participant_id.name,
                    )
                )
            message.recipient_id = contact
            person = message.participant_id.sudo().name
            for user in users:
                message.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=message._aktive_in_text_lang(user).env._(
                        "%(sender)s asks the municipality to follow up %(person)s",
                        sender=message.sender_id.name,
                        person=person,
                    ),
                    note=escape(message.text),
                    user_id=user.id,
                )
            if users:
                continue
            env = message.with_context(lang=contact.lang or message._aktive_text_lang()).env
            sent = message.with_context(**{NOTIFY_BY_MAIL: contact.ids}).message_notify(
                partner_ids=contact.ids,
                subject=env._("The volunteer centre asks about %(person)s", person=person),
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    env._(
                        "%(sender)s asks the municipality to follow up %(person)s:",
                        sender=message.sender_id.name,
                        person=person,
                    ),
                    escape(message.text),
                ),
            )
            sent.notification_ids.filtered(
                lambda n, partner=contact: n.res_partner_id == partner
            ).is_read = False

    # --- handling -----------------------------------------------------------------------------
    def action_open_handle_wizard(self):
        """ "Handled" asks what was done (wizard/aktive_municipal_handle_wizard.py)."""
        self.ensure_one()
        self.check_access("write")
        self._aktive_check_unhandled()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mark as handled"),
            "res_model": "aktive.municipal.message.handle",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_message_id": self.id},
        }

    def _aktive_check_unhandled(self):
        if any(message.state == "handled" for message in self):
            raise UserError(self.env._("This message is handled already."))

    def action_mark_handled(self, note):
        """Handled, with what was done: the recipients' to-dos (and a worry's, on its health
        note) are done with that note, and the coordinator who sent a need is told."""
        note = (note or "").strip()
        if not note:
            raise UserError(self.env._("Write what was done before marking it handled."))
        self.check_access("write")
        self._aktive_check_unhandled()
        # sudo: the write right is checked just above (the municipal contacts of the case);
        # the message itself refuses direct writes, so a state is never set without a note
        # or under another name.
        self.sudo().write(
            {
                "state": "handled",
                "handled_note": note,
                "handled_by_id": self.env.uid,
                "handled_date": fields.Datetime.now(),
            }
        )
        for message in self:
            message.activity_ids.action_feedback(feedback=note)
            message.sensitive_note_id.activity_ids.action_feedback(feedback=note)
            sender = message.sender_id
            if message.kind != "need" or not sender or sender == self.env.user:
                continue
            env = message._aktive_in_text_lang(sender).env
            # On the case, not on the message: a note on a case record reaches only those
            # who may write it (models/mail_thread.py), and the coordinator writes the case.
            message.participant_id.message_notify(
                partner_ids=sender.partner_id.ids,
                subject=env._(
                    "The municipality handled your message about %(person)s",
                    person=message.participant_id.name,
                ),
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    env._(
                        "%(user)s handled your message about %(person)s:",
                        user=self.env.user.name,
                        person=message.participant_id.name,
                    ),
                    note,
                ),
            )
        return True
