"""`make dist` builds a wheel that installs like an OCA addon.

An integrator runs `pip install --no-deps odoo_addon_aktive_sammen_addon-19.0.*.whl` into the
environment of their Odoo 19 and expects the addon in Apps, with every file it loads. Plain
pytest, no Odoo server: build with scripts/dist.sh (what `make dist` runs), install into a
throw-away venv, look inside, and ask Odoo's own module loader where it finds the addon.
"""

import ast
import email.parser
import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
ADDON = "aktive_sammen_addon"
ODOO_PATH = os.environ.get("ODOO_PATH", "/opt/odoo")
WHEEL_RE = re.compile(rf"^odoo_addon_{ADDON}-(?P<version>19\.0\.[0-9.]+)-py3-none-any\.whl$")


def run(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False, **kwargs)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))}:\n{proc.stdout}\n{proc.stderr}"
    return proc


def manifest():
    return ast.literal_eval((REPO_ROOT / ADDON / "__manifest__.py").read_text())


def git_files():
    """What whool packs: the addon's files that git knows, less its pyproject.toml."""
    out = run(["git", "ls-files", "-z"], cwd=REPO_ROOT / ADDON).stdout
    return {f for f in out.split("\0") if f and f != "pyproject.toml"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The wheel from scripts/dist.sh, and the throw-away venv it was installed into."""
    tmp = tmp_path_factory.mktemp("packaging")
    run(["bash", str(REPO_ROOT / "scripts/dist.sh"), str(tmp / "dist")])
    wheels = sorted((tmp / "dist").iterdir())
    assert len(wheels) == 1, wheels
    venv = tmp / "venv"
    # Without site packages and with no index: the wheel alone, as an integrator installs it.
    run([sys.executable, "-m", "venv", str(venv)])
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run([venv / "bin/pip", "install", "--quiet", "--no-deps", "--no-index", wheels[0]], env=env)
    purelib = run(
        [venv / "bin/python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
    ).stdout.strip()
    return wheels[0], Path(purelib)


def test_wheel_name_and_metadata_follow_the_manifest(built):
    wheel, _site = built
    match = WHEEL_RE.match(wheel.name)
    assert match, f"unexpected wheel name {wheel.name}"
    version = match["version"]
    # whool: the manifest's version, plus ".N" for the commits since it last changed.
    expected = manifest()["version"]
    assert version == expected or re.fullmatch(rf"{re.escape(expected)}\.\d+", version), (
        f"wheel version {version} does not come from the manifest's {expected}"
    )
    with zipfile.ZipFile(wheel) as zf:
        meta = email.parser.HeaderParser().parsestr(
            zf.read(f"odoo_addon_{ADDON}-{version}.dist-info/METADATA").decode()
        )
        tops = {name.split("/")[0] for name in zf.namelist()}
    assert meta["Name"] == f"odoo-addon-{ADDON}"
    assert meta["Version"] == version
    assert meta["License"] == manifest()["license"]
    assert "odoo==19.0.*" in meta.get_all("Requires-Dist")
    # Nothing but the addon namespace and the metadata: no stray top-level package.
    assert tops == {"odoo", f"odoo_addon_{ADDON}-{version}.dist-info"}


def test_installed_addon_has_every_file_it_loads(built):
    _wheel, site = built
    installed = site / "odoo" / "addons" / ADDON
    assert installed.is_dir(), f"nothing at {installed}"
    assert ast.literal_eval((installed / "__manifest__.py").read_text()) == manifest()
    files = {
        str(p.relative_to(installed))
        for p in installed.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    declared = set(manifest()["data"]) | set(manifest().get("demo", []))
    missing = declared - files
    assert not missing, (
        f"data files of the manifest not in the wheel: {sorted(missing)} "
        "(whool packs only the files git knows: git add them)"
    )
    tracked = git_files()
    assert tracked - files == set(), f"tracked files not installed: {sorted(tracked - files)}"
    assert files - tracked == set(), f"files installed that git does not know: {files - tracked}"
    for folder in ("i18n", "static", "migrations", "security", "views", "report"):
        assert any(f.startswith(folder + "/") for f in files), f"no {folder}/ in the wheel"
    assert "i18n/nb.po" in files
    assert "pyproject.toml" not in files


def test_odoo_finds_the_installed_addon(built):
    """Apps lists what Odoo's loader finds: with the repository off the path, it finds the
    installed copy in site-packages (odoo and odoo.addons are namespace packages in 19)."""
    _wheel, site = built
    code = (
        "from odoo.modules.module import Manifest\n"
        f"m = Manifest.for_addon({ADDON!r})\n"
        "print(m.path if m else None)\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{ODOO_PATH}{os.pathsep}{site}"}
    # Our venv has Odoo's requirements; the throw-away one has only the wheel.
    python = Path(sysconfig.get_path("scripts")) / "python"
    out = run([python, "-c", code], env=env, cwd=site).stdout.strip().splitlines()
    assert out[-1] == str(site / "odoo" / "addons" / ADDON)
