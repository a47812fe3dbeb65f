# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Order Handling Suite",
    "summary": "Installs the whole Order Handling Suite",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": [
        "order_handling_base",
        "order_handling_dashboard",
        "order_handling_dashboard_approval",
        "order_handling_dashboard_care",
        "order_handling_dashboard_intel",
        "order_handling_dashboard_target",
        "sale_customer_care",
        "sale_customer_consultation",
        "sale_engineering_plan",
        "sale_engineering_plan_mrp",
        "sale_order_archive",
        "sale_order_followup",
        "sale_order_followup_mrp",
        "sale_order_governance",
        "sale_order_governance_review",
        "sale_order_intake",
        "sale_order_intel",
        "sale_order_intel_crm",
        "sale_order_output",
        "sale_order_review",
        "sale_order_tracking",
        "sale_order_urgent",
        "sale_target_breakdown",
        # installed with sale (auto-install): parts of their order form are
        # hidden from the departments (views/sale_order_views.xml)
        "sale_management",
        "sale_pdf_quote_builder",
    ],
    "data": ["views/sale_order_views.xml"],
    "demo": ["demo/order_handling_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "order_handling_suite/static/src/tours/*.js",
        ],
    },
}
