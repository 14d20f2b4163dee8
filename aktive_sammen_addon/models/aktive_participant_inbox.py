"""The case's side of the municipality's inbox (models/aktive_municipal_message.py): what was
reported to the municipality about the person and whether it is handled, and the
coordinator's "Report to the municipality"."""

from odoo import fields
from odoo import models

from .aktive_groups import CASE_WORKERS


class AktiveParticipant(models.Model):
    _inherit = "aktive.participant"

    # The inbox's own rules decide which items a case worker reads here: a coordinator, the
    # needs (and a worry only with the person's consent to sharing).
    municipal_message_ids = fields.One2many(
        "aktive.municipal.message",
        "participant_id",
        string="Reported to the municipality",
        groups=CASE_WORKERS,
    )

    def action_open_municipal_report(self):
        """ "Report to the municipality" (wizard/aktive_municipal_report_wizard.py)."""
        return self.env["aktive.municipal.report.wizard"]._aktive_open_for(self)
