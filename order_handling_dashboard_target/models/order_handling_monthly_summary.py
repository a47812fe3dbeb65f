# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class OrderHandlingMonthlySummary(models.TransientModel):
    _inherit = "order.handling.monthly.summary"

    def _get_summary(self):
        """Adds ``targets``: the monthly targets of the month (company, team
        and salesperson) with their achievement."""
        summary = super()._get_summary()
        month_start, _month_stop = self._get_month_dates()
        summary["targets"] = self.env["sale.target.report"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("period_type", "=", "month"),
                ("date_from", "=", month_start),
            ],
            order="scope, team_id, user_id",
        )
        return summary
