from odoo import fields
from odoo import models
from odoo.tools import SQL

KINDS = [
    ("need", "Need reported"),
    ("network", "Network established"),
    ("wish_fulfilled", "Wish fulfilled"),
    ("followup_held", "Follow-up held"),
    ("closed", "Case closed"),
    ("volunteer_contact", "Contact with a volunteer"),
]
# One row per source record and kind: the row's id is the source's id times this, plus the
# kind's number - stable, so a graph's drill-down lists the same rows each time.
ID_SPREAD = 8


class AktiveProgressReport(models.Model):
    """What happened in the cases, one row per event and date: a need reported, a network
    established, a wish fulfilled, a follow-up held, a case closed, a contact with a
    volunteer. A query model (no table): the dashboard's graphs and pivots count it by
    period with Odoo's date filters, always current, in one query. Who sees which row is
    the record rules' (security/aktive_rules.xml): the municipality the rows of its cases,
    never the coordinator's contacts with volunteers."""

    _name = "aktive.progress.report"
    _description = "Progress of the cases"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "kind"
    _depends = {
        "aktive.participant": [
            "referral_date",
            "date_network_established",
            "days_to_network",
            "date_closed",
            "state",
            "company_id",
            "coordinator_id",
            "municipal_unit_id",
        ],
        "aktive.wish": ["state", "date_fulfilled", "participant_id", "company_id", "category_id"],
        "aktive.followup": ["state", "date_held", "participant_id", "company_id", "user_id"],
        "aktive.volunteer.contact": ["date", "partner_id", "company_id", "user_id"],
    }

    kind = fields.Selection(KINDS, string="What happened", readonly=True)
    date = fields.Date(readonly=True)
    participant_id = fields.Many2one("aktive.participant", readonly=True)
    volunteer_id = fields.Many2one("res.partner", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Coordinator", readonly=True)
    municipal_unit_id = fields.Many2one("aktive.municipal.unit", readonly=True)
    category_id = fields.Many2one("aktive.wish.category", string="Wish category", readonly=True)
    days_to_network = fields.Integer(
        string="Days from need reported to network", aggregator="avg", readonly=True
    )

    @property
    def _table_query(self):
        number = {kind: index for index, (kind, _label) in enumerate(KINDS, 1)}

        def row_id(alias, kind):
            return SQL("%s * %s + %s", SQL.identifier(alias, "id"), ID_SPREAD, number[kind])

        return SQL(
            """
            SELECT %(need)s AS id, 'need' AS kind, p.referral_date AS date,
                   p.id AS participant_id, NULL::integer AS volunteer_id, p.company_id,
                   p.coordinator_id AS user_id, p.municipal_unit_id,
                   NULL::integer AS category_id, NULL::integer AS days_to_network
              FROM aktive_participant p
             WHERE p.referral_date IS NOT NULL
            UNION ALL
            SELECT %(network)s, 'network', p.date_network_established, p.id, NULL,
                   p.company_id, p.coordinator_id, p.municipal_unit_id, NULL, p.days_to_network
              FROM aktive_participant p
             WHERE p.date_network_established IS NOT NULL
            UNION ALL
            SELECT %(closed)s, 'closed', p.date_closed, p.id, NULL, p.company_id,
                   p.coordinator_id, p.municipal_unit_id, NULL, NULL
              FROM aktive_participant p
             WHERE p.state = 'closed' AND p.date_closed IS NOT NULL
            UNION ALL
            SELECT %(wish)s, 'wish_fulfilled', w.date_fulfilled, w.participant_id, NULL,
                   w.company_id, p.coordinator_id, p.municipal_unit_id, w.category_id, NULL
              FROM aktive_wish w
              JOIN aktive_participant p ON p.id = w.participant_id
             WHERE w.state = 'fulfilled' AND w.date_fulfilled IS NOT NULL
            UNION ALL
            SELECT %(followup)s, 'followup_held', f.date_held, f.participant_id, NULL,
                   f.company_id, f.user_id, p.municipal_unit_id, NULL, NULL
              FROM aktive_followup f
              JOIN aktive_participant p ON p.id = f.participant_id
             WHERE f.state = 'held' AND f.date_held IS NOT NULL
            UNION ALL
            SELECT %(contact)s, 'volunteer_contact', c.date, NULL, c.partner_id,
                   c.company_id, c.user_id, NULL, NULL, NULL
              FROM aktive_volunteer_contact c
            """,
            need=row_id("p", "need"),
            network=row_id("p", "network"),
            closed=row_id("p", "closed"),
            wish=row_id("w", "wish_fulfilled"),
            followup=row_id("f", "followup_held"),
            contact=row_id("c", "volunteer_contact"),
        )
