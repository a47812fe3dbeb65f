# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The roles of the regulations: the xml ids of the suite's security groups
(``security/order_handling_base_groups.xml``), in one place for the code of
every addon::

    from odoo.addons.order_handling_base.models import roles

    if self.env.user.has_group(roles.SALES_HEAD): ...
"""

#: every internal user of the suite (the role groups imply it)
USER = "order_handling_base.group_user"
SALESPERSON = "order_handling_base.group_salesperson"
SALES_HEAD = "order_handling_base.group_sales_head"
LOGISTICS_CLERK = "order_handling_base.group_logistics_clerk"
QUALITY = "order_handling_base.group_quality"
WAREHOUSE_LEAD = "order_handling_base.group_warehouse_lead"
WORKSHOP_SUPERVISOR = "order_handling_base.group_workshop_supervisor"
PROCESS_ENGINEER = "order_handling_base.group_process_engineer"
ENGINEERING_SUPERVISOR = "order_handling_base.group_engineering_supervisor"
PURCHASING = "order_handling_base.group_purchasing"
GENERAL_OFFICE = "order_handling_base.group_general_office"
MARKETING_PLANNING = "order_handling_base.group_marketing_planning"
CUSTOMER_SERVICE = "order_handling_base.group_customer_service"
#: the suite's administrator (configuration, every document)
MANAGER = "order_handling_base.group_manager"
GENERAL_MANAGER = "order_handling_base.group_general_manager"
