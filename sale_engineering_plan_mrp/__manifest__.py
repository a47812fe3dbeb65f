# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Engineering Plan - MRP",
    "summary": "The BOM deliverable of a product plan is a real bill of materials",
    "version": "18.0.1.0.0",
    "category": "Manufacturing",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["sale_engineering_plan", "mrp"],
    "data": [
        "security/ir.model.access.csv",
        "views/sale_engineering_plan_views.xml",
    ],
}
