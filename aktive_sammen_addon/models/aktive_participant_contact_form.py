from odoo import fields
from odoo import models
from odoo.exceptions import UserError

CONTACT_FORM = "aktive_sammen_addon.action_report_contact_form"
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

    def _contact_form_values(self):
        """Everything the form prints, read with this user's rights; the few case-worker
        fields the form needs (consent statement) are read as superuser on purpose."""
        self.ensure_one()
        case = self.sudo()
        members = self.network_member_ids.sorted(lambda m: (m.member_kind != "volunteer", m.id))
        shown_members = members[:MAX_MEMBERS]
        wishes = self.wish_ids.filtered(lambda w: w.state != "dropped")
        shown_wishes = wishes[:MAX_WISHES]
        coordinator = self.coordinator_id.partner_id
        unit = self.municipal_unit_id
        return {
            "company": self.company_id,
            "today": fields.Date.context_today(self),
            "birthdate": self.birthdate
            if self._has_field_access(self._fields["birthdate"], "read")
            else False,
            "coordinator": coordinator,
            "coordinator_phone": coordinator.phone or self.company_id.phone,
            "municipal_contact": self.municipal_contact_id or unit.volunteer_contact_id,
            "unit": unit,
            "members": shown_members,
            "members_more": len(members) - len(shown_members),
            "wishes": shown_wishes,
            "wishes_more": len(wishes) - len(shown_wishes),
            "adaptations": shorten(self.adaptations, 220),
            "consent_date": case.consent_date,
            "consent_scope": case.consent_scope,
            "version": len(case.contact_form_version_ids) + 1,
        }

    def _contact_form_agreement(self, wish):
        """Activity, what was agreed and who carries it, in one line the page can hold."""
        parts = [wish.activity_id.name, wish.agreement]
        who = ", ".join(wish.network_member_ids[:3].mapped("partner_id.name"))
        text = ". ".join(p.strip().rstrip(".") for p in parts if p)
        return shorten(f"{text} ({who})" if who else text, 130)

    def action_send_contact_form(self):
        """Render and archive a new version, then open the mail composer to the municipal
        contact with it attached. Refused without consent or without a contact to send to."""
        self.ensure_one()
        self._check_contact_form_printable()
        recipient = self.municipal_contact_id or self.municipal_unit_id.volunteer_contact_id
        if not recipient.email:
            raise UserError(
                self.env._(
                    "Set the municipal contact person of %(name)s, with an email address, "
                    "before sending the contact form.",
                    name=self.name,
                )
            )
        version = self._archive_contact_form(recipient)
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
                "default_attachment_ids": version.attachment_id.ids,
            },
        }

    def _archive_contact_form(self, recipient):
        # sudo: the archive is kept whatever the sender may write on attachments; the
        # consent and access checks above have passed as the user.
        number = len(self.sudo().contact_form_version_ids) + 1
        pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(CONTACT_FORM, self.ids)
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
                "Contact form version %(n)s prepared for %(recipient)s.",
                n=number,
                recipient=recipient.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return version
