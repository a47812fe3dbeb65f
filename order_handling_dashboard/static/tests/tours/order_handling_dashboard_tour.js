/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("order_handling_dashboard", {
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
            content: "Open Reporting",
            trigger:
                '.o_menu_sections button[data-menu-xmlid="order_handling_base.menu_reporting"]',
            run: "click",
        },
        {
            content: "Open the dashboard",
            trigger:
                '.dropdown-item[data-menu-xmlid="order_handling_dashboard.order_handling_dashboard_menu"]',
            run: "click",
        },
        {
            content: "The tiles row shows the overdue work",
            trigger: ".o_oh_tiles .o_oh_tile[data-tile='overdue'] .o_oh_tile_value:contains(1)",
        },
        {
            content: "The open orders are counted per intake stage",
            trigger:
                ".o_oh_tile[data-tile='open_orders'] .o_oh_tile_item[data-item='date_confirmed']",
        },
        {
            content: "The cycle-time trend is a chart",
            trigger:
                ".o-dashboard-action:has(.o-dashboard-action-header:contains(Cycle Time)) .o_graph_view",
        },
        {
            content: "The overdue work per department is charted",
            trigger:
                ".o-dashboard-action:has(.o-dashboard-action-header:contains(Overdue Work per Department)) .o_graph_renderer canvas",
        },
        {
            content: "Every box loaded (no invalid action), none shows sample records",
            trigger:
                ".o_dashboard:not(:has(.text-warning:contains(Invalid action))):not(:has(.o_view_sample_data))",
        },
        {
            content: "The overdue tile opens the overdue work board",
            trigger: ".o_oh_tile[data-tile='overdue'] .o_oh_tile_main",
            run: "click",
        },
        {
            content: "The warehouse column holds the overdue transfer slip",
            trigger:
                ".o_kanban_group:has(.o_column_title:contains(Warehouse)) .o_kanban_record:contains(Transfer Slip) button:contains(Open)",
            run: "click",
        },
        {
            content: "The transfer slip itself opens",
            trigger: ".o_form_view .o_field_widget[name='department_id']:contains(Warehouse)",
        },
    ],
});
