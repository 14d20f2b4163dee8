"""A screenshot of a page as the test's headless Chromium shows it, once it is ready: a test
artefact for people to look at (in $AKTIVE_ARTIFACTS, never committed)."""

import base64
import contextlib
import os
from unittest.mock import patch

from odoo.tests.common import ChromeBrowser

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def artifact_path(name):
    folder = os.environ.get("AKTIVE_ARTIFACTS") or os.path.join(
        os.path.dirname(__file__), "..", "..", "artifacts"
    )
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, name)


def capture(case, url, ready, login, name):
    """Open `url` as `login` in `case` (an HttpCase), wait until `ready` (JavaScript) holds,
    save the screen as `name`; returns the file's path."""
    path = artifact_path(name)
    wait_ready = ChromeBrowser._wait_ready

    def wait_then_capture(browser, ready_code=None, timeout=60):
        is_ready = wait_ready(browser, ready_code, timeout)
        if is_ready:
            shot = browser._websocket_send("Page.captureScreenshot", with_future=True)
            with open(path, "wb") as file:
                file.write(base64.b64decode(shot.result(timeout=30)["data"]))
        return is_ready

    with patch.object(ChromeBrowser, "_wait_ready", wait_then_capture):
        case.browser_js(
            url, "console.log('test successful')", ready=ready, login=login, timeout=120
        )
    return path


SCREEN_SIGNAL = "aktive-screen:"


@contextlib.contextmanager
def tour_screens(prefix):
    """While a tour runs, save a screenshot each time a step logs `aktive-screen:<name>`
    (`norwegianScreen` in static/tests/tours/utils/aktive_checks.js does): one artefact per
    screen, named `<prefix>_<name>.png`. Yields the list of paths, filled as the tour goes."""
    paths = []
    handle_console = ChromeBrowser._handle_console

    def handle_then_capture(browser, type, args=None, stackTrace=None, **kw):
        handle_console(browser, type, args=args, stackTrace=stackTrace, **kw)
        message = str(browser._from_remoteobject(args[0])) if args else ""
        if type == "log" and message.startswith(SCREEN_SIGNAL):
            path = artifact_path(f"{prefix}_{message[len(SCREEN_SIGNAL) :]}.png")
            paths.append(path)
            shot = browser._websocket_send("Page.captureScreenshot", with_future=True)

            def save(future):
                with open(path, "wb") as file:
                    file.write(base64.b64decode(future.result(timeout=0)["data"]))

            shot.add_done_callback(save)

    with patch.object(ChromeBrowser, "_handle_console", handle_then_capture):
        yield paths


def assert_screens(case, paths, minimum):
    """The tour saved at least `minimum` screenshots, each a real PNG."""
    case.assertGreaterEqual(len(paths), minimum, paths)
    for path in paths:
        with open(path, "rb") as file:
            case.assertEqual(file.read(8), PNG_MAGIC, path)
