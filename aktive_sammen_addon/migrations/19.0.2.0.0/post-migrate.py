"""19.0.2.0.0: volunteers become portal users (issue 13).

Users whose only role was Volunteer become portal users (base.group_portal + Volunteer);
staff who also volunteer keep their internal user. The logic is the model's own
(``res.users._aktive_volunteers_to_portal``), so a test runs the same code."""

from odoo import SUPERUSER_ID
from odoo import api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.users"]._aktive_volunteers_to_portal()
    # Privacy beyond the rules (issue 14): the cards of participants become private, and
    # followers of case records who may not write them stop following.
    env["res.partner"]._aktive_mark_participant_cards()
    env["mail.followers"]._aktive_drop_followers_without_write()
