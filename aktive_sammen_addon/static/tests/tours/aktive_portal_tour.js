import { registry } from "@web/core/registry";
import { checkNorwegian } from "@aktive_sammen_addon/../tests/tours/utils/aktive_checks";

// The volunteer's common case on the phone, as Mahmoud (bokmål interface): from /my, open
// Arne and log today's visit. Every tap is counted; the issue allows at most three.
// Steps find things by selector and by data (names), never by translated labels.
let taps = 0;
async function tap(helpers) {
    taps++;
    await helpers.click();
}

// What a phone shows must fit it: no sideways scrolling at 390 px, and every button, choice
// and checkbox label of our pages at least 44 px high (the touch target guideline).
function checkPhoneLayout(root) {
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth) {
        throw new Error(`The page scrolls sideways: ${width} px wide on ${window.innerWidth}`);
    }
    const targets = document.querySelectorAll(
        `${root} a.btn, ${root} button, ${root} label.btn, ${root} .form-check-label, ${root} summary`
    );
    for (const target of targets) {
        const height = target.getBoundingClientRect().height;
        if (height && height < 44) {
            throw new Error(`Touch target too small (${height} px): ${target.outerHTML.slice(0, 120)}`);
        }
    }
}

registry.category("web_tour.tours").add("aktive_portal_log_visit_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The home page, Odoo's own tiles and heading included, is in bokmål",
            trigger: ".o_aktive_portal_home",
            run() {
                checkNorwegian("body");
            },
        },
        {
            content: "The home page lists the people Mahmoud helps",
            trigger: ".o_aktive_portal_home a.o_aktive_person_link:contains('Arne Sødal')",
            run: tap,
            expectUnloadPage: true,
        },
        {
            content: "Arne's page: call button and the municipality's red box",
            trigger: ".o_aktive_person .o_aktive_call_municipality a[href^='tel:']",
        },
        {
            content: "Arne's page fits the phone, in bokmål",
            trigger: ".o_aktive_person",
            run() {
                checkPhoneLayout(".o_aktive_person");
                checkNorwegian("body");
                if (document.documentElement.lang !== "nb-NO") {
                    throw new Error(`The page is in ${document.documentElement.lang}, not nb-NO`);
                }
            },
        },
        {
            content: "A visit is preselected",
            trigger: ".o_aktive_log_form input[name=kind][value=visit]:checked",
        },
        {
            content: "Save the visit for today",
            trigger: ".o_aktive_log_form .o_aktive_log_save",
            run: tap,
            expectUnloadPage: true,
        },
        {
            content: "Saved, and the entry is on the list",
            trigger: ".o_aktive_person .alert-success",
            run() {
                if (taps > 3) {
                    throw new Error(`Logging a visit took ${taps} taps (at most 3)`);
                }
                document.body.dataset.aktiveTaps = String(taps);
            },
        },
    ],
});

registry.category("web_tour.tours").add("aktive_portal_report_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open Tell the coordinator",
            trigger: "a[href='/my/aktive/report']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form fits the phone",
            trigger: ".o_aktive_report_form",
            run() {
                checkPhoneLayout(".o_aktive_report_form");
                checkNorwegian("body");
            },
        },
        {
            content: "Choose: a new wish",
            trigger: "label[for=aktive_report_wish]",
            run: "click",
        },
        {
            content: "Write it",
            trigger: "textarea[name=text]",
            run: "edit Arne vil gjerne på konsert i kirken.",
        },
        {
            content: "Send",
            trigger: ".o_aktive_report_send",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Sent, with the way back to Arne",
            trigger: ".alert-success ~ a.o_aktive_back[href^='/my/aktive/person/']",
        },
    ],
});

registry.category("web_tour.tours").add("aktive_portal_profile_tour", {
    url: "/my/aktive/profile",
    steps: () => [
        {
            content: "The hours of this year are shown",
            trigger: ".o_aktive_profile_facts strong",
        },
        {
            content: "The profile fits the phone; Arabic, not an interface language, is kept",
            trigger: ".o_aktive_profile_form input[name=language_ids]:checked",
            run() {
                checkPhoneLayout(".o_aktive_profile_form");
                checkNorwegian("body");
            },
        },
        {
            content: "Mahmoud has got a driving licence",
            trigger: "label[for=aktive_licence]",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_aktive_profile_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved",
            trigger: ".alert-success",
        },
    ],
});
