# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.sale_order_intake.tests.test_delivery_date import (
    AcceptedOrderCommon,
)


@tagged("post_install", "-at_install")
class TestUrgentDeadlineCap(AcceptedOrderCommon):
    def _accepted_urgent_order(self, needed_in):
        order = self._create_order(self.users["sales"])
        order.with_user(self.users["sales"]).write(
            {
                "intake_urgent": True,
                "urgent_deadline": fields.Datetime.now() + needed_in,
                "urgency_assessor_id": self.users["manager"].id,
                "commitment_date": fields.Datetime.now() + timedelta(days=2),
            }
        )
        order.with_user(self.users["manager"]).action_urgent_assess("accepted", "Go")
        order.with_user(self.users["sales"]).action_intake_submit()
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        return order

    def test_urgent_slip_never_due_after_the_order_deadline(self):
        """R6.2: the urgent slips' working-hour target (two working hours)
        ends after the order is needed: the slips are due when the order is."""
        order = self._accepted_urgent_order(timedelta(minutes=30))
        slips = order.sudo().transfer_slip_ids
        self.assertTrue(slips)
        self.assertEqual(set(slips.mapped("priority")), {"1"})
        self.assertEqual(set(slips.sla_policy_id.mapped("order_class")), {"urgent"})
        for slip in slips:
            self.assertEqual(slip.sla_deadline, order.urgent_deadline)
            self.assertLessEqual(slip.sla_at_risk_date, slip.sla_deadline)
        # the deadline moves earlier: the slips follow it
        earlier = order.urgent_deadline - timedelta(minutes=20)
        order.with_user(self.users["sales"]).write({"urgent_deadline": earlier})
        self.env.flush_all()
        self.assertEqual(set(slips.mapped("sla_deadline")), {earlier})

    def test_urgent_slip_keeps_an_earlier_target(self):
        order = self._accepted_urgent_order(timedelta(days=10))
        for slip in order.sudo().transfer_slip_ids:
            self.assertLess(slip.sla_deadline, order.urgent_deadline)
