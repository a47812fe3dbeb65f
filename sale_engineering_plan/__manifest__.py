# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Engineering Plan",
    "summary": "Product plans for non-regular orders: two-step approval, "
    "technical package, issue to the departments, rollout",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_review", "base_tier_validation"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_engineering_plan_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        "data/order_handling_sla_policy_data.xml",
        "report/sale_engineering_plan_reports.xml",
        "report/sale_engineering_plan_templates.xml",
        "views/sale_engineering_plan_views.xml",
        "views/sale_engineering_plan_deliverable_views.xml",
        "views/sale_order_views.xml",
        "views/sale_engineering_plan_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sale_engineering_plan/static/tests/tours/*.js",
        ],
    },
}
