from datetime import date

from odoo import api
from odoo import fields
from odoo import models

from .aktive_groups import COORDINATORS


class ResPartner(models.Model):
    """A volunteer's hours this year on their profile: counted from the one view of all
    volunteer hours (aktive.volunteer.hours.report), which the portal profile reads too."""

    _inherit = "res.partner"

    aktive_hours_this_year = fields.Float(
        string="Hours this year",
        compute="_compute_aktive_hours_this_year",
        groups=COORDINATORS,
    )

    @api.depends_context("uid")
    def _compute_aktive_hours_this_year(self):
        hours = self._aktive_hours(fields.Date.context_today(self).year)
        for partner in self:
            partner.aktive_hours_this_year = hours.get(partner.id, 0.0)

    def _aktive_hours(self, year):
        """{partner id: hours in `year`} for these partners, in one query, whichever company
        the hours were logged in that the user may see."""
        ids = [pid for pid in self.ids if pid]
        if not ids:
            return {}
        groups = (
            self.env["aktive.volunteer.hours.report"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", ids),
                    ("date", ">=", date(year, 1, 1)),
                    ("date", "<=", date(year, 12, 31)),
                    ("company_id", "in", self.env.user.company_ids.ids),
                ],
                ["partner_id"],
                ["hours:sum"],
            )
        )
        return {partner.id: total for partner, total in groups}

    def action_aktive_open_hours(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aktive_sammen_addon.aktive_volunteer_hours_report_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"search_default_this_year": 1}
        action["display_name"] = self.env._("Hours of %(name)s", name=self.name)
        return action
