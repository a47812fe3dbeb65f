# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Order Handling Base",
    "summary": "Roles, departments, transfer slips, SLA policies and stage logs "
    "for the order-handling regulations",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": True,
    "installable": True,
    "depends": ["mail", "resource", "sale", "base_tier_validation"],
    "data": [
        "security/order_handling_base_groups.xml",
        "security/ir.model.access.csv",
        "security/order_handling_base_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/order_handling_department_data.xml",
        "data/order_handling_sla_policy_data.xml",
        "data/ir_cron_data.xml",
        "report/order_handling_report_templates.xml",
        "report/order_handling_transfer_reports.xml",
        "report/order_handling_transfer_templates.xml",
        "wizard/order_handling_transfer_forward_views.xml",
        "wizard/order_handling_transfer_cancel_views.xml",
        "views/order_handling_department_views.xml",
        "views/order_handling_transfer_views.xml",
        "views/sale_order_copy_views.xml",
        "views/tier_review_views.xml",
        "views/order_handling_sla_policy_views.xml",
        "views/order_handling_stage_log_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/order_handling_base_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/order_handling_department_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "order_handling_base/static/tests/tours/*.js",
        ],
    },
}
