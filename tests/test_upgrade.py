"""A municipality's database made with the previous version (19.0.1.0.0, demo data, volunteers
as internal users, a volunteer following a case) upgraded to this one: volunteers become portal
users, the changed record rules are loaded, participants' cards (and the cards made under them)
are private, and followers who may not write a case stop following it; and (19.0.2.1.0) the
case-worker group is given and the old dashboard wizard's table is dropped."""

import os
import subprocess
import tempfile

import pytest
from odoo_cli import REPO_ROOT
from odoo_cli import drop_db
from odoo_cli import odoo
from odoo_cli import shell

DB = "aktive_sammen_upgrade_test"
ADDON = "aktive_sammen_addon"
# The last commit of 19.0.1.0.0, before volunteers became portal users.
FROM_COMMIT = "8f4afb4"

BEFORE = """
ref = env.ref
mahmoud = ref('aktive_sammen_addon.user_mahmoud_demo')
arne = ref('aktive_sammen_addon.participant_arne_demo')
inger = ref('aktive_sammen_addon.participant_inger_demo')
# as it could happen before: the volunteer follows the case he helps, with internal notes
arne.message_subscribe(partner_ids=mahmoud.partner_id.ids, subtype_ids=ref('mail.mt_note').ids)
daughter = env['res.partner'].create({'name': 'Datter av Inger', 'parent_id': inger.partner_id.id})
result = {
    'internal': not mahmoud.share,
    'follows': mahmoud.partner_id in arne.message_partner_ids,
    'daughter': daughter.id,
}
env.cr.execute("SELECT relkind FROM pg_class WHERE relname = 'aktive_dashboard'")
result['dashboard_table'] = [kind for kind, in env.cr.fetchall()]
env.cr.commit()
"""

AFTER = """
ref = env.ref
mahmoud = ref('aktive_sammen_addon.user_mahmoud_demo')
arne = ref('aktive_sammen_addon.participant_arne_demo')
inger = ref('aktive_sammen_addon.participant_inger_demo')
daughter = env['res.partner'].browse(DAUGHTER)
as_mahmoud = env['aktive.participant'].with_user(mahmoud)
rule = ref('aktive_sammen_addon.aktive_partner_rule_volunteer')
ADDON = 'aktive_sammen_addon'
result = {
    'version': env['ir.module.module'].search([('name', '=', ADDON)]).latest_version,
    'portal': mahmoud.share and mahmoud.has_group('base.group_portal'),
    'volunteer': mahmoud.has_group('aktive_sammen_addon.group_aktive_volunteer'),
    'sees': as_mahmoud.search([]).ids,
    'arne': arne.id,
    'follows': mahmoud.partner_id in arne.sudo().message_partner_ids,
    'cards_private': all(arne.partner_id.aktive_private_card for arne in
        env['aktive.participant'].with_context(active_test=False).search([])),
    'daughter_private': daughter.aktive_private_card,
    'daughter_seen': bool(env['res.partner'].with_user(mahmoud).search([('id', '=', daughter.id)])),
    'rule_updated': 'aktive_private_card' in rule.domain_force,
    'bjorg_internal': not ref('aktive_sammen_addon.user_bjorg_demo').share,
    'case_workers': [ref(f'aktive_sammen_addon.user_{name}_demo').has_group(
        'aktive_sammen_addon.group_aktive_case_worker') for name in ('bjorg', 'hilde', 'mahmoud')],
}
env.cr.execute("SELECT relkind FROM pg_class WHERE relname = 'aktive_dashboard'")
result['dashboard_table'] = [kind for kind, in env.cr.fetchall()]
"""


@pytest.fixture(scope="module")
def old_addon():
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "-C", REPO_ROOT, "archive", FROM_COMMIT, ADDON],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        yield folder


def test_upgrade_from_19_0_1(old_addon):
    drop_db(DB)
    try:
        odoo(
            "-d",
            DB,
            "-i",
            ADDON,
            "--with-demo",
            "--stop-after-init",
            "--log-level=warn",
            addons_from=old_addon,
        )
        before = shell(DB, BEFORE, addons_from=old_addon)
        assert before["internal"] and before["follows"], before
        assert before["dashboard_table"] == ["r"], "19.0.1's dashboard wizard has a table"
        odoo("-d", DB, "-u", ADDON, "--stop-after-init", "--log-level=warn")
        after = shell(DB, AFTER.replace("DAUGHTER", str(before["daughter"])))
    finally:
        drop_db(DB)
    assert after["version"].startswith("19.0.3."), after
    assert after["portal"] and after["volunteer"], after
    assert after["bjorg_internal"], after
    assert after["sees"] == [after["arne"]], after
    assert not after["follows"], (before, after)
    assert after["cards_private"] and after["daughter_private"], after
    assert not after["daughter_seen"], after
    assert after["rule_updated"], after
    # 19.0.2.1.0: coordinator and municipal contact are case workers, the volunteer is not;
    # the old dashboard wizard's table is gone (the dashboard reads through no table).
    assert after["case_workers"] == [True, True, False], after
    assert after["dashboard_table"] == [], after
    assert os.path.isdir(os.path.join(old_addon, ADDON))
