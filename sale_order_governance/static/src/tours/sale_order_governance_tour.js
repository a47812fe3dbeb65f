/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// A change request (R7.2): the salesperson files it from the confirmed
// order, the sales head approves it and applies it to the order.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("sale_order_governance_file_change", {
    steps: () => [
        {
            content: "Request a change of the confirmed order",
            trigger: ".o_form_view button[name='action_governance_new_change_request']",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".o_form_view div[name='reason'] textarea",
            run: "edit The customer needs two more pumps.",
        },
        {
            content: "Add a line change",
            trigger: ".o_form_view div[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the order line",
            trigger: ".o_form_view div[name='line_ids'] .o_selected_row div[name='order_line_id'] input",
            run: "edit GP-20",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains(GP-20)",
            run: "click",
        },
        {
            content: "The new quantity",
            trigger: ".o_form_view div[name='line_ids'] .o_selected_row div[name='new_qty'] input",
            run: "edit 7",
        },
        {
            content: "Save the request",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Ask for the approval",
            trigger: ".o_form_view button[name='request_validation']",
            run: "click",
        },
        {
            content: "The request waits for its approver",
            trigger: ".o_form_view button[name='restart_validation']",
        },
    ],
});

registry.category("web_tour.tours").add("sale_order_governance_approve_change", {
    url: "/odoo",
    steps: () => [
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
            content: "Open Orders (requests and archive)",
            trigger: '.o_menu_sections button[data-menu-xmlid="order_handling_base.menu_orders"]',
            run: "click",
        },
        {
            content: "Open the change requests",
            trigger: '.dropdown-item[data-menu-xmlid="sale_order_governance.sale_order_change_request_menu"]',
            run: "click",
        },
        {
            content: "Open the request to approve",
            trigger: ".o_list_view .o_data_row td[name='name']:contains(CHG/)",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Apply it to the order",
            trigger: ".o_form_view button[name='action_apply']",
            run: "click",
        },
        {
            content: "The request is applied",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Applied)",
        },
    ],
});
