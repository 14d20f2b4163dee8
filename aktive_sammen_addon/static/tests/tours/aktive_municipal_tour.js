import { registry } from "@web/core/registry";

// The municipal contact person's screens (issue 15), as the demo user Hilde in bokmål: report
// a need, write a health note on a case, read a volunteer's worry and act on it. Steps find
// things by selector and by data (names, texts typed here), never by translated labels; each
// tour ends by checking that no error dialog came up.
const noError = {
    content: "No error dialog came up",
    trigger: "body:not(:has(.o_error_dialog))",
};

registry.category("web_tour.tours").add("aktive_municipal_report_need_tour", {
    steps: () => [
        {
            content: "The short form to report a need",
            trigger: ".o_form_view .o_field_widget[name=need_description]",
        },
        {
            content: "The person's name",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Gunnar Turtest",
        },
        {
            content: "The person's phone",
            trigger: ".o_field_widget[name=phone] input",
            run: "edit 900 55 123",
        },
        {
            content: "The person's street",
            trigger: ".o_field_widget[name=street] input",
            run: "edit Moseidveien 9",
        },
        {
            content: "What the need is",
            trigger: ".o_field_widget[name=need_description] textarea",
            run: "edit Sitter mye alene etter flyttingen",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the case shows its step",
            trigger: ".o_form_view .o_form_saved .o_field_widget[name=stage_id] .o_arrow_button_current",
        },
        noError,
    ],
});

registry.category("web_tour.tours").add("aktive_municipal_note_tour", {
    steps: () => [
        {
            content: "The case opens, without the coordinator's buttons",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name=action_plan_followup])):not(:has(button[name=action_next_step]))",
        },
        {
            content: "Open the health and personal notes",
            trigger: ".o_notebook .nav-link[name=sensitive]",
            run: "click",
        },
        {
            content: "Add a note",
            trigger: ".o_field_widget[name=sensitive_note_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Write the note",
            trigger: ".o_field_widget[name=sensitive_note_ids] .o_selected_row .o_field_widget[name=note] textarea",
            run: "edit Blodtrykket er stabilt, turer anbefales",
        },
        {
            content: "Save the case",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The note is saved, signed by Hilde",
            trigger: ".o_form_saved",
        },
        {
            content: "The note is in the list",
            trigger: ".o_field_widget[name=sensitive_note_ids] .o_data_row:contains('Blodtrykket er stabilt') .o_field_widget[name=author_id]",
            run() {
                // "Written by" is not clipped under the row's trash icon.
                const cell = this.anchor.closest("td");
                const author = this.anchor.querySelector(".o_m2o_avatar, span");
                if (!author || author.getBoundingClientRect().right > cell.getBoundingClientRect().right + 1) {
                    throw new Error("The author's name runs out of its column");
                }
                if (cell.getBoundingClientRect().width < 120) {
                    throw new Error("The author's column is too narrow to read");
                }
            },
        },
        noError,
    ],
});

registry.category("web_tour.tours").add("aktive_municipal_worry_tour", {
    steps: () => [
        {
            content: "The reports from volunteers: open the worry about Arne",
            trigger: ".o_list_view .o_data_row:contains('Har falt i trappa'):contains('Arne') td[name=date]",
            run: "click",
        },
        {
            content: "The worry is there, with its activity",
            trigger: ".o_form_view .o_field_widget[name=note] textarea:value(Har falt i trappa og virker forvirret)",
        },
        {
            content: "Mark the activity done",
            trigger: ".o-mail-Activity .o-mail-Activity-markDone",
            run: "click",
        },
        {
            content: "Write what was done",
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            run: "edit Ringte datteren, legen er varslet",
        },
        {
            content: "Done",
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary.mx-2",
            run: "click",
        },
        {
            content: "The activity is done: it is in the log",
            trigger: ".o-mail-Chatter:not(:has(.o-mail-Activity)) .o-mail-Message:contains('Ringte datteren')",
        },
        noError,
    ],
});

// A need reported by name alone on the board: the card lands in step 1.
const column = (n) => `.o_kanban_renderer .o_kanban_group:eq(${n - 1})`;

registry.category("web_tour.tours").add("aktive_municipal_board_tour", {
    steps: () => [
        {
            content: "The board, with Arne of Hilde's unit",
            trigger: ".o_kanban_renderer .o_kanban_record:contains('Arne Sødal')",
        },
        {
            content: "Report a need in step 1 (quick create)",
            trigger: `${column(1)} .o_kanban_quick_add`,
            run: "click",
        },
        {
            content: "The name alone",
            trigger: ".o_kanban_quick_create .o_field_widget[name=name] input",
            run: "edit Kari Brettest",
        },
        {
            content: "Add the card",
            trigger: ".o_kanban_quick_create .o_kanban_add",
            run: "click",
        },
        {
            content: "The new card is in step 1",
            trigger: `${column(1)} .o_kanban_record:contains('Kari Brettest')`,
        },
        noError,
    ],
});
