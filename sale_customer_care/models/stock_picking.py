# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    customer_visit_ids = fields.One2many(
        "sale.customer.visit", "picking_id", string="Follow-up Visits"
    )
