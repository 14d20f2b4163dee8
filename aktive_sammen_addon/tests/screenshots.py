"""A screenshot of a page as the test's headless Chromium shows it, once it is ready: a test
artefact for people to look at (in $AKTIVE_ARTIFACTS, never committed)."""

import base64
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
