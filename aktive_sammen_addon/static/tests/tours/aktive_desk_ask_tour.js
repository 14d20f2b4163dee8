import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// Bjørg asks volunteers about Vera's wish by SMS: Suggest volunteers, tick two, say when,
// Ask. Then, once Sigrid has said yes, she adds her from the wish's answers.
const wizard = ".modal .o_form_view";

registry.category("web_tour.tours").add("aktive_desk_ask_tour", {
    steps: () => [
        {
            content: "Open the wishes",
            trigger: ".o_form_view .o_notebook a[name=wishes]",
            run: "click",
        },
        {
            content: "Suggest volunteers for Vera's wish",
            trigger: ".o_field_widget[name=wish_ids] .o_data_row button[name=action_suggest]",
            run: "click",
        },
        {
            content: "Tick Sigrid Homme",
            trigger: `${wizard} .o_data_row:contains('Sigrid Homme') td[name=ask] input`,
            run: "click",
        },
        {
            content: "Say when the help is wanted",
            trigger: `${wizard} .o_field_widget[name=ask_when] input`,
            run: "edit torsdager etter lunsj",
        },
        norwegianScreen(`${wizard} .o_data_row:contains('Sigrid Homme')`, "ask"),
        {
            content: "Ask the ticked volunteers",
            trigger: ".modal footer button[name=action_ask]",
            run: "click",
        },
        {
            content: "The suggestions closed, and say how many were asked",
            trigger: "body:not(:has(.modal)) .o_notification",
        },
    ],
});

registry.category("web_tour.tours").add("aktive_desk_add_from_answer_tour", {
    steps: () => [
        norwegianScreen(
            ".o_field_widget[name=request_ids] .o_data_row:contains('Sigrid Homme')",
            "answers"
        ),
        {
            content: "Add Sigrid, who said yes, to the network",
            trigger:
                ".o_field_widget[name=request_ids] .o_data_row:contains('Sigrid Homme') button[name=action_add_to_network]",
            run: "click",
        },
        {
            content: "Her answer now says she was added",
            trigger:
                ".o_field_widget[name=request_ids] .o_data_row:contains('Sigrid Homme'):not(:has(button[name=action_add_to_network]))",
        },
    ],
});
