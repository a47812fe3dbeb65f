# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    order_handling_calendar_id = fields.Many2one(
        related="company_id.order_handling_calendar_id",
        readonly=False,
    )
    order_handling_team_ids = fields.Many2many(
        related="company_id.order_handling_team_ids",
        readonly=False,
    )
