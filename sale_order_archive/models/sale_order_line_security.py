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

# key fields of an order line, tracked in the order's chatter with
# before/after (R7.5)
TRACKED_LINE_FIELDS = (
    "product_id",
    "name",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
)


class SaleOrderLine(GovernanceExportGuard, models.Model):
    _inherit = "sale.order.line"

    def _archive_check_write(self):
        """The lines of an archived order are read-only (R7.5)."""
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
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        self._archive_check_write()
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
