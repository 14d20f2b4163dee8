from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from .aktive_groups import CASE_WORKERS

# What a volunteer gives when proposing a wish (the portal's "tell the coordinator", or
# create over RPC); the state is always New.
PROPOSAL_FIELDS = frozenset({"participant_id", "name", "description", "category_id", "state"})


class AktiveWish(models.Model):
    """A wish in the person's own words, and what was agreed to meet it."""

    _name = "aktive.wish"
    _description = "Wish"
    _inherit = ["mail.thread", "aktive.case.privacy", "aktive.input.guard"]
    # A case's record: it stays on its case, its company is the case's (aktive.case.privacy).
    _aktive_case_field = "participant_id"
    _order = "sequence, id"
    _check_company_auto = True
    # Input limits (models/aktive_input_guard.py): a wish is a sentence in the person's own
    # words; the details go in the description.
    _input_limits = {"name": 200}

    name = fields.Char(
        string="Wish (own words)",
        required=True,
        tracking=True,
        help="Write it as the person said it.",
    )
    description = fields.Text()
    sequence = fields.Integer(default=10)
    # No check_company: the company is the participant's (related), the picker would be empty.
    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade"
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
    date_fulfilled = fields.Date(
        readonly=True, copy=False, help="For the annual report: wishes fulfilled per year."
    )

    # Chatter: like the case's, the wish's log and files are the case workers'. A volunteer
    # may read (and propose) a wish, not its messages: posting needs write access, and so
    # does reading for whoever is not a case worker (see also models/ir_attachment.py).
    # Posting: mail.thread's default, write access.
    def _mail_get_operation_for_mail_message_operation(self, message_operation):
        if message_operation == "read" and not self.env.user.has_groups(CASE_WORKERS):
            return dict.fromkeys(self, "write")
        return super()._mail_get_operation_for_mail_message_operation(message_operation)

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
        if not (self.env.su or self.env.user.has_groups(CASE_WORKERS)):
            # A proposal is the wish in the person's words: what the coordinator sets (the
            # dates, who carries it, the agreement, the municipality's duty...) is left out,
            # also when given as a default in the context.
            vals_list = [
                {name: value for name, value in vals.items() if name in PROPOSAL_FIELDS}
                for vals in vals_list
            ]
            context = {
                key: value
                for key, value in self.env.context.items()
                if not key.startswith("default_") or key[len("default_") :] in PROPOSAL_FIELDS
            }
            # Proposing is not following: a follower would be sent the case workers' messages.
            self = self.with_context(context, mail_create_nosubscribe=True)
        return super().create([self._state_dates(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._state_dates(vals))

    def _state_dates(self, vals):
        """Agreeing and fulfilling are dated when they happen, for the annual report."""
        today = fields.Date.context_today(self)
        if vals.get("state") == "agreed":
            return {"date_agreed": today, **vals}
        if vals.get("state") == "fulfilled":
            return {"date_fulfilled": today, **vals}
        return vals

    @api.ondelete(at_uninstall=False)
    def _unlink_except_agreed(self):
        """What was agreed or fulfilled is the case's history: drop it, with a reason."""
        if self._aktive_in_retention():
            return
        if any(wish.state in ("agreed", "fulfilled") for wish in self):
            raise UserError(
                self.env._(
                    "An agreed or fulfilled wish is part of the case's history: set it to "
                    "Dropped, with the reason, instead of deleting it."
                )
            )
