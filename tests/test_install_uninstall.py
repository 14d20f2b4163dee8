"""The administrator's path, on a database that only has base: Update Apps List, install from
the Apps menu (button_immediate_install) with demo data, upgrade, uninstall. Each step runs in
its own Odoo process, as each click would reload the registry."""

import pytest
from odoo_cli import drop_db
from odoo_cli import odoo
from odoo_cli import shell

DB = "aktive_sammen_install_test"
ADDON = "aktive_sammen_addon"

# What the addon leaves in the database, counted the same way before and after each step.
FOOTPRINT = f"""
cr = env.cr
def q(sql):
    cr.execute(sql)
    return cr.fetchone()[0]
footprint = {{
    'xmlids': env['ir.model.data'].search_count([('module', '=', '{ADDON}')]),
    'models': env['ir.model'].search_count([('model', '=like', 'aktive.%')]),
    'fields': env['ir.model.fields'].search_count([('model', '=like', 'aktive.%')]),
    'views': q("select count(*) from ir_ui_view where arch_fs like '{ADDON}/%'"),
    'menus': env['ir.ui.menu'].with_context(active_test=False).search_count(
        [('web_icon', '=like', '{ADDON},%')]),
    'access': env['ir.model.access'].search_count([('model_id.model', '=like', 'aktive.%')]),
    'rules': env['ir.rule'].search_count([('model_id.model', '=like', 'aktive.%')]),
    'tables': q("select count(*) from information_schema.tables where table_name like 'aktive%'"),
}}
ours = env['ir.model.data'].search([('module', '=', '{ADDON}'), ('model', '=', 'ir.model.fields')])
our_partner_columns = sorted(
    f.name for f in env['ir.model.fields'].browse(ours.mapped('res_id'))
    if f.model == 'res.partner' and f.store)
"""


def click(button):
    """Press a button of the addon in Apps, in its own Odoo process (the registry reloads)."""
    shell(DB, f"env['ir.module.module'].search([('name', '=', '{ADDON}')]).{button}()\nresult = 1")


@pytest.fixture(scope="module")
def base_db():
    drop_db(DB)
    # The addon is not on the addons path yet: a database as the municipality has it.
    odoo(
        "-d",
        DB,
        "-i",
        "base",
        "--with-demo",
        "--stop-after-init",
        "--log-level=warn",
        with_repo=False,
    )
    state = {"before": shell(DB, FOOTPRINT + "result = footprint")}
    yield state
    drop_db(DB)


def test_1_appears_in_apps_after_update_apps_list(base_db):
    result = shell(
        DB,
        f"""
M = env['ir.module.module']
before = M.search_count([('name', '=', '{ADDON}')])
M.update_list()
mod = M.search([('name', '=', '{ADDON}')])
env.cr.commit()
result = dict(before=before, state=mod.state, name=mod.shortdesc, app=mod.application,
              license=mod.license, icon=mod.icon, author=mod.author)
""",
    )
    assert result["before"] == 0
    assert result["state"] == "uninstalled"
    assert result["name"] == "Aktive Sammen"
    assert result["app"] is True
    assert result["license"] == "LGPL-3"
    assert result["icon"] == f"/{ADDON}/static/description/icon.png"


def test_2_installs_from_apps_with_demo_data(base_db):
    click("button_immediate_install")
    result = shell(
        DB,
        FOOTPRINT
        + f"""
mod = env['ir.module.module'].search([('name', '=', '{ADDON}')])
demo = env.ref('{ADDON}.participant_arne_demo', raise_if_not_found=False)
result = dict(state=mod.state, demo=mod.demo, demo_name=demo and demo.name, footprint=footprint,
              our_partner_columns=our_partner_columns)
""",
    )
    assert result["state"] == "installed"
    assert result["demo"] is True
    assert result["demo_name"] == "Arne Sødal"
    assert result["footprint"]["menus"] == 1
    assert result["footprint"]["xmlids"] >= 3
    base_db["installed"] = result["footprint"]
    base_db["our_partner_columns"] = result["our_partner_columns"]


def test_3_upgrade_is_idempotent(base_db):
    assert "installed" in base_db, "test_2 must have installed the addon"
    for _ in range(2):
        click("button_immediate_upgrade")
        after = shell(DB, FOOTPRINT + "result = footprint")
        assert after == base_db["installed"]


def test_4_overdue_job_run_manually_works_off_a_backlog_in_batches(base_db):
    """Settings > Scheduled Actions > Run Manually: Odoo's cron runner calls the job again,
    one committed batch per call, until the backlog is gone."""
    assert "installed" in base_db, "test_2 must have installed the addon"
    result = shell(
        DB,
        """
from datetime import timedelta
from odoo import fields
F = env['aktive.followup']
today = fields.Date.context_today(F)
late_domain = [('state', '=', 'planned'), ('date_planned', '<', today), ('is_overdue', '=', False)]
F._cron_flag_overdue(batch_size=10**6)  # whatever the demo left late
env['ir.config_parameter'].set_param('aktive_sammen_addon.overdue_batch_size', 2)
participant = env['aktive.participant'].create({'name': 'Backlog'})
late = F.create([{'participant_id': participant.id, 'date_planned': today - timedelta(days=d)}
                 for d in (5, 4, 3, 2, 1)])
cron = env.ref('aktive_sammen_addon.ir_cron_followup_overdue')
env.cr.commit()
cron.method_direct_trigger()
env.cr.commit()  # a fresh snapshot: the job committed in cursors of its own
env.invalidate_all()
progress = env['ir.cron.progress'].search([('cron_id', '=', cron.id)], order='id')
result = dict(flagged=len(late.filtered('is_overdue')),
              left=F.search_count(late_domain), done=progress.mapped('done'),
              activities=len(participant.activity_ids))
participant.with_context(aktive_retention=True).unlink()
env['ir.config_parameter'].set_param('aktive_sammen_addon.overdue_batch_size', False)
env.cr.commit()
""",
    )
    assert result["flagged"] == 5
    assert result["left"] == 0
    assert result["done"] == [2, 2, 1], "three calls of the job, two committed per call"
    assert result["activities"] == 1, "one overdue activity for the person, not one per batch"


def test_5_uninstall_leaves_nothing_behind(base_db):
    assert "installed" in base_db, "test_2 must have installed the addon"
    click("button_immediate_uninstall")
    result = shell(
        DB,
        FOOTPRINT
        + f"""
mod = env['ir.module.module'].search([('name', '=', '{ADDON}')])
cr.execute("select column_name from information_schema.columns where table_name = 'res_partner'")
result = dict(state=mod.state, footprint=footprint, columns=[r[0] for r in cr.fetchall()])
""",
    )
    assert result["state"] == "uninstalled"
    before = base_db["before"]
    assert result["footprint"] == before, "uninstall must give back the database it found"
    assert result["footprint"]["xmlids"] == 0
    left = set(base_db["our_partner_columns"]) & set(result["columns"])
    assert not left, f"columns our addon added to res_partner survived: {left}"
