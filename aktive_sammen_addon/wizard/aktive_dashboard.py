from dateutil.relativedelta import relativedelta
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

COORDINATORS = "aktive_sammen_addon.group_aktive_coordinator"
YEARS = (1900, 2100)  # as the dates of the addon (models/aktive_input_guard.py)


class AktiveDashboard(models.TransientModel):
    """The headline numbers for the coordinator and the annual report, each one click away
    from its list. Counted with the user's rights: each figure is what the user may see."""

    _name = "aktive.dashboard"
    _description = "Aktive Sammen dashboard"

    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year)
    active_participants = fields.Integer(compute="_compute_numbers")
    vulnerable_networks = fields.Integer(compute="_compute_numbers")
    overdue_followups = fields.Integer(compute="_compute_numbers")
    active_volunteers = fields.Integer(compute="_compute_numbers", groups=COORDINATORS)
    volunteers_to_contact = fields.Integer(compute="_compute_numbers", groups=COORDINATORS)
    wishes_fulfilled = fields.Integer(
        string="Wishes fulfilled this year", compute="_compute_numbers"
    )
    followups_held = fields.Integer(string="Follow-ups held this year", compute="_compute_numbers")
    volunteer_contacts = fields.Integer(
        string="Volunteer contacts this year", compute="_compute_numbers", groups=COORDINATORS
    )
    avg_days_to_network = fields.Integer(
        string="Average days from need to network", compute="_compute_numbers"
    )
    ripple_clusters = fields.Integer(
        string="Common wishes in one place", compute="_compute_numbers"
    )

    @api.constrains("year")
    def _check_year(self):
        for board in self:
            if not YEARS[0] <= board.year <= YEARS[1]:
                raise ValidationError(
                    self.env._(
                        "Choose a year from %(first)s to %(last)s.", first=YEARS[0], last=YEARS[1]
                    )
                )

    @api.depends("year")
    def _compute_numbers(self):
        env = self.env
        today = fields.Date.context_today(self)
        # A year typed in the form is computed before it is saved: refuse it here as well.
        self._check_year()
        for board in self:
            start = today.replace(year=board.year, month=1, day=1)
            end = start + relativedelta(years=1)
            Participant = env["aktive.participant"]
            board.active_participants = Participant.search_count([("state", "=", "active")])
            board.vulnerable_networks = Participant.search_count(
                [
                    ("state", "=", "active"),
                    ("network_vulnerable", "=", True),
                    ("network_expected", "=", True),
                ]
            )
            board.overdue_followups = env["aktive.followup"].search_count(
                [("is_overdue", "=", True), ("state", "=", "planned")]
            )
            board.wishes_fulfilled = env["aktive.wish"].search_count(
                [
                    ("state", "=", "fulfilled"),
                    ("date_fulfilled", ">=", start),
                    ("date_fulfilled", "<", end),
                ]
            )
            board.followups_held = env["aktive.followup"].search_count(
                [("state", "=", "held"), ("date_held", ">=", start), ("date_held", "<", end)]
            )
            [(average,)] = Participant._read_group(
                [("date_network_established", "!=", False)], [], ["days_to_network:avg"]
            )
            board.avg_days_to_network = round(average or 0)
            board.ripple_clusters = env["aktive.ripple.cluster"].search_count([])
            board.active_volunteers = board.volunteers_to_contact = board.volunteer_contacts = 0
            if not env.user.has_group(COORDINATORS):
                continue  # volunteers are the coordinator's: the municipality sees the cases
            Partner = env["res.partner"]
            board.active_volunteers = Partner.search_count(
                [("is_aktive_volunteer", "=", True), ("aktive_volunteer_state", "=", "active")]
            )
            board.volunteers_to_contact = Partner.search_count(
                [
                    ("is_aktive_volunteer", "=", True),
                    ("aktive_volunteer_state", "=", "active"),
                    "|",
                    ("aktive_next_contact_date", "=", False),
                    ("aktive_next_contact_date", "<=", today),
                ]
            )
            board.volunteer_contacts = env["aktive.volunteer.contact"].search_count(
                [("date", ">=", start), ("date", "<", end)]
            )

    def _open(self, xmlid, domain=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        if domain is not None:
            action["domain"] = domain
            action["context"] = {}
        return action

    def action_open_vulnerable(self):
        return self._open(
            "aktive_sammen_addon.aktive_participant_action",
            [
                ("state", "=", "active"),
                ("network_vulnerable", "=", True),
                ("network_expected", "=", True),
            ],
        )

    def action_open_overdue(self):
        return self._open(
            "aktive_sammen_addon.aktive_followup_action",
            [("is_overdue", "=", True), ("state", "=", "planned")],
        )

    def action_open_to_contact(self):
        return self._open("aktive_sammen_addon.res_partner_action_aktive_volunteer_due")

    def action_open_clusters(self):
        return self._open("aktive_sammen_addon.aktive_ripple_cluster_action")
