# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

# written only by the intake check (in sudo)
LINE_PROTECTED_FIELDS = {
    "intake_class",
    "intake_class_reason",
    "intake_available_qty",
    "intake_shortfall_qty",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    intake_customer_change = fields.Boolean(
        string="Customer Change",
        help="The customer asks for something different from what was shipped "
        "before (specification, material, marking…): the line is non-regular.",
    )
    intake_customer_change_note = fields.Char(string="Requested Change")
    intake_class = fields.Selection(
        [("regular", "Regular"), ("non_regular", "Non-regular")],
        string="Class",
        readonly=True,
        copy=False,
    )
    intake_class_reason = fields.Selection(
        [
            ("customer_change", "Customer change requested"),
            ("never_shipped", "Never shipped"),
            ("docs_incomplete", "Technical documents incomplete"),
        ],
        string="Why Non-regular",
        readonly=True,
        copy=False,
    )
    intake_available_qty = fields.Float(
        string="Forecast at Intake",
        digits="Product Unit of Measure",
        readonly=True,
        copy=False,
        help="Quantity forecast at the delivery date when the order was checked.",
    )
    intake_shortfall_qty = fields.Float(
        string="Shortfall",
        digits="Product Unit of Measure",
        readonly=True,
        copy=False,
        help="What stock and forecast could not cover at the intake check "
        "(fill-rate KPI).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # a line added to a checked order: the check no longer holds
        lines.order_id._intake_invalidate_check()
        return lines

    def unlink(self):
        orders = self.order_id
        result = super().unlink()
        orders.exists()._intake_invalidate_check()
        return result

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        protected = LINE_PROTECTED_FIELDS.intersection(vals)
        if protected and not self.env.su:
            raise UserError(
                self.env._(
                    "The class and stock figures of an order line are set by the "
                    "intake check; they cannot be written directly."
                )
            )
        result = super().write(vals)
        if set(vals) - LINE_PROTECTED_FIELDS:
            self.order_id._intake_invalidate_check()
        return result

    @api.model
    def _intake_shipped_products(self, products):
        """Products that were delivered to a customer before: one grouped
        query for all of them."""
        if not products:
            return products
        groups = (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", products.ids),
                    ("state", "=", "done"),
                    ("location_dest_id.usage", "=", "customer"),
                ],
                groupby=["product_id"],
            )
        )
        return self.env["product.product"].browse([product.id for (product,) in groups])

    def _intake_goods_lines(self):
        """The lines of goods the order delivers, which the intake checks
        and classifies: not sections and notes, shipping charges (*Add
        shipping*), down payments nor services. A line without a product
        stays in, so that the product check reports it."""
        return self.filtered(
            lambda line: (
                not (
                    line.display_type
                    or line.is_delivery
                    or line.is_downpayment
                    or line.product_id.type == "service"
                )
            )
        )

    def _intake_classify(self):
        """Regular or non-regular per line, with the reason (R2.1), in a
        constant number of queries whatever the number of lines."""
        lines = self._intake_goods_lines().filtered("product_id")
        shipped = self._intake_shipped_products(lines.product_id)
        missing_docs = (
            lines.product_id.product_tmpl_id._get_missing_tech_document_types()
        )
        values = {}
        for line in lines:
            if line.intake_customer_change:
                reason = "customer_change"
            elif line.product_id not in shipped:
                reason = "never_shipped"
            elif line.product_id.product_tmpl_id.id in missing_docs:
                reason = "docs_incomplete"
            else:
                reason = False
            values.setdefault(reason, self.browse())
            values[reason] |= line
        for reason, reason_lines in values.items():
            intake_class = "non_regular" if reason else "regular"
            # unchanged lines are not written again: no recompute of the
            # order's class and SLA deadline when nothing changed
            changed = reason_lines.filtered(
                lambda line, c=intake_class, r=reason: (
                    line.intake_class != c or line.intake_class_reason != r
                )
            )
            if changed:
                changed.sudo().write(
                    {"intake_class": intake_class, "intake_class_reason": reason}
                )

    def _intake_snapshot_availability(self):
        """Keep what stock and forecast could serve at the intake check
        (R5.1), in the unit of each line.

        The forecast is read per (warehouse, delivery date) for all products
        at once, as sale_stock does; reading ``virtual_available_at_date``
        instead would also compute the quantity widget, which sale_mrp does
        with one BOM search per line. Lines of one product share its forecast
        in order, so two lines cannot both count the same stock."""
        lines = self._intake_goods_lines().filtered("product_id.is_storable")
        # lines with the same figures are written together
        snapshots = defaultdict(lambda: self.browse())
        groups = defaultdict(lambda: self.browse())
        for line in lines:
            date = line.order_id.commitment_date or line._expected_date()
            groups[(line.warehouse_id.id, date)] |= line
        for (warehouse_id, date), group in groups.items():
            products = group.product_id.with_context(
                to_date=date, warehouse_id=warehouse_id
            )
            forecast = {product.id: product.virtual_available for product in products}
            for line in group.sorted(
                lambda line: (line.order_id.id, line.sequence, line.id)
            ):
                product = line.product_id
                free = forecast[product.id]
                wanted = line.product_uom._compute_quantity(
                    line.product_uom_qty, product.uom_id
                )
                forecast[product.id] = free - wanted
                available = product.uom_id._compute_quantity(
                    max(free, 0.0), line.product_uom
                )
                shortfall = max(0.0, line.product_uom_qty - available)
                if float_compare(shortfall, 0.0, precision_digits=4) <= 0:
                    shortfall = 0.0
                snapshots[(available, shortfall)] |= line
        for (available, shortfall), same in snapshots.items():
            same.sudo().write(
                {"intake_available_qty": available, "intake_shortfall_qty": shortfall}
            )
