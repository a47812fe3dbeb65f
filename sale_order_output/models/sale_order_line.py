# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import float_compare

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

from .sale_order import _refuse_computed

PROTECTED_FIELDS = {"output_qty", "output_weight", "output_calloff_qty"}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    output_ids = fields.One2many(
        "sale.order.output", "order_line_id", string="Daily Output"
    )
    output_qty = fields.Float(
        string="Output",
        compute="_compute_output_qty",
        store=True,
        digits="Product Unit of Measure",
        help="Finished quantity recorded on the daily output sheets (R5.7).",
    )
    output_weight = fields.Float(
        string="Output Weight (kg)",
        compute="_compute_output_qty",
        store=True,
        digits="Stock Weight",
    )
    output_calloff_ids = fields.One2many(
        "sale.order.calloff.line", "order_line_id", string="Call-offs"
    )
    output_calloff_qty = fields.Float(
        string="Called Off",
        compute="_compute_output_calloff_qty",
        store=True,
        digits="Product Unit of Measure",
        help="Quantity the customer called off from a stock-preparation order.",
    )

    @api.depends("output_ids.qty_counted", "output_ids.weight", "output_ids.state")
    def _compute_output_qty(self):
        for line in self:
            recorded = line.output_ids.filtered(lambda o: o.state == "done")
            line.output_qty = sum(recorded.mapped("qty_counted"))
            line.output_weight = sum(recorded.mapped("weight"))

    @api.depends("output_calloff_ids.quantity", "output_calloff_ids.state")
    def _compute_output_calloff_qty(self):
        for line in self:
            confirmed = line.output_calloff_ids.filtered(lambda c: c.state == "done")
            line.output_calloff_qty = sum(confirmed.mapped("quantity"))

    def write(self, vals):
        # values that are not a dictionary are refused before they are read
        check_values(self, [vals])
        if not self.env.su:
            _refuse_computed(self, PROTECTED_FIELDS.intersection(vals))
        return super().write(vals)

    def _output_ready_qty(self):
        """Recorded output not yet delivered, at most what is still to
        deliver (in the line's unit); None for a line without output."""
        self.ensure_one()
        if float_compare(self.output_qty, 0, precision_rounding=self._rounding()) <= 0:
            return None
        return max(0.0, min(self.output_qty, self.product_uom_qty) - self.qty_delivered)

    def _output_released_qty(self):
        """Called off and not yet delivered (stock-preparation order)."""
        self.ensure_one()
        return max(
            0.0, min(self.output_calloff_qty, self.product_uom_qty) - self.qty_delivered
        )

    def _output_calloff_open_qty(self):
        """Still to be called off."""
        self.ensure_one()
        return max(0.0, self.product_uom_qty - self.output_calloff_qty)

    def _rounding(self):
        return self.product_uom.rounding or 0.001
