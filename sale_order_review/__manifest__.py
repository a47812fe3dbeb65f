# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Review",
    "summary": "Review of transferred orders by the workshop or engineering "
    "supervisor, review meetings and resolutions",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_intake", "calendar"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_order_review_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/order_handling_sla_policy_data.xml",
        "report/sale_order_review_reports.xml",
        "report/sale_order_review_templates.xml",
        "views/sale_order_review_views.xml",
        "views/sale_order_review_meeting_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_review_menus.xml",
    ],
}
