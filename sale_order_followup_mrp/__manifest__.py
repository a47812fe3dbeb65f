# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Follow-up - MRP",
    "summary": "Production notices tied to manufacturing orders and work "
    "centres: a workshop step is done when its work orders are",
    "version": "18.0.1.0.0",
    "category": "Manufacturing",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["sale_order_followup", "mrp"],
    "data": [
        "views/sale_followup_route_views.xml",
        "views/sale_followup_notice_views.xml",
    ],
}
