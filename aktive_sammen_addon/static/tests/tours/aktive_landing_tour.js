import { registry } from "@web/core/registry";
import { norwegianScreen } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// Where a case worker lands after logging in (issue 16.1): the web client opened on /odoo,
// without any action in the address, shows the participants' board of the addon's app - not
// Discuss, and no OdooBot chat window.
const BOARD = "aktive_sammen_addon.aktive_participant_action";

registry.category("web_tour.tours").add("aktive_landing_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The board of participants is the first screen",
            trigger: ".o_kanban_view .o_kanban_record:contains('Arne')",
        },
        {
            content: "It is the addon's board, in the addon's app",
            trigger: ".o_main_navbar .o_menu_brand",
            run() {
                const action = odoo.__WOWL_DEBUG__.root.env.services.action.currentController.action;
                if (action.xml_id !== BOARD) {
                    throw new Error(`Landed on ${action.xml_id || action.id}, not on ${BOARD}`);
                }
                if (!window.location.pathname.startsWith("/odoo/action-")) {
                    throw new Error(`The address is ${window.location.pathname}`);
                }
                if (document.querySelector(".o-mail-ChatWindow")) {
                    throw new Error("A chat window opened on the first screen");
                }
            },
        },
        norwegianScreen(".o_kanban_view .o_kanban_record", "board"),
    ],
});
