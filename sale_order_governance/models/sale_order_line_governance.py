# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)
from odoo.addons.order_handling_base.models.trusted_scope import is_trusted

# what an approver approved on a line
APPROVAL_LINE_FIELDS = {
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "tax_id",
}


class SaleOrderLine(models.Model):
    """Lines written directly (RPC, imports) are held to the approval of
    their quotation as the order form is (R7.1)."""

    _inherit = "sale.order.line"

    def _governance_check_under_approval(self, orders, names):
        # the key opens nothing unless the server set it in its trusted scope
        if not names or (
            self.env.context.get("skip_validation_check")
            and is_trusted("tier.validation")
        ):
            return
        for order in orders:
            if order.state in ("draft", "sent") and order.review_ids:
                raise ValidationError(
                    self.env._(
                        "The lines of quotation %s are under approval: restart "
                        "the approval before changing them.",
                        order.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        check_values(self, vals_list, other_fields=("order_id",))
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        self._governance_check_under_approval(orders, {"product_id"})
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        self._governance_check_under_approval(
            self.order_id, APPROVAL_LINE_FIELDS.intersection(vals)
        )
        return super().write(vals)

    def unlink(self):
        self._governance_check_under_approval(self.order_id, {"product_id"})
        return super().unlink()

    # ------------------------------------------------------------------
    # Change requests (R7.2): one procurement run for all changed lines
    # ------------------------------------------------------------------

    def _action_launch_stock_rule(self, previous_product_uom_qty=False):
        """While a change request is applied the lines are written one by one;
        their procurements are collected and run once, in one batch."""
        # only the change request's own apply (in sudo) defers: a client's
        # context cannot keep a changed quantity from reaching the stock
        deferred = self.env.su and self.env.context.get(
            "governance_deferred_procurement"
        )
        if not isinstance(deferred, dict):
            return super()._action_launch_stock_rule(
                previous_product_uom_qty=previous_product_uom_qty
            )
        for line in self:
            deferred.setdefault(
                line.id,
                (previous_product_uom_qty or {}).get(line.id, 0.0),
            )
        return True

    def _update_line_quantity(self, values):
        # the change request posts one before/after record instead
        if self.env.su and isinstance(
            self.env.context.get("governance_deferred_procurement"), dict
        ):
            return None
        return super()._update_line_quantity(values)
