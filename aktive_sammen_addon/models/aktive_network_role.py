from odoo import fields
from odoo import models

from .aktive_network_member import MEMBER_KINDS


class AktiveNetworkRole(models.Model):
    """The role a network member plays: visiting friend, driving friend, relative..."""

    _name = "aktive.network.role"
    _description = "Network role"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    member_kind = fields.Selection(
        MEMBER_KINDS,
        string="Usual kind",
        help="The kind of member this role is proposed for.",
    )

    _name_uniq = models.Constraint("UNIQUE(name)", "A network role with this name exists.")
