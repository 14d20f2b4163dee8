from odoo import fields
from odoo import models


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
