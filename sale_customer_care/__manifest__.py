# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Customer Care",
    "summary": "Follow-up visits, satisfaction ratings, customer archive, "
    "8D complaints with SLAs, returns on OCA RMA and customer-care KPIs",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_intake", "rma_sale", "rating", "portal"],
    "data": [
        "security/sale_customer_care_groups.xml",
        "security/ir.model.access.csv",
        "security/sale_customer_care_security.xml",
        "data/ir_sequence_data.xml",
        "data/sale_customer_complaint_stage_data.xml",
        "data/order_handling_sla_policy_data.xml",
        "data/mail_alias_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "report/sale_customer_complaint_reports.xml",
        "report/sale_customer_complaint_templates.xml",
        "report/sale_customer_care_report_views.xml",
        "wizard/sale_customer_complaint_return_views.xml",
        "views/sale_customer_visit_views.xml",
        "views/sale_customer_complaint_stage_views.xml",
        "views/sale_customer_complaint_views.xml",
        "views/sale_customer_preference_tag_views.xml",
        "views/res_partner_views.xml",
        "views/rma_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_customer_complaint_portal_templates.xml",
        "views/sale_customer_care_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sale_customer_care/static/tests/tours/*.js",
        ],
    },
}
