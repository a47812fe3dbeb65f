# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    tracking_receipt_required = fields.Boolean(
        string="Customer Confirms Receipt",
        help="The customer confirms the receipt of each delivery (portal "
        "button, or the logistics clerk on their behalf) and an order is "
        "completed only once every delivery is confirmed (R6.3). Off on "
        "installation: orders are completed as before.",
    )
