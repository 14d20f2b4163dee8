from odoo import fields
from odoo import models


class AktiveInterest(models.Model):
    """Interest tags shared by participants and volunteers, so they can be matched."""

    _name = "aktive.interest"
    _description = "Interest"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _name_uniq = models.Constraint("UNIQUE(name)", "This interest exists already.")
