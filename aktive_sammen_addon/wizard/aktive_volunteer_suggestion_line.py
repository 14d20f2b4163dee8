from odoo import Command
from odoo import fields
from odoo import models


class AktiveVolunteerSuggestionLine(models.TransientModel):
    """One suggested volunteer, with the reasons for the rank."""

    _name = "aktive.volunteer.suggestion.line"
    _description = "Suggested volunteer"
    _order = "score desc, id"

    wizard_id = fields.Many2one("aktive.volunteer.suggestion", required=True, ondelete="cascade")
    volunteer_id = fields.Many2one("res.partner", required=True, readonly=True)
    phone = fields.Char(related="volunteer_id.phone")
    score = fields.Integer(readonly=True)
    reasons = fields.Text(readonly=True)
    assignment_count = fields.Integer(related="volunteer_id.aktive_assignment_count")
    ask = fields.Boolean(help="Tick the volunteers to ask by SMS or e-mail.")
    channel = fields.Selection(related="volunteer_id.aktive_message_channel")

    def action_add_to_network(self):
        """Add this volunteer to the participant's network, carrying the wish; close the
        suggestions and say so."""
        self.ensure_one()
        wizard = self.wizard_id
        member = self.env["aktive.network.member"].create(
            {
                "participant_id": wizard.wish_id.participant_id.id,
                "partner_id": self.volunteer_id.id,
                "role_id": wizard.role_id.id,
                "wish_ids": [Command.link(wizard.wish_id.id)],
            }
        )
        # Back where the coordinator was (the case or the wish, reloaded), with a word of
        # what happened: not a second copy of the case in the breadcrumb.
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(volunteer)s is now in the network of %(person)s.",
                    volunteer=member.partner_id.name,
                    person=member.participant_id.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
