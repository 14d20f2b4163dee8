import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// The coordinator's board, as Bjørg uses it (her interface is in Norwegian: the steps find
// things by selector and by data - names of people - never by translated labels).
// Groups are the method steps in order: eq(0) is step 1 ... eq(4) is step 5.
const step = (n) => `.o_kanban_renderer .o_kanban_group:eq(${n - 1})`;
const card = (n, name) => `${step(n)} .o_kanban_record:contains('${name}')`;

/** The board at the test's 1440 x 900: the five steps side by side, none cut off. */
function fiveStepsOnScreen() {
    const width = window.innerWidth;
    if (width !== 1440) {
        throw new Error(`The test expects a 1440 px wide window, not ${width} px`);
    }
    const groups = [...document.querySelectorAll(".o_kanban_renderer .o_kanban_group")];
    if (groups.length !== 5) {
        throw new Error(`Five steps expected, ${groups.length} on the board`);
    }
    for (const [index, group] of groups.entries()) {
        const { left, right } = group.getBoundingClientRect();
        if (left < 0 || right > width) {
            throw new Error(`Step ${index + 1} is off the screen: ${left}-${right} of ${width} px`);
        }
    }
    const renderer = document.querySelector(".o_kanban_renderer");
    if (renderer.scrollWidth > renderer.clientWidth) {
        throw new Error(`The board scrolls sideways: ${renderer.scrollWidth} px in ${renderer.clientWidth}`);
    }
}

/** The colours of a step's progress bar (bg-danger, bg-success...). */
function barColours(n) {
    const group = document.querySelectorAll(".o_kanban_renderer .o_kanban_group")[n - 1];
    const bars = group.querySelectorAll(".o_column_progress .progress-bar");
    return new Set([...bars].map((bar) => [...bar.classList].find((c) => c.startsWith("bg-"))));
}

registry.category("web_tour.tours").add("aktive_board_tour", {
    url: "/odoo/action-aktive_sammen_addon.aktive_participant_action",
    steps: () => [
        {
            content: "The board shows the five steps",
            trigger: `${step(5)} .o_kanban_record:contains('Line Hansen')`,
        },
        {
            content: "All five steps fit the screen, step 5 (the only overdue person) too",
            trigger: `${step(5)} .o_column_progress .progress-bar`,
            run: fiveStepsOnScreen,
        },
        {
            content: "Astrid's overdue follow-up is red, with a badge",
            trigger: `${card(5, "Astrid Nilsen")} .o_aktive_next_followup.text-danger .badge.text-bg-danger`,
        },
        {
            content: "Line's follow-up in a month is not",
            trigger: `${card(5, "Line Hansen")} .o_aktive_next_followup:not(.text-danger):not(:has(.badge))`,
        },
        {
            content: "The progress bars tell the follow-ups apart: step 5 is overdue and on time",
            trigger: `${step(5)} .o_column_progress .progress-bar.bg-danger`,
            run() {
                const colours = barColours(5);
                if (!colours.has("bg-danger") || !colours.has("bg-success")) {
                    throw new Error(`Step 5's bar: ${[...colours].join(", ")}`);
                }
                const all = new Set([1, 2, 3, 4, 5].flatMap((n) => [...barColours(n)]));
                if (all.size < 3) {
                    throw new Error(`The board's bars have ${all.size} colour(s): ${[...all]}`);
                }
            },
        },
        norwegianScreen(`${card(5, "Astrid Nilsen")} .o_aktive_next_followup.text-danger`, "board"),
        {
            content: "Point at step 1's title: what the step means",
            trigger: `${step(1)} .o_column_title`,
            run: "hover",
        },
        {
            content: "The tooltip: the step's name and meaning in bokmål, under no English heading",
            trigger: ".o_popover .o-tooltip:contains('1. Behovet meldes'):contains('Personen selv')",
            run() {
                const text = document.querySelector(".o_popover .o-tooltip").innerText;
                if (/description/i.test(text)) {
                    throw new Error(`English in the tooltip: ${text}`);
                }
            },
        },
        norwegianScreen(".o_popover .o-tooltip", "board_tooltip"),
        {
            content: "Leave the title",
            trigger: `${step(3)} .o_kanban_record`,
            run: "hover",
        },
        {
            content: "Click step 5's red bar: only the overdue",
            trigger: `${step(5)} .o_column_progress .progress-bar.bg-danger`,
            run: "click",
        },
        {
            content: "Step 5 shows Astrid alone",
            trigger: `${step(5)}:not(:has(.o_kanban_record:contains('Line Hansen'))) .o_kanban_record:contains('Astrid Nilsen')`,
        },
        norwegianScreen(`${step(5)} .progress-bar-animated.bg-danger`, "board_overdue_only"),
        {
            content: "Click it again: everyone again",
            trigger: `${step(5)} .o_column_progress .progress-bar.bg-danger`,
            run: "click",
        },
        {
            content: "Line is back in step 5",
            trigger: `${step(5)}:not(:has(.progress-bar-animated)) .o_kanban_record:contains('Line Hansen')`,
        },
        {
            content: "Create a participant in step 1 (quick create)",
            trigger: `${step(1)} .o_kanban_quick_add`,
            run: "click",
        },
        {
            content: "Quick create asks for the name",
            trigger: ".o_kanban_quick_create .o_field_widget[name=name] input",
            run: "edit Tove Tourtest",
        },
        {
            content: "... and who reported the need",
            trigger: ".o_kanban_quick_create .o_field_widget[name=referral_source] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "The GP reported it",
            trigger: ".o_select_menu_menu .o_select_menu_item:contains('Fastlege')",
            run: "click",
        },
        {
            content: "Add the card",
            trigger: ".o_kanban_quick_create .o_kanban_add",
            run: "click",
        },
        {
            content: "The new card is in step 1",
            trigger: `${step(1)} .o_kanban_record:contains('Tove Tourtest')`,
        },
        {
            content: "Close the quick create",
            trigger: ".o_kanban_renderer",
            run: "click",
        },
        {
            content: "The coordinator's cards can be dragged",
            trigger: `${card(4, "Arne Sødal")}.o_draggable`,
        },
        {
            content: "Move Arne from step 4 to step 5",
            trigger: `${step(4)} .o_kanban_record:contains('Arne Sødal')`,
            run: `drag_and_drop(${step(5)})`,
        },
        {
            content: "Arne is in step 5",
            trigger: `${step(5)} .o_kanban_record:contains('Arne Sødal')`,
        },
        {
            content: "Try to move Solveig to step 3 without a wish",
            trigger: `${step(2)} .o_kanban_record:contains('Solveig Berg')`,
            run: `drag_and_drop(${step(3)})`,
        },
        {
            content: "The move is refused with the reason",
            trigger: ".o_error_dialog:contains('Solveig Berg'), .o_notification:contains('Solveig Berg')",
        },
        {
            content: "Close the message",
            trigger: ".o_error_dialog .modal-footer .btn-primary, .o_notification .o_notification_close",
            run: "click",
        },
        {
            content: "Solveig's card went back to step 2",
            trigger: `${step(2)} .o_kanban_record:contains('Solveig Berg'):not(:has(.o_dragged))`,
        },
        {
            content: "Open Arne's case",
            trigger: `${step(5)} .o_kanban_record:contains('Arne Sødal')`,
            run: "click",
        },
        {
            content: "Open the follow-ups page",
            trigger: ".o_form_view .o_notebook a[name=followups]",
            run: "click",
        },
        {
            content: "Open the planned follow-up (the latest date comes first)",
            trigger: ".o_field_widget[name=followup_ids] .o_data_row:first td[name=date_planned]",
            run: "click",
        },
        {
            content: "Write the summary",
            trigger: ".modal .o_field_widget[name=summary] textarea",
            run: "edit Arne is well; Mahmoud visits every week.",
        },
        {
            content: "Open the outcome choices",
            trigger: ".modal .o_field_widget[name=outcome] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "Choose the first outcome: continue as agreed",
            trigger: ".o_select_menu_menu .o_select_menu_item:eq(0)",
            run: "click",
        },
        {
            content: "Mark it as held",
            trigger: ".modal button[name=action_hold]",
            run: "click",
        },
        {
            content: "It is held, and the next one is planned",
            trigger: ".modal .o_field_widget[name=next_followup_id] a",
        },
        {
            content: "Close the follow-up",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "Back on the case",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name=followup_ids]",
        },
    ],
});

// Hilde, municipal contact person: she sees the board of her units' cases, without dragging.
registry.category("web_tour.tours").add("aktive_board_municipal_tour", {
    url: "/odoo/action-aktive_sammen_addon.aktive_participant_action",
    steps: () => [
        {
            content: "Hilde's board shows Arne, whose contact person she is",
            trigger: ".o_kanban_renderer .o_kanban_record:contains('Arne Sødal')",
        },
        {
            content: "No card can be dragged: moving a case is the coordinator's",
            trigger: ".o_kanban_renderer .o_kanban_record:contains('Arne Sødal'):not(.o_draggable)",
            run() {
                const draggable = document.querySelectorAll(".o_kanban_renderer .o_draggable");
                if (draggable.length) {
                    throw new Error(`${draggable.length} card(s) can be dragged`);
                }
            },
        },
        norwegianScreen(".o_kanban_renderer .o_kanban_record:contains('Arne Sødal')", "board_municipal"),
    ],
});
