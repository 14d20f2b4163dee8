from odoo import fields
from odoo import models

from .aktive_groups import COORDINATORS
from .aktive_volunteer_message import CHANNELS


class ResPartner(models.Model):
    """How a volunteer wants to hear from the centre (SMS, e-mail or nothing: their
    choice, on their profile), and every message the centre sent them, on their card."""

    _inherit = "res.partner"

    aktive_message_channel = fields.Selection(
        CHANNELS,
        string="Messages from the centre",
        default="sms",
        help="Requests and reminders by SMS, by e-mail, or nothing. The volunteer chooses "
        "on their profile.",
    )
    aktive_message_ids = fields.One2many(
        "aktive.volunteer.message", "partner_id", string="Messages sent", groups=COORDINATORS
    )
    aktive_request_ids = fields.One2many(
        "aktive.volunteer.request", "partner_id", string="Requests", groups=COORDINATORS
    )

    def _aktive_coordinator(self):
        """Whom a volunteer's answer goes to: the coordinator of their latest active
        assignment, else the administrator."""
        self.ensure_one()
        # sudo: the volunteer's own assignments, to find their coordinator.
        member = (
            self.env["aktive.network.member"]
            .sudo()
            .search(
                [("partner_id", "=", self.id), ("participant_id.coordinator_id", "!=", False)],
                order="date_start desc, id desc",
                limit=1,
            )
        )
        return member.participant_id.coordinator_id or self.env.ref("base.user_admin")
