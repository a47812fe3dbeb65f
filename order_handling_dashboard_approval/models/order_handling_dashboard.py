# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class OrderHandlingDashboard(models.AbstractModel):
    _inherit = "order.handling.dashboard"

    def _dashboard_tiles(self):
        """The order reviews, product plan and order approvals not decided
        yet, in every department (one query): what the departments still
        owe, beside the approvals waiting for the user."""
        tiles = super()._dashboard_tiles()
        domain = [("outcome", "=", "pending")]
        count = self.env["order.handling.kpi.approval"].search_count(domain)
        tiles.append(
            {
                "key": "approvals_pending",
                "sequence": 60,
                "label": self.env._("Reviews and Approvals Pending"),
                "value": count,
                "unit": "",
                "description": self.env._(
                    "Order reviews, product plan and order approvals not decided"
                ),
                "icon": "fa-hourglass-half",
                "tone": "warning" if count else "success",
                "action": self._tile_action(
                    self.env._("Reviews and Approvals Pending"),
                    "order.handling.kpi.approval",
                    domain,
                    [
                        (
                            "order_handling_dashboard_approval."
                            "order_handling_kpi_approval_view_list",
                            "list",
                        ),
                    ],
                    help_text=self.env._("No review or approval pending"),
                ),
                "items": [],
            }
        )
        return tiles
