from odoo import Command
from odoo import fields
from odoo import models
from odoo.tools import SQL

OPEN_STATES = ("new", "clarifying", "agreed")


class AktiveRippleCluster(models.Model):
    """Ripple effects (ringvirkninger): several people in the same place wishing the same
    kind of thing. A query model (no table), so the clusters are always current and cost one
    query."""

    _name = "aktive.ripple.cluster"
    _description = "Common wishes in one place"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _auto = False
    _order = "participant_count desc, place"
    _depends = {
        "aktive.wish": [
            "residence",
            "area",
            "category_id",
            "company_id",
            "state",
            "participant_id",
            "activity_id",
        ],
        # The place is read from the case (as the wish's related fields are).
        "aktive.participant": ["active", "state", "residence", "area"],
    }

    place = fields.Char(readonly=True)
    category_id = fields.Many2one("aktive.wish.category", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    participant_count = fields.Integer(string="Participants", readonly=True)
    wish_count = fields.Integer(string="Wishes", readonly=True)
    shared_activity_count = fields.Integer(string="With an offer", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT min(w.id) AS id,
                   COALESCE(NULLIF(p.residence, ''), NULLIF(p.area, '')) AS place,
                   w.category_id,
                   w.company_id,
                   count(DISTINCT w.participant_id) AS participant_count,
                   count(*) AS wish_count,
                   count(w.activity_id) AS shared_activity_count
              FROM aktive_wish w
              JOIN aktive_participant p ON p.id = w.participant_id
             WHERE w.state IN %s
               AND w.category_id IS NOT NULL  -- no kind of thing, nothing in common
               AND p.active AND p.state != 'closed'
               AND COALESCE(NULLIF(p.residence, ''), NULLIF(p.area, '')) IS NOT NULL
             GROUP BY 2, w.category_id, w.company_id
            HAVING count(DISTINCT w.participant_id) >= 2
            """,
            OPEN_STATES,
        )

    def _wishes(self):
        self.ensure_one()
        Wish = self.env["aktive.wish"]
        return Wish.search(
            [
                ("state", "in", OPEN_STATES),
                ("category_id", "=", self.category_id.id),
                ("company_id", "=", self.company_id.id),
                # The same cases as the cluster counts: open ones, archived ones out (a path
                # search does not leave out archived records by itself).
                ("participant_id.state", "!=", "closed"),
                ("participant_id.active", "=", True),
                "|",
                ("residence", "=", self.place),
                "&",
                ("residence", "in", (False, "")),
                ("area", "=", self.place),
            ]
        )

    def action_open_wishes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aktive_sammen_addon.aktive_wish_action"
        )
        action["domain"] = [("id", "in", self._wishes().ids)]
        action["context"] = {}
        return action

    def action_create_shared_activity(self):
        """Inger's waffle gathering: one offer in the place, for everyone who wished it."""
        self.ensure_one()
        activity = self.env["aktive.activity"].create(
            {
                "name": self.env._(
                    "%(category)s in %(place)s", category=self.category_id.name, place=self.place
                ),
                "place": self.place,
                "area": self.place,
                "category_ids": [Command.set(self.category_id.ids)],
                "company_id": self.company_id.id,
            }
        )
        self._wishes().filtered(lambda w: not w.activity_id).write({"activity_id": activity.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "aktive.activity",
            "res_id": activity.id,
            "view_mode": "form",
            "target": "current",
        }
