# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Order Handling Dashboard - Targets",
    "summary": "Target achievement on the order-handling dashboard and in the "
    "monthly summary",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["order_handling_dashboard", "sale_target_breakdown"],
    "data": [
        "views/order_handling_dashboard_views.xml",
        "views/order_handling_monthly_summary_templates.xml",
    ],
}
