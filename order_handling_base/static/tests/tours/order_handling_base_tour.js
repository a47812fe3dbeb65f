/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("order_handling_base_departments", {
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
            content: "Open Configuration",
            trigger: '.o_menu_sections button[data-menu-xmlid="order_handling_base.menu_configuration"]',
            run: "click",
        },
        {
            content: "Open Departments",
            trigger: '.dropdown-item[data-menu-xmlid="order_handling_base.order_handling_department_menu"]',
            run: "click",
        },
        {
            content: "The Quality department is listed",
            trigger: ".o_list_view .o_data_row td[name='code']:contains(quality)",
            run: "click",
        },
        {
            content: "Its form opens with the members tab",
            trigger: ".o_form_view .o_notebook a:contains(Members)",
        },
    ],
});
