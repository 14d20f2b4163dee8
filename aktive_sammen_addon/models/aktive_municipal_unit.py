from odoo import api
from odoo import fields
from odoo import models

from .aktive_groups import CASE_WORKERS


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
    # Agreements are the case workers': volunteers read units, not the agreements.
    cooperation_agreement_ids = fields.Many2many(
        "aktive.cooperation.agreement",
        "aktive_cooperation_agreement_unit_rel",
        "unit_id",
        "agreement_id",
        string="Cooperation agreements",
        groups=CASE_WORKERS,
    )
    cooperation_agreement_count = fields.Integer(
        compute="_compute_cooperation_agreement_count",
        string="Agreements",
        groups=CASE_WORKERS,
    )

    @api.depends("cooperation_agreement_ids")
    def _compute_cooperation_agreement_count(self):
        for unit in self:
            unit.cooperation_agreement_count = len(unit.cooperation_agreement_ids)

    def action_open_cooperation_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aktive_sammen_addon.aktive_cooperation_agreement_action"
        )
        action["domain"] = [("unit_ids", "in", self.ids)]
        action["context"] = {"default_unit_ids": self.ids}
        return action
