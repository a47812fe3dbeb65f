# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    output_delivery_recheck = fields.Boolean(
        related="company_id.output_delivery_recheck", readonly=False
    )
    output_reserve_on_acceptance = fields.Boolean(
        related="company_id.output_reserve_on_acceptance", readonly=False
    )
    output_stock_preparation = fields.Boolean(
        related="company_id.output_stock_preparation", readonly=False
    )
