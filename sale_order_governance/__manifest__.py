# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Governance",
    "summary": "Approval before confirmation, change and cancel requests of orders",
    "version": "18.0.1.2.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_intake", "sale_tier_validation"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_order_request_security.xml",
        "data/sale_order_request_data.xml",
        "data/sale_order_cancel_reason_data.xml",
        "data/sale_order_approval_tier_data.xml",
        "report/sale_order_change_request_reports.xml",
        "report/sale_order_change_request_templates.xml",
        "views/sale_order_change_request_views.xml",
        "views/sale_order_cancel_request_views.xml",
        "views/sale_order_request_views.xml",
        "views/sale_order_request_menus.xml",
    ],
    "demo": [
        "demo/sale_order_approval_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sale_order_governance/static/src/tours/*.js",
        ],
    },
}
