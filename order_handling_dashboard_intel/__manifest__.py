# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Order Handling Dashboard - Intelligence",
    "summary": "Intelligence conversion on the order-handling dashboard and in "
    "the monthly summary",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["order_handling_dashboard", "sale_order_intel"],
    "data": [
        "security/ir.model.access.csv",
        "security/order_handling_dashboard_intel_security.xml",
        "report/order_handling_kpi_intel_views.xml",
        "report/order_handling_monthly_summary_templates.xml",
        "views/order_handling_dashboard_views.xml",
        "views/order_handling_dashboard_menus.xml",
    ],
}
