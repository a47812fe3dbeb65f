# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Target Breakdown",
    "summary": "Annual sales targets per company, team and salesperson broken "
    "into quarters, months and weeks, with achievement from confirmed orders",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["order_handling_base"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_target_security.xml",
        "data/sale_target_distribution_data.xml",
        "views/sale_target_distribution_views.xml",
        "views/sale_target_period_views.xml",
        "views/sale_target_views.xml",
        "report/sale_target_report_views.xml",
        "views/sale_target_breakdown_menus.xml",
    ],
}
