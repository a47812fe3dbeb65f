# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

from .sale_order_security import GovernanceExportGuard

# key fields of an order line: changed on a confirmed order only through a
# change request, tracked in the order's chatter with before/after (R7.5)
LOCKED_LINE_FIELDS = (
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "tax_id",
    "name",
)
TRACKED_LINE_FIELDS = (
    "product_id",
    "name",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
)


# this half of the addon (R7.4–R7.7) extends the model in its own file, next
# to the approvals half's (R7.1–R7.3)
# pylint: disable=consider-merging-classes-inherited


class SaleOrderLine(GovernanceExportGuard, models.Model):
    _inherit = "sale.order.line"

    def _governance_changed_fields(self, vals, names):
        """The fields of ``names`` whose value ``vals`` really changes on this
        line (a form sends unchanged values too)."""
        self.ensure_one()
        changed = []
        for name in names:
            if name not in vals or name not in self._fields:
                continue
            field = self._fields[name]
            try:
                new = field.convert_to_record(
                    field.convert_to_cache(vals[name], self), self
                )
            except (TypeError, ValueError):
                # a value of the wrong type (over RPC) changes the field too:
                # refused as a change, not as an internal error
                changed.append(name)
                continue
            if self[name] != new:
                changed.append(name)
        return changed

    def _governance_check_write(self, vals):
        if self.env.su:
            return
        for line in self:
            if line.order_id.governance_archive_id:
                raise UserError(
                    self.env._(
                        "Order %s is archived: its lines are read-only.",
                        line.order_id.name,
                    )
                )
        # the change request applies its changes in sudo (above); no context
        # key opens this guard
        for line in self.filtered(
            lambda line: line.order_id._governance_change_controlled()
        ):
            changed = line._governance_changed_fields(vals, LOCKED_LINE_FIELDS)
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
            archived = orders.filtered("governance_archive_id")
            if archived:
                raise UserError(
                    self.env._(
                        "Order %s is archived: no line can be added.",
                        archived[0].name,
                    )
                )
            confirmed = orders.filtered(lambda o: o._governance_change_controlled())
            if confirmed:
                for vals in vals_list:
                    # down payments, sections, notes and delivery costs are
                    # added to confirmed orders by Odoo's own flows
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
        # Odoo's tracking_disable switches this record off only for the
        # server (the change request keeps its own before/after record)
        if (self.env.su and self.env.context.get("tracking_disable")) or not any(
            name in vals for name in TRACKED_LINE_FIELDS
        ):
            return super().write(vals)
        before = {
            line.id: {name: line[name] for name in TRACKED_LINE_FIELDS}
            for line in self
            if not line.display_type
        }
        result = super().write(vals)
        self._governance_track_lines(before)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_archived(self):
        if self.env.su:
            return
        for line in self:
            if line.order_id.governance_archive_id:
                raise UserError(
                    self.env._(
                        "Order %s is archived: its lines cannot be deleted.",
                        line.order_id.name,
                    )
                )

    def _governance_track_lines(self, before):
        """One chatter note per order with a tracking value per changed field
        of its lines (who, when, before/after)."""
        Tracking = self.env["mail.tracking.value"]
        by_order = defaultdict(list)
        for line in self:
            old_values = before.get(line.id)
            if not old_values:
                continue
            for name in TRACKED_LINE_FIELDS:
                if line[name] != old_values[name]:
                    by_order[line.order_id].append((line, name, old_values[name]))
        if not by_order:
            return
        descriptions = self.fields_get(list(TRACKED_LINE_FIELDS))
        for order, changes in by_order.items():
            tracking_vals = []
            lines = self.browse()
            for line, name, old in changes:
                if name not in descriptions:  # hidden from this user
                    descriptions[name] = self.sudo().fields_get([name])[name]
                tracking_vals.append(
                    Tracking._create_tracking_values(
                        old, line[name], name, descriptions[name], line
                    )
                )
                lines |= line
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("Order lines changed:"),
                Markup().join(
                    Markup("<li>%s</li>") % (line.product_id.display_name or line.name)
                    for line in lines
                ),
            )
            order.sudo()._message_log(
                body=body,
                tracking_value_ids=[(0, 0, vals) for vals in tracking_vals],
            )
