from odoo import api
from odoo import models
from odoo.fields import Command

from .aktive_groups import VOLUNTEER


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.constrains("group_ids")
    def _check_aktive_declaration_in_network(self):
        """A login with the Volunteer group reads the cases of its networks, also as a portal
        user: the network's declaration rule holds for it (see res.partner)."""
        self.partner_id._aktive_active_members()._check_confidentiality()

    @api.model
    def _aktive_volunteers_to_portal(self):
        """Version 2 makes volunteers portal users: the Volunteer group no longer implies
        the internal user. For a database of version 1 (run by the migration script):

        - a user whose only role was Volunteer (nothing beyond the groups every internal
          user gets by default) becomes a portal user: base.group_portal + Volunteer;
        - any other user with the Volunteer group (staff who also volunteer) keeps the
          internal user, now given explicitly;
        - the group's old implication of base.group_user is removed.

        Returns the users converted to the portal."""
        env = self.env
        volunteer = env.ref(VOLUNTEER)
        group_user = env.ref("base.group_user")
        group_portal = env.ref("base.group_portal")
        default_group = env.ref("base.default_user_group", raise_if_not_found=False)
        # What an internal user has without any role of their own.
        plain = volunteer | group_user | group_user.all_implied_ids
        if default_group:
            plain |= default_group.all_implied_ids - default_group
        users = (
            self.sudo()
            .with_context(active_test=False)
            .search([("group_ids", "in", volunteer.ids), ("share", "=", False)])
        )
        to_portal = users.filtered(lambda user: not (user.group_ids - plain))
        staff = users - to_portal
        if staff:
            staff.write({"group_ids": [Command.link(group_user.id)]})
        if group_user in volunteer.implied_ids:
            volunteer.sudo().write({"implied_ids": [Command.unlink(group_user.id)]})
        if to_portal:
            to_portal.write({"group_ids": [Command.set((group_portal | volunteer).ids)]})
        return to_portal
