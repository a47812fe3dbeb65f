# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrderReview(models.Model):
    _inherit = "sale.order.review"

    def _on_accepted(self):
        """An accepted non-regular order leads to a product plan (R3.3)."""
        result = super()._on_accepted()
        irregular = self.filtered(
            lambda r: r.order_class == "non_regular" and not r.order_id.plan_ids
        )
        if irregular:
            self.env["sale.engineering.plan"]._create_from_reviews(irregular)
        return result
