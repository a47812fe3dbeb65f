# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Governance",
    "summary": "Approval before confirmation, change and cancel requests, "
    "confidentiality, tamper-evident archive and access requests for orders",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_intake", "sale_tier_validation"],
    "data": [
        "security/ir.model.access.csv",
        # approvals, change and cancel requests (R7.1–R7.3)
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
        # confidentiality, locks, archive, access requests (R7.4–R7.7)
        "security/sale_order_governance_groups.xml",
        "security/sale_order_governance_rules.xml",
        "data/sale_order_governance_data.xml",
        "report/sale_order_security_reports.xml",
        "report/sale_order_security_templates.xml",
        "views/sale_order_security_views.xml",
        "views/sale_order_archive_views.xml",
        "views/sale_order_access_request_views.xml",
        "views/sale_order_governance_menus.xml",
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
