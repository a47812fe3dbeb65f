# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Order Intelligence - CRM",
    "summary": "Turn an intelligence report into a CRM opportunity; the "
    "quotation made from it and its win link back to the report",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["sale_order_intel", "sale_crm"],
    "data": [
        "security/sale_order_intel_crm_groups.xml",
        "views/sale_intel_report_views.xml",
        "views/crm_lead_views.xml",
    ],
}
