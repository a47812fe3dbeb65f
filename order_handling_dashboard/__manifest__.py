# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Order Handling Dashboard",
    "summary": "Order-handling KPIs, a managers' dashboard, overdue work per "
    "department, logistics cost and the monthly summary PDF",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["board", "sale_order_intake"],
    "data": [
        "security/ir.model.access.csv",
        "security/order_handling_dashboard_security.xml",
        "data/ir_cron_data.xml",
        "report/order_handling_kpi_order_views.xml",
        "report/order_handling_overdue_report_views.xml",
        "report/order_handling_monthly_summary_reports.xml",
        "report/order_handling_monthly_summary_templates.xml",
        "wizard/order_handling_monthly_summary_views.xml",
        "views/order_handling_dashboard_views.xml",
        "views/order_handling_dashboard_menus.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "order_handling_dashboard/static/src/board/*",
        ],
        "web.assets_tests": [
            "order_handling_dashboard/static/tests/tours/*.js",
        ],
    },
}
