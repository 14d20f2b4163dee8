import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// Bjørg records the loneliness measure of Arne's next follow-up conversation (issue 17): the
// four questions in a dialog, one click per answer; then, on Arne's case, the change since
// the first conversation. Steps find things by selector and data, never by labels.
const dialog = ".modal .o_form_view";
const measures = ".o_field_widget[name=loneliness_measure_ids]";

function answer(field, value) {
    return {
        content: `Answer ${field}: ${value}`,
        trigger: `${dialog} .o_field_widget[name=${field}] input[data-value='${value}']`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("aktive_loneliness_tour", {
    steps: () => [
        {
            content: "Arne's follow-up conversation is open",
            trigger: ".o_form_view .o_field_widget[name=participant_id] input:value(Arne Sødal)",
        },
        {
            content: "Add the measure of this conversation",
            trigger: `.o_form_view ${measures} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        // The dialog, the form's sheet and the graph: the chatter holds messages as they were
        // stored (the demo's creation messages), which are not this screen's strings.
        norwegianScreen(`${dialog} .o_field_widget[name=lack_companionship]`, "measure_dialog", ".modal"),
        answer("lack_companionship", "1"),
        answer("left_out", "2"),
        answer("isolated", "1"),
        answer("lonely_frequency", "occasionally"),
        {
            content: "The score is the sum of the three items",
            trigger: `${dialog} .o_field_widget[name=ucla_score]:contains('4')`,
        },
        norwegianScreen(`${dialog} .o_field_widget[name=ucla_score]:contains('4')`, "measure_answered", ".modal"),
        {
            content: "Save the measure",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The measure is a line of the follow-up",
            trigger: `body:not(:has(.modal)) ${measures} .o_data_row td[name=ucla_score]:contains('4')`,
        },
        {
            content: "Save the follow-up",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        norwegianScreen(`.o_form_view ${measures} .o_data_row`, "followup_saved", ".o_form_sheet"),
        {
            content: "Open Arne's case",
            trigger: ".o_form_view .o_field_widget[name=participant_id] .o_external_button:not(:visible)",
            run: "click",
        },
        {
            content: "Arne's case is open",
            trigger: ".o_form_view .o_field_widget[name=name]:contains(Arne Sødal), .o_form_view .o_field_widget[name=name] input:value(Arne Sødal)",
        },
        {
            content: "The conversation tab",
            trigger: ".o_notebook .nav-link[name=conversation]",
            run: "click",
        },
        {
            content: "Four points better: from 8 at the first conversation to 4 today",
            trigger: ".o_field_widget[name=loneliness_change_text]:contains('4')",
        },
        norwegianScreen(`${measures} .o_data_row`, "case_loneliness", ".o_form_sheet"),
        {
            content: "Open the graph of the measures over time (its label in bokmål)",
            trigger: "button[name=action_open_loneliness]:contains('Ensomhet over tid')",
            run: "click",
        },
        norwegianScreen(".o_graph_view .o_graph_canvas_container canvas", "case_graph", ".o_action_manager"),
    ],
});
