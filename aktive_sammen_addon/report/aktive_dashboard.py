import datetime

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL

from ..models.aktive_groups import COORDINATORS

# The headline figures, in the order they are shown: (kind, section, coordinator only,
# a number above zero asks for action). The volunteers are the coordinator's: the
# municipality sees the cases (security/aktive_rules.xml hides the others' tiles).
TILES = [
    ("active_participants", "participants", False, False),
    ("vulnerable_networks", "participants", False, True),
    ("overdue_followups", "participants", False, True),
    ("avg_days_to_network", "participants", False, False),
    ("active_volunteers", "volunteers", True, False),
    ("volunteers_to_contact", "volunteers", True, True),
    ("wishes_fulfilled", "year", False, False),
    ("followups_held", "year", False, False),
    ("volunteer_contacts", "year", True, False),
    # Coordinators only: a cluster counts every case of the company (ripple clusters).
    ("ripple_clusters", "ripple", True, False),
]
# Tiles counted from the progress report (report/aktive_progress_report.py) this year.
YEAR_KINDS = {
    "wishes_fulfilled": "wish_fulfilled",
    "followups_held": "followup_held",
    "volunteer_contacts": "volunteer_contact",
}


class AktiveDashboard(models.Model):
    """The coordinator's headline figures as tiles, each one click away from the records it
    counts. A query model over a fixed list (no table, nothing to save, nothing typed): each
    figure is counted with the reader's rights when the tiles are read, in a fixed number of
    queries whatever the size of the municipality. The period is chosen in the progress
    report's graphs (a search filter), where the year figures lead."""

    _name = "aktive.dashboard"
    _description = "Dashboard figure"
    _inherit = ["aktive.input.guard"]
    _auto = False
    _order = "id"
    _rec_name = "kind"

    kind = fields.Selection(
        [
            ("active_participants", "Active participants"),
            ("vulnerable_networks", "Vulnerable networks"),
            ("overdue_followups", "Overdue follow-ups"),
            ("avg_days_to_network", "Average days from need to network"),
            ("active_volunteers", "Active volunteers"),
            ("volunteers_to_contact", "Volunteers to contact"),
            ("wishes_fulfilled", "Wishes fulfilled this year"),
            ("followups_held", "Follow-ups held this year"),
            ("volunteer_contacts", "Volunteer contacts this year"),
            ("ripple_clusters", "Common wishes in one place"),
        ],
        string="Figure",
        readonly=True,
    )
    section = fields.Selection(
        [
            ("participants", "Participants"),
            ("volunteers", "Volunteers"),
            ("year", "This year"),
            ("ripple", "Ripple effects"),
        ],
        readonly=True,
    )
    coordinator_only = fields.Boolean(readonly=True)
    value = fields.Integer(compute="_compute_value")
    attention = fields.Boolean(
        compute="_compute_value", help="A number above zero here asks for action."
    )
    hint = fields.Char(compute="_compute_hint")

    @property
    def _table_query(self):
        rows = SQL(", ").join(
            SQL("(%s, %s, %s, %s)", index, kind, section, only)
            for index, (kind, section, only, _alert) in enumerate(TILES, 1)
        )
        return SQL(
            "SELECT id, kind, section, coordinator_only"
            " FROM (VALUES %s) AS tile(id, kind, section, coordinator_only)",
            rows,
        )

    def _compute_value(self):
        figures = self._figures({tile.kind for tile in self})
        alerts = {kind for kind, _section, _only, alert in TILES if alert}
        for tile in self:
            tile.value = figures.get(tile.kind, 0)
            tile.attention = tile.kind in alerts and tile.value > 0

    def _compute_hint(self):
        hints = {
            "active_participants": self.env._("Cases that are neither paused nor closed"),
            "vulnerable_networks": self.env._(
                "Fewer than two volunteers or organisations carry the network"
            ),
            "overdue_followups": self.env._("Planned follow-up conversations past their date"),
            "avg_days_to_network": self.env._("All cases that reached the network step"),
            "active_volunteers": self.env._("Volunteers who can take an assignment"),
            "volunteers_to_contact": self.env._("Your regular contact is due"),
            "wishes_fulfilled": self.env._("Choose another period in the graph"),
            "followups_held": self.env._("Choose another period in the graph"),
            "volunteer_contacts": self.env._("Calls, meetings, thanks and courses"),
            "ripple_clusters": self.env._("Several people in one place wish the same"),
        }
        for tile in self:
            tile.hint = hints.get(tile.kind, "")

    @api.model
    def _year(self):
        today = fields.Date.context_today(self)
        start = datetime.date(today.year, 1, 1)
        return start, datetime.date(today.year + 1, 1, 1)

    @api.model
    def _source(self, kind):
        """(model, domain) of the records a figure counts - and its tile opens."""
        today = fields.Date.context_today(self)
        active_volunteer = [
            ("is_aktive_volunteer", "=", True),
            ("aktive_volunteer_state", "=", "active"),
        ]
        sources = {
            "active_participants": ("aktive.participant", [("state", "=", "active")]),
            "vulnerable_networks": (
                "aktive.participant",
                [
                    ("state", "=", "active"),
                    ("network_vulnerable", "=", True),
                    ("network_expected", "=", True),
                ],
            ),
            "overdue_followups": (
                "aktive.followup",
                [("is_overdue", "=", True), ("state", "=", "planned")],
            ),
            "active_volunteers": ("res.partner", active_volunteer),
            "volunteers_to_contact": (
                "res.partner",
                [
                    *active_volunteer,
                    "|",
                    ("aktive_next_contact_date", "=", False),
                    ("aktive_next_contact_date", "<=", today),
                ],
            ),
            "ripple_clusters": ("aktive.ripple.cluster", []),
        }
        if kind in YEAR_KINDS or kind == "avg_days_to_network":
            start, end = self._year()
            report_kind = YEAR_KINDS.get(kind, "network")
            domain = [("kind", "=", report_kind)]
            if kind in YEAR_KINDS:
                domain += [("date", ">=", start), ("date", "<", end)]
            return "aktive.progress.report", domain
        return sources[kind]

    @api.model
    def _figures(self, kinds):
        """{kind: number} for the figures the user may see: one query per status figure,
        one for the year's figures together, one for the average."""
        if not self.env.user.has_group(COORDINATORS):
            only = {kind for kind, _section, coordinator_only, _alert in TILES if coordinator_only}
            kinds = set(kinds) - only
        figures = {}
        for kind in kinds - set(YEAR_KINDS) - {"avg_days_to_network"}:
            model, domain = self._source(kind)
            figures[kind] = self.env[model].search_count(domain)
        Report = self.env["aktive.progress.report"]
        year_kinds = {YEAR_KINDS[kind]: kind for kind in kinds & set(YEAR_KINDS)}
        if year_kinds:
            start, end = self._year()
            for report_kind, count in Report._read_group(
                [("kind", "in", list(year_kinds)), ("date", ">=", start), ("date", "<", end)],
                ["kind"],
                ["__count"],
            ):
                figures[year_kinds[report_kind]] = count
        if "avg_days_to_network" in kinds:
            [(average,)] = Report._read_group(
                [("kind", "=", "network")], [], ["days_to_network:avg"]
            )
            figures["avg_days_to_network"] = round(average or 0)
        return figures

    def action_open(self):
        """The records behind the figure: the list it counts, or the progress report for the
        year's figures (this year chosen as its period filter, another one a click away)."""
        self.ensure_one()
        model, domain = self._source(self.kind)
        label = dict(self._fields["kind"]._description_selection(self.env))[self.kind]
        if model == "aktive.progress.report":
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "aktive_sammen_addon.aktive_progress_report_action"
            )
            report_kind = YEAR_KINDS.get(self.kind, "network")
            action["context"] = {f"search_default_kind_{report_kind}": 1}
            if self.kind in YEAR_KINDS:
                action["context"]["search_default_period"] = 1
            action.update(name=label, display_name=label)
            return action
        xmlids = {
            "aktive.participant": "aktive_sammen_addon.aktive_participant_action",
            "aktive.followup": "aktive_sammen_addon.aktive_followup_action",
            "res.partner": "aktive_sammen_addon.res_partner_action_aktive_volunteer",
            "aktive.ripple.cluster": "aktive_sammen_addon.aktive_ripple_cluster_action",
        }
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlids[model])
        action.update(name=label, display_name=label, domain=domain, context={})
        if model == "aktive.participant":
            # The cases as a list: a board would hide the steps the figure does not count.
            action["views"] = [(False, "list"), (False, "form")]
            action["view_mode"] = "list,form"
        if model == "res.partner":
            action["views"] = [
                (
                    self.env.ref("aktive_sammen_addon.res_partner_view_list_aktive_volunteer").id,
                    "list",
                ),
                (self.env.ref("base.view_partner_form").id, "form"),
            ]
        return action
