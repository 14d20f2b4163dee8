#!/usr/bin/env bash
# make lint: pre-commit runs every hook of .pre-commit-config.yaml on every file (ruff,
# pylint-odoo, the XML/CSV data-file checks, OCA's usual text checks), offline: the hooks are
# local and call the tools pinned in requirements.txt from .venv. No git hook needed.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
[ "$VENV" -ef "$REPO_ROOT/.venv" ] || die "the hooks call .venv/bin/...: VENV must be $REPO_ROOT/.venv"
[ -x "$VENV/bin/pre-commit" ] || bash "$REPO_ROOT/scripts/setup.sh"
# pre-commit keeps its (here empty) store beside the venv, not in the user's home.
export PRE_COMMIT_HOME=$LOCAL_DIR/pre-commit
say "lint: pre-commit run --all-files"
rc=0
"$VENV/bin/pre-commit" run --all-files || rc=$?
# --all-files means the files git knows: lint new files not yet added too (pylint-odoo and
# the data-file check have just read the whole addon folder, new files included).
mapfile -d '' untracked < <(git ls-files -z --others --exclude-standard)
if [ ${#untracked[@]} -gt 0 ]; then
  say "lint: pre-commit on ${#untracked[@]} file(s) git does not know yet"
  SKIP=pylint-odoo,odoo-data-files "$VENV/bin/pre-commit" run --files "${untracked[@]}" || rc=$?
fi
exit $rc
