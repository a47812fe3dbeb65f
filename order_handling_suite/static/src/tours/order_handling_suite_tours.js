/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The two paths of an order through the whole suite, in the browser, one
// tour per person and step (order_handling_suite/tests/test_tours.py runs
// them in turn, as each role, on the records of the previous step).
import {registry} from "@web/core/registry";

const {DateTime} = luxon;

const tours = registry.category("web_tour.tours");

// a date the server accepts in a datetime field of an en_US user
const inDays = (days) =>
    DateTime.now().plus({days}).set({hour: 10, minute: 0, second: 0}).toFormat("MM/dd/yyyy HH:mm:ss");

const clickButton = (name, content) => ({
    content,
    trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']`,
    run: "click",
});

const buttonGone = (name, content) => ({
    content,
    trigger: `.o_form_view .o_statusbar_buttons:not(:has(button[name='${name}']))`,
});

const status = (label) => ({
    content: `The document is ${label}`,
    trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current:contains(${label})`,
});

const confirmDialog = {
    content: "Confirm",
    trigger: ".modal-footer button.btn-primary",
    run: "click",
};

const assess = ["capacity", "material", "technology", "delivery"].map((name) => ({
    content: `Assess ${name}`,
    // the assessments are choices (radio buttons) on the review form
    trigger: `.o_form_view div[name='${name}'] input.o_radio_input[data-value='ok']`,
    run: "click",
}));

// A form action of one person: open the record (start url), click, check.
const formAction = (tourName, button, content, done) =>
    tours.add(tourName, {
        steps: () => [clickButton(button, content), done || buttonGone(button, `${content}: done`)],
    });

// A department opens an order transferred to it: the form and its lines load.
tours.add("order_handling_suite_open_order", {
    steps: () => [
        {
            content: "The order copy shows the ordered product",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row:contains(CV-7)",
        },
    ],
});

// ---------------------------------------------------------------------
// Regular path: sales → clerk → workshop → clerk → sales → warehouse →
// clerk → customer service
// ---------------------------------------------------------------------

tours.add("order_handling_suite_sales_enters_order", {
    steps: () => [
        {
            content: "Choose the customer",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input",
            run: "edit Tour Regular Customer",
        },
        {
            trigger: ".ui-menu-item > a:contains(Tour Regular Customer)",
            run: "click",
        },
        {
            content: "Add a product",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_data_row div[name='product_template_id'] input",
            run: "edit GP-20",
        },
        {
            trigger: "ul.ui-autocomplete a:contains(Gear pump GP-20)",
            run: "click",
        },
        {
            content: "The price of the pump is on the line",
            trigger: ".o_data_row td[name='price_subtotal']:contains(120.00)",
        },
        {
            content: "Add shipping: the factory truck",
            trigger: ".o_form_view button[name='action_open_delivery_wizard']:contains(Add shipping)",
            run: "click",
        },
        {
            trigger: ".modal div[name='carrier_id'] input",
            run: "edit Factory truck",
        },
        {
            trigger: ".ui-menu-item > a:contains(Factory truck)",
            run: "click",
        },
        {
            trigger: ".modal button[name='button_confirm']",
            run: "click",
        },
        {
            content: "The shipping line is on the order",
            trigger: "body:not(:has(.modal)) .o_form_view button[name='action_open_delivery_wizard']:contains(Update shipping cost)",
        },
        {
            content: "Open Other Info",
            trigger: ".o_notebook a[name='other_information']",
            run: "click",
        },
        {
            content: "The delivery date the customer asks for",
            trigger: ".o_form_view div[name='commitment_date'] input",
            run: `edit ${inDays(30)}`,
        },
        {
            content: "The customer's purchase order number",
            trigger: ".o_form_view div[name='client_order_ref'] input",
            run: "edit PO-TOUR-1",
        },
        {
            content: "Save the quotation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_breadcrumb .active:not(:contains(New))",
        },
        clickButton("action_intake_submit", "Submit to logistics"),
        buttonGone("action_intake_submit", "Submitted"),
    ],
});

formAction("order_handling_suite_sign_off", "action_intake_sign_off", "The sales head signs off");

tours.add("order_handling_suite_clerk_accepts", {
    steps: () => [
        clickButton("action_intake_check", "Run the intake check"),
        clickButton("action_intake_accept", "Clean and checked: accept and transfer"),
        buttonGone("action_intake_accept", "Accepted"),
        {
            content: "The transfer slips went out",
            trigger: ".o_form_view button[name='action_view_transfer_slips'] .o_stat_value:not(:contains(0))",
        },
    ],
});

tours.add("order_handling_suite_review_accept", {
    steps: () => [
        ...assess,
        {
            // once the four are assessed, Accept asks for confirmation
            content: "Accept the order",
            trigger: ".o_form_view button.o_review_assessed[name='action_accept']",
            run: "click",
        },
        confirmDialog,
        status("Accepted"),
    ],
});

tours.add("order_handling_suite_propose_date", {
    steps: () => [
        {
            content: "Propose the delivery date",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(Propose Delivery Date)",
            run: "click",
        },
        {
            trigger: ".modal div[name='date'] input",
            run: `edit ${inDays(25)}`,
        },
        {
            trigger: ".modal button[name='action_propose']",
            run: "click",
        },
        {
            content: "Proposed: the copy shows the date, the clerk is to reply it",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name='delivery_date_proposed']",
        },
    ],
});

formAction("order_handling_suite_reply_date", "action_intake_reply_date", "Reply the date to the customer");

formAction("order_handling_suite_confirm", "action_confirm", "Confirm the order", status("Sales Order"));

formAction("order_handling_suite_validate_delivery", "button_validate", "Ship: validate the delivery", status("Done"));

formAction("order_handling_suite_complete", "action_intake_complete", "Delivered: complete the order");

tours.add("order_handling_suite_follow_up_visit", {
    steps: () => [
        {
            content: "Product score",
            trigger: ".o_form_view div[name='score_product'] input",
            run: "edit 5",
        },
        {
            content: "Delivery score",
            trigger: ".o_form_view div[name='score_delivery'] input",
            run: "edit 4",
        },
        {
            content: "Service score",
            trigger: ".o_form_view div[name='score_service'] input",
            run: "edit 5",
        },
        {
            content: "What the customer said",
            trigger: ".o_form_view div[name='comments'] textarea",
            run: "edit Pumps run well",
        },
        clickButton("action_done", "Record the visit"),
        status("Done"),
    ],
});

// ---------------------------------------------------------------------
// Non-regular path: clerk → engineering (review meeting) → general manager
// → engineering (plan) → sales head → general manager → engineering
// (approve, issue, date) → clerk → sales
// ---------------------------------------------------------------------

tours.add("order_handling_suite_call_meeting", {
    steps: () => [
        ...assess,
        clickButton("action_call_meeting", "Call a review meeting"),
        {
            content: "The meeting invites engineering, quality, production, purchasing",
            trigger: ".o_form_view div[name='department_ids'] .o_tag:contains(Purchasing)",
        },
        clickButton("action_schedule", "Invite the departments"),
        status("Scheduled"),
    ],
});

tours.add("order_handling_suite_resolve_meeting", {
    steps: () => [
        status("Scheduled"),
        {
            content: "Engineering's own opinion",
            trigger: ".o_form_view .o_field_widget[name='opinion_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name='department_id'] input",
            run: "edit Engineering",
        },
        {
            trigger: ".ui-menu-item > a:contains(Engineering)",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name='position'] select",
            run: 'select "agree"',
        },
        {
            trigger: ".o_data_row .o_field_widget[name='opinion'] textarea",
            run: "edit Feasible with a stainless casting",
        },
        {
            content: "The resolution",
            trigger: ".o_notebook a[name='resolution']",
            run: "click",
        },
        {
            trigger: ".o_form_view div[name='make'] select",
            run: 'select "make"',
        },
        {
            trigger: ".o_form_view div[name='what_to_make'] textarea",
            run: "edit CV-7 in stainless steel",
        },
        clickButton("action_resolve", "Record the resolution"),
        status("Resolution to Approve"),
    ],
});

formAction(
    "order_handling_suite_approve_resolution",
    "action_approve_resolution",
    "The general manager approves the resolution",
    status("Approved")
);

tours.add("order_handling_suite_request_plan_approval", {
    steps: () => [
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

tours.add("order_handling_suite_validate_plan", {
    steps: () => [
        {
            content: "Validate my step",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "My step is done",
            trigger: ".o_form_view:not(:has(button[name='validate_tier']))",
        },
    ],
});

formAction(
    "order_handling_suite_approve_plan",
    "action_approve",
    "Every approver agreed: mark the plan approved",
    status("Approved")
);

tours.add("order_handling_suite_issue_plan", {
    steps: () => [
        status("Approved"),
        clickButton("action_issue", "Issue the plan"),
        status("Issued"),
        {
            content: "Issued to purchasing, quality, production, general office",
            trigger: ".o_form_view button[name='action_view_transfer_slips'] .o_stat_value:contains(4)",
        },
    ],
});
