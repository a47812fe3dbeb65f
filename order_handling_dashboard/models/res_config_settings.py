# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    logistics_cost_per_picking = fields.Monetary(
        related="company_id.logistics_cost_per_picking",
        currency_field="currency_id",
        readonly=False,
    )
    logistics_cost_per_kg = fields.Monetary(
        related="company_id.logistics_cost_per_kg",
        currency_field="currency_id",
        readonly=False,
    )
