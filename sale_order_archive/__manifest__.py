# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Archive",
    "summary": "Confidentiality of orders, tamper-evident archive of done orders "
    "and approved, time-limited access requests",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_intake"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_order_archive_groups.xml",
        "security/sale_order_archive_rules.xml",
        "data/sale_order_archive_data.xml",
        "report/sale_order_security_reports.xml",
        "report/sale_order_security_templates.xml",
        "views/sale_order_security_views.xml",
        "views/sale_order_archive_views.xml",
        "views/sale_order_access_request_views.xml",
        "views/sale_order_archive_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sale_order_archive/static/src/tours/*.js",
        ],
    },
}
