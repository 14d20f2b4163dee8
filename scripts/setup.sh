#!/usr/bin/env bash
# Idempotent set-up: Odoo tree, OS packages, PostgreSQL and our role, .venv, odoo.conf.
source "$(dirname "$0")/common.sh"

locate_odoo

# --- OS packages (Debian/Ubuntu) -------------------------------------------------------------
APT_PACKAGES=(postgresql postgresql-client wkhtmltopdf poppler-utils fonts-dejavu-core
              chromium libmagic1 python3-venv git)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "missing system packages (${missing[*]}) and no apt-get to install them"
  say "installing system packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# --- PostgreSQL ------------------------------------------------------------------------------
if ! pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 3; then
  # Start the local clusters that are down (a fresh machine, a reboot); a cluster that is up
  # elsewhere is left alone and the error below says where we looked.
  down=$(command -v pg_lsclusters >/dev/null && pg_lsclusters -h | awk '$4 == "down" {print $1}')
  for v in $down; do
    say "starting PostgreSQL $v"
    as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start >/dev/null 2>&1 || true
  done
  [ -n "$down" ] && for _ in $(seq 1 20); do pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && break; sleep 0.5; done
  pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 3 \
    || die "PostgreSQL is not reachable at $DB_HOST:$DB_PORT (set DB_HOST/DB_PORT or start it)"
fi
if [ "$(psql_super -c "select 1 from pg_roles where rolname='$DB_USER'")" != 1 ]; then
  say "creating database role $DB_USER"
  psql_super -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" >/dev/null
fi

# --- Python virtual environment --------------------------------------------------------------
# Odoo's own pins for this Python, with psycopg2 as a wheel and without python-ldap (only
# auth_ldap needs it, and it wants system headers). The stamp skips pip when nothing changed.
mkdir -p "$LOCAL_DIR"
req=$LOCAL_DIR/requirements-odoo.txt
sed -E -e 's/^psycopg2==/psycopg2-binary==/' -e '/^python-ldap/d' "$ODOO_PATH/requirements.txt" > "$req"
stamp=$(cat "$req" "$REPO_ROOT/requirements.txt" "$REPO_ROOT/scripts/setup.sh" | sha1sum | cut -c1-16)
if [ "$(cat "$VENV/.aktive-stamp" 2>/dev/null)" != "$stamp" ]; then
  [ -x "$VENV/bin/python" ] || { say "creating $VENV"; python3 -m venv "$VENV"; }
  say "installing Python requirements into $VENV (first time: a few minutes)"
  # cbor2 5.4.2 builds from source and its setup.py needs pkg_resources (setuptools < 81).
  echo 'setuptools<81' > "$LOCAL_DIR/pip-constraints.txt"
  export PIP_CONSTRAINT=$LOCAL_DIR/pip-constraints.txt PIP_DISABLE_PIP_VERSION_CHECK=1
  # PYTHONPATH off: pip would take the Odoo tree's egg-info for an installed "odoo".
  unset PYTHONPATH
  "$VENV/bin/pip" install -q 'setuptools<81' wheel
  "$VENV/bin/pip" install -q -r "$req"
  "$VENV/bin/pip" install -q -r "$REPO_ROOT/requirements.txt"
  echo "$stamp" > "$VENV/.aktive-stamp"
fi

# --- Odoo configuration ----------------------------------------------------------------------
cat > "$ODOO_CONF" <<CONF
[options]
addons_path = $ODOO_ADDONS,$REPO_ROOT
data_dir = $LOCAL_DIR/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = $DB_PASSWORD
http_port = $HTTP_PORT
http_interface = 127.0.0.1
list_db = False
without_demo = False
CONF
