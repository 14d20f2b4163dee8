/**
 * Checks every back-office tour of the addon makes on the way (issue 16): the screen the user
 * sees has no error dialog and no English word, because the demo users read bokmål.
 * Import: import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";
 */

// Words that give away an English string on a bokmål screen (function words and Odoo's usual
// English fall-backs), the same list as the team's screenshot tool.
export const ENGLISH =
    /\b(the|and|with|when|you|your|are|not allowed|created|record|records|overdue|description|invalid|operation|no record found|follow-up|please|select|save)\b/i;

/** Throws when an error dialog is open or an English word is on screen. `root` narrows the
 * text read (default: the whole page without the debug and tour overlays). */
export function checkNorwegian(root = "body") {
    const error = document.querySelector(".o_error_dialog, .o_dialog .o_error_detail");
    if (error) {
        throw new Error(`An error dialog is open: ${error.innerText.slice(0, 300)}`);
    }
    const element = document.querySelector(root);
    if (!element) {
        throw new Error(`Nothing on screen matches ${root}`);
    }
    const lines = element.innerText.split("\n").filter((line) => ENGLISH.test(line));
    if (lines.length) {
        throw new Error(`English on a bokmål screen: ${lines.slice(0, 5).join(" | ")}`);
    }
}

/** A tour step: wait for `trigger`, check the screen (see checkNorwegian), then ask the test
 * for a screenshot named `name` (tests/screenshots.py, tour_screens). */
export function norwegianScreen(trigger, name, root = "body") {
    return {
        content: `Screen ${name}: bokmål, no error dialog`,
        trigger,
        run() {
            checkNorwegian(root);
            console.log(`aktive-screen:${name}`);
        },
    };
}
