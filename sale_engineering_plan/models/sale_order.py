# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    plan_ids = fields.One2many(
        "sale.engineering.plan", "order_id", string="Product Plans"
    )
    plan_count = fields.Integer(compute="_compute_plan_count")

    def _action_cancel(self):
        result = super()._action_cancel()
        self.sudo().plan_ids._cancel_with_order()
        return result

    def _compute_plan_count(self):
        for order in self:
            order.plan_count = len(order.plan_ids)

    def action_view_plans(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Product Plans"),
            "res_model": "sale.engineering.plan",
            "view_mode": "list,form",
            "domain": [("order_id", "=", self.id)],
            "context": {"create": False},
        }
