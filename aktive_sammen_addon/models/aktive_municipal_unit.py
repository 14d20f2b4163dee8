from odoo import fields
from odoo import models


class AktiveMunicipalUnit(models.Model):
    """A municipal service (home care, care centre, NAV...) and its volunteer contact
    (frivilligkontakt): whom volunteers and the coordinator call when things change."""

    _name = "aktive.municipal.unit"
    _description = "Municipal unit"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    volunteer_contact_id = fields.Many2one(
        "res.partner",
        string="Volunteer contact",
        check_company=True,
        help="The unit's frivilligkontakt.",
    )
    user_ids = fields.Many2many(
        "res.users",
        "aktive_municipal_unit_user_rel",
        "unit_id",
        "user_id",
        string="Staff with access",
        domain=[("share", "=", False)],
        help="Municipal contact persons who see this unit's participants, sensitive notes "
        "included.",
    )
    phone = fields.Char(related="volunteer_contact_id.phone", string="Contact phone")
    email = fields.Char(related="volunteer_contact_id.email", string="Contact email")
    description = fields.Text()
