from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class AktiveVolunteerHours(models.Model):
    """Hours a volunteer gave to a group activity (the weekly waffle gathering, a walking
    group), entered by the coordinator. Visits and calls for one person are counted from the
    contact log; this is what has no single participant.

    A model of its own rather than a contact log without a participant: the contact log is
    the case's history, per participant, with record rules built on that participant's
    network. An entry here names no participant at all, so it tells nothing about anyone the
    method helps: the coordinator alone writes and reads it (like the volunteers' profiles),
    with one company rule, and the volunteer sees only their own total (the portal profile)."""

    _name = "aktive.volunteer.hours"
    _description = "Volunteer hours in a group activity"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_aktive_volunteer", "=", True)],
    )
    date = fields.Date(default=fields.Date.context_today, required=True, index=True)
    hours = fields.Float(required=True)
    activity_id = fields.Many2one(
        "aktive.activity", string="Group activity", check_company=True, index=True
    )
    note = fields.Char(string="What", help="The gathering, the trip, the course.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Entered by", default=lambda self: self.env.user, readonly=True
    )

    @api.constrains("date", "hours")
    def _check_date_hours(self):
        today = fields.Date.context_today(self)
        for entry in self:
            if entry.date > today:
                raise ValidationError(self.env._("Hours cannot be entered for a future day."))
            if not 0 < entry.hours <= 24:
                raise ValidationError(
                    self.env._("The hours of one entry must be more than 0 and at most 24.")
                )
