#!/usr/bin/env bash
# make run: set up what is missing, make sure the demo database has the addon, serve it.
source "$(dirname "$0")/common.sh"
if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then
  die "port $HTTP_PORT is busy (another Odoo?): stop it or run with HTTP_PORT=<free port>"
fi
bash "$REPO_ROOT/scripts/setup.sh"
locate_odoo
if ! db_exists "$DB_NAME"; then
  say "creating database $DB_NAME with $ADDON and demo data (about a minute)"
  odoo -d "$DB_NAME" --with-demo -i "$ADDON" --stop-after-init --log-level=warn
elif ! addon_installed "$DB_NAME"; then
  say "installing $ADDON into $DB_NAME"
  odoo -d "$DB_NAME" -i "$ADDON" --stop-after-init --log-level=warn
else
  say "updating $ADDON in $DB_NAME"
  odoo -d "$DB_NAME" -u "$ADDON" --stop-after-init --log-level=warn
fi
echo "Aktive Sammen is at http://localhost:$HTTP_PORT  (login: admin, password: admin;" \
     "demo users in README.md). Stop with Ctrl+C."
exec "$VENV/bin/python" "$ODOO_BIN" -c "$ODOO_CONF" -d "$DB_NAME" --db-filter="^$DB_NAME\$"
