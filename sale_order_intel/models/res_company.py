# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    intel_info_fee_amount = fields.Monetary(
        string="Information Fee",
        currency_field="currency_id",
        default=200.0,
        help="Paid for an intelligence report evaluated as valuable.",
    )
    intel_reward_rate = fields.Float(
        string="Thank-you Reward Rate (%)",
        default=1.0,
        help="Share of the untaxed amount of a confirmed order linked to a "
        "report, paid to its reporter.",
    )
    intel_reward_max_amount = fields.Monetary(
        string="Thank-you Reward Cap",
        currency_field="currency_id",
        help="Upper limit of one thank-you reward; 0 means no limit.",
    )
