# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class SaleOrderCopy(models.Model):
    _inherit = "sale.order.copy"

    def _department_visible_queries(self):
        """A workshop reads the copy of the orders it received a production
        notice for (R5.6); a notice still waiting for the previous step
        gives nothing yet."""
        self.env["sale.followup.notice"].flush_model(
            ["order_id", "department_id", "state", "requested_to_id"]
        )
        return super()._department_visible_queries() + [
            SQL(
                "SELECT notice.order_id FROM sale_followup_notice notice "
                "WHERE notice.state NOT IN ('waiting', 'cancelled') "
                "AND (notice.department_id IN %s OR notice.requested_to_id = %s)",
                self._my_departments_sql(),
                self.env.uid,
            )
        ]
