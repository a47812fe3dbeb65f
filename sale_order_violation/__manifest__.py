# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Violations",
    "summary": "Register of violations of the order-information rules: tampered "
    "archives, refused access, bypassed approvals, reviewed by managers",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_archive", "sale_order_governance"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_order_violation_security.xml",
        "data/sale_order_violation_data.xml",
        "views/sale_order_violation_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_violation_menus.xml",
    ],
    "demo": ["demo/sale_order_violation_demo.xml"],
}
