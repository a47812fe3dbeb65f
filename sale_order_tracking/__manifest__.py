# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Tracking",
    "summary": "Order progress on the customer portal, carrier and tracking in "
    "the shipping mail, the customer's confirmation of receipt before completion",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_intake", "stock_delivery"],
    "data": [
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "views/sale_order_tracking_templates.xml",
        "data/mail_template_data.xml",
        "wizard/stock_picking_receipt_confirm_views.xml",
        "views/stock_picking_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_portal_templates.xml",
        "views/res_config_settings_views.xml",
    ],
}
