# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderCopy(models.Model):
    """The departments (warehouse, workshop) see the output against the
    ordered quantity on their copy of the order (R5.7)."""

    _inherit = "sale.order.copy"

    output_progress = fields.Float(string="Output (%)", readonly=True, digits=(16, 1))
    output_weight = fields.Float(
        string="Output Weight (kg)", readonly=True, digits="Stock Weight"
    )


class SaleOrderCopyLine(models.Model):
    _inherit = "sale.order.copy.line"

    output_qty = fields.Float(
        string="Output", readonly=True, digits="Product Unit of Measure"
    )
    output_calloff_qty = fields.Float(
        string="Called Off", readonly=True, digits="Product Unit of Measure"
    )
