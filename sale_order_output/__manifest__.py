# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Output",
    "summary": "Daily output per order, deliveries prepared from it and "
    "re-checked by a second person with driver and vehicle, stock reserved at "
    "acceptance, stock-preparation orders released by the customer's call-off",
    "version": "18.0.1.0.0",
    "category": "Inventory/Delivery",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_intake"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_order_output_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "report/report_deliveryslip.xml",
        "views/sale_order_output_sheet_views.xml",
        "views/sale_order_output_views.xml",
        "views/sale_order_calloff_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_copy_views.xml",
        "views/stock_picking_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_output_menus.xml",
    ],
    "demo": ["demo/sale_order_output_demo.xml"],
}
