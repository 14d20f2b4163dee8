"""The follow-up cadence of the seeds: the first follow-up conversation about a week after
the network is established ("Etter en uke ... tar kontakt ... for å høre hvordan det går"),
then the company's interval (_next_followup_default, when a follow-up is held)."""

from dateutil.relativedelta import relativedelta
from odoo import fields
from odoo import models

FIRST_FOLLOWUP_DAYS = 7


class AktiveParticipant(models.Model):
    _inherit = "aktive.participant"

    def write(self, vals):
        if "stage_id" not in vals:
            return super().write(vals)
        before = {participant.id: participant.stage_id for participant in self}
        result = super().write(vals)
        target = self.env["aktive.stage"].browse(vals["stage_id"])
        if target and target == self._aktive_followup_stage():
            self.filtered(lambda p: before[p.id] != target)._aktive_plan_first_followup()
        return result

    def _aktive_followup_stage(self):
        """Step 5: the step that needs an active network member, else the last one."""
        stages = self._ordered_stages()
        return stages.filtered(lambda s: s.guard == "active_member")[:1] or stages[-1:]

    def _aktive_plan_first_followup(self):
        """A follow-up a week from today for each case without a planned one."""
        if not self:
            return
        Followup = self.env["aktive.followup"]
        planned = Followup.search([("participant_id", "in", self.ids), ("state", "=", "planned")])
        day = fields.Date.context_today(self) + relativedelta(days=FIRST_FOLLOWUP_DAYS)
        Followup.create(
            [
                {"participant_id": participant.id, "date_planned": day}
                for participant in self - planned.participant_id
            ]
        )
