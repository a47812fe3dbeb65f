# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderIntakeDate(models.TransientModel):
    _name = "sale.order.intake.date"
    _inherit = ["order.handling.document.mixin"]
    _description = "Propose a Delivery Date"

    order_id = fields.Many2one("sale.order", required=True)
    requested_date = fields.Datetime(
        related="order_id.commitment_date",
        string="Requested by the Customer",
        help="The delivery date the order asks for.",
    )
    date = fields.Datetime(string="Delivery Date", required=True)

    def action_propose(self):
        self.ensure_one()
        # through the copy: the supervisor who answers reads no order
        self.env["sale.order.copy"].browse(self.order_id.id).action_intake_propose_date(
            self.date
        )
        return {"type": "ir.actions.act_window_close"}
