# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderIntakeClassify(models.TransientModel):
    _name = "sale.order.intake.classify"
    _inherit = ["order.handling.document.mixin"]
    _description = "Change the Class of an Order"

    order_id = fields.Many2one("sale.order", required=True)
    computed_class = fields.Selection(related="order_id.intake_class_computed")
    computed_reason = fields.Char(related="order_id.intake_class_reason")
    order_class = fields.Selection(
        [("regular", "Regular"), ("non_regular", "Non-regular")],
        string="New Class",
        required=True,
    )
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.order_id._intake_override_class(self.order_class, self.reason)
        return {"type": "ir.actions.act_window_close"}
