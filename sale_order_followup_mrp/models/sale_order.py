# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _followup_prepare_notice_vals(self, step, items, vals):
        vals = super()._followup_prepare_notice_vals(step, items, vals)
        vals["workcenter_id"] = step.workcenter_id.id
        return vals
