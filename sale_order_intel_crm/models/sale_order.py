# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # made an editable computed field: a quotation made from an opportunity
    # that came from an intelligence report is linked to that report, so that
    # confirming it rewards the reporter (sale_order_intel)
    intel_report_id = fields.Many2one(
        compute="_compute_intel_report_id",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("opportunity_id")
    def _compute_intel_report_id(self):
        for order in self:
            report = order.opportunity_id.sudo().intel_report_id
            order.intel_report_id = report or order.intel_report_id
