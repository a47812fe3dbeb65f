# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    monthly_summary_sent_month = fields.Char(
        string="Monthly Summary Sent For",
        readonly=True,
        copy=False,
        help="The last month (YYYY-MM) whose summary the monthly job sent to "
        "the managers: it is sent once.",
    )
    # R11.3: the logistics cost of an order without a delivery line
    logistics_cost_per_picking = fields.Monetary(
        string="Logistics Cost per Delivery",
        currency_field="currency_id",
        help="Cost of one validated delivery order, counted in the logistics "
        "cost of the orders that have no delivery line (shipping charged by "
        "a carrier).",
    )
    logistics_cost_per_kg = fields.Monetary(
        string="Logistics Cost per kg",
        currency_field="currency_id",
        help="Cost of one kilogram shipped (the products' weight), counted in "
        "the logistics cost of the orders that have no delivery line.",
    )
