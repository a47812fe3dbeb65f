# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderIntakeLink(models.TransientModel):
    _name = "sale.order.intake.link"
    _inherit = ["order.handling.document.mixin"]
    _description = "Link a Received Document to an Order"

    mail_id = fields.Many2one("sale.order.intake.mail", required=True)
    partner_id = fields.Many2one(related="mail_id.partner_id")
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        domain="[('state', 'in', ('draft', 'sent', 'sale'))]",
    )

    def action_link(self):
        self.ensure_one()
        self.mail_id._check_new()
        self.mail_id._link_to_order(self.order_id)
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.order_id.id,
            "view_mode": "form",
        }
