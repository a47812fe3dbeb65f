# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderIntakeUrgent(models.TransientModel):
    _name = "sale.order.intake.urgent"
    _inherit = ["order.handling.document.mixin"]
    _description = "Assess an Urgent Order"

    order_id = fields.Many2one("sale.order", required=True)
    urgent_deadline = fields.Datetime(related="order_id.urgent_deadline")
    urgency_level = fields.Selection(related="order_id.urgency_level")
    decision = fields.Selection(
        [("accepted", "Feasible: accept"), ("refused", "Not feasible")],
        required=True,
    )
    assessment = fields.Text(
        required=True, help="Resources, capacity, risks: why it is (not) feasible."
    )

    def action_decide(self):
        self.ensure_one()
        # through the copy: the assessor may read no order
        self.env["sale.order.copy"].browse(self.order_id.id).action_urgent_assess(
            self.decision, self.assessment
        )
        return {"type": "ir.actions.act_window_close"}
