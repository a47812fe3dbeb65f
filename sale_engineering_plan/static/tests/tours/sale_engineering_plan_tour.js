/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A non-regular order from its review to the issued product plan, in three
// tours for the three people involved (R3.1, R3.3, R4.1-R4.3).
import {registry} from "@web/core/registry";

const openMenu = (section, item) => [
    {
        content: "Open the apps menu",
        trigger: ".o_navbar_apps_menu button",
        run: "click",
    },
    {
        content: "Open Order Handling",
        trigger: '.o_app[data-menu-xmlid="order_handling_base.menu_root"]',
        run: "click",
    },
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

registry.category("web_tour.tours").add("sale_engineering_plan_review_to_plan", {
    url: "/odoo",
    steps: () => [
        ...openMenu("order_handling_base.menu_orders", "sale_order_review.sale_order_review_menu"),
        {
            content: "Open the review of the non-regular order",
            trigger: ".o_list_view .o_data_row td[name='order_class']:contains(Non-regular)",
            run: "click",
        },
        {
            content: "Write the conditions",
            trigger: ".o_form_view div[name='conditions'] textarea",
            run: "edit Stainless steel body",
        },
        {
            content: "Accept with conditions",
            trigger: ".o_form_view button[name='action_accept_conditions']",
            run: "click",
        },
        {
            content: "The review is accepted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Accepted)",
        },
        ...openMenu("sale_engineering_plan.menu_engineering", "sale_engineering_plan.sale_engineering_plan_menu"),
        {
            content: "Open the drafted plan",
            trigger: ".o_list_view .o_data_row td[name='state']:contains(Draft)",
            run: "click",
        },
        {
            content: "Request the approvals",
            trigger: ".o_form_view button[name='request_validation']",
            run: "click",
        },
        {
            content: "The plan waits for its approvers",
            trigger: ".o_form_view button[name='restart_validation']",
        },
    ],
});

registry.category("web_tour.tours").add("sale_engineering_plan_approve", {
    url: "/odoo",
    steps: () => [
        ...openMenu("sale_engineering_plan.menu_engineering", "sale_engineering_plan.sale_engineering_plan_menu"),
        {
            content: "Open the plan to approve",
            trigger: ".o_list_view .o_data_row td[name='state']:contains(Draft)",
            run: "click",
        },
        {
            content: "Validate my step",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "My step is done",
            trigger: ".o_form_view:not(:has(button[name='validate_tier']:visible))",
        },
    ],
});

registry.category("web_tour.tours").add("sale_engineering_plan_issue", {
    url: "/odoo",
    steps: () => [
        ...openMenu("sale_engineering_plan.menu_engineering", "sale_engineering_plan.sale_engineering_plan_menu"),
        {
            content: "Open the validated plan",
            trigger: ".o_list_view .o_data_row td[name='state']:contains(Draft)",
            run: "click",
        },
        {
            content: "Mark it approved",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "Open the technical package",
            trigger: ".o_notebook a:contains(Technical Package)",
            run: "click",
        },
        {
            content: "The package lists the documents",
            trigger: "div[name='deliverable_ids'] .o_data_row",
        },
        {
            content: "Issue the plan",
            trigger: ".o_form_view button[name='action_issue']",
            run: "click",
        },
        {
            content: "The plan is issued",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Issued)",
        },
        {
            content: "Its transfer slips went out",
            trigger: ".o_form_view button[name='action_view_transfer_slips'] .o_stat_value:contains(4)",
        },
    ],
});
