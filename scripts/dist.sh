#!/usr/bin/env bash
# make dist: the addon as a wheel, the way OCA ships its addons (whool, from
# aktive_sammen_addon/pyproject.toml): dist/odoo_addon_aktive_sammen_addon-19.0.*.whl holds
# odoo/addons/aktive_sammen_addon, so that `pip install --no-deps <wheel>` into an Odoo 19
# environment makes the addon appear in Apps. Only files git knows go in (whool's rule).
# Usage: dist.sh [OUTDIR]   (default: dist/ at the repository root)
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
# The build runs offline, with the pinned whool in our venv (no isolated build environment).
"$VENV/bin/python" -c "import whool" 2>/dev/null || bash "$REPO_ROOT/scripts/setup.sh"
# whool packs the files git knows: one deleted but not yet removed from git stops its build.
deleted=$(git ls-files --deleted -- "$ADDON")
[ -z "$deleted" ] || die "files git knows are missing from the work tree (git rm or restore them): $(echo $deleted)"
OUTDIR=${1:-$REPO_ROOT/dist}
mkdir -p "$OUTDIR"
rm -f "$OUTDIR"/odoo_addon_"$ADDON"-*.whl
say "dist: building the wheel of $ADDON into $OUTDIR"
# PYTHONPATH off: pip would take the Odoo tree's egg-info for an installed "odoo".
env -u PYTHONPATH PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/pip" wheel --quiet --no-deps \
  --no-build-isolation --no-index --wheel-dir "$OUTDIR" "./$ADDON" >/dev/null
ls "$OUTDIR"/odoo_addon_"$ADDON"-*.whl
