# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _governance_reopen_review(self, reason):
        """An applied change of the specification makes the order
        non-regular (governance) and sends it to a new review (R7.2)."""
        super()._governance_reopen_review(reason)
        return self._create_reviews()
