import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// The coordinator's desk as Bjørg uses it (issue 16, items 5, 6 and 9): suggest volunteers
// for a wish and add one to the network, the dashboard and its figures, the volunteers.
// Steps find things by selector and by data (names of people), never by translated labels.

const wizard = ".modal .o_form_view";

registry.category("web_tour.tours").add("aktive_desk_suggestion_tour", {
    steps: () => [
        norwegianScreen(".o_breadcrumb:contains('Vera Knutsen')", "case"),
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
        norwegianScreen(
            `${wizard} .o_field_widget[name=line_ids] .o_data_row:contains('Sigrid Homme')`,
            "suggestions"
        ),
        {
            content: "No volunteer with a negative score is suggested",
            trigger: `${wizard} .o_field_widget[name=line_ids] .o_data_row`,
            run() {
                const scores = [
                    ...document.querySelectorAll(`${wizard} td[name=score]`),
                ].map((cell) => parseInt(cell.innerText, 10));
                if (!scores.length || scores.some((score) => !(score >= 0))) {
                    throw new Error(`Scores on screen: ${scores.join(", ")}`);
                }
            },
        },
        {
            content: "Look at the activities",
            trigger: `${wizard} .o_notebook a[name=activities]`,
            run: "click",
        },
        norwegianScreen(
            `${wizard} .o_field_widget[name=activity_line_ids] .o_data_row`,
            "activities"
        ),
        {
            content: "Back to the volunteers",
            trigger: `${wizard} .o_notebook a[name=volunteers]`,
            run: "click",
        },
        {
            content: "Add Sigrid Homme to Vera's network",
            trigger: `${wizard} .o_data_row:contains('Sigrid Homme') button[name=action_add_to_network]`,
            run: "click",
        },
        {
            content: "The suggestions closed, and say who was added",
            trigger: "body:not(:has(.modal)) .o_notification:contains('Sigrid Homme')",
        },
        {
            content: "Still on Vera's case, not a second copy of it",
            trigger: ".o_breadcrumb:contains('Vera Knutsen')",
            run() {
                const crumbs = document.querySelector(".o_breadcrumb").innerText;
                if (crumbs.split("Vera Knutsen").length !== 2) {
                    throw new Error(`Breadcrumb: ${crumbs}`);
                }
            },
        },
        {
            content: "Open the network",
            trigger: ".o_form_view .o_notebook a[name=network]",
            run: "click",
        },
        norwegianScreen(
            ".o_field_widget[name=network_member_ids] .o_data_row:contains('Sigrid Homme')",
            "network"
        ),
    ],
});

registry.category("web_tour.tours").add("aktive_desk_dashboard_tour", {
    steps: () => [
        norwegianScreen(".o_kanban_view .o_kanban_record:eq(9)", "dashboard"),
        {
            content: "A dashboard, not a record: nothing to save, no record name",
            trigger: ".o_kanban_view",
            run() {
                const crumbs = document.querySelector(".o_breadcrumb").innerText;
                if (/NewId|aktive\.dashboard/.test(crumbs)) {
                    throw new Error(`A record in the breadcrumb: ${crumbs}`);
                }
                if (document.querySelector(".o_form_button_save, .o_form_view")) {
                    throw new Error("A form with a save button on the dashboard");
                }
            },
        },
        {
            content: "Open the overdue follow-ups (the third figure)",
            trigger: ".o_kanban_view .o_kanban_record:eq(2)",
            run: "click",
        },
        norwegianScreen(".o_list_view .o_data_row.text-danger", "overdue"),
        {
            content: "The Follow-ups menu: my planned ones",
            trigger: ".o_main_navbar [data-menu-xmlid='aktive_sammen_addon.aktive_followup_menu']",
            run: "click",
        },
        norwegianScreen(".o_list_view .o_data_row:eq(1)", "followups"),
        {
            content: "The overdue follow-up comes first, before the planned ones",
            trigger: ".o_list_view .o_data_row:first.text-danger",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_main_navbar [data-menu-xmlid='aktive_sammen_addon.aktive_reporting_menu']",
            run: "click",
        },
        {
            content: "The dashboard in the reporting menu",
            trigger: ".dropdown-menu [data-menu-xmlid='aktive_sammen_addon.aktive_dashboard_menu']",
            run: "click",
        },
        {
            content: "Open the progress over time from the dashboard",
            trigger: ".o_control_panel button[name]:has(.fa-bar-chart)",
            run: "click",
        },
        norwegianScreen(".o_graph_view .o_graph_canvas_container canvas", "progress_graph"),
        {
            content: "The period is a search filter",
            trigger: ".o_searchview .o_searchview_facet",
        },
        {
            content: "See the same as a table",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        norwegianScreen(".o_pivot_view .o_pivot table", "progress_pivot"),
    ],
});

registry.category("web_tour.tours").add("aktive_desk_volunteers_tour", {
    steps: () => [
        norwegianScreen(".o_list_view .o_data_row:contains('Mahmoud Haddad')", "volunteers"),
        {
            content: "The coordinator's columns: area, languages, declaration",
            trigger: ".o_list_view th[data-name=aktive_area], .o_list_view th[data-name=aktive_confidentiality_date]",
        },
        {
            content: "Open the volunteer menu",
            trigger: ".o_main_navbar [data-menu-xmlid='aktive_sammen_addon.aktive_volunteer_menu']",
            run: "click",
        },
        {
            content: "The contacts with volunteers",
            trigger: ".dropdown-menu [data-menu-xmlid='aktive_sammen_addon.aktive_volunteer_contact_menu']",
            run: "click",
        },
        norwegianScreen(".o_list_view .o_data_row:contains('Mahmoud Haddad')", "volunteer_contacts"),
    ],
});
