from odoo import fields
from odoo import models


class AktiveWishCategory(models.Model):
    """What kind of wish: visits, café, church, walks... Also tags catalogue activities."""

    _name = "aktive.wish.category"
    _description = "Wish category"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    needs_transport = fields.Boolean(
        help="Wishes of this kind usually need a driving friend (a volunteer with a car)."
    )
    municipal_duty = fields.Boolean(
        string="Municipality's responsibility",
        help="A statutory municipal service (home help, nursing, TT transport...): wishes of "
        "this kind go to the municipal contact and are never matched to volunteers.",
    )

    _name_uniq = models.Constraint("UNIQUE(name)", "A wish category with this name exists.")
