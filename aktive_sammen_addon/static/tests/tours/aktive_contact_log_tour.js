import { registry } from "@web/core/registry";

// A new line in the contact log, from the back office (issue 13: the participant picker of a
// new entry once offered no record). Run as the coordinator Bjørg and as a staff member who
// volunteers; the interface may be in Norwegian, so steps find things by selector and by data
// (a person's name), never by translated labels.
const row = ".o_list_renderer .o_data_row.o_selected_row";

registry.category("web_tour.tours").add("aktive_contact_log_tour", {
    url: "/odoo/action-aktive_sammen_addon.aktive_contact_log_action",
    steps: () => [
        {
            content: "The contact log is an editable list",
            trigger: ".o_list_view .o_list_renderer",
        },
        {
            content: "Add a line",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Look for Arne in the participant picker",
            trigger: `${row} .o_field_widget[name=participant_id] input`,
            run: "edit Arne",
        },
        {
            content: "The picker offers Arne Sødal",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('Arne Sødal')",
            run: "click",
        },
        {
            content: "Arne is chosen",
            trigger: `${row} .o_field_widget[name=participant_id] input:value(Arne Sødal)`,
        },
        {
            content: "Open the kind choices",
            trigger: `${row} .o_field_widget[name=kind] .o_select_menu_toggler`,
            run: "click",
        },
        {
            content: "A phone call (the second kind: visit, phone call, activity together)",
            trigger: ".o_select_menu_menu .o_select_menu_item:eq(1)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_control_panel .o_list_button_save",
            run: "click",
        },
        {
            content: "The line is saved",
            trigger: ".o_list_renderer:not(:has(.o_selected_row)) .o_data_row:contains('Arne Sødal')",
        },
        {
            content: "No error dialog came up",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});
