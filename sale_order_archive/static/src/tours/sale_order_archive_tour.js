/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The archive and access requests (R7.6, R7.7): logistics archives a done
// order, a salesperson outside its team asks to read it, a sales head grants.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("sale_order_archive_archive_order", {
    steps: () => [
        {
            content: "Archive the done order",
            trigger: ".o_form_view button[name='action_governance_archive']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The order is archived",
            trigger: ".o_form_view .ribbon:contains(Archived)",
        },
        {
            content: "Its archive is one click away",
            trigger: ".o_form_view button[name='action_governance_open_archive']",
            run: "click",
        },
        {
            content: "The archive is intact",
            trigger: ".o_form_view .o_field_widget[name='integrity'] .o_arrow_button_current:contains(Intact)",
        },
    ],
});

registry.category("web_tour.tours").add("sale_order_archive_request_access", {
    steps: () => [
        {
            content: "New access request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Which archived order",
            trigger: ".o_form_view div[name='order_name'] input",
            run: "edit ARCH-TOUR-1",
        },
        {
            content: "Why",
            trigger: ".o_form_view div[name='reason'] textarea",
            run: "edit The customer asks for the delivered quantities.",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Submit it",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "It waits for an approver",
            trigger: ".o_form_view .o_field_widget[name='state'] .o_arrow_button_current:contains(To Approve)",
        },
    ],
});

registry.category("web_tour.tours").add("sale_order_archive_grant_access", {
    steps: () => [
        {
            content: "Open the request to approve",
            trigger: ".o_list_view .o_data_cell:contains(ARCH-TOUR-1)",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "The access is granted",
            trigger: ".o_form_view .o_field_widget[name='state'] .o_arrow_button_current:contains(Granted)",
        },
    ],
});

registry.category("web_tour.tours").add("sale_order_archive_order_without_prices", {
    steps: () => [
        {
            content: "The warehouse opens its transfer slip: the order's lines are on it",
            trigger: ".o_form_view div[name='order_copy_line_ids'] .o_data_cell:contains(Gear pump GP-20)",
        },
        {
            content: "No price column, no total",
            trigger: ".o_form_view:not(:has(th[data-name='price_unit'])):not(:has(div[name='tax_totals']))",
        },
        {
            content: "The order copy opens from the slip",
            trigger: ".o_form_view div[name='order_copy_id'] a.o_form_uri, .o_form_view div[name='order_copy_id'] button.o_external_button",
            run: "click",
        },
        {
            content: "The copy shows the lines, with no price either",
            trigger: ".o_form_view div[name='line_ids'] .o_data_cell:contains(Gear pump GP-20)",
        },
        {
            content: "No price column on the copy",
            trigger: ".o_form_view:not(:has(th[data-name='price_unit']))",
        },
    ],
});
