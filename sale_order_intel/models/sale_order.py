# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    intel_report_id = fields.Many2one(
        "sale.intel.report",
        string="Intelligence Report",
        index="btree_not_null",
        copy=False,
        check_company=True,
        tracking=True,
        help="The intelligence report this order came from: confirming the "
        "order marks the report as won and rewards its reporter.",
    )
    intel_reward_ids = fields.One2many(
        "sale.intel.reward", "sale_order_id", string="Intelligence Rewards"
    )

    def _action_confirm(self):
        result = super()._action_confirm()
        linked = self.filtered("intel_report_id").sudo()
        if linked:
            linked.intel_report_id._on_order_confirmed(linked)
        return result
