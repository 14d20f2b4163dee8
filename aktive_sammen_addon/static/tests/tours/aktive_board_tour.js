import { registry } from "@web/core/registry";

// The coordinator's board, as Bjørg uses it (her interface is in Norwegian: the steps find
// things by selector and by data - names of people - never by translated labels).
// Groups are the method steps in order: eq(0) is step 1 ... eq(4) is step 5.
const step = (n) => `.o_kanban_renderer .o_kanban_group:eq(${n - 1})`;

registry.category("web_tour.tours").add("aktive_board_tour", {
    url: "/odoo/action-aktive_sammen_addon.aktive_participant_action",
    steps: () => [
        {
            content: "The board shows the five steps",
            trigger: `${step(5)} .o_kanban_record:contains('Line Hansen')`,
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
