# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class OrderHandlingOverdueReport(models.Model):
    """Complaints past their SLA deadline on the overdue board: their own
    department, customer service when they have none."""

    _inherit = "order.handling.overdue.report"
    _depends = {
        "sale.customer.complaint": [
            "name",
            "order_id",
            "company_id",
            "sla_deadline",
            "sla_escalated",
            "department_id",
        ],
    }

    kind = fields.Selection(
        selection_add=[("sale.customer.complaint", "Complaint")],
    )

    def _union_additional(self):
        return super()._union_additional() + [
            SQL(
                """
                SELECT c.id * 8 + 5, c.name, 'sale.customer.complaint',
                       c.id, c.order_id, c.company_id, c.department_id,
                       'customer_service',
                       c.sla_deadline, c.sla_escalated
                  FROM sale_customer_complaint c
                 WHERE c.sla_deadline < (NOW() AT TIME ZONE 'UTC')
                """
            )
        ]
