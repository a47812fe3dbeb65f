# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # the customer archive's preferences (电商客服 四.3, R8.2), shown to
    # sales next to the customer
    customer_preference_ids = fields.Many2many(
        related="partner_id.commercial_partner_id.customer_preference_ids",
        string="Customer Preferences",
    )
