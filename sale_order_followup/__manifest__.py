# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Follow-up",
    "summary": "Order follow-up through production: workshop routes, "
    "customer-confirmed specification sheets, one production notice per "
    "workshop in turn, buy-in requests",
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
        "security/sale_order_followup_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "report/sale_followup_notice_reports.xml",
        "report/sale_followup_notice_templates.xml",
        "views/order_handling_department_views.xml",
        "views/sale_followup_route_views.xml",
        "views/sale_followup_spec_views.xml",
        "views/sale_followup_notice_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_followup_menus.xml",
    ],
    "demo": ["demo/sale_order_followup_demo.xml"],
}
