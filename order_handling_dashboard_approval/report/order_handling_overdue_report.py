# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class OrderHandlingOverdueReport(models.Model):
    """Order reviews (their own department), product plans and their
    deliverables (engineering) on the overdue board."""

    _inherit = "order.handling.overdue.report"
    _depends = {
        "sale.order.review": [
            "name",
            "order_id",
            "company_id",
            "sla_deadline",
            "sla_escalated",
            "department_id",
        ],
        "sale.engineering.plan": [
            "name",
            "order_id",
            "company_id",
            "sla_deadline",
            "sla_escalated",
        ],
        "sale.engineering.plan.deliverable": [
            "plan_id",
            "type_id",
            "company_id",
            "sla_deadline",
            "sla_escalated",
        ],
    }

    kind = fields.Selection(
        selection_add=[
            ("sale.order.review", "Order Review"),
            ("sale.engineering.plan", "Product Plan"),
            ("sale.engineering.plan.deliverable", "Plan Deliverable"),
        ],
    )

    def _union_additional(self):
        return super()._union_additional() + [
            SQL(
                """
                SELECT r.id * 8 + 2, r.name, 'sale.order.review',
                       r.id, r.order_id, r.company_id, r.department_id, NULL,
                       r.sla_deadline, r.sla_escalated
                  FROM sale_order_review r
                 WHERE r.sla_deadline < (NOW() AT TIME ZONE 'UTC')
                """
            ),
            SQL(
                """
                SELECT p.id * 8 + 3, p.name, 'sale.engineering.plan',
                       p.id, p.order_id, p.company_id, NULL, 'engineering',
                       p.sla_deadline, p.sla_escalated
                  FROM sale_engineering_plan p
                 WHERE p.sla_deadline < (NOW() AT TIME ZONE 'UTC')
                """
            ),
            SQL(
                """
                SELECT d.id * 8 + 4,
                       p.name || ' / ' || COALESCE(dt.name->>'en_US', ''),
                       'sale.engineering.plan.deliverable',
                       d.id, p.order_id, d.company_id, NULL, 'engineering',
                       d.sla_deadline, d.sla_escalated
                  FROM sale_engineering_plan_deliverable d
                  JOIN sale_engineering_plan p ON p.id = d.plan_id
                  LEFT JOIN product_tech_document_type dt
                         ON dt.id = d.type_id
                 WHERE d.sla_deadline < (NOW() AT TIME ZONE 'UTC')
                """
            ),
        ]
