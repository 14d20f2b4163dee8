"""19.0.3.0.0: every municipality's contact cards stay in it (a county's database).

The cards the addon made before carried no company, so every company saw them: a
participant's card (archived cases too) gets its case's company, the cards under it their
parent's, and a volunteer serves the companies of their assignments' cases - several make a
shared card - else the company of the user who registered them. The logic is the model's own
(``res.partner._aktive_migrate_card_companies``), so a test runs the same code.

The contact rules changed (scoped by company): they are noupdate data, which an update never
reloads, so their domains are read again from security/aktive_rules.xml (as in 19.0.2.0.0)."""

from lxml import etree
from odoo import SUPERUSER_ID
from odoo import api
from odoo.tools import file_open

MODULE = "aktive_sammen_addon"
RULES = (
    "aktive_partner_rule_volunteer",
    "aktive_partner_rule_municipal",
    "aktive_partner_rule_coordinator",
)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    reload_partner_rules(env)
    env["res.partner"]._aktive_migrate_card_companies()


def reload_partner_rules(env):
    """The contact rules get the file's domain and name."""
    with file_open(f"{MODULE}/security/aktive_rules.xml", "rb") as file:
        tree = etree.parse(file)
    for xml_id in RULES:
        record = tree.find(f".//record[@id='{xml_id}']")
        rule = env.ref(f"{MODULE}.{xml_id}", raise_if_not_found=False)
        if rule is None or record is None:
            continue
        rule.write(
            {
                "name": record.find("field[@name='name']").text,
                "domain_force": record.find("field[@name='domain_force']").text,
            }
        )
