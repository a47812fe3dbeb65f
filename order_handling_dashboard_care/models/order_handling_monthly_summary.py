# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class OrderHandlingMonthlySummary(models.TransientModel):
    _inherit = "order.handling.monthly.summary"

    def _get_summary_measures(self):
        """Supply accuracy, complaint and return rates of the orders shipped
        in the month."""
        measures = super()._get_summary_measures()
        date_field, aggregates = measures["shipped"]
        measures["shipped"] = (
            date_field,
            aggregates
            + ["supply_accuracy:avg", "complaint_rate:avg", "return_rate:avg"],
        )
        return measures
