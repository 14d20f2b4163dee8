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
        # The step is looked up below, before the base write's input guard runs.
        self._check_input_types(vals)
        target = self.env["aktive.stage"].browse(vals["stage_id"])
        # By id, from the cache the write fills anyway: no read of the steps of its own.
        entered_ids = [p.id for p in self if p.stage_id.id != target.id]
        result = super().write(vals)
        entered = self.browse(entered_ids)
        # Step 5, the step that needs an active network member: entering it is when the
        # network counts as established (date_network_established, the same condition).
        # Read from the step's guard, not from the order of the steps: a move reads the
        # steps once (tests/test_performance.py).
        if entered and target.guard == "active_member":
            entered._aktive_plan_first_followup()
        return result

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
