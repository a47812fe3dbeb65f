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
            content: "The cycle-time pivot is drawn",
            trigger:
                ".o-dashboard-action:has(.o-dashboard-action-header:contains(Cycle Times)) .o_pivot .o_pivot_header_cell_closed, .o-dashboard-action:has(.o-dashboard-action-header:contains(Cycle Times)) .o_pivot th",
        },
        {
            content: "The overdue work per department is charted",
            trigger:
                ".o-dashboard-action:has(.o-dashboard-action-header:contains(Overdue Work per Department)) .o_graph_renderer canvas",
        },
        {
            content: "Every box loaded (no invalid action)",
            trigger: ".o_dashboard:not(:has(.text-warning:contains(Invalid action)))",
        },
        {
            content: "Open Reporting again",
            trigger:
                '.o_menu_sections button[data-menu-xmlid="order_handling_base.menu_reporting"]',
            run: "click",
        },
        {
            content: "Open the overdue work board",
            trigger:
                '.dropdown-item[data-menu-xmlid="order_handling_dashboard.order_handling_overdue_report_menu"]',
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
