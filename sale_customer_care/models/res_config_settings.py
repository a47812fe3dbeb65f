# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    customer_visit_delay_days = fields.Integer(
        related="company_id.customer_visit_delay_days", readonly=False
    )
    customer_visit_period_days = fields.Integer(
        related="company_id.customer_visit_period_days", readonly=False
    )
    customer_visit_low_score = fields.Integer(
        related="company_id.customer_visit_low_score", readonly=False
    )
    complaint_resolution_hours = fields.Float(
        related="company_id.complaint_resolution_hours", readonly=False
    )
