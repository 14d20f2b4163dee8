#!/usr/bin/env bash
# make test: set up what is missing, lint, build a throw-away database with the addon and its
# demo data, then run every test with pytest-odoo (HTTP on, so HttpCase and tours run).
# pytest's summary line is the last line printed; its exit code is ours.
source "$(dirname "$0")/common.sh"
bash "$REPO_ROOT/scripts/setup.sh"
locate_odoo
bash "$REPO_ROOT/scripts/lint.sh"

TEST_HTTP_PORT=${TEST_HTTP_PORT:-8169}
# One config per test database, so that two runs with their own TEST_DB_NAME and
# TEST_HTTP_PORT can go side by side.
if [ "$TEST_DB_NAME" = aktive_sammen_test ]; then TEST_CONF=$LOCAL_DIR/odoo-test.conf
else TEST_CONF=$LOCAL_DIR/odoo-test-$TEST_DB_NAME.conf; fi
sed -e "s/^http_port = .*/http_port = $TEST_HTTP_PORT/" "$ODOO_CONF" > "$TEST_CONF"
echo "db_name = $TEST_DB_NAME" >> "$TEST_CONF"

say "creating the throw-away database $TEST_DB_NAME"
PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc \
  "DROP DATABASE IF EXISTS \"$TEST_DB_NAME\" WITH (FORCE)" >/dev/null
rm -rf "$LOCAL_DIR/data/filestore/$TEST_DB_NAME"
"$VENV/bin/python" "$ODOO_BIN" -c "$TEST_CONF" -d "$TEST_DB_NAME" --with-demo -i "$ADDON" \
  --stop-after-init --log-level=warn

export AKTIVE_ODOO_BIN=$ODOO_BIN AKTIVE_ODOO_CONF=$ODOO_CONF AKTIVE_ODOO_ADDONS=$ODOO_ADDONS \
       AKTIVE_TEST_DB=$TEST_DB_NAME \
       AKTIVE_VENV=$VENV AKTIVE_ARTIFACTS=$REPO_ROOT/artifacts
mkdir -p "$REPO_ROOT/artifacts"
cd "$REPO_ROOT"
say "running the tests"
exec "$VENV/bin/pytest" --odoo-config="$TEST_CONF" --odoo-database="$TEST_DB_NAME" --odoo-http \
  -p no:cacheprovider -rs ${PYTEST_ARGS:-} ${PYTEST_TARGETS:-$ADDON/tests tests}
