from odoo import api
from odoo import fields
from odoo import models

CONTACT_LOG = "aktive_sammen_addon.action_report_contact_log"


class AktiveContactFormVersion(models.Model):
    """Each contact form sent to the municipality, archived as it was sent: the municipality
    archives forms, and everyone must be able to see which version is the current one."""

    _name = "aktive.contact.form.version"
    _description = "Contact form version"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    # A case's record: it stays on its case, its company is the case's (aktive.case.privacy).
    _aktive_case_field = "participant_id"
    _order = "participant_id, version desc"

    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    version = fields.Integer(required=True, readonly=True)
    name = fields.Char(compute="_compute_name")
    date = fields.Datetime(default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    attachment_id = fields.Many2one("ir.attachment", readonly=True, ondelete="restrict")
    recipient_id = fields.Many2one("res.partner", string="Sent to", readonly=True)
    pdf = fields.Binary(related="attachment_id.datas", string="PDF")
    pdf_name = fields.Char(related="attachment_id.name", string="PDF file name")
    # What the form showed when it was sent, as a digest of _contact_form_values: the case
    # compares it with what would print now (contact_form_changed) without keeping a copy.
    fingerprint = fields.Char(readonly=True, copy=False)
    # The volunteers' contact log since the previous version, sent with it as its own file for
    # the municipality's archive; the entries it holds, so the next version sends the rest.
    log_ids = fields.Many2many(
        "aktive.contact.log",
        "aktive_contact_form_version_log_rel",
        "version_id",
        "log_id",
        string="Contact log sent",
        readonly=True,
    )
    log_attachment_id = fields.Many2one("ir.attachment", readonly=True, ondelete="restrict")
    log_pdf = fields.Binary(related="log_attachment_id.datas", string="Contact log")
    log_pdf_name = fields.Char(related="log_attachment_id.name", string="Contact log file name")

    _version_uniq = models.Constraint(
        "UNIQUE(participant_id, version)", "This version of the contact form exists already."
    )

    @api.depends("participant_id.name", "version")
    def _compute_name(self):
        for version in self:
            version.name = self.env._(
                "Contact form %(name)s v%(version)s",
                name=version.participant_id.name,
                version=version.version,
            )

    def _render_contact_log(self, lang=None):
        """The contact log sent with this version, as a PDF attachment of the version: only
        the case workers read versions, and so their files (an attachment of the case would
        be the volunteers' to fetch too)."""
        self.ensure_one()
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(lang=lang or self.env.lang)
            ._render_qweb_pdf(CONTACT_LOG, self.ids)
        )
        # sudo: the archive is kept whatever the sender may write on attachments.
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.with_context(lang=lang or self.env.lang).env._(
                        "Contact log %(name)s v%(n)s.pdf",
                        name=self.participant_id.name,
                        n=self.version,
                    ),
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _contact_log_lines(self):
        """The entries of this version, oldest first, with the kind in the reader's words."""
        self.ensure_one()
        kinds = dict(
            self.env["aktive.contact.log"]._fields["kind"]._description_selection(self.env)
        )
        # sudo: the version holds them for the case workers who read it (checked by the
        # report on the version); the volunteers' names come from their users.
        return [
            {
                "date": log.date,
                "kind": kinds.get(log.kind),
                "who": log.user_id.name,
                "hours": log.hours,
                "note": log.note or "",
            }
            for log in self.sudo().log_ids.sorted(lambda entry: (entry.date, entry.id))
        ]
