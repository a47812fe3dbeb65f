# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    output_delivery_recheck = fields.Boolean(
        string="Re-checked Deliveries",
        help="A delivery of a sale order is validated only once it was "
        "prepared, re-checked by a second person of the warehouse and given a "
        "driver and a vehicle (R5.7). Off on installation: deliveries are "
        "validated as in plain Odoo.",
    )
    output_reserve_on_acceptance = fields.Boolean(
        string="Reserve Stock at Acceptance",
        help="When logistics accepts an order (or confirms an accepted one), "
        "the available stock is reserved for its deliveries, whatever the "
        "reservation method of the operation type (R5.7, 接单员 ⑤).",
    )
    output_stock_preparation = fields.Boolean(
        string="Stock-preparation Orders",
        help="The deliveries of a stock-preparation order (备货单) are held: "
        "stock is reserved for them at confirmation and they ship only what "
        "the customer called off (R5.7).",
    )
