import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// The coordinator Bjørg opens the annual report from the menu, chooses last year and prints
// the PDF (issue 17). Steps find things by selector and data, never by translated labels.
const dialog = ".modal .o_form_view";

registry.category("web_tour.tours").add("aktive_annual_report_tour", {
    steps: () => [
        norwegianScreen(`${dialog} .o_field_widget[name=year] input`, "wizard"),
        {
            content: "Choose the year 2025",
            trigger: `${dialog} .o_field_widget[name=year] input`,
            run: "edit 2025",
        },
        {
            content: "Print the PDF",
            trigger: ".modal .o_aktive_annual_pdf",
            run: "click",
        },
        norwegianScreen("body:not(:has(.modal .o_aktive_annual_pdf)):not(:has(.o_error_dialog))", "printed"),
    ],
});
