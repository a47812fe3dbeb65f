/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

// The logistics clerk checks a submitted order and transfers it. Data:
// sale_order_intake/tests/test_tour.py (an order of "Tour Customer Ltd",
// submitted, clean, for a product shipped before with complete documents).
registry.category("web_tour.tours").add("sale_order_intake_clerk_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Order Handling app",
            trigger: '.o_app[data-menu-xmlid="order_handling_base.menu_root"]',
            run: "click",
        },
        {
            content: "Open Orders",
            trigger: '.o_menu_sections button[data-menu-xmlid="order_handling_base.menu_orders"]',
            run: "click",
        },
        {
            content: "Open the Intake Queue",
            trigger: '.dropdown-item[data-menu-xmlid="sale_order_intake.sale_order_intake_menu"]',
            run: "click",
        },
        {
            content: "The submitted order waits in the queue: open it",
            trigger: ".o_kanban_view .o_kanban_record:contains(Tour Customer Ltd)",
            run: "click",
        },
        {
            content: "Run the intake check",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_intake_check]",
            run: "click",
        },
        {
            content: "The order is clean and checked: accept and transfer it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_intake_accept]",
            run: "click",
        },
        {
            content: "The check and accept buttons are gone",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name=action_intake_accept]))",
        },
        {
            content: "Open the transfer slips",
            trigger: ".o_form_view button.oe_stat_button[name=action_view_transfer_slips]:contains(Transfer Slips)",
            run: "click",
        },
        {
            content: "Two slips are listed",
            trigger: ".o_list_view .o_data_row:nth-child(2)",
        },
        {
            content: "and no third one",
            trigger: ".o_list_view:not(:has(.o_data_row:nth-child(3)))",
        },
    ],
});
