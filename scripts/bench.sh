#!/usr/bin/env bash
# make bench: a throw-away database with the addon, a large municipality generated
# in it, and the hot paths timed; the table goes into README.md between the bench markers.
source "$(dirname "$0")/common.sh"
bash "$REPO_ROOT/scripts/setup.sh"
locate_odoo
BENCH_DB=${BENCH_DB:-aktive_sammen_bench}
PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc \
  "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" >/dev/null
say "creating $BENCH_DB"
odoo -d "$BENCH_DB" -i "$ADDON" --stop-after-init --log-level=warn
say "generating a large municipality and measuring (a few minutes)"
AKTIVE_BENCH_README=$REPO_ROOT/README.md "$VENV/bin/python" "$ODOO_BIN" shell -c "$ODOO_CONF" \
  -d "$BENCH_DB" --no-http --log-level=warn < "$REPO_ROOT/tests/bench_scale.py"
PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc \
  "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" >/dev/null
