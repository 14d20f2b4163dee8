import base64
import os
from unittest.mock import patch

from odoo.tests import HttpCase
from odoo.tests import tagged
from odoo.tests.common import ChromeBrowser


@tagged("post_install", "-at_install")
class TestBoardTour(HttpCase):
    """The coordinator's board in headless Chromium, logged in as the demo coordinator Bjørg
    (Norwegian interface): create, move, be refused, hold a follow-up. A JavaScript error on
    the page fails the tour (Odoo's browser helper turns console errors into failures)."""

    def test_coordinator_board(self):
        ref = self.env.ref
        arne = ref("aktive_sammen_addon.participant_arne_demo")
        solveig = ref("aktive_sammen_addon.participant_solveig_demo")
        arne.stage_id = ref("aktive_sammen_addon.stage_network")  # back to step 4 (allowed)
        # Solveig's wish is still only talked about: without it the guard of step 3 refuses her.
        solveig.wish_ids.with_context(active_test=False).unlink()
        planned = arne.followup_ids.filtered(lambda f: f.state == "planned")
        self.assertEqual(len(planned), 1)

        self.start_tour(
            "/odoo/action-aktive_sammen_addon.aktive_participant_action",
            "aktive_board_tour",
            login="bjorg",
            timeout=180,
        )

        self.assertEqual(arne.stage_id, ref("aktive_sammen_addon.stage_followup"))
        self.assertEqual(solveig.stage_id, ref("aktive_sammen_addon.stage_conversation"))
        tove = self.env["aktive.participant"].search([("name", "=", "Tove Tourtest")])
        self.assertEqual(tove.referral_source, "gp", "quick create asked who reported the need")
        self.assertEqual(tove.stage_id, ref("aktive_sammen_addon.stage_need_reported"))
        self.assertEqual(planned.state, "held")
        self.assertEqual(planned.outcome, "continue")
        self.assertTrue(planned.next_followup_id, "holding planned the next one")

    def test_board_screenshot(self):
        """A picture of the board for people to look at (a test artefact, not committed),
        taken by the same headless Chromium once the cards are on screen."""
        folder = os.environ.get("AKTIVE_ARTIFACTS") or os.path.join(
            os.path.dirname(__file__), "..", "..", "artifacts"
        )
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "participant_board.png")
        wait_ready = ChromeBrowser._wait_ready

        def wait_then_capture(browser, ready_code=None, timeout=60):
            ready = wait_ready(browser, ready_code, timeout)
            if ready:
                shot = browser._websocket_send("Page.captureScreenshot", with_future=True)
                with open(path, "wb") as file:
                    file.write(base64.b64decode(shot.result(timeout=30)["data"]))
            return ready

        with patch.object(ChromeBrowser, "_wait_ready", wait_then_capture):
            self.browser_js(
                "/odoo/action-aktive_sammen_addon.aktive_participant_action",
                "console.log('test successful')",
                ready="document.querySelectorAll('.o_kanban_record').length >= 8",
                login="bjorg",
                timeout=120,
            )
        with open(path, "rb") as file:
            self.assertEqual(file.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertGreater(os.path.getsize(path), 10000)
