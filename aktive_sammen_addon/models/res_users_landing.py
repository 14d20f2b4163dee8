"""The first screen of a coordinator or a municipal contact person is their board.

Where they land is the addon's app, first in the apps menu (its root menu's sequence, in
views/aktive_menu_views.xml), so it holds for every user given those groups later too.
What stands in the way is OdooBot: Odoo's `mail_bot` (installed with `mail`, but not a
dependency of this addon) opens a Discuss chat on the first visit and posts an onboarding
message about Odoo's chat - in English, as its bokmål translation is empty. The addon's
case workers do not get it.
"""

from odoo import models

CASE_WORKER_GROUPS = (
    "aktive_sammen_addon.group_aktive_coordinator",
    "aktive_sammen_addon.group_aktive_municipal",
)


class ResUsers(models.Model):
    _inherit = "res.users"

    def _on_webclient_bootstrap(self):
        # Before super: mail_bot's override checks the state after its own super() call,
        # so the order of the two addons does not matter.
        self._aktive_skip_odoobot_onboarding()
        return super()._on_webclient_bootstrap()

    def _aktive_skip_odoobot_onboarding(self):
        """OdooBot's onboarding is not started for the addon's case workers (a no-op
        without mail_bot installed: no `odoobot_state` field)."""
        if "odoobot_state" not in self._fields:
            return
        users = self.filtered(
            lambda user: (
                user.odoobot_state in (False, "not_initialized")
                and any(user.has_group(group) for group in CASE_WORKER_GROUPS)
            )
        )
        # sudo: the field is read-only for the user themself.
        users.sudo().write({"odoobot_state": "disabled"})
