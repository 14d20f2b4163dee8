from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class AktiveActivity(models.Model):
    """The volunteer centre's activity base: local offers and meeting places a wish can be
    met with (literature group, Lions meeting, waffle gathering, walking group)."""

    _name = "aktive.activity"
    _description = "Catalogue activity"
    _inherit = ["mail.thread", "aktive.case.privacy", "aktive.input.guard"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    description = fields.Text()
    organiser_id = fields.Many2one("res.partner", check_company=True)
    contact_id = fields.Many2one("res.partner", check_company=True)
    contact_phone = fields.Char(related="contact_id.phone")
    place = fields.Char(help="Where it happens: a building, a café, a church hall.")
    area = fields.Char(help="District or neighbourhood.")
    schedule = fields.Char(help="When, in words: 'Wednesdays 18:00, every other week'.")
    category_ids = fields.Many2many("aktive.wish.category", string="Categories")
    accessibility = fields.Text(help="Wheelchair access, hearing loop, transport...")
    member_ids = fields.Many2many(
        "res.partner",
        "aktive_activity_member_rel",
        "activity_id",
        "partner_id",
        string="Members",
        help="People who take part already: often the best driving friends.",
    )
    wish_ids = fields.One2many("aktive.wish", "activity_id", string="Wishes")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_met_wishes(self):
        """An agreed or fulfilled wish keeps what it was met with (the wish itself cannot be
        deleted either): such an activity is archived, not deleted. Counted as superuser, so
        a wish the coordinator cannot see still counts."""
        if self._aktive_in_retention():
            return
        met = (
            self.env["aktive.wish"]
            .sudo()
            .search_count(
                [("activity_id", "in", self.ids), ("state", "in", ("agreed", "fulfilled"))], limit=1
            )
        )
        if met:
            raise UserError(
                self.env._(
                    "This activity is what agreed or fulfilled wishes were met with, which is "
                    "part of their history: archive it instead of deleting it."
                )
            )
