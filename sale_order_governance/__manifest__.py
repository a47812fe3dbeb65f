# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Governance",
    "summary": "Approval before confirmation, change and cancel requests, "
    "confidentiality, tamper-evident archive and access requests for orders",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_order_intake", "sale_tier_validation"],
    "data": [
        "security/ir.model.access.csv",
        # --- approvals, change and cancel requests (R7.1–R7.3)
        # --- confidentiality, security of information, archive, access requests (R7.4–R7.7)
    ],
    "demo": [],
}
