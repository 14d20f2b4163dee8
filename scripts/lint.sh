#!/usr/bin/env bash
# make lint: ruff on every Python file, and every XML/CSV data file must parse.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
say "lint: ruff"
"$VENV/bin/ruff" check --quiet .
"$VENV/bin/ruff" format --check --quiet .
say "lint: data files"
"$VENV/bin/python" scripts/check_data_files.py
say "lint: pylint-odoo"
# Odoo's checks only. Not an OCA repository (author); the participant is split by concern on
# purpose - privacy and the contact form each in a file of their own (merging classes).
"$VENV/bin/pylint" --rcfile=.pylintrc --disable=all --enable=odoolint \
  --disable=manifest-required-author,consider-merging-classes-inherited aktive_sammen_addon
