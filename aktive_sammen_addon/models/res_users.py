from odoo import api
from odoo import fields
from odoo import models
from odoo.fields import Command
from odoo.fields import Domain
from odoo.tools import SQL

from .aktive_groups import VOLUNTEER

# What a share user (a volunteer on the portal) reads of another user it may see - the staff
# of its own cases: the name and how to reach them, not the login or the groups.
SHARE_READABLE_FIELDS = frozenset(
    {
        "id",
        "display_name",
        "name",
        "partner_id",
        "phone",
        "email",
        "active",
        "share",
        "company_id",
        "lang",
        "tz",
        "write_date",
        "image_128",
        "image_256",
        "avatar_128",
        "avatar_256",
    }
)


class ResUsers(models.Model):
    _inherit = "res.users"

    # The volunteers' rule aktive_users_rule_volunteer: the staff of the cases they help.
    aktive_case_staff = fields.Boolean(
        string="Staff of my cases",
        compute="_compute_aktive_case_staff",
        search="_search_aktive_case_staff",
    )

    def _compute_aktive_case_staff(self):
        staff = self.sudo().search([("id", "in", self.ids), ("aktive_case_staff", "=", True)])
        for user in self:
            user.aktive_case_staff = user in staff

    def _search_aktive_case_staff(self, operator, value):
        """The internal users who work on a case the current user helps as an active member
        of its network: its coordinator, the municipal contact person's user and the staff
        of its unit (a sub-query, evaluated with each search)."""
        if operator != "in" or set(value) != {True}:
            return NotImplemented
        user = self.env.user
        # sudo: the cases of the user's own current assignments (the volunteers' case rule),
        # read here only for the ids of their staff
        cases = (
            self.env["aktive.participant"]
            .sudo()
            ._search(
                [
                    ("company_id", "in", user.company_ids.ids),
                    (
                        "network_member_ids",
                        "any",
                        [("partner_id", "=", user.partner_id.id), ("is_current", "=", True)],
                    ),
                ]
            )
        )
        unit_staff = SQL(
            "SELECT user_id FROM aktive_municipal_unit_user_rel WHERE unit_id IN (%s)",
            cases.subselect("municipal_unit_id"),
        )
        return Domain("share", "=", False) & (
            Domain("id", "in", cases.subselect("coordinator_id"))
            | Domain("partner_id", "in", cases.subselect("municipal_contact_id"))
            | Domain("id", "in", unit_staff)
        )

    def _aktive_share_reader(self):
        """Whether the current user reads other users as a share user (a portal volunteer)."""
        return not self.env.su and self.env.user.share

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        # Odoo orders users by name and login: a share user, who may not read the login,
        # gets them by name (ordering by the login is refused, like reading it).
        if order in (None, self._order) and self._aktive_share_reader():
            order = "name, id"
        return super()._search(domain, offset, limit, order, **kwargs)

    @api.model
    def _search_display_name(self, operator, value):
        """A share user finds users by name, not by login."""
        if self._aktive_share_reader():
            return Domain("name", operator, value)
        return super()._search_display_name(operator, value)

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        """A share user finds users by name: Odoo tries the login first, which they may
        not read."""
        if not self._aktive_share_reader():
            return super().name_search(name, domain, operator, limit)
        domain = Domain(domain or Domain.TRUE)
        if name:
            domain &= Domain("display_name", operator, name)
        users = self.search_fetch(domain, ["display_name"], limit=limit)
        return [(user.id, user.display_name) for user in users]

    def _has_field_access(self, field, operation):
        """A share user reads the login, the groups and the rest of another user's details
        no more: only SHARE_READABLE_FIELDS (their own user as Odoo allows it)."""
        if not super()._has_field_access(field, operation):
            return False
        if (
            self.env.su
            or operation != "read"
            or field.name in SHARE_READABLE_FIELDS
            or not self.env.user.share
        ):
            return True
        return self._origin == self.env.user

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
