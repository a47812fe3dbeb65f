# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    intel_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Intelligence Currency"
    )
    intel_info_fee_amount = fields.Monetary(
        related="company_id.intel_info_fee_amount",
        readonly=False,
        currency_field="intel_currency_id",
    )
    intel_reward_rate = fields.Float(
        related="company_id.intel_reward_rate", readonly=False
    )
    intel_reward_max_amount = fields.Monetary(
        related="company_id.intel_reward_max_amount",
        readonly=False,
        currency_field="intel_currency_id",
    )
