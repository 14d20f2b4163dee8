/**
 * The volunteer centre and the municipality talk through the inbox (models/
 * aktive_municipal_message.py): the coordinator Bjørg takes a reported case and reports a need
 * to the municipality; the municipal contact Hilde handles an item of her inbox with a note.
 * Steps find things by selector and by data (names, texts typed here), never by translated
 * labels; each screen is checked for English and error dialogs.
 */
import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

const SHEET = ".o_form_view .o_form_sheet_bg";

registry.category("web_tour.tours").add("aktive_take_case_tour", {
    steps: () => [
        {
            ...norwegianScreen(".o_form_view .o_form_statusbar button[name=action_take_case]", "reported_case", SHEET),
            timeout: 60000,
        },
        {
            content: "Step 1 with its municipal contact person: nothing missing on the checklist",
            trigger: ".o_form_view .o_form_sheet:not(:has(.o_aktive_checklist)) .o_field_widget[name=municipal_contact_id] input:value(Hilde Berntsen)",
        },
        {
            content: "Take the case",
            trigger: ".o_form_view .o_form_statusbar button[name=action_take_case]",
            run: "click",
        },
        {
            content: "Bjørg is the case's coordinator, the button is gone",
            trigger: ".o_form_view:not(:has(button[name=action_take_case])) .o_field_widget[name=coordinator_id] input:value(Bjørg Haugland)",
        },
        {
            content: "Open the consent and form page",
            trigger: ".o_form_view .o_notebook .nav-link[name=person]",
            run: "click",
        },
        {
            content: "Report to the municipality",
            trigger: ".o_form_view button[name=action_open_municipal_report]",
            run: "click",
        },
        norwegianScreen(".modal .o_field_widget[name=text] textarea", "report_dialog", ".modal"),
        {
            content: "The dialog says where it goes: Hilde",
            trigger: ".modal .o_field_widget[name=recipient_id]:contains('Hilde')",
        },
        {
            content: "What the municipality should follow up",
            trigger: ".modal .o_field_widget[name=text] textarea",
            run: "edit Trenger vurdering av trygghetsalarm",
        },
        {
            content: "Send",
            trigger: ".modal button[name=action_send]",
            run: "click",
        },
        {
            content: "Sent: the dialog closed, the item is on the case, unhandled",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=municipal_message_ids] .o_data_row:contains('trygghetsalarm')",
        },
        norwegianScreen(
            ".o_field_widget[name=municipal_message_ids] .o_data_row:contains('trygghetsalarm')",
            "reported",
            SHEET
        ),
    ],
});

registry.category("web_tour.tours").add("aktive_inbox_tour", {
    steps: () => [
        {
            ...norwegianScreen(".o_list_view .o_data_row:contains('Ringer ikke tilbake')", "inbox", ".o_action_manager"),
            timeout: 60000,
        },
        {
            content: "The worry from a volunteer is there too",
            trigger: ".o_list_view .o_data_row:contains('Har falt i trappa')",
        },
        {
            content: "Handled: the coordinator's message",
            trigger: ".o_list_view .o_data_row:contains('Ringer ikke tilbake') button[name=action_open_handle_wizard]",
            run: "click",
        },
        norwegianScreen(".modal .o_field_widget[name=note] textarea", "handle_dialog", ".modal"),
        {
            content: "What was done",
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: "edit Hjemmetjenesten har vært der, alt i orden",
        },
        {
            content: "Mark as handled",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Handled: it leaves the list of unhandled ones, the worry stays",
            trigger: "body:not(:has(.modal)) .o_list_view:not(:has(.o_data_row:contains('Ringer ikke tilbake'))) .o_data_row:contains('Har falt i trappa')",
        },
        {
            content: "Show the handled ones too",
            trigger: ".o_searchview .o_facet_remove",
            run: "click",
        },
        norwegianScreen(
            ".o_list_view .o_data_row:contains('Ringer ikke tilbake'):contains('Hjemmetjenesten har vært der')",
            "handled",
            ".o_action_manager"
        ),
    ],
});
