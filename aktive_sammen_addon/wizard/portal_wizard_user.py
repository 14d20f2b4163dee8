from odoo import models
from odoo.fields import Command

from ..models.aktive_groups import VOLUNTEER


class PortalWizardUser(models.TransientModel):
    """The coordinator gives a volunteer their login with Odoo's own portal invitation
    (Action -> Grant portal access, or the button on the volunteer's profile): a
    volunteer's portal user gets the Volunteer group with it, and so the pages under /my."""

    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        result = super().action_grant_access()
        for wizard_user in self:
            user = wizard_user.user_id.sudo()
            if wizard_user.partner_id.is_aktive_volunteer and user._is_portal():
                user.write({"group_ids": [Command.link(self.env.ref(VOLUNTEER).id)]})
        return result

    def action_revoke_access(self):
        result = super().action_revoke_access()
        for wizard_user in self:
            user = wizard_user.user_id.sudo()
            if user and not user.active:
                user.write({"group_ids": [Command.unlink(self.env.ref(VOLUNTEER).id)]})
        return result
