# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Urgent",
    "summary": "Urgent orders: feasibility assessment by a named person, alerts "
    "to the departments, first in every queue, escalation past the deadline",
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
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/order_handling_sla_policy_data.xml",
        "wizard/sale_order_intake_urgent_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_copy_views.xml",
    ],
}
