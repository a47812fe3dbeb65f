# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Intake",
    "summary": "Receive, check, classify and transfer sale orders: intake inbox, "
    "configurable checks, re-check, regular / non-regular routing",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["order_handling_base", "delivery"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_order_intake_security.xml",
        "data/product_tech_document_type_data.xml",
        "data/sale_order_intake_rule_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_alias_data.xml",
        "data/ir_sequence_data.xml",
        "data/order_handling_sla_policy_data.xml",
        "report/sale_order_intake_reports.xml",
        "report/sale_order_production_notice_templates.xml",
        "wizard/sale_order_intake_return_views.xml",
        "wizard/sale_order_intake_classify_views.xml",
        "wizard/sale_order_intake_link_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_intake_rule_views.xml",
        "views/sale_order_intake_mail_views.xml",
        "views/product_tech_document_views.xml",
        "views/product_template_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_intake_menus.xml",
    ],
    "demo": ["demo/sale_order_intake_demo.xml"],
    "post_init_hook": "post_init_hook",
    "assets": {
        "web.assets_tests": [
            "sale_order_intake/static/tests/tours/*.js",
        ],
    },
}
