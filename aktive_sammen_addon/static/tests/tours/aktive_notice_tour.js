import { registry } from "@web/core/registry";
import { checkNorwegian } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// The parties inform each other, on the volunteer's phone (Mahmoud, bokmål): the coordinator
// has paused Arne; the notice is on /my, one tap says it is seen, and Arne's tile and page
// say until when. Steps find things by selector and by data (names), never by labels.

function checkFitsThePhone() {
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth) {
        throw new Error(`The page scrolls sideways: ${width} px wide on ${window.innerWidth}`);
    }
    for (const button of document.querySelectorAll(".o_aktive_notice_seen")) {
        const height = button.getBoundingClientRect().height;
        if (height < 44) {
            throw new Error(`The Seen button is too small to tap (${height} px)`);
        }
    }
}

registry.category("web_tour.tours").add("aktive_portal_notice_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The notice about Arne is on /my, in bokmål, and fits the phone",
            trigger: ".o_aktive_notices .o_aktive_notice:contains('Arne Sødal'):contains('Pause')",
            run() {
                checkNorwegian("body");
                checkFitsThePhone();
            },
        },
        {
            content: "One tap: seen",
            trigger: ".o_aktive_notice:contains('Arne Sødal') .o_aktive_notice_seen",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The notice is gone; Arne's tile says the pause",
            trigger: ".o_aktive_portal_home:not(:has(.o_aktive_notice)) a.o_aktive_person_link:contains('Arne Sødal') .o_aktive_paused",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Arne's page says until when, in bokmål",
            trigger: ".o_aktive_person .o_aktive_paused:contains('Pause til')",
            run() {
                checkNorwegian("body");
                checkFitsThePhone();
            },
        },
    ],
});
