from odoo import fields
from odoo import models
from odoo.exceptions import MissingError
from odoo.exceptions import UserError

CONTACT_FORM = "aktive_sammen_addon.action_report_contact_form"
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
        groups="aktive_sammen_addon.group_aktive_coordinator,"
        "aktive_sammen_addon.group_aktive_municipal",
    )

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
            "members": [
                {
                    "name": shorten(m.partner_id.name, 40),
                    "role": shorten(m.role_id.name or kinds.get(m.member_kind), 28),
                    "phone": shorten(m.phone, 20),
                    "frequency": shorten(m.frequency, 40),
                }
                for m in members[:MAX_MEMBERS]
            ],
            "members_more": max(len(members) - MAX_MEMBERS, 0),
            "wishes": [
                {
                    "name": shorten(w.name, 100),
                    "agreed": self._contact_form_agreement(w),
                    "state": states.get(w.state),
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

    def _contact_form_agreement(self, wish):
        """Activity, what was agreed and who carries it, in one line the page can hold."""
        parts = [wish.activity_id.name, wish.agreement]
        who = ", ".join(wish.network_member_ids[:3].mapped("partner_id.name"))
        text = ". ".join(p.strip().rstrip(".") for p in parts if p)
        return shorten(f"{text} ({who})" if who else text, 130)

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
        self._check_contact_form_printable()
        recipient = self._contact_form_recipient()
        # sudo: the archive is kept whatever the sender may write on attachments; the
        # consent and access checks above have passed as the user.
        number = len(self.sudo().contact_form_version_ids) + 1
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(aktive_contact_form_lang=lang)
            ._render_qweb_pdf(CONTACT_FORM, self.ids)
        )
        version = (
            self.env["aktive.contact.form.version"]
            .sudo()
            .create({"participant_id": self.id, "version": number, "recipient_id": recipient.id})
        )
        # The archived PDF belongs to the version record, which only case workers read (an
        # attachment of the case itself would be readable by its volunteers too).
        version.attachment_id = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._(
                        "Contact form %(name)s v%(n)s.pdf", name=self.name, n=number
                    ),
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": version._name,
                    "res_id": version.id,
                }
            )
        )
        self.message_post(
            body=self.env._(
                "Contact form version %(n)s sent to %(recipient)s.",
                n=number,
                recipient=recipient.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return version
