"""`make run` and `make test` stop at once, with one clear line, when a need is missing."""

import os
import re
import socket
import subprocess
import time

import pytest

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def our_lines(stderr):
    """What our scripts said, without make's own 'make[1]: *** ... Error 2' trailer."""
    return [line for line in stderr.splitlines() if not re.match(r"make(\[\d+\])?: ", line)]


def make(target, **env):
    start = time.monotonic()
    proc = subprocess.run(
        ["make", "--no-print-directory", target],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return proc, time.monotonic() - start


@pytest.mark.parametrize("target", ["run", "test"])
def test_empty_odoo_path_stops_with_one_line(tmp_path, target):
    # No Odoo tree and no upstream to clone: the clone URL points at a closed local port.
    proc, seconds = make(
        target, ODOO_PATH=str(tmp_path), ODOO_GIT_URL="http://127.0.0.1:9/odoo.git"
    )
    assert proc.returncode != 0
    assert seconds < 10
    ours = our_lines(proc.stderr)
    assert len(ours) == 1, proc.stderr
    assert ours[0].startswith("error: no Odoo 19 source tree at ODOO_PATH=")
    assert "Traceback" not in proc.stdout + proc.stderr


def test_busy_port_stops_with_one_line():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        proc, seconds = make("run", HTTP_PORT=str(port))
    assert proc.returncode != 0
    assert seconds < 10
    ours = our_lines(proc.stderr)
    assert ours == [
        f"error: port {port} is busy (another Odoo?): stop it or run with HTTP_PORT=<free port>"
    ]


def test_unreachable_database_stops_with_one_line():
    # Port 9 on loopback: nothing listens there, so PostgreSQL is unreachable.
    proc, seconds = make("run", DB_PORT="9", HTTP_PORT="8199")
    assert proc.returncode != 0
    assert seconds < 20
    ours = our_lines(proc.stderr)
    assert ours == [
        "error: PostgreSQL is not reachable at 127.0.0.1:9 (set DB_HOST/DB_PORT or start it)"
    ]
