"""19.0.2.0.0: volunteers become portal users (issue 13); privacy beyond the rules (issue 14).

Users whose only role was Volunteer become portal users (base.group_portal + Volunteer);
staff who also volunteer keep their internal user. The logic is the model's own
(``res.users._aktive_volunteers_to_portal``), so a test runs the same code.

The record rules changed (contact cards made under a participant's, a participant's old
card): they are noupdate data, which an update never reloads, so their domains are read
again from security/aktive_rules.xml. Participants' cards become private, and followers of
case records who may not write them stop following."""

from lxml import etree
from odoo import SUPERUSER_ID
from odoo import api
from odoo.tools import file_open

MODULE = "aktive_sammen_addon"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.users"]._aktive_volunteers_to_portal()
    reload_rule_domains(env)
    env["res.partner"]._aktive_mark_participant_cards()
    env["mail.followers"]._aktive_drop_followers_without_write()


def reload_rule_domains(env):
    """Each rule of the file gets the file's domain (new rules are created by the update)."""
    with file_open(f"{MODULE}/security/aktive_rules.xml", "rb") as file:
        tree = etree.parse(file)
    for record in tree.iterfind(".//record[@model='ir.rule']"):
        domain = record.find("field[@name='domain_force']")
        rule = env.ref(f"{MODULE}.{record.get('id')}", raise_if_not_found=False)
        if rule is not None and domain is not None and rule.domain_force != domain.text:
            rule.domain_force = domain.text
