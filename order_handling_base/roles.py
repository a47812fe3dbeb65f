# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The roles of the regulations: short name → group of order_handling_base.

The short names are the logins of the demo users (``make demo``) and the keys
by which tests and the suite's demo scenario act as a role."""

ROLE_GROUPS = {
    "sales": "group_salesperson",
    "saleshead": "group_sales_head",
    "clerk": "group_logistics_clerk",
    "quality": "group_quality",
    "warehouse": "group_warehouse_lead",
    "workshop": "group_workshop_supervisor",
    "engineering": "group_engineering_supervisor",
    "process": "group_process_engineer",
    "purchasing": "group_purchasing",
    "office": "group_general_office",
    "gm": "group_general_manager",
    "marketing": "group_marketing_planning",
    "service": "group_customer_service",
    "manager": "group_manager",
}
