# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model
    def _intake_shipped_products(self, products):
        """A product made to an issued plan counts as established: its
        requirements are the plan's, its documents complete (R4.5), so the
        next identical order is regular. One more grouped query."""
        shipped = super()._intake_shipped_products(products)
        if not products:
            return shipped
        groups = (
            self.env["sale.engineering.plan"]
            .sudo()
            ._read_group(
                [
                    ("state", "in", ("issued", "done")),
                    ("product_ids", "in", products.ids),
                ],
                groupby=["product_ids"],
            )
        )
        planned = self.env["product.product"].browse(
            [product.id for (product,) in groups]
        )
        return shipped | (planned & products)
