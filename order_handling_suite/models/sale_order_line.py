# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # Whether the product of a line may still change: sale_stock answers from
    # the line's stock moves, which the departments (engineering, quality,
    # workshop …) may not read. The departments open the orders transferred
    # to them; the flag is computed as superuser, the moves stay hidden.
    product_updatable = fields.Boolean(compute_sudo=True)
