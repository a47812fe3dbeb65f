# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

# key fields of a confirmed order, changed only through a change request
LOCKED_ORDER_FIELDS = (
    "partner_id",
    "partner_invoice_id",
    "partner_shipping_id",
    "commitment_date",
    "date_order",
    "validity_date",
    "payment_term_id",
    "pricelist_id",
    "currency_id",
    "fiscal_position_id",
    "client_order_ref",
    "company_id",
)
# key fields of an order line, changed on a confirmed order only through a
# change request
LOCKED_LINE_FIELDS = (
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "tax_id",
    "name",
)


def _changed_fields(record, vals, names):
    """The fields of ``names`` whose value ``vals`` really changes on
    ``record`` (a form sends unchanged values too). A value of the wrong type
    (over RPC) changes the field too: refused as a change, not as an internal
    error."""
    record.ensure_one()
    changed = []
    for name in names:
        if name not in vals or name not in record._fields:
            continue
        field = record._fields[name]
        try:
            new = field.convert_to_record(
                field.convert_to_cache(vals[name], record), record
            )
        except (TypeError, ValueError):
            changed.append(name)
            continue
        if record[name] != new:
            changed.append(name)
    return changed


# the lock that makes the change (R7.2) and cancel (R7.3) requests the only
# way to change a confirmed order: its own file next to the approvals' one
# pylint: disable=consider-merging-classes-inherited
class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _governance_locked_fields(self):
        """Hook: key fields of a confirmed order."""
        return {name for name in LOCKED_ORDER_FIELDS if name in self._fields}

    def _governance_change_controlled(self):
        """A confirmed order whose company switched changes and cancellations
        by request on, in the company's regulated sales teams."""
        self.ensure_one()
        return (
            self.state == "sale"
            and self.company_id.sale_order_change_control
            and self._order_handling_regulated()
        )

    def _governance_check_write(self, vals):
        """The key fields of a confirmed order change only through an
        approved change request, which applies its changes in sudo: no
        context key opens this guard."""
        if self.env.su:
            return
        locked = self._governance_locked_fields().intersection(vals)
        if not locked:
            return
        for order in self.filtered(lambda o: o._governance_change_controlled()):
            changed = _changed_fields(order, vals, locked)
            if changed:
                raise UserError(
                    self.env._(
                        "Order %(order)s is confirmed: %(fields)s can only be "
                        "changed through an approved change request.",
                        order=order.name,
                        fields=", ".join(
                            sorted(
                                order._fields[name]._description_string(self.env)
                                for name in changed
                            )
                        ),
                    )
                )

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        self._governance_check_write(vals)
        return super().write(vals)

    def _action_cancel(self):
        """Where the company switched on changes by request, a confirmed
        order is cancelled only by its approved cancel request (R7.3), whose
        application runs in sudo: Odoo's Cancel button and cancel wizard (and
        any RPC call) are refused for everyone else."""
        if not self.env.su:
            governed = self.filtered(lambda o: o._governance_change_controlled())
            if governed:
                raise UserError(
                    self.env._(
                        "Order %s is confirmed: it is cancelled through a cancel "
                        "request approved by the sales head and the general "
                        "manager (Request Cancellation).",
                        governed[0].name,
                    )
                )
        return super()._action_cancel()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        """Approved orders are records of the company: they cannot be
        deleted (R7.5; sale_order_archive adds transferred and archived
        orders)."""
        for order in self:
            if order.validation_status == "validated":
                raise UserError(
                    self.env._(
                        "%(reason)s It cannot be deleted: cancel it instead.",
                        reason=self.env._("Order %s is approved.", order.name),
                    )
                )


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _governance_check_write(self, vals):
        if self.env.su:
            return
        for line in self.filtered(
            lambda line: line.order_id._governance_change_controlled()
        ):
            changed = _changed_fields(line, vals, LOCKED_LINE_FIELDS)
            if changed:
                raise UserError(
                    self.env._(
                        "Order %(order)s is confirmed: %(fields)s of its line "
                        "%(line)s can only be changed through an approved change "
                        "request.",
                        order=line.order_id.name,
                        line=line.product_id.display_name or line.name,
                        fields=", ".join(
                            sorted(
                                line._fields[name]._description_string(self.env)
                                for name in changed
                            )
                        ),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        check_values(self, vals_list, other_fields=("order_id",))
        if not self.env.su:
            orders = self.env["sale.order"].browse(
                {vals["order_id"] for vals in vals_list if vals.get("order_id")}
            )
            confirmed = orders.filtered(lambda o: o._governance_change_controlled())
            for vals in vals_list:
                # down payments, sections, notes and delivery costs are added
                # to confirmed orders by Odoo's own flows
                if (
                    vals.get("order_id") in confirmed.ids
                    and not vals.get("display_type")
                    and not vals.get("is_downpayment")
                    and not vals.get("is_delivery")
                    and not vals.get("is_expense")
                ):
                    raise UserError(
                        self.env._(
                            "Order %s is confirmed: a product is added only "
                            "through an approved change request.",
                            confirmed.browse(vals["order_id"]).name,
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        self._governance_check_write(vals)
        return super().write(vals)
