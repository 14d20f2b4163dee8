/**
 * The case form's actions as the coordinator Bjørg works them at 1440 px (issue 16): plan and
 * hold a follow-up, pause and resume, close with the reason asked for - and on the way the
 * form fits the screen: the header's buttons on one row, all five steps in the step bar, the
 * tabs without overflow. Steps find things by selector and data (Arne's name), never by
 * English labels; the action menu's items by their bokmål names (Bjørg's interface).
 */
import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

const form = ".o_form_view:not(:has(.modal))";
// The form without its chatter: the chatter's history is other tours' concern (stored texts).
const SHEET = ".o_form_view .o_form_sheet_bg";

/** A step that fails when the form does not fit: buttons wrapping, steps folded, tabs cut. */
function formFits(trigger, name) {
    return {
        content: `The form fits the screen (${name})`,
        trigger,
        run() {
            const buttons = [
                ...document.querySelectorAll(".o_form_statusbar .o_statusbar_buttons button"),
            ].filter((button) => button.offsetParent);
            const tops = new Set(buttons.map((button) => button.offsetTop));
            if (tops.size > 1) {
                throw new Error(`Header buttons on ${tops.size} rows: ${buttons.map((b) => b.innerText).join(", ")}`);
            }
            const steps = [
                ...document.querySelectorAll(
                    ".o_form_statusbar .o_statusbar_status > .o_arrow_button:not(.dropdown-toggle)"
                ),
            ].filter((step) => !step.classList.contains("d-none") && step.offsetParent);
            if (steps.length !== 5) {
                throw new Error(`The step bar shows ${steps.length} steps, not 5`);
            }
            const tabs = document.querySelector(".o_notebook_headers");
            if (tabs.scrollWidth > tabs.clientWidth) {
                throw new Error(`Tabs overflow: ${tabs.scrollWidth} > ${tabs.clientWidth}`);
            }
        },
    };
}

/** Open the form's action menu (the gear) and choose `label`. */
function fromActionMenu(label) {
    return [
        {
            content: "Open the action menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: `Choose ${label}`,
            trigger: `.o-dropdown--menu .o-dropdown-item:contains('${label}')`,
            run: "click",
        },
    ];
}

/**
 * A case wizard from the action menu: `label` opens it, the reason goes into the textarea of
 * `field`, `button` confirms; the dialog is checked for English on the way (`screen`).
 */
function wizard(label, { field, text, button, screen }) {
    const textarea = `.modal .o_field_widget[name=${field}] textarea`;
    return [
        ...fromActionMenu(label),
        norwegianScreen(textarea, screen, ".modal"),
        { content: `Write why (${field})`, trigger: textarea, run: `edit ${text}` },
        { content: `Confirm (${button})`, trigger: `.modal button[name=${button}]`, run: "click" },
    ];
}

registry.category("web_tour.tours").add("aktive_case_actions_tour", {
    steps: () => [
        {
            // A loaded machine may take its time over the first screen.
            ...norwegianScreen(`${form} .o_form_statusbar .o_statusbar_status:has(.o_arrow_button_current)`, "case_form", SHEET),
            timeout: 60000,
        },
        {
            content: "It is Arne's case",
            trigger: ".o_breadcrumb:contains('Arne Sødal')",
        },
        formFits(`${form} .o_form_statusbar button[name=action_plan_followup]`, "step 5"),
        // --- plan and hold a follow-up: one is planned, so it is opened, not doubled ----------
        {
            content: "Arne has a planned follow-up: the button opens it",
            trigger: `${form} .o_form_statusbar button[name=action_plan_followup]`,
            run: "click",
        },
        norwegianScreen(".modal .o_form_view .o_field_widget[name=date_planned]", "planned_followup", ".modal"),
        {
            content: "Write the summary",
            trigger: ".modal .o_field_widget[name=summary] textarea",
            run: "edit Arne har det bra; Mahmoud kommer hver uke.",
        },
        {
            content: "Open the outcome choices",
            trigger: ".modal .o_field_widget[name=outcome] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "Continue as agreed (the first outcome)",
            trigger: ".o_select_menu_menu .o_select_menu_item:eq(0)",
            run: "click",
        },
        {
            content: "Mark it as held",
            trigger: ".modal button[name=action_hold]",
            run: "click",
        },
        // Held: the dialog closes, and the next one is planned (the button still reads "next").
        norwegianScreen(
            `body:not(:has(.modal)) ${form} .o_form_statusbar button[name=action_plan_followup]`,
            "followup_held",
            SHEET
        ),
        // --- pause (the date asked for) and resume ----------------------------------------------
        ...wizard("Sett på pause", {
            field: "reason",
            text: "Arne er på sykehus en periode.",
            button: "action_pause",
            screen: "pause_wizard",
        }),
        norwegianScreen(`${form} .o_form_statusbar button[name=action_resume]`, "paused", SHEET),
        formFits(`${form} .o_form_statusbar button[name=action_resume]`, "paused"),
        {
            content: "Resume the case",
            trigger: `${form} .o_form_statusbar button[name=action_resume]`,
            run: "click",
        },
        {
            content: "Active again: the follow-up button is back",
            trigger: `${form} .o_form_statusbar:not(:has(button[name=action_resume])) button[name=action_plan_followup]`,
        },
        // --- close: the reason asked for -------------------------------------------------------
        ...wizard("Avslutt saken", {
            field: "close_reason",
            text: "Arne har flyttet til Venneslaheimen.",
            button: "action_close",
            screen: "close_wizard",
        }),
        norwegianScreen(`${form} .o_form_statusbar button[name=action_reopen]`, "closed", SHEET),
        formFits(`${form} .o_form_statusbar button[name=action_reopen]`, "closed"),
    ],
});
