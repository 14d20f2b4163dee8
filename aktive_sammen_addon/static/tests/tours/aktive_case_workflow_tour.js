import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// The coordinator's case workflows (issue 16), one tour each, as the demo coordinator Bjørg
// in bokmål at 1440x900 (tests/test_case_workflow_tour.py): register a need, the
// conversation, a wish, print and send the contact form. Every screen is checked for an
// error dialog or an English word (norwegianScreen) and photographed. Steps find things by
// selector - buttons and tabs by their name=, so the case form's layout may change - and by
// data (people's names, texts typed here), never by translated labels.
const board = "/odoo/action-aktive_sammen_addon.aktive_participant_action";
// The board's columns are the method steps in order: eq(0) is step 1 ... eq(4) is step 5.
const step = (n) => `.o_kanban_renderer .o_kanban_group:eq(${n - 1})`;
const form = ".o_form_view";
const tab = (name) => ({
    content: `Open the ${name} tab`,
    trigger: `${form} .o_notebook .nav-link[name=${name}]`,
    run: "click",
});
const button = (name) => ({
    content: `Click the ${name} button`,
    trigger: `${form} .o_form_statusbar button[name=${name}]`,
    run: "click",
});
const pick = (field, typed, name, root = form) => [
    {
        content: `Look for ${typed} in ${field}`,
        trigger: `${root} .o_field_widget[name=${field}] input`,
        run: `edit ${typed}`,
    },
    {
        content: `Choose ${name}`,
        trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('${name}')`,
        run: "click",
    },
    {
        content: `${name} is chosen`,
        trigger: `${root} .o_field_widget[name=${field}] input:value(${name})`,
    },
];
const save = [
    {
        content: "Save the case",
        trigger: `${form} .o_form_button_save`,
        run: "click",
    },
    {
        content: "The case is saved",
        trigger: `${form} .o_form_saved`,
    },
];
// The current step: its button in the status bar, or the status bar's menu when the steps
// do not fit inline.
const inStep = (n) =>
    `${form} .o_statusbar_status button[aria-checked=true]:contains('${n}.'):visible, ` +
    `${form} .o_statusbar_status .dropdown-toggle:not(.o_arrow_button):contains('${n}.'):visible`;
// The first screen of a tour waits for the web client to load (slow on a shared machine).
const first = (stepDef) => ({ ...stepDef, timeout: 30000 });
const cog = {
    content: "Open the form's action menu",
    trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
    run: "click",
};
const noError = {
    content: "No error dialog came up",
    trigger: "body:not(:has(.o_error_dialog))",
};

registry.category("web_tour.tours").add("aktive_case_register_need_tour", {
    url: board,
    steps: () => [
        first(norwegianScreen(`${step(1)} .o_kanban_record`, "board")),
        {
            content: "A new participant from the board's New button",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "The person's name",
            trigger: `${form} .o_field_widget[name=name] input`,
            run: "edit Kari Tourtest",
        },
        norwegianScreen(`${form} .o_field_widget[name=name] input:value(Kari Tourtest)`, "new_case"),
        // The form asks for the person's contact card (required): made from the name here.
        {
            content: "The contact card: a new one, from the name",
            trigger: `${form} .o_field_widget[name=partner_id] input`,
            run: "edit Kari Tourtest",
        },
        {
            content: "Create the contact card",
            trigger: ".o-autocomplete--dropdown-menu .o_m2o_dropdown_option_create a",
            run: "click",
        },
        {
            content: "The card is chosen",
            trigger: `${form} .o_field_widget[name=partner_id] input:value(Kari Tourtest)`,
        },
        tab("person"),
        {
            content: "Who reported the need",
            trigger: `${form} .o_field_widget[name=referral_source] .o_select_menu_toggler`,
            run: "click",
        },
        {
            content: "Home care reported it (the fourth source)",
            trigger: ".o_select_menu_menu .o_select_menu_item:eq(3)",
            run: "click",
        },
        ...pick("referrer_id", "Hilde", "Hilde Berntsen"),
        {
            content: "What the need is, in the reporter's words",
            trigger: `${form} .o_field_widget[name=need_description] textarea`,
            run: "edit Sitter mye alene etter at mannen døde",
        },
        norwegianScreen(`${form} .o_field_widget[name=referrer_id] input:value(Hilde Berntsen)`, "need"),
        ...pick("municipal_unit_id", "Hjemme", "Hjemmetjenesten"),
        ...pick("municipal_contact_id", "Hilde", "Hilde Berntsen"),
        norwegianScreen(`${form} .o_field_widget[name=municipal_contact_id] input:value(Hilde Berntsen)`, "municipality"),
        ...save,
        { content: "In step 1", trigger: inStep(1) },
        norwegianScreen(`${form} .o_form_saved`, "saved_in_step_1"),
        noError,
    ],
});

registry.category("web_tour.tours").add("aktive_case_conversation_tour", {
    url: board,
    steps: () => [
        first(norwegianScreen(`${step(2)} .o_kanban_record:contains('Gerd Tourtest')`, "board")),
        {
            content: "Open Gerd's case (step 2)",
            trigger: `${step(2)} .o_kanban_record:contains('Gerd Tourtest')`,
            run: "click",
        },
        { content: "In step 2", trigger: inStep(2) },
        norwegianScreen(`${form} .o_form_saved`, "case"),
        tab("conversation"),
        {
            content: "Her life story",
            trigger: `${form} .o_field_widget[name=life_story] .odoo-editor-editable`,
            run: "editor Vokste opp på Moseid og var lærer i førti år.",
        },
        {
            content: "Her interests, in her own words",
            trigger: `${form} .o_field_widget[name=interests] textarea`,
            run: "edit Salmesang, strikking og turer langs Otra",
        },
        norwegianScreen(`${form} .o_field_widget[name=interests] textarea:value(Salmesang, strikking og turer langs Otra)`, "conversation"),
        tab("person"),
        {
            content: "What she misses",
            trigger: `${form} .o_field_widget[name=need_description] textarea`,
            run: "edit Savner koret hun sang i",
        },
        ...save,
        {
            content: "Record consent (the button beside the consent fields)",
            trigger: `${form} .o_notebook button[name=action_give_consent]`,
            run: "click",
        },
        {
            content: "Consent is recorded",
            trigger: `${form} .o_notebook button[name=action_withdraw_consent]`,
        },
        norwegianScreen(`${form} .o_notebook button[name=action_withdraw_consent]`, "consent"),
        button("action_next_step"),
        { content: "In step 3", trigger: inStep(3) },
        norwegianScreen(`${form} .o_form_saved`, "step_3"),
        noError,
    ],
});

registry.category("web_tour.tours").add("aktive_case_wish_tour", {
    url: board,
    steps: () => [
        first({
            content: "Open Olav's case (step 2)",
            trigger: `${step(2)} .o_kanban_record:contains('Olav Tourtest')`,
            run: "click",
        }),
        tab("wishes"),
        norwegianScreen(`${form} .o_field_widget[name=wish_ids] .o_field_x2many_list_row_add a`, "wishes"),
        {
            content: "Add a wish",
            trigger: `${form} .o_field_widget[name=wish_ids] .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "The wish, in his own words",
            trigger: `${form} .o_field_widget[name=wish_ids] .o_selected_row .o_field_widget[name=name] input, ${form} .o_field_widget[name=wish_ids] .o_selected_row .o_field_widget[name=name] textarea`,
            run: "edit Gå tur langs Otra med noen",
        },
        ...pick("category_id", "Tur", "Tur og friluftsliv", `${form} .o_field_widget[name=wish_ids] .o_selected_row`),
        norwegianScreen(`${form} .o_field_widget[name=wish_ids] .o_selected_row`, "wish_line"),
        ...save,
        {
            content: "The wish is in the case, with its category",
            trigger: `${form} .o_field_widget[name=wish_ids] .o_data_row:contains('Gå tur langs Otra med noen'):contains('Tur og friluftsliv')`,
        },
        norwegianScreen(`${form} .o_form_saved`, "wish_saved"),
        button("action_next_step"),
        { content: "In step 3", trigger: inStep(3) },
        norwegianScreen(`${form} .o_form_saved`, "step_3"),
        noError,
    ],
});

registry.category("web_tour.tours").add("aktive_case_send_form_tour", {
    url: board,
    steps: () => [
        first({
            content: "Open Arne's case",
            trigger: ".o_kanban_renderer .o_kanban_record:contains('Arne Sødal')",
            run: "click",
        }),
        norwegianScreen(`${form} .o_field_widget[name=name] input:value(Arne Sødal)`, "case"),
        // The coordinator prints and sends from the form's action menu (the cog).
        cog,
        {
            content: "Print the contact form (the report in the menu)",
            trigger: ".o-dropdown--menu .o_menu_item:has(.fa-print)",
            run: "click",
        },
        {
            // The screen is blocked while the server renders the form.
            content: "The form is downloaded: the case is back on screen",
            trigger: `${form} .o_field_widget[name=name] input:value(Arne Sødal)`,
            timeout: 60000,
        },
        norwegianScreen(`${form} .o_field_widget[name=name] input:value(Arne Sødal)`, "printed"),
        cog,
        {
            content: "Send to the municipality",
            trigger: ".o-dropdown--menu .o_menu_item:contains('Send til kommunen')",
            run: "click",
        },
        {
            content: "The composer opens, to Hilde with the contact form's mail",
            trigger: ".modal .o_field_widget[name=partner_ids] .o_tag:contains('Hilde Berntsen')",
        },
        norwegianScreen(".modal .o_field_widget[name=subject] input:value(Kontaktskjema: Arne Sødal)", "composer", ".modal"),
        {
            content: "Send",
            trigger: ".modal button.o_mail_send[name=action_send_mail]:not([disabled])",
            run: "click",
        },
        {
            content: "Sent: the composer closed and the mail is in the case's chatter",
            trigger: "body:not(:has(.modal)) .o-mail-Chatter .o-mail-Message .o-mail-AttachmentCard:contains('.pdf')",
        },
        norwegianScreen(".o-mail-Chatter .o-mail-Message .o-mail-AttachmentCard:contains('.pdf')", "sent"),
        noError,
    ],
});
