# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class OrderHandlingTransfer(models.Model):
    _inherit = "order.handling.transfer"

    def _sla_deadline_caps(self):
        """A slip is never due after its order's own deadline
        (``sale.order._intake_deadline_cap``, e.g. an accepted urgent order's
        "needed by", R6.2): the working-hour target may end later."""
        caps = super()._sla_deadline_caps()
        order_of = self._order_copy_order_ids()
        orders = (
            self.env["sale.order"]
            .sudo()
            .browse({order_id for order_id in order_of.values() if order_id})
        )
        deadlines = {order.id: order._intake_deadline_cap() for order in orders}
        for slip in self:
            deadline = deadlines.get(order_of.get(slip.id))
            if deadline:
                caps[slip.id] = min(deadline, caps.get(slip.id) or deadline)
        return caps
