# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class SaleCustomerComplaintReturn(models.TransientModel):
    """Return delivered goods of a complaint (R8.4) through OCA ``rma_sale``:
    the lines are the delivered quantities ``rma_sale`` computes for the
    order; the RMAs are created by its own wizard, one per product and lot,
    and linked to the complaint."""

    _name = "sale.customer.complaint.return"
    _inherit = ["order.handling.document.mixin"]
    _description = "Return Goods of a Complaint"

    complaint_id = fields.Many2one(
        "sale.customer.complaint", required=True, ondelete="cascade"
    )
    order_id = fields.Many2one(related="complaint_id.order_id")
    operation_id = fields.Many2one(
        "rma.operation",
        string="Requested Operation",
        required=True,
        default=lambda self: self.env["rma.operation"].search([], limit=1),
        help="Refund, replace, repair …: the operations of the RMA app.",
    )
    line_ids = fields.One2many(
        "sale.customer.complaint.return.line", "wizard_id", string="Lines"
    )

    def _load_lines(self):
        """Delivered quantities per delivery move (and lot) of the order,
        restricted to the complaint's products when it names some."""
        self.ensure_one()
        complaint = self.complaint_id
        products = complaint.product_ids
        lots = complaint.lot_ids
        commands = []
        for line in complaint.order_id.order_line:
            if products and line.product_id not in products:
                continue
            for data in line.prepare_sale_rma_data():
                if not data["quantity"]:
                    continue
                picking = data["picking"]
                moves = (
                    picking.move_ids.filtered(
                        lambda m, line=line: (
                            m.sale_line_id == line and m.state == "done"
                        )
                    )
                    if picking
                    else self.env["stock.move"]
                )
                move_lines = moves.move_line_ids.filtered("lot_id")
                if lots:
                    move_lines = move_lines.filtered(lambda ml: ml.lot_id in lots)
                base = {
                    "product_id": data["product"].id,
                    "uom_id": data["uom"].id,
                    "picking_id": picking.id if picking else False,
                    "sale_line_id": line.id,
                }
                if move_lines:
                    for move_line in move_lines:
                        commands.append(
                            Command.create(
                                dict(
                                    base,
                                    lot_id=move_line.lot_id.id,
                                    delivered_qty=move_line.quantity,
                                    quantity=move_line.quantity,
                                )
                            )
                        )
                else:
                    commands.append(
                        Command.create(
                            dict(
                                base,
                                delivered_qty=data["quantity"],
                                quantity=data["quantity"],
                            )
                        )
                    )
        self.line_ids = [Command.clear()] + commands

    def _check_quantities(self):
        lines = self.line_ids.filtered(lambda line: line.quantity)
        if not lines:
            raise UserError(self.env._("Enter the quantity to return."))
        for line in lines:
            if line.quantity < 0 or (
                float_compare(
                    line.quantity,
                    line.delivered_qty,
                    precision_rounding=line.uom_id.rounding or 0.01,
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s: %(qty)s cannot be returned, only "
                        "%(delivered)s %(uom)s were delivered and not yet returned.",
                        product=line.product_id.display_name,
                        qty=line.quantity,
                        delivered=line.delivered_qty,
                        uom=line.uom_id.name,
                    )
                )
        return lines

    def action_create_rma(self):
        """Create and confirm the RMAs with the ``rma_sale`` wizard."""
        self.ensure_one()
        complaint = self.complaint_id
        complaint._ensure_can("create_return")
        complaint.check_access("write")
        lines = self._check_quantities()
        order = complaint.order_id
        sale_wizard = (
            self.env["sale.order.rma.wizard"]
            .with_context(active_id=order.id)
            .create(
                {
                    "order_id": order.id,
                    "operation_id": self.operation_id.id,
                    "location_id": order.warehouse_id.rma_loc_id.id,
                    "line_ids": [
                        Command.create(line._prepare_sale_wizard_line_vals())
                        for line in lines
                    ],
                }
            )
        )
        rmas = sale_wizard.create_rma()
        for rma, line in zip(rmas, lines, strict=True):
            rma.write({"complaint_id": complaint.id, "lot_id": line.lot_id.id})
        rmas.action_confirm()
        complaint.message_post(
            body=self.env._(
                "Returns created: %(rmas)s", rmas=", ".join(rmas.mapped("name"))
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}


class SaleCustomerComplaintReturnLine(models.TransientModel):
    _name = "sale.customer.complaint.return.line"
    _inherit = ["order.handling.document.mixin"]
    _description = "Return Goods of a Complaint: Line"

    wizard_id = fields.Many2one(
        "sale.customer.complaint.return", required=True, ondelete="cascade"
    )
    product_id = fields.Many2one("product.product", required=True)
    lot_id = fields.Many2one("stock.lot", string="Lot/Serial Number")
    picking_id = fields.Many2one("stock.picking", string="Delivery")
    sale_line_id = fields.Many2one("sale.order.line")
    uom_id = fields.Many2one("uom.uom", string="Unit", required=True)
    delivered_qty = fields.Float(
        string="Returnable", digits="Product Unit of Measure", readonly=True
    )
    quantity = fields.Float(string="To Return", digits="Product Unit of Measure")
    description = fields.Text()

    def _prepare_sale_wizard_line_vals(self):
        """Hook: the ``sale.order.line.rma.wizard`` line of this line."""
        self.ensure_one()
        return {
            "order_id": self.wizard_id.order_id.id,
            "product_id": self.product_id.id,
            "quantity": self.quantity,
            "allowed_quantity": self.delivered_qty,
            "uom_id": self.uom_id.id,
            "picking_id": self.picking_id.id,
            "sale_line_id": self.sale_line_id.id,
            "operation_id": self.wizard_id.operation_id.id,
            "description": self.description or self.wizard_id.complaint_id.display_name,
        }
