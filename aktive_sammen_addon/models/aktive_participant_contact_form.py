import hashlib
import json

from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import MissingError
from odoo.exceptions import UserError

from .aktive_groups import CASE_WORKERS

CONTACT_FORM = "aktive_sammen_addon.action_report_contact_form"
SEND_ACTIVITY = "aktive_sammen_addon.mail_activity_type_send_contact_form"
# Cases whose "changed since last sent" flag was recomputed in this transaction: their
# activity for the coordinator is planned or removed once, before the commit.
CHANGED_KEY = "aktive.contact_form_changed"
# What _contact_form_values reads, for the stored flag. The letterhead (company name, logo)
# and the date of printing are left out of the comparison: they are no news for the case.
FORM_DEPENDS = (
    "partner_id.name",
    "partner_id.street",
    "partner_id.zip",
    "partner_id.city",
    "partner_id.phone",
    "birthdate",
    "company_id.phone",
    "coordinator_id.partner_id.name",
    "coordinator_id.partner_id.phone",
    "coordinator_id.partner_id.email",
    "municipal_contact_id.name",
    "municipal_contact_id.phone",
    "municipal_unit_id.name",
    "municipal_unit_id.volunteer_contact_id.name",
    "municipal_unit_id.volunteer_contact_id.phone",
    "network_member_ids.active",
    "network_member_ids.member_kind",
    "network_member_ids.partner_id.name",
    "network_member_ids.partner_id.phone",
    "network_member_ids.role_id.name",
    "network_member_ids.frequency",
    "wish_ids.name",
    "wish_ids.state",
    "wish_ids.sequence",
    "wish_ids.agreement",
    "wish_ids.municipal_duty",
    "wish_ids.activity_id.name",
    "wish_ids.network_member_ids.partner_id.name",
    "adaptations",
    "consent_given",
    "consent_date",
    "consent_scope",
    "next_followup_date",
    "state",
    "contact_form_version_ids.fingerprint",
)
UNPRINTED = ("today", "company", "logo")
# Context key of the mail composer opened by "Send to municipality": the version is archived
# when that mail is sent (models/mail_compose_message.py), not when the composer opens.
SEND_KEY = "aktive_contact_form_send"
MAX_MEMBERS = 12
MAX_WISHES = 10


def shorten(text, size):
    """Cut long free text for the one-page form; the record keeps the whole text."""
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


class AktiveParticipant(models.Model):
    """The one-page A4 contact form (kontaktskjema): what it shows, who may print it, and each
    version sent to the municipality."""

    _inherit = "aktive.participant"

    contact_form_version_ids = fields.One2many(
        "aktive.contact.form.version",
        "participant_id",
        string="Contact form versions",
        groups=CASE_WORKERS,
    )
    contact_form_changed = fields.Boolean(
        string="Changed since last sent",
        compute="_compute_contact_form_changed",
        store=True,
        groups=CASE_WORKERS,
        help="What the contact form shows now differs from the last version sent to the "
        "municipality: send it again.",
    )

    @api.depends(*FORM_DEPENDS)
    def _compute_contact_form_changed(self):
        """Stored, so the board reads a column instead of rendering each card's form: only a
        change of what the form reads recomputes it, and only for a case sent before.
        Versions archived before the fingerprint existed compare as unchanged, and so does a
        closed case."""
        last = {}
        ids = [pid for pid in self.ids if pid]
        if ids:
            # One query for the batch, newest first; sudo: the flag is stored for the case
            # workers whoever changed the case.
            for version in (
                self.env["aktive.contact.form.version"]
                .sudo()
                .search_fetch(
                    [("participant_id", "in", ids)],
                    ["participant_id", "fingerprint"],
                    order="version desc",
                )
            ):
                last.setdefault(version.participant_id.id, version.fingerprint)
        for participant in self:
            fingerprint = last.get(participant.id)
            # A closed case sends nothing more (and its anonymisation is no update).
            participant.contact_form_changed = bool(
                fingerprint
                and participant.state != "closed"
                and participant._contact_form_fingerprint() != fingerprint
            )
        sent = set(last)
        if sent:
            data = self.env.cr.precommit.data
            if CHANGED_KEY not in data:
                self.env.cr.precommit.add(self.browse()._contact_form_activity_sync)
            data.setdefault(CHANGED_KEY, set()).update(sent)

    def _contact_form_fingerprint(self):
        """A digest of what the form prints for the municipality: a case worker's form (sudo:
        every field shown), in one language, without the letterhead and the date."""
        self.ensure_one()
        values = self.sudo().with_context(lang="en_US")._contact_form_values()
        for key in UNPRINTED:
            values.pop(key, None)
        text = json.dumps(values, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()

    def _contact_form_activity_sync(self):
        """Before the commit: one activity for the coordinator on each case whose form changed
        (never a second one), none left on a case whose form is as sent again. The form is
        sent with consent only, on a case still open."""
        ids = self.env.cr.precommit.data.pop(CHANGED_KEY, set())
        # sudo: the flag and the activities are kept whatever the user who changed the case
        # may read - a volunteer's proposed wish changes the form too.
        cases = self.sudo().browse(ids).exists()
        if not cases:
            return
        kind = self.env.ref(SEND_ACTIVITY)
        planned = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", cases._name),
                    ("res_id", "in", cases.ids),
                    ("activity_type_id", "=", kind.id),
                ]
            )
        )
        has_activity = set(planned.mapped("res_id"))
        due = cases.filtered(
            lambda c: c.contact_form_changed and c.consent_given and c.state != "closed"
        )
        for case in due:
            coordinator = case.coordinator_id
            if coordinator and case.id not in has_activity:
                # In the coordinator's language, whoever made the change.
                env = case._aktive_in_text_lang(coordinator).env
                case.activity_schedule(
                    SEND_ACTIVITY,
                    summary=env._("Send the updated contact form to the municipality"),
                    note=env._(
                        "What the contact form shows has changed since the last version sent."
                    ),
                    user_id=coordinator.id,
                )
        # Nothing to send any more (as sent again, consent withdrawn, case closed).
        planned.filtered(lambda a: a.res_id not in due.ids).unlink()

    def _check_contact_form_printable(self):
        """The form goes to everyone involved: only with the person's recorded consent, and
        only for participants this user may read (record rules apply to the report too)."""
        if not self:
            raise UserError(self.env._("Choose the participant whose contact form to print."))
        if self != self.exists():
            raise MissingError(
                self.env._("The participant does not exist (any more): there is no form to print.")
            )
        self.check_access("read")
        # sudo: consent is a case-worker field, but a volunteer may print a form that has it.
        refused = self.sudo().filtered(lambda p: not p.consent_given)
        if refused:
            raise UserError(
                self.env._(
                    "No recorded consent to share the contact form of %(names)s: record the "
                    "person's consent first.",
                    names=", ".join(refused.mapped("name")),
                )
            )

    def action_print_contact_form(self):
        self._check_contact_form_printable()
        # config=False: the form has its own layout, no need to set up the company one first.
        return self.env.ref(CONTACT_FORM).report_action(self, config=False)

    def _contact_form_lang(self):
        """The language of whoever prints; the mail to the municipality sets its template's
        language in the context. Not the person's contact card: it says nothing of who
        reads the paper."""
        return self.env.context.get("aktive_contact_form_lang") or self.env.user.lang

    def _contact_form_values(self):
        """Everything the form prints, read with this user's rights and cut to a size that
        keeps the form on one page whatever was typed. The consent statement is a case
        worker's field: a volunteer's form gets a neutral line instead."""
        self.ensure_one()
        members = self.network_member_ids.sorted(lambda m: (m.member_kind != "volunteer", m.id))
        wishes = self.wish_ids.filtered(lambda w: w.state != "dropped")
        kinds = dict(
            self.env["aktive.network.member"]
            ._fields["member_kind"]
            ._description_selection(self.env)
        )
        states = dict(self.env["aktive.wish"]._fields["state"]._description_selection(self.env))
        coordinator = self.coordinator_id.partner_id
        unit = self.municipal_unit_id
        contact = self.municipal_contact_id or unit.volunteer_contact_id
        unit_contact = unit.volunteer_contact_id if unit.volunteer_contact_id != contact else False
        consent = self._has_field_access(self._fields["consent_date"], "read")
        address = ", ".join(
            p for p in (self.street, " ".join(filter(None, (self.zip, self.city)))) if p
        )
        return {
            "company": shorten(self.company_id.name, 60),
            # Odoo's "YourLogo" placeholder has no place on a letter to a municipality.
            "logo": not self.company_id.uses_default_logo and self.company_id.logo,
            "today": fields.Date.context_today(self),
            "name": shorten(self.name, 60),
            "address": shorten(address, 90),
            "phone": shorten(self.phone, 25),
            "birthdate": self.birthdate
            if self._has_field_access(self._fields["birthdate"], "read")
            else False,
            "coordinator": shorten(coordinator.name, 60),
            "coordinator_phone": shorten(coordinator.phone or self.company_id.phone, 25),
            "coordinator_email": shorten(coordinator.email, 60),
            "municipal_contact": shorten(contact.name, 60),
            "municipal_contact_phone": shorten(contact.phone, 25),
            "unit": shorten(unit.name, 60),
            "unit_contact": shorten(unit_contact.name, 60) if unit_contact else False,
            "unit_phone": shorten(unit.phone, 25) if unit_contact else False,
            # Sizes for one line a member and two lines a wish, in 9 pt type (older readers):
            # report/aktive_contact_form_templates.xml, tests/test_contact_form_pdf.py.
            "members": [
                {
                    "name": shorten(m.partner_id.name, 26),
                    "role": shorten(m.role_id.name or kinds.get(m.member_kind), 20),
                    "phone": shorten(m.phone, 15),
                    "frequency": shorten(m.frequency, 30),
                }
                for m in members[:MAX_MEMBERS]
            ],
            "members_more": max(len(members) - MAX_MEMBERS, 0),
            "wishes": [
                {
                    "name": shorten(w.name, 66),
                    # The duty's label takes room on the line: the page stays one page.
                    "agreed": self._contact_form_agreement(w, 60 if w.municipal_duty else 92),
                    "state": states.get(w.state),
                    # The municipality's duty: printed as such, never as a volunteer's task.
                    "municipal": w.municipal_duty,
                }
                for w in wishes[:MAX_WISHES]
            ],
            "wishes_more": max(len(wishes) - MAX_WISHES, 0),
            "adaptations": shorten(self.adaptations, 220),
            "show_consent": consent,
            # sudo: the field's groups are checked just above.
            "consent_date": consent and self.sudo().consent_date,
            "consent_scope": consent and shorten(self.sudo().consent_scope, 220),
            # The follow-ups are the case workers': a volunteer's form leaves the date out.
            "show_followup": consent,
            "next_followup_date": consent and self.sudo().next_followup_date,
        }

    def _contact_form_agreement(self, wish, size=92):
        """Activity, what was agreed and who carries it, in one line the page can hold."""
        parts = [wish.activity_id.name, wish.agreement]
        who = ", ".join(wish.network_member_ids[:3].mapped("partner_id.name"))
        text = ". ".join(p.strip().rstrip(".") for p in parts if p)
        return shorten(f"{text} ({who})" if who else text, size)

    def _contact_form_recipient(self):
        """The municipal contact person, or the unit's volunteer contact, with an email."""
        self.ensure_one()
        recipient = self.municipal_contact_id or self.municipal_unit_id.volunteer_contact_id
        if not recipient.email:
            raise UserError(
                self.env._(
                    "Set the municipal contact person of %(name)s, with an email address, "
                    "before sending the contact form.",
                    name=self.name,
                )
            )
        return recipient

    def action_send_contact_form(self):
        """Open the mail composer to the municipal contact. Nothing is archived yet: the
        version is made, with its PDF attached, when the mail is sent (a discarded composer
        leaves no trace). Refused without consent or without a contact to send to."""
        self.ensure_one()
        # Sending archives a version: for case workers only, not the volunteers who print.
        self.env["aktive.contact.form.version"].check_access("read")
        self._check_contact_form_printable()
        recipient = self._contact_form_recipient()
        template = self.env.ref("aktive_sammen_addon.mail_template_contact_form")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_partner_ids": recipient.ids,
                SEND_KEY: True,
            },
        }

    def _archive_contact_form(self, lang=None):
        """Render and archive the next version, as it is sent now; post it in the chatter.
        Consent and recipient are checked again: they may have changed while the composer
        was open."""
        self.ensure_one()
        # The same check as the button (action_send_contact_form): the composer's context key
        # (SEND_KEY) that leads here can be set by any caller, so it grants nothing more.
        self.env["aktive.contact.form.version"].check_access("read")
        self.check_access("write")
        self._check_contact_form_printable()
        recipient = self._contact_form_recipient()
        # sudo: the archive is kept whatever the sender may write on attachments; the
        # consent and access checks above have passed as the user.
        sent = (
            self.env["aktive.contact.form.version"]
            .sudo()
            .search([("participant_id", "=", self.id)])
        )
        number = max(sent.mapped("version"), default=0) + 1
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(aktive_contact_form_lang=lang)
            ._render_qweb_pdf(CONTACT_FORM, self.ids)
        )
        # sudo: as above; the volunteers' entries are all sent, whoever of them logged them.
        logs = (
            self.env["aktive.contact.log"].sudo().search([("participant_id", "=", self.id)])
            - sent.log_ids
        )
        version = (
            self.env["aktive.contact.form.version"]
            .sudo()
            .create(
                {
                    "participant_id": self.id,
                    "version": number,
                    "recipient_id": recipient.id,
                    "fingerprint": self._contact_form_fingerprint(),
                    "log_ids": [Command.set(logs.ids)],
                }
            )
        )
        # The archived PDF belongs to the version record, which only case workers read (an
        # attachment of the case itself would be readable by its volunteers too).
        version.attachment_id = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    # The file's name in the language of the mail it goes with.
                    "name": self.with_context(lang=lang or self._aktive_text_lang()).env._(
                        "Contact form %(name)s v%(n)s.pdf", name=self.name, n=number
                    ),
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": version._name,
                    "res_id": version.id,
                }
            )
        )
        if logs:
            version.log_attachment_id = version._render_contact_log(lang)
        # The coordinator's reminder to send the updated form is done now; the case's log
        # in the municipality's language.
        text_env = self._aktive_in_text_lang().env
        self.env["mail.activity"].sudo().search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", self.id),
                ("activity_type_id", "=", self.env.ref(SEND_ACTIVITY).id),
            ]
        ).action_feedback(
            feedback=text_env._(
                "Version %(n)s sent to %(recipient)s.", n=number, recipient=recipient.name
            )
        )
        self.message_post(
            body=text_env._(
                "Contact form version %(n)s sent to %(recipient)s.",
                n=number,
                recipient=recipient.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return version
