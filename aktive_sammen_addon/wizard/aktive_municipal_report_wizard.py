"""The coordinator's "Report to the municipality" on a case: a need the volunteer centre
cannot follow up - seen by the coordinator, or told by a volunteer - goes to the case's
municipal contact person as an item of the municipality's inbox
(models/aktive_municipal_message.py)."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class AktiveMunicipalReportWizard(models.TransientModel):
    _name = "aktive.municipal.report.wizard"
    _inherit = ["aktive.case.wizard"]
    _description = "Report to the municipality"

    text = fields.Text(
        string="What the municipality should follow up",
        required=True,
        help="What the person needs that the volunteers cannot give: in a few sentences.",
    )
    volunteer_id = fields.Many2one(
        "res.partner",
        string="Told by volunteer",
        domain="[('id', 'in', volunteer_ids)]",
        help="When a volunteer told you: they are named to the municipality.",
    )
    volunteer_ids = fields.Many2many("res.partner", compute="_compute_volunteer_ids")
    recipient_id = fields.Many2one("res.partner", string="Goes to", compute="_compute_recipient_id")

    @api.depends("participant_id")
    def _compute_volunteer_ids(self):
        for wizard in self:
            wizard.volunteer_ids = wizard.participant_id.network_member_ids.filtered(
                lambda m: m.active and m.member_kind == "volunteer"
            ).partner_id

    @api.depends("participant_id")
    def _compute_recipient_id(self):
        Message = self.env["aktive.municipal.message"]
        for wizard in self:
            contact, users = Message._aktive_recipients(wizard.participant_id)
            wizard.recipient_id = contact or users.partner_id[:1]

    @api.model
    def _aktive_check_case(self, participant):
        if participant.state == "closed":
            raise UserError(self.env._("The case of %(name)s is closed.", name=participant.name))
        contact, users = self.env["aktive.municipal.message"]._aktive_recipients(participant)
        if not (contact or users):
            raise UserError(
                self.env._(
                    "%(name)s has no municipal contact person or unit: choose one on the case "
                    "first.",
                    name=participant.name,
                )
            )

    @api.model
    def _aktive_open_for(self, participants):
        return self._aktive_dialog(
            participants,
            self.env._("Report one case at a time to the municipality."),
            self.env._("Report %(name)s to the municipality", name=participants[:1].name),
        )

    def action_send(self):
        self.ensure_one()
        participant = self.participant_id
        self._aktive_check_case(participant)
        message = self.env["aktive.municipal.message"].create(
            {
                "participant_id": participant.id,
                "kind": "need",
                "text": self.text,
                "volunteer_id": self.volunteer_id.id,
            }
        )
        # sudo: the municipality's to-dos on the message, which the coordinator may read but
        # not write (the municipality handles it); the message was created as the user.
        message.sudo()._aktive_notify_municipality()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Sent to %(contact)s.", contact=message.sudo().recipient_id.name or ""
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
