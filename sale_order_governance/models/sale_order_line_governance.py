# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

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
    """Lines written directly (RPC, imports) restart the approval of their
    quotation as the order form does (R7.1)."""

    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        check_values(self, vals_list, other_fields=("order_id",))
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        restarted = orders._governance_restart_approval({"order_line"})
        lines = super().create(vals_list)
        restarted._governance_request_approval_again()
        return lines

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        restarted = self.order_id._governance_restart_approval(
            {"order_line"} if APPROVAL_LINE_FIELDS.intersection(vals) else set()
        )
        result = super().write(vals)
        restarted._governance_request_approval_again()
        return result

    def unlink(self):
        orders = self.order_id
        restarted = orders._governance_restart_approval({"order_line"})
        result = super().unlink()
        restarted._governance_request_approval_again()
        return result

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
