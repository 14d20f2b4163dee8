from odoo import models

from .aktive_groups import VOLUNTEER


class ResPartner(models.Model):
    """Odoo's portal address form (/my/account, /my/address, /my/address/submit, archive)
    writes the card it is given as superuser once this check passes. Odoo lets through the
    user's own card and any address card (invoice, delivery, other) under *the card's own*
    commercial partner - that is, such a card anywhere: a portal volunteer could rewrite
    the card of a participant's relative. A volunteer edits their own card there, nothing
    else; any other user the addresses under their own commercial partner, as Odoo means."""

    _inherit = "res.partner"

    def _can_be_edited_by_current_customer(self, **kwargs):
        self.ensure_one()
        current = self._get_current_partner(**kwargs)
        if self == current:
            return True
        if self.env.user.has_group(VOLUNTEER):
            return False
        return (
            bool(current)
            and self.commercial_partner_id == current.commercial_partner_id
            and super()._can_be_edited_by_current_customer(**kwargs)
        )
