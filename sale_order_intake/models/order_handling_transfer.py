# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class OrderHandlingTransfer(models.Model):
    _inherit = "order.handling.transfer"

    def _sla_deadline_caps(self):
        """An urgent slip is never due after the deadline of its accepted
        urgent order (R6.2): the working-hour target of the urgent policy
        may end later."""
        caps = super()._sla_deadline_caps()
        urgent = self.filtered(lambda slip: slip.priority == "1")
        if not urgent:
            return caps
        order_of = urgent._order_copy_order_ids()
        orders = (
            self.env["sale.order"]
            .sudo()
            .browse({order_id for order_id in order_of.values() if order_id})
        )
        deadlines = {
            order.id: order.urgent_deadline
            for order in orders
            if order.intake_priority == "1" and order.urgent_deadline
        }
        for slip in urgent:
            deadline = deadlines.get(order_of.get(slip.id))
            if deadline:
                caps[slip.id] = min(deadline, caps.get(slip.id) or deadline)
        return caps
