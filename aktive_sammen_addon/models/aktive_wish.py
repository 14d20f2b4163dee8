from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class AktiveWish(models.Model):
    """A wish in the person's own words, and what was agreed to meet it."""

    _name = "aktive.wish"
    _description = "Wish"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(
        string="Wish (own words)",
        required=True,
        tracking=True,
        help="Write it as the person said it.",
    )
    description = fields.Text()
    sequence = fields.Integer(default=10)
    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    category_id = fields.Many2one("aktive.wish.category", tracking=True, index=True)
    residence = fields.Char(related="participant_id.residence", store=True, index=True)
    area = fields.Char(related="participant_id.area", store=True)
    state = fields.Selection(
        [
            ("new", "New"),
            ("clarifying", "Being clarified"),
            ("agreed", "Agreed"),
            ("fulfilled", "Fulfilled"),
            ("dropped", "Dropped"),
        ],
        default="new",
        required=True,
        tracking=True,
        group_expand=True,
    )
    drop_reason = fields.Text(tracking=True)
    activity_id = fields.Many2one(
        "aktive.activity", string="Offer / activity", tracking=True, check_company=True
    )
    agreement = fields.Text(string="What was agreed", help="Who does what, how often.")
    network_member_ids = fields.Many2many(
        "aktive.network.member",
        "aktive_wish_network_member_rel",
        "wish_id",
        "member_id",
        string="Carried by",
        domain="[('participant_id', '=', participant_id)]",
    )
    date_agreed = fields.Date(readonly=True, copy=False)

    @api.constrains("state", "drop_reason")
    def _check_drop_reason(self):
        for wish in self:
            if wish.state == "dropped" and not (wish.drop_reason or "").strip():
                raise ValidationError(
                    self.env._("Say why the wish '%(wish)s' is dropped.", wish=wish.name)
                )

    @api.constrains("network_member_ids", "participant_id")
    def _check_members_same_participant(self):
        for wish in self:
            if wish.network_member_ids.participant_id - wish.participant_id:
                raise ValidationError(
                    self.env._("A wish can only be carried by its own participant's network.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        """A volunteer proposes a wish; agreeing on it is the coordinator's work."""
        if not self.env.user.has_group("aktive_sammen_addon.group_aktive_coordinator"):
            for vals in vals_list:
                vals["state"] = "new"
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("state") == "agreed":
            vals = dict(vals, date_agreed=fields.Date.context_today(self))
        return super().write(vals)
