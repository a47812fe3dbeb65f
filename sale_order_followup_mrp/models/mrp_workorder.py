# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)


class MrpWorkorder(models.Model):
    _inherit = "mrp.workorder"

    def write(self, vals):
        # values that are not a dictionary are refused before they are read
        check_values(self, [vals])
        result = super().write(vals)
        if vals.get("state") == "done":
            self._followup_finish_notices()
        return result

    def _followup_finish_notices(self):
        """The production notices of the finished work orders' work centres
        and sale orders are done once all their work orders are (R5.6)."""
        productions = self.sudo().production_id
        orders = productions.procurement_group_id.sale_id
        names = [name for name in productions.mapped("origin") if name]
        if not (orders or names):
            return self.env["sale.followup.notice"]
        notices = (
            self.env["sale.followup.notice"]
            .sudo()
            .search(
                [
                    ("state", "in", ("issued", "started")),
                    ("workcenter_id", "in", self.workcenter_id.ids),
                    "|",
                    ("order_id", "in", orders.ids),
                    ("order_ref", "in", names),
                ]
            )
        )
        return notices._followup_done_by_workorders()
