/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A day of each role in zh_CN at 1366×768 (issue 20): from login to the
// role's daily list, one record, its action and the result, failing on
// English (order_handling_suite/tests/test_role_tours_zh.py prepares the
// records and runs them).
import {addRoleDay, clickButton, openMenu, statusIs} from "@order_handling_suite/tours/role_day_common";

const assess = ["capacity", "material", "technology", "delivery"].map((name) => ({
    content: `Assess ${name}`,
    trigger: `.o_form_view div[name='${name}'] input.o_radio_input[data-value='ok']`,
    run: "click",
}));

// logistics clerk: lands on the intake queue, checks a submitted order
addRoleDay("clerk", () => [
    {
        content: "The intake queue shows the submitted order",
        trigger: ".o_kanban_view .o_kanban_record:contains(华东机械)",
        run: "click",
    },
    clickButton("action_intake_check", "Run the intake check"),
    {
        content: "The order is checked",
        trigger: ".o_form_view .o_field_widget[name='intake_stage']:contains(已审核)",
    },
]);

// warehouse lead: lands on the slips sent to the warehouse, acknowledges one
addRoleDay("warehouse", () => [
    {
        content: "The slip sent to the warehouse",
        trigger: ".o_list_view .o_data_row td[name='state']:contains(已发送)",
        run: "click",
    },
    clickButton("action_acknowledge", "Acknowledge receipt"),
    statusIs("acknowledged", "The slip is acknowledged"),
]);

// workshop supervisor: lands on the reviews, assesses and accepts one
addRoleDay("workshop", () => [
    {
        content: "The review of the regular order",
        trigger: ".o_list_view .o_data_row td[name='order_class']:contains(常规)",
        run: "click",
    },
    ...assess,
    {
        content: "Accept the order",
        trigger: ".o_form_view button.o_review_assessed[name='action_accept']",
        run: "click",
    },
    {
        content: "Confirm",
        trigger: ".modal-footer button.btn-primary",
        run: "click",
    },
    statusIs("accepted", "The review is accepted"),
]);

// engineering supervisor: lands on the reviews, accepts the non-regular
// order with conditions (the product plan is drafted)
addRoleDay("engineering", () => [
    {
        content: "The review of the non-regular order",
        trigger: ".o_list_view .o_data_row td[name='order_class']:contains(非常规)",
        run: "click",
    },
    ...assess,
    {
        content: "The conditions",
        trigger: ".o_form_view div[name='conditions'] textarea",
        run: "edit 不锈钢阀体",
    },
    clickButton("action_accept_conditions", "Accept with conditions"),
    statusIs("accepted", "The review is accepted"),
]);

// general manager: from the approvals inbox (待我审批) to the plan, approves
addRoleDay("gm", () => [
    ...openMenu("order_handling_base.menu_orders", "order_handling_base.tier_review_menu_to_approve"),
    {
        content: "The plan waiting for my approval",
        trigger: ".o_list_view .o_data_row button[name='action_open_document']",
        run: "click",
    },
    {
        content: "Approve",
        trigger: ".o_form_view button[name='validate_tier']",
        run: "click",
    },
    {
        content: "My step is done",
        trigger: ".o_form_view:not(:has(button[name='validate_tier']:visible)) .o_field_widget[name='validation_status']:contains(已)",
    },
]);

// customer service: from the slips to the complaints, acknowledges one
addRoleDay("service", () => [
    ...openMenu("sale_customer_care.menu_customer_care", "sale_customer_care.sale_customer_complaint_menu"),
    {
        content: "The new complaint",
        trigger: ".o_kanban_view .o_kanban_record:contains(泵体漏油)",
        run: "click",
    },
    clickButton("action_acknowledge", "Acknowledge the complaint"),
    {
        content: "The complaint is acknowledged",
        trigger: ".o_form_view .o_statusbar_status:has(button.o_arrow_button_current:contains(已受理))",
    },
]);
