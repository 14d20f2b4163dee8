from odoo import fields
from odoo import models


class AktiveContactFormVersion(models.Model):
    """Each contact form sent to the municipality, archived as it was sent: the municipality
    archives forms, and everyone must be able to see which version is the current one."""

    _name = "aktive.contact.form.version"
    _description = "Contact form version"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "participant_id, version desc"
    _rec_name = "name"

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

    _version_uniq = models.Constraint(
        "UNIQUE(participant_id, version)", "This version of the contact form exists already."
    )

    def _compute_name(self):
        for version in self:
            version.name = self.env._(
                "Contact form %(name)s v%(version)s",
                name=version.participant_id.name,
                version=version.version,
            )
