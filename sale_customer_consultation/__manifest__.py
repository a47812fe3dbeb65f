# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Customer Consultation",
    "summary": "Log of customer consultations with monthly statistics by "
    "topic reported to the departments concerned",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_customer_care"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_customer_consultation_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/sale_customer_consultation_topic_data.xml",
        "data/ir_cron_data.xml",
        "data/ir_actions_server_data.xml",
        "views/sale_customer_consultation_topic_views.xml",
        "views/sale_customer_consultation_views.xml",
        "views/sale_customer_consultation_summary_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_customer_consultation_menus.xml",
    ],
    "demo": ["demo/sale_customer_consultation_demo.xml"],
}
