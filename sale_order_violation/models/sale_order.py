# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _violation_archived_orders(self):
        """Hook: the orders of ``self`` (in sudo) whose refusal is a
        violation (R7.8): the archived ones, which are read only through an
        approved access request (R7.7)."""
        orders = self.sudo().exists()
        if "governance_archived" not in orders._fields:
            return orders.browse()
        return orders.filtered("governance_archived")
