"""19.0.3.0.0 migrations (one function per change)."""

from lxml import etree
from odoo import SUPERUSER_ID
from odoo import api
from odoo.tools import file_open

MODULE = "aktive_sammen_addon"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    reload_current_assignment_rules(env)


def reload_current_assignment_rules(env):
    """A volunteer's access ends the day after the assignment's Until date, not when the daily
    job archives it: the volunteer rules now ask for a current assignment (``is_current``)
    instead of an active one. Record rules are noupdate data, which an update never reloads,
    so the domains of the rules that name ``is_current`` are read again from
    security/aktive_rules.xml."""
    with file_open(f"{MODULE}/security/aktive_rules.xml", "rb") as file:
        tree = etree.parse(file)
    for record in tree.iterfind(".//record[@model='ir.rule']"):
        domain = record.find("field[@name='domain_force']")
        if domain is None or "is_current" not in domain.text:
            continue
        rule = env.ref(f"{MODULE}.{record.get('id')}", raise_if_not_found=False)
        if rule is not None and rule.domain_force != domain.text:
            rule.domain_force = domain.text
