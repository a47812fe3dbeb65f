# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class OrderHandlingMonthlySummary(models.TransientModel):
    _inherit = "order.handling.monthly.summary"

    def _get_summary(self):
        """Adds ``intel``: the reports submitted in the month, those that
        turned into confirmed orders, and the conversion rate."""
        summary = super()._get_summary()
        summary["intel"] = self._kpi(
            "order.handling.kpi.intel",
            "month_submitted",
            ["nbr:sum", "converted_count:sum", "conversion_rate:avg"],
        )
        return summary
