"""19.0.3.0.0: one company's data stays in its company; access ends on the assignment's date;
the leaks found over HTTP closed. One function per change.

- Record rules are noupdate data, which an update never reloads: every rule of
  security/aktive_rules.xml gets the file's name and domain again (the contact rules scoped by
  company, the volunteer rules asking for a current assignment - ``is_current`` - instead of an
  active one, the staff users a volunteer sees). New rules and new rule files are created by the
  update itself.
- The cards the addon made before carried no company, so every company saw them: a
  participant's card (archived cases too) gets its case's company, the cards under it their
  parent's, and a volunteer serves the companies of their assignments' cases - several make a
  shared card - else the company of the user who registered them
  (``res.partner._aktive_migrate_card_companies``, the model's own code, tested).
- The cards of the relatives and friends already in a network become private to the case.
- Public sign-up (auth_signup's default, since portal depends on it) is switched off: the
  addon's install does it from now on (data/auth_signup_data.xml); a database installed before
  had it on without anyone choosing it."""

from lxml import etree
from odoo import SUPERUSER_ID
from odoo import api
from odoo.tools import file_open

MODULE = "aktive_sammen_addon"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    reload_rules(env)
    env["res.partner"]._aktive_migrate_card_companies()
    mark_relative_cards(env)
    close_public_signup(env)


def reload_rules(env):
    """Each rule of the file gets the file's name and domain."""
    with file_open(f"{MODULE}/security/aktive_rules.xml", "rb") as file:
        tree = etree.parse(file)
    for record in tree.iterfind(".//record[@model='ir.rule']"):
        rule = env.ref(f"{MODULE}.{record.get('id')}", raise_if_not_found=False)
        if rule is None:
            continue
        values = {
            name: field.text
            for name in ("name", "domain_force")
            if (field := record.find(f"field[@name='{name}']")) is not None
        }
        if any(rule[name] != value for name, value in values.items()):
            rule.write(values)


def mark_relative_cards(env):
    """The network members' cards that are plain contacts become private to their cases."""
    members = env["aktive.network.member"].with_context(active_test=False).search([])
    members._aktive_mark_relative_cards()


def close_public_signup(env):
    env["ir.config_parameter"].set_param("auth_signup.invitation_scope", "b2b")
