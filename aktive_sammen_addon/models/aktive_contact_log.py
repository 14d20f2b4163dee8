from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError

from .aktive_groups import COORDINATORS


class AktiveContactLog(models.Model):
    """The log (logg) a volunteer keeps of visits and contacts. Each volunteer sees only
    their own entries; the coordinator sees all of them for the case."""

    _name = "aktive.contact.log"
    _description = "Contact log entry"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    # A case's record: it stays on its case, its company is the case's (aktive.case.privacy).
    _aktive_case_field = "participant_id"
    _order = "date desc, id desc"
    _check_company_auto = True

    # No check_company: the company is the participant's (related), the picker would be empty.
    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Logged by",
        default=lambda self: self.env.user,
        required=True,
        readonly=True,
        index=True,
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    kind = fields.Selection(
        [("visit", "Visit"), ("phone", "Phone call"), ("activity", "Activity together")],
        default="visit",
        required=True,
    )
    note = fields.Text(help="What you did together. No health information: tell the coordinator.")
    hours = fields.Float(
        help="Time spent, if you want to note it (the volunteer centre counts volunteer hours)."
    )

    _hours_not_negative = models.Constraint(
        "CHECK(hours >= 0)", "The hours of a contact cannot be negative."
    )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if any(log.date > today for log in self):
            raise ValidationError(self.env._("A contact cannot be logged in the future."))

    @api.constrains("hours")
    def _check_hours(self):
        """Negative time makes no sense, nor more than a day for one contact: both are typos."""
        if any(log.hours < 0 or log.hours > 24 for log in self):
            raise ValidationError(self.env._("The hours of one contact must be between 0 and 24."))

    @api.model_create_multi
    def create(self, vals_list):
        """An entry is logged by whoever logs it; only a coordinator may log for another user
        (a group activity, say)."""
        self._check_input_vals_list(vals_list)  # a text instead of values: a message
        if not self.env.su and not self.env.user.has_group(COORDINATORS):
            for vals in vals_list:
                vals["user_id"] = self.env.uid
        return super().create(vals_list)

    def write(self, vals):
        """The record rules are checked on the entry as it was: without this, a volunteer
        could pass their own entry to another user. (No one moves it to another case:
        aktive.case.privacy.)"""
        moved = "user_id" in vals and any(log.user_id.id != vals["user_id"] for log in self)
        if moved and not self.env.su and not self.env.user.has_group(COORDINATORS):
            raise AccessError(
                self.env._("Only a coordinator can give a contact log entry to another user.")
            )
        return super().write(vals)
