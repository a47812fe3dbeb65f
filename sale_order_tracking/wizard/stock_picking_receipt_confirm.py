# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.stock_picking import RECEIPT_CHANNELS


class StockPickingReceiptConfirm(models.TransientModel):
    """The logistics clerk records that the customer confirmed the receipt
    of deliveries: how and when (R6.3)."""

    _name = "stock.picking.receipt.confirm"
    _description = "Record Customer Receipt"

    picking_ids = fields.Many2many(
        "stock.picking",
        string="Deliveries",
        required=True,
        readonly=True,
    )
    channel = fields.Selection(
        [item for item in RECEIPT_CHANNELS if item[0] != "portal"],
        string="Confirmed Through",
        required=True,
        default="phone",
    )
    date = fields.Datetime(
        string="Confirmed On", required=True, default=fields.Datetime.now
    )
    note = fields.Char(help="Who confirmed, what they said.")

    def action_confirm(self):
        self.ensure_one()
        self.picking_ids.action_receipt_record(
            self.channel, date=self.date, note=self.note
        )
        return {"type": "ir.actions.act_window_close"}
