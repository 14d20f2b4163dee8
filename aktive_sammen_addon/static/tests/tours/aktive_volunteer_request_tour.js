import { registry } from "@web/core/registry";
import { checkNorwegian } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// A volunteer opens the link of the centre's SMS on the phone, without logging in: the
// anonymised request in bokmål, and "Ja, jeg kan" in one tap.
registry.category("web_tour.tours").add("aktive_volunteer_request_tour", {
    steps: () => [
        {
            content: "The request, in bokmål, fits the phone",
            trigger: ".o_aktive_request .card-body",
            run() {
                checkNorwegian("body");
                const width = document.documentElement.scrollWidth;
                if (width > window.innerWidth) {
                    throw new Error(`The page scrolls sideways: ${width} px`);
                }
            },
        },
        {
            content: "Answer yes with one tap",
            trigger: ".o_aktive_request button.o_aktive_answer_yes",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The thanks, in bokmål",
            trigger: ".o_aktive_request .alert-success",
            run() {
                checkNorwegian("body");
            },
        },
    ],
});

// "How is it going?" from the SMS: one tap.
registry.category("web_tour.tours").add("aktive_volunteer_checkin_tour", {
    steps: () => [
        {
            content: "The question and its answers, in bokmål",
            trigger: ".o_aktive_checkin button.o_aktive_checkin_fine",
            run() {
                checkNorwegian("body");
            },
        },
        {
            content: "It is going well",
            trigger: ".o_aktive_checkin button.o_aktive_checkin_fine",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanks",
            trigger: ".o_aktive_checkin .alert-success",
        },
    ],
});
