from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class AktiveContactLog(models.Model):
    """The log (logg) a volunteer keeps of visits and contacts. Each volunteer sees only
    their own entries; the coordinator sees all of them for the case."""

    _name = "aktive.contact.log"
    _description = "Contact log entry"
    _order = "date desc, id desc"
    _check_company_auto = True

    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade", check_company=True
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

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if any(log.date > today for log in self):
            raise ValidationError(self.env._("A contact cannot be logged in the future."))
