# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Order Handling Dashboard - Reviews and Approvals",
    "summary": "Review and approval lead times, overdue reviews, product plans "
    "and deliverables on the order-handling dashboard",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["order_handling_dashboard", "sale_engineering_plan"],
    "data": [
        "security/ir.model.access.csv",
        "security/order_handling_dashboard_approval_security.xml",
        "report/order_handling_kpi_approval_views.xml",
        "report/order_handling_overdue_report_views.xml",
        "report/order_handling_monthly_summary_templates.xml",
        "views/order_handling_dashboard_views.xml",
        "views/order_handling_dashboard_menus.xml",
    ],
}
