#!/usr/bin/env bash
# Refresh i18n/aktive_sammen_addon.pot from a database with the addon installed (default: the
# test database `make test` leaves behind), then merge new terms into i18n/nb.po.
# Translate the empty msgstr entries of nb.po afterwards; the tests count them.
source "$(dirname "$0")/common.sh"
locate_odoo
db=${1:-$TEST_DB_NAME}
i18n=$REPO_ROOT/$ADDON/i18n
tmp=$(mktemp --suffix=.pot)
"$VENV/bin/python" "$ODOO_BIN" i18n export -c "$ODOO_CONF" -d "$db" -o "$tmp" "$ADDON" 2>/dev/null
"$VENV/bin/python" "$REPO_ROOT/scripts/i18n_terms.py" "$tmp" "$i18n/$ADDON.pot"
rm -f "$tmp"
if [ -f "$i18n/nb.po" ]; then
  msgmerge --quiet --update --no-fuzzy-matching --backup=none "$i18n/nb.po" "$i18n/$ADDON.pot"
  msgattrib --no-obsolete -o "$i18n/nb.po" "$i18n/nb.po"
else
  msginit --no-translator --locale=nb_NO --input="$i18n/$ADDON.pot" --output-file="$i18n/nb.po"
fi
untranslated=$(msgattrib --untranslated --no-obsolete "$i18n/nb.po" | grep -c '^msgid ' || true)
echo "nb.po: $(( untranslated > 0 ? untranslated - 1 : 0 )) untranslated entries"
