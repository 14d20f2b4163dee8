"""Drive Odoo as an administrator would, in a subprocess: create databases, run shell scripts.
Paths come from scripts/test.sh (AKTIVE_* variables)."""

import configparser
import json
import os
import subprocess
import sys

import psycopg2

ODOO_BIN = os.environ.get("AKTIVE_ODOO_BIN", "/opt/odoo/setup/odoo")
ODOO_CONF = os.environ.get("AKTIVE_ODOO_CONF", ".local/odoo.conf")
ODOO_ADDONS = os.environ.get("AKTIVE_ODOO_ADDONS", "/opt/odoo/odoo/addons")
PYTHON = os.path.join(os.environ.get("AKTIVE_VENV", ".venv"), "bin", "python")
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def odoo(*args, command=None, stdin=None, with_repo=True, timeout=600, addons_from=None):
    """Run the Odoo CLI; with_repo=False leaves our addon off the addons path, addons_from
    puts another copy of it there (an earlier version, for an upgrade)."""
    addons = f"{ODOO_ADDONS},{REPO_ROOT}" if with_repo else ODOO_ADDONS
    if addons_from:
        addons = f"{ODOO_ADDONS},{addons_from}"
    cmd = [PYTHON, ODOO_BIN, *([command] if command else [])]
    cmd += ["-c", ODOO_CONF, f"--addons-path={addons}", *args]
    proc = subprocess.run(
        cmd, input=stdin, capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise AssertionError(f"odoo {' '.join(args)} exited {proc.returncode}")
    return proc


def shell(db, script, addons_from=None):
    """Run `script` in `odoo shell` on db; it sets `result`, which comes back as JSON."""
    code = script + "\nprint('RESULT:' + __import__('json').dumps(result))\n"
    proc = odoo(
        "-d",
        db,
        "--no-http",
        "--log-level=warn",
        command="shell",
        stdin=code,
        addons_from=addons_from,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT:"):
            return json.loads(line[len("RESULT:") :])
    sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
    raise AssertionError("the shell script printed no result")


def drop_db(db):
    cfg = configparser.ConfigParser()
    cfg.read(ODOO_CONF)
    o = cfg["options"]
    conn = psycopg2.connect(
        host=o["db_host"],
        port=o["db_port"],
        user=o["db_user"],
        password=o["db_password"],
        dbname="postgres",
    )
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    conn.close()
