# Shared settings and helpers for the set-up, run and test scripts (sourced, not run).
# Everything here is idempotent: a step that is already done costs a check, nothing more.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_PATH=${ODOO_PATH:-/opt/odoo}
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}
VENV=${VENV:-$REPO_ROOT/.venv}
LOCAL_DIR=$REPO_ROOT/.local
ODOO_CONF=$LOCAL_DIR/odoo.conf
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-5432}
DB_USER=${DB_USER:-aktive}
DB_PASSWORD=${DB_PASSWORD:-aktive}
DB_NAME=${DB_NAME:-aktive_sammen}
TEST_DB_NAME=${TEST_DB_NAME:-aktive_sammen_test}
HTTP_PORT=${HTTP_PORT:-8069}
ADDON=aktive_sammen_addon

die() { echo "error: $*" >&2; exit 2; }
say() { echo "==> $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else die "'$*' needs root; run it once as root or install the packages yourself"; fi
}

# Finds the Odoo tree; clones upstream 19.0 when it is absent and the network allows.
locate_odoo() {
  if [ -f "$ODOO_PATH/odoo-bin" ] && [ -d "$ODOO_PATH/addons" ]; then
    ODOO_BIN=$ODOO_PATH/odoo-bin
    ODOO_ADDONS=$ODOO_PATH/addons,$ODOO_PATH/odoo/addons
  elif [ -f "$ODOO_PATH/setup/odoo" ] && [ -d "$ODOO_PATH/odoo/addons/base" ]; then
    ODOO_BIN=$ODOO_PATH/setup/odoo
    ODOO_ADDONS=$ODOO_PATH/odoo/addons
  else
    if [ -z "$(ls -A "$ODOO_PATH" 2>/dev/null)" ] && command -v git >/dev/null \
       && timeout 5 git ls-remote --heads "$ODOO_GIT_URL" 19.0 >/dev/null 2>&1; then
      say "cloning Odoo 19.0 into $ODOO_PATH (no tree there yet)"
      mkdir -p "$ODOO_PATH"
      git clone --quiet --depth 1 --branch 19.0 "$ODOO_GIT_URL" "$ODOO_PATH"
      locate_odoo
      return
    fi
    die "no Odoo 19 source tree at ODOO_PATH=$ODOO_PATH (and it cannot be cloned): set ODOO_PATH to a tree with odoo-bin + addons/ or setup/odoo + odoo/addons/"
  fi
  grep -qE "^version_info = \(19," "$ODOO_PATH/odoo/release.py" 2>/dev/null \
    || die "the tree at ODOO_PATH=$ODOO_PATH is not Odoo 19 (odoo/release.py)"
  export PYTHONPATH=$ODOO_PATH${PYTHONPATH:+:$PYTHONPATH}
}

# Runs Odoo from the venv with our config file.
odoo() { "$VENV/bin/python" "$ODOO_BIN" -c "$ODOO_CONF" "$@"; }

psql_super() {
  # Trust auth as 'postgres' over TCP on these machines; the local socket as the postgres
  # OS user elsewhere (a fresh apt install).
  if psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres -Atq "$@"
  else
    as_root su postgres -c "psql -d postgres -Atq $(printf '%q ' "$@")"
  fi
}

db_exists() {
  [ "$(PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -Atqc \
      "select 1 from pg_database where datname='$1'" 2>/dev/null)" = 1 ]
}

addon_installed() {
  [ "$(PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$1" -Atqc \
      "select state from ir_module_module where name='$ADDON'" 2>/dev/null)" = installed ]
}
