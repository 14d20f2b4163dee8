#!/usr/bin/env bash
# make lint: ruff on every Python file, and every XML/CSV data file must parse.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
say "lint: ruff"
"$VENV/bin/ruff" check --quiet .
"$VENV/bin/ruff" format --check --quiet .
say "lint: data files"
"$VENV/bin/python" scripts/check_data_files.py
