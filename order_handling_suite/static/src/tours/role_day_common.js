/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A role's day in zh_CN (issue 20): shared steps of the role_day_* tours and
// the check that fails a step when English is on the screen.
import {registry} from "@web/core/registry";

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]{2,}/g;
// what Chinese writes the same (acronyms, units): as in test_chinese_screens
const SAME_IN_CHINESE = new Set([
    "8D", "CRM", "EDI", "ID", "KPI", "Odoo", "PDF", "RMA", "SKU", "URL", "kg", "min",
]);
// data, not interface: order, picking, slip, review and plan names
// (S00012, WH/OUT/00003, TS/2026/00004), the test users' logins,
// product codes, e-mail addresses
const DATA = [
    /\bS\d{3,}\b/g,
    /\b[A-Z]{1,5}(\/[A-Z0-9]+)+\b/g,
    /\boh_\w+/g,
    /\b[A-Z]{2,}-\d+\b/g,
    /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
];
// what the user sees: the menu bar, the action (control panel, view,
// statusbar, list headers, chatter), dialogs, dropdowns and notifications
const ZONES = [
    ".o_main_navbar",
    ".o_action_manager",
    ".modal",
    ".o-dropdown--menu",
    ".o_notification_manager",
];

function englishWords(text) {
    if (!text || CJK.test(text)) {
        return [];
    }
    let rest = text;
    for (const pattern of DATA) {
        rest = rest.replace(pattern, " ");
    }
    return (rest.match(LATIN) || []).filter((word) => !SAME_IN_CHINESE.has(word));
}

function visible(element) {
    return element && element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
}

/** The English texts visible on the screen now. */
export function englishOnScreen() {
    const found = new Set();
    for (const zone of document.querySelectorAll(ZONES.join(","))) {
        const walker = document.createTreeWalker(zone, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest("script, style, .o_technical_modal") || !visible(parent)) {
                continue;
            }
            const text = node.nodeValue.trim();
            if (englishWords(text).length) {
                found.add(text);
            }
        }
        for (const input of zone.querySelectorAll("[placeholder]")) {
            const text = input.getAttribute("placeholder").trim();
            if (visible(input) && englishWords(text).length) {
                found.add(text);
            }
        }
    }
    return [...found];
}

/** Fail the step when English is on the screen. */
export function assertNoEnglish(where) {
    const found = englishOnScreen();
    if (found.length) {
        throw new Error(`English on the screen at "${where}": ${found.map((t) => `"${t}"`).join(", ")}`);
    }
}

async function runCommand(helpers, run) {
    for (const todo of run.split("&&")) {
        const m = String(todo)
            .trim()
            .match(/^(?<action>\w*) *\(? *(?<arguments>.*?)\)?$/);
        await helpers[m.groups.action](m.groups.arguments);
    }
}

/** Each step first checks the screen for English, then does its action. */
export function checked(steps) {
    return steps.map((step) => {
        const run = step.run;
        return {
            ...step,
            async run(helpers) {
                assertNoEnglish(step.content || step.trigger);
                if (typeof run === "function") {
                    await run.call(this, helpers);
                } else if (typeof run === "string") {
                    await runCommand(helpers, run);
                }
            },
        };
    });
}

/** From the home screen after login: open Order Handling (订单处理). */
export const openApp = () => [
    {
        content: "Open the apps menu",
        trigger: ".o_navbar_apps_menu button",
        run: "click",
    },
    {
        content: "Open Order Handling",
        trigger: '.o-dropdown--menu .o_app[data-menu-xmlid="order_handling_base.menu_root"]:contains(订单处理)',
        run: "click",
    },
    {
        content: "Order Handling is open",
        trigger: '.o_main_navbar .o_menu_brand:contains(订单处理)',
    },
];

/** One click on a section of the menu bar, one on its entry. */
export const openMenu = (section, item) => [
    {
        content: "Open the section",
        trigger: `.o_menu_sections button[data-menu-xmlid="${section}"]`,
        run: "click",
    },
    {
        content: "Open the list",
        trigger: `.dropdown-item[data-menu-xmlid="${item}"]`,
        run: "click",
    },
];

export const statusIs = (value, content) => ({
    content,
    // on the statusbar (its readonly buttons are no step's target)
    trigger: `.o_form_view .o_statusbar_status:has(button.o_arrow_button_current[data-value='${value}'])`,
});

export const clickButton = (name, content) => ({
    content,
    trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']`,
    run: "click",
});

/** A role's day: login, the app, the daily list, a record, its action, the
 * result; every step fails on English. */
export function addRoleDay(name, steps) {
    registry.category("web_tour.tours").add(`order_handling_suite_role_day_${name}`, {
        url: "/odoo",
        steps: () =>
            checked([
                ...openApp(),
                ...steps(),
                {
                    content: "The last screen is Chinese too",
                    trigger: "body",
                },
            ]),
    });
}
