/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

function stage(name) {
    return {
        content: `The complaint is ${name}`,
        trigger: `.o_statusbar_status .o_arrow_button_current:contains(${name})`,
    };
}

registry.category("web_tour.tours").add("sale_customer_care_complaint", {
    steps: () => [
        {
            content: "The visit form is open",
            trigger: ".o_form_view .o_field_widget[name=name]:contains(VST/)",
        },
        {
            content: "Open a complaint from the visit",
            trigger: "button[name=action_open_complaint]",
            run: "click",
        },
        stage("New"),
        {
            content: "Start a return of the delivered goods",
            trigger: "button[name=action_create_return]",
            run: "click",
        },
        {
            content: "Return two pumps",
            trigger: ".modal .o_data_row td[name=quantity]",
            run: "click",
        },
        {
            trigger: ".modal .o_data_row td[name=quantity] input",
            run: "edit 2",
        },
        {
            content: "Create the returns",
            trigger: ".modal button[name=action_create_rma]",
            run: "click",
        },
        {
            content: "The return is linked to the complaint",
            trigger: ".oe_stat_button[name=action_view_rmas]:contains(1)",
        },
        {
            content: "Acknowledge",
            trigger: "button[name=action_acknowledge]",
            run: "click",
        },
        stage("Acknowledged"),
        {
            content: "Investigate",
            trigger: "button[name=action_investigate]",
            run: "click",
        },
        stage("Investigating"),
        {
            content: "Open the 8D tab",
            trigger: ".o_notebook a:contains(8D)",
            run: "click",
        },
        {
            content: "Root cause",
            trigger: "div[name=root_cause] textarea",
            run: "edit Seal not pressed in",
        },
        {
            content: "Corrective action",
            trigger: "div[name=corrective_action] textarea",
            run: "edit Replace the seal",
        },
        {
            content: "Preventive action",
            trigger: "div[name=preventive_action] textarea",
            run: "edit Press-fit check at assembly",
        },
        {
            content: "Propose the solution",
            trigger: "button[name=action_propose_solution]",
            run: "click",
        },
        stage("Solution Proposed"),
        {
            content: "The customer confirmed",
            trigger: "button[name=action_customer_confirm]",
            run: "click",
        },
        stage("Customer Confirmed"),
        {
            content: "Close the complaint",
            trigger: "button[name=action_close]",
            run: "click",
        },
        stage("Closed"),
    ],
});
