# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class SaleOrderCopy(models.Model):
    _inherit = "sale.order.copy"

    def _department_visible_queries(self):
        """The supervisor and process engineer of a product plan, and the
        departments the plan is transferred to (open slips), read the copy of
        its order (R4.1–R4.3)."""
        self.env["sale.engineering.plan"].flush_model(
            ["order_id", "supervisor_id", "process_engineer_id"]
        )
        return super()._department_visible_queries() + [
            SQL(
                "SELECT plan.order_id FROM sale_engineering_plan plan "
                "WHERE plan.supervisor_id = %(uid)s "
                "OR plan.process_engineer_id = %(uid)s "
                "OR EXISTS (SELECT 1 FROM order_handling_transfer slip "
                "WHERE slip.res_model = 'sale.engineering.plan' "
                "AND slip.res_id = plan.id "
                "AND slip.state IN ('sent', 'acknowledged') "
                "AND slip.department_id IN %(departments)s)",
                uid=self.env.uid,
                departments=self._my_departments_sql(),
            )
        ]
