"""19.0.3.0.0: leaks found over HTTP closed.

- The record rules of security/aktive_rules.xml changed (contact cards of relatives in a
  network, the staff users a volunteer sees): they are noupdate data, which an update never
  reloads, so their domains are read again from the file (new rules, such as the followers'
  rule, are created by the update itself).
- The cards of the relatives and friends already in a network become private to the case.
- Public sign-up (auth_signup's default since portal depends on it) is switched off: the
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
    reload_leak_rule_domains(env)
    mark_relative_cards(env)
    close_public_signup(env)


def reload_leak_rule_domains(env):
    """Each rule of the file gets the file's domain."""
    with file_open(f"{MODULE}/security/aktive_rules.xml", "rb") as file:
        tree = etree.parse(file)
    for record in tree.iterfind(".//record[@model='ir.rule']"):
        domain = record.find("field[@name='domain_force']")
        rule = env.ref(f"{MODULE}.{record.get('id')}", raise_if_not_found=False)
        if rule is not None and domain is not None and rule.domain_force != domain.text:
            rule.domain_force = domain.text


def mark_relative_cards(env):
    """The network members' cards that are plain contacts become private to their cases."""
    members = env["aktive.network.member"].with_context(active_test=False).search([])
    members._aktive_mark_relative_cards()


def close_public_signup(env):
    env["ir.config_parameter"].set_param("auth_signup.invitation_scope", "b2b")
