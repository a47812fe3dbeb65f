# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OrderHandlingTransferCancel(models.TransientModel):
    _name = "order.handling.transfer.cancel"
    _inherit = ["order.handling.document.mixin"]
    _description = "Cancel Transfer Slips"

    transfer_ids = fields.Many2many(
        "order.handling.transfer", string="Transfer Slips", required=True
    )
    reason = fields.Text(required=True)

    def action_cancel(self):
        self.ensure_one()
        self.transfer_ids.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
