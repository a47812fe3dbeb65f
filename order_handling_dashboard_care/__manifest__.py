# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Order Handling Dashboard - Customer Care",
    "summary": "Supply accuracy, complaint and return rates and overdue "
    "complaints on the order-handling dashboard",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["order_handling_dashboard", "sale_customer_care"],
    "data": [
        "report/order_handling_kpi_order_views.xml",
        "report/order_handling_overdue_report_views.xml",
        "report/order_handling_monthly_summary_templates.xml",
        "views/order_handling_dashboard_views.xml",
    ],
}
