# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.translate import LazyTranslate

from odoo.addons.sale_order_intake.models.sale_order import TRANSFERRED_STAGES

from .stock_picking import PREPARERS

_lt = LazyTranslate(__name__)

#: computed by the server from the recorded output: never written by a client
PROTECTED_FIELDS = {"output_progress", "output_weight"}
#: states of a move whose stock can still be reserved
RESERVABLE = ("confirmed", "waiting", "partially_available")


def _refuse_computed(records, names):
    """Refuse a client's write of output figures the server computes."""
    if names:
        raise UserError(
            records.env._(
                "%(fields)s are computed from the recorded output and call-offs: "
                "they cannot be written.",
                fields=", ".join(
                    sorted(
                        records._fields[name]._description_string(records.env)
                        for name in names
                    )
                ),
            )
        )


class SaleOrder(models.Model):
    _inherit = "sale.order"

    output_ids = fields.One2many("sale.order.output", "order_id")
    output_progress = fields.Float(
        string="Output (%)",
        compute="_compute_output_progress",
        store=True,
        index="btree_not_null",
        aggregator="avg",
        digits=(16, 1),
        help="Recorded output against the ordered quantity of the goods "
        "lines (R5.7): 100 when everything ordered has been produced.",
    )
    output_weight = fields.Float(
        string="Output Weight (kg)",
        compute="_compute_output_progress",
        store=True,
        digits="Stock Weight",
    )
    output_count = fields.Integer(
        string="Output Lines", compute="_compute_output_count"
    )
    output_calloff_ids = fields.One2many(
        "sale.order.calloff", "order_id", string="Call-offs"
    )
    can_output_prepare_delivery = fields.Boolean(compute="_compute_can_buttons")
    can_output_prepare_stock = fields.Boolean(compute="_compute_can_buttons")
    can_output_calloff = fields.Boolean(compute="_compute_can_buttons")
    output_is_stock_preparation = fields.Boolean(
        string="Held for Call-off",
        compute="_compute_output_is_stock_preparation",
        help="A stock-preparation order (备货单) of a company that holds "
        "such orders: stock is prepared, deliveries wait for the customer's "
        "call-off.",
    )

    @api.depends(
        "order_line.output_qty",
        "order_line.output_weight",
        "order_line.product_uom_qty",
    )
    def _compute_output_progress(self):
        for order in self:
            lines = order.order_line.filtered(
                lambda line: not line.display_type and line.product_id.type == "consu"
            )
            ordered = sum(lines.mapped("product_uom_qty"))
            produced = sum(min(line.output_qty, line.product_uom_qty) for line in lines)
            order.output_progress = 100.0 * produced / ordered if ordered else 0.0
            order.output_weight = sum(lines.mapped("output_weight"))

    def _compute_output_count(self):
        counts = dict(
            self.env["sale.order.output"]._read_group(
                [("order_id", "in", self.ids), ("state", "=", "done")],
                ["order_id"],
                ["__count"],
            )
        )
        for order in self:
            order.output_count = counts.get(order, 0)

    @api.depends("intake_document_type", "company_id.output_stock_preparation")
    def _compute_output_is_stock_preparation(self):
        for order in self:
            order.output_is_stock_preparation = (
                order.intake_document_type == "stock_preparation"
                and order.company_id.output_stock_preparation
                and order._order_handling_regulated()
            )

    def write(self, vals):
        if not self.env.su:
            _refuse_computed(self, PROTECTED_FIELDS.intersection(vals))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Allocation at acceptance (接单员 ⑤)
    # ------------------------------------------------------------------

    def action_intake_accept(self):
        result = super().action_intake_accept()
        self._output_reserve_accepted()
        return result

    def _action_confirm(self):
        result = super()._action_confirm()
        preparation = self.filtered("output_is_stock_preparation")
        if preparation:
            preparation._output_hold_deliveries()
        accepted = self.filtered(lambda order: order.intake_stage in TRANSFERRED_STAGES)
        (accepted | preparation)._output_reserve_accepted(force=preparation)
        return result

    def _output_reserve_accepted(self, force=None):
        """Reserve the available stock for the deliveries of the accepted
        orders of ``self`` whose company switched it on (``force``: orders
        reserved whatever the setting, e.g. stock-preparation orders)."""
        force = force or self.browse()
        orders = self.filtered(
            lambda order: (
                order in force
                or (
                    order.company_id.output_reserve_on_acceptance
                    and order._order_handling_regulated()
                )
            )
        )
        # a partly reserved delivery is "ready" (shipped as it comes): its
        # moves say what is still to reserve
        pickings = orders.sudo().picking_ids.filtered(
            lambda picking: (
                picking.state not in ("draft", "done", "cancel")
                and any(move.state in RESERVABLE for move in picking.move_ids)
            )
        )
        if not pickings:
            return pickings
        pickings.action_assign()
        for order in orders:
            mine = pickings.filtered(
                lambda picking, order=order: picking.sale_id == order
            )
            if mine:
                order.sudo().message_post(
                    body=self.env._(
                        "Stock reserved for the deliveries: %s.",
                        ", ".join(
                            f"{picking.name} ({picking._output_state_label()})"
                            for picking in mine
                        ),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return pickings

    # ------------------------------------------------------------------
    # Deliveries from output
    # ------------------------------------------------------------------

    def _output_ready_pickings(self):
        return self.picking_ids.filtered(
            lambda picking: (
                picking.picking_type_code == "outgoing"
                and picking.state not in ("draft", "done", "cancel")
            )
        )

    # ------------------------------------------------------------------
    # Button rules (order.handling.button.mixin)
    # ------------------------------------------------------------------

    def _output_refuse_confirmed(self):
        self.ensure_one()
        if self.state != "sale":
            return self.env._(
                "Order %s is not confirmed: output and deliveries follow "
                "confirmed orders.",
                self.name,
            )
        return ""

    def _refuse_output_prepare_delivery(self):
        if (
            refusal := self._refuse_unless_groups(*PREPARERS)
            or self._output_refuse_confirmed()
        ):
            return refusal
        if not self.output_progress:
            return self.env._(
                "Order %s has no recorded output: deliveries are prepared from "
                "recorded output.",
                self.name,
            )
        if self.delivery_status == "full" or not self.sudo()._output_ready_pickings():
            return self.env._("Order %s has no open delivery to prepare.", self.name)
        return ""

    def _refuse_output_prepare_stock(self):
        return (
            self._refuse_unless_groups(*PREPARERS)
            or self._output_refuse_stock_preparation()
        )

    def _refuse_output_calloff(self):
        if (
            refusal := self.env["sale.order.calloff"]._output_refuse_caller()
            or self._output_refuse_stock_preparation()
        ):
            return refusal
        if self.delivery_status == "full":
            return self.env._(
                "Order %s is delivered in full: nothing is left to call off.",
                self.name,
            )
        return ""

    # ------------------------------------------------------------------
    # Deliveries from output (R5.7)
    # ------------------------------------------------------------------

    def action_output_prepare_delivery(self):
        """Prepare the open deliveries of the orders from their recorded,
        not yet delivered output (R5.7)."""
        self._ensure_can("output_prepare_delivery")
        pickings = self.sudo()._output_ready_pickings()
        pickings.with_env(self.env).action_output_prepare()
        return self._output_open_pickings(pickings)

    def _output_open_pickings(self, pickings):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        if len(pickings) == 1:
            action.update(
                views=[(self.env.ref("stock.view_picking_form").id, "form")],
                res_id=pickings.id,
            )
        else:
            action["domain"] = [("id", "in", pickings.ids)]
        return action

    def action_view_output(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_order_output.sale_order_output_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"search_default_filter_recorded": 1}
        action["view_mode"] = "list,pivot,graph"
        action["views"] = [(False, "list"), (False, "pivot"), (False, "graph")]
        return action

    # ------------------------------------------------------------------
    # Stock-preparation orders (备货单)
    # ------------------------------------------------------------------

    def _output_hold_deliveries(self):
        """The deliveries of a stock-preparation order wait for the
        customer's call-off."""
        self.sudo().picking_ids.filtered(
            lambda picking: (
                picking.picking_type_code == "outgoing"
                and picking.state not in ("done", "cancel")
            )
        ).write({"output_calloff_hold": True})

    def _output_refuse_stock_preparation(self):
        self.ensure_one()
        if not self.output_is_stock_preparation:
            return self.env._(
                "Order %s is not a stock-preparation order held for call-off.",
                self.name,
            )
        if self.state != "sale":
            return self.env._(
                "Stock-preparation order %s is not confirmed yet.", self.name
            )
        return ""

    def action_output_prepare_stock(self):
        """Prepare the stock of a stock-preparation order ahead of the
        call-off: reserve what is available; for what is still short, run a
        replenishment (the product's routes: buy, manufacture…) into the
        warehouse's stock, or tell the warehouse when no route replenishes
        it."""
        self._ensure_can("output_prepare_stock")
        self._output_reserve_accepted(force=self)
        for order in self.sudo():
            order._output_replenish_shortfall()
        return True

    def _output_shortfalls(self):
        """{product: quantity in its unit} not reserved yet for the held
        deliveries of the order."""
        self.ensure_one()
        short = {}
        moves = self._output_ready_pickings().move_ids.filtered(
            lambda move: (
                move.state not in ("done", "cancel") and move.product_id.is_storable
            )
        )
        for move in moves:
            missing = move.product_qty - move.product_uom._compute_quantity(
                move.quantity, move.product_id.uom_id
            )
            if (
                float_compare(
                    missing, 0, precision_rounding=move.product_id.uom_id.rounding
                )
                > 0
            ):
                short[move.product_id] = short.get(move.product_id, 0.0) + missing
        return short

    def _output_replenish_shortfall(self):
        """Run one procurement per short product into the stock of the
        order's warehouse; what no route replenishes is reported to the
        warehouse department."""
        self.ensure_one()
        short = self._output_shortfalls()
        if not short:
            return
        Group = self.env["procurement.group"]
        location = self.warehouse_id.lot_stock_id
        failed = self.env["product.product"]
        for product, qty in short.items():
            procurement = Group.Procurement(
                product,
                qty,
                product.uom_id,
                location,
                self.name,
                self.name,
                self.company_id,
                {
                    "warehouse_id": self.warehouse_id,
                    "group_id": self.procurement_group_id,
                    "date_planned": fields.Datetime.now(),
                },
            )
            try:
                with self.env.cr.savepoint():
                    Group.run([procurement])
            except UserError:
                failed |= product
        lines = [
            self.env._(
                "%(qty)s %(unit)s of %(product)s",
                qty=short[product],
                unit=product.uom_id.name,
                product=product.display_name,
            )
            for product in short
        ]
        body = Markup("%s<ul>%s</ul>") % (
            self.env._("Stock prepared; still short, replenishment requested:"),
            Markup().join(Markup("<li>%s</li>") % line for line in lines),
        )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        if failed:
            self._output_notify_warehouse(failed)

    def _output_notify_warehouse(self, products):
        """No route replenishes ``products``: an activity for the warehouse
        department's responsible on the order's copy (R5.7)."""
        self.ensure_one()
        department = self.env["order.handling.department"]._get_by_code(
            ["warehouse"], self.company_id
        )
        copy = self.env["sale.order.copy"]._copy_of(self)
        # the responsible's activity in their language, the message in the
        # acting env's
        note = _lt(
            "Stock-preparation order %(order)s: no route replenishes %(products)s; "
            "buy or produce it before the customer's call-off.",
            order=self.name,
            products=", ".join(products.mapped("display_name")),
        )
        copy._notify_departments(
            department,
            self.env._(note),
            activity={
                "act_type_xmlid": "mail.mail_activity_data_todo",
                "summary": _lt("Replenish stock-preparation order"),
                "note": note,
            },
        )

    def action_output_calloff(self):
        """Open a call-off of the customer, its lines filled with what is
        still to call off."""
        self._ensure_can("output_calloff")
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Call-off"),
            "res_model": "sale.order.calloff",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }
