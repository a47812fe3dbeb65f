# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrderIntakeReturn(models.TransientModel):
    _name = "sale.order.intake.return"
    _inherit = ["order.handling.document.mixin"]
    _description = "Return an Order to Sales"

    order_id = fields.Many2one("sale.order", required=True)
    reason = fields.Text(
        required=True, compute="_compute_reason", store=True, readonly=False
    )

    @api.depends("order_id")
    def _compute_reason(self):
        for wizard in self:
            wizard.reason = "\n".join(
                wizard.order_id.intake_issue_ids.mapped("message")
            )

    def action_return(self):
        self.ensure_one()
        self.order_id.action_intake_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
