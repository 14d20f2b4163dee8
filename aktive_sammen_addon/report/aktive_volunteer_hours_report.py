from odoo import fields
from odoo import models
from odoo.tools import SQL


class AktiveVolunteerHoursReport(models.Model):
    """Every volunteer hour in one place, the single source of truth for the volunteer's
    profile (back office and portal), the pivot and the annual report: the hours of the
    contact log (visits, calls, logged by the volunteer, per person) and the coordinator's
    entries for group activities. A read-only SQL view; no participant in it."""

    _name = "aktive.volunteer.hours.report"
    _description = "Volunteer hours"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"
    # Flushed before the view is read: the rows it is made of.
    _depends = {
        "aktive.contact.log": ["user_id", "date", "hours", "company_id"],
        "aktive.volunteer.hours": ["partner_id", "date", "hours", "company_id"],
        "res.users": ["partner_id"],
    }

    partner_id = fields.Many2one("res.partner", string="Volunteer", readonly=True)
    date = fields.Date(readonly=True)
    hours = fields.Float(readonly=True, aggregator="sum")
    source = fields.Selection(
        [("contact_log", "Contact log"), ("group", "Group activity")], readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)

    @property
    def _table_query(self):
        # Contact-log ids are even, group entries odd: one id space for the view.
        return SQL(
            """SELECT log.id * 2 AS id, u.partner_id, log.date, log.hours,
                      'contact_log' AS source, log.company_id
                 FROM aktive_contact_log log JOIN res_users u ON u.id = log.user_id
                WHERE log.hours > 0
            UNION ALL
               SELECT entry.id * 2 + 1, entry.partner_id, entry.date, entry.hours,
                      'group', entry.company_id
                 FROM aktive_volunteer_hours entry"""
        )
