from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class AktiveVolunteerContact(models.Model):
    """The coordinator's regular contact with a volunteer (about every two months): kept
    as history, so the annual report can count them and no volunteer is forgotten."""

    _name = "aktive.volunteer.contact"
    _description = "Coordinator contact with a volunteer"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    date = fields.Date(default=fields.Date.context_today, required=True, index=True)
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    kind = fields.Selection(
        [
            ("call", "Phone call"),
            ("meeting", "Meeting"),
            ("thanks", "Thanks / celebration"),
            ("course", "Training course"),
            ("message", "Answer by message"),
        ],
        default="call",
        required=True,
    )
    note = fields.Text()

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if any(contact.date > today for contact in self):
            raise ValidationError(self.env._("A contact cannot be logged in the future."))

    @api.model_create_multi
    def create(self, vals_list):
        contacts = super().create(vals_list)
        for contact in contacts:
            # sudo: a volunteer who also logs in is a user, and Odoo lets only user managers
            # write a user's contact card; the coordinator may create this record (ACL), and
            # only this date moves.
            partner = contact.partner_id.sudo()
            if (
                not partner.aktive_last_contact_date
                or contact.date > partner.aktive_last_contact_date
            ):
                partner.aktive_last_contact_date = contact.date
        return contacts
