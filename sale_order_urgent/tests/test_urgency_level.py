# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.sale_order_intake.tests.test_delivery_date import (
    AcceptedOrderCommon,
)
from odoo.addons.sale_order_intake.tests.test_picking_time import queue_order


@tagged("post_install", "-at_install")
class TestUrgencyLevel(AcceptedOrderCommon):
    """R6.2: each urgency level has its own processing-time targets and
    queue rank: critical before high, tighter targets for critical."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.urgent_policy = cls.env.ref(
            "sale_order_intake.sla_policy_order_submitted_urgent"
        )
        cls.critical_policy = cls.env.ref(
            "sale_order_urgent.sla_policy_order_submitted_critical"
        )

    def _urgent_order(self, level, accept=True, submit=True, days=5):
        order = self._create_order(self.users["sales"])
        order.with_user(self.users["sales"]).write(
            {
                "intake_urgent": True,
                "urgency_level": level,
                "urgent_deadline": fields.Datetime.now() + timedelta(days=3),
                "urgency_assessor_id": self.users["manager"].id,
                "commitment_date": fields.Datetime.now() + timedelta(days=days),
            }
        )
        if accept:
            order.with_user(self.users["manager"]).action_urgent_assess(
                "accepted", "Go"
            )
        if submit:
            order.with_user(self.users["sales"]).action_intake_submit()
        return order

    def _planned(self, order, policy):
        return order._sla_plan_hours(
            policy.calendar_id, order.stage_start, (policy.target_hours,)
        )[0]

    def test_critical_order_gets_the_critical_targets(self):
        """R6.2: a critical order is checked within the critical target (half
        a working hour), a high one within the urgent target (one hour)."""
        critical = self._urgent_order("2")
        high = self._urgent_order("1")
        self.assertEqual(critical._sla_order_class(), "urgent_critical")
        self.assertEqual(high._sla_order_class(), "urgent")
        self.assertEqual(critical.sla_policy_id, self.critical_policy)
        self.assertEqual(high.sla_policy_id, self.urgent_policy)
        self.assertEqual(
            critical.sla_deadline, self._planned(critical, self.critical_policy)
        )
        self.assertEqual(high.sla_deadline, self._planned(high, self.urgent_policy))
        self.assertLess(
            critical.sla_deadline - critical.stage_start,
            high.sla_deadline - high.stage_start,
        )
        # the assessed level is fixed for users (no tighter target without a
        # new assessment); changed by the system, the target follows
        with self.assertRaisesRegex(UserError, "is decided"):
            critical.with_user(self.users["sales"]).write({"urgency_level": "1"})
        with self.assertRaisesRegex(UserError, "is decided"):
            high.with_user(self.users["manager"]).write({"urgency_level": "2"})
        critical.sudo().write({"urgency_level": "1"})
        self.assertEqual(critical.sla_policy_id, self.urgent_policy)

    def test_critical_falls_back_to_the_urgent_targets(self):
        """R6.2: where no critical target is set, a critical order has the
        urgent one, not the target of any order."""
        self.critical_policy.action_archive()
        critical = self._urgent_order("2")
        self.assertEqual(critical.sla_policy_id, self.urgent_policy)
        # a stage with no urgent target either: the policy of any class
        Policy = self.env["order.handling.sla.policy"]
        any_class = Policy.search(
            [
                ("res_model", "=", "sale.order"),
                ("stage", "=", "checked"),
                ("order_class", "=", False),
            ]
        )
        self.assertEqual(
            Policy._get_policies("sale.order")._match(
                critical.company_id, "checked", "urgent_critical"
            ),
            any_class[:1],
        )

    def test_not_accepted_critical_order_is_not_urgent(self):
        """R6.1: the level counts once the urgency is accepted."""
        order = self._urgent_order("2", accept=False)
        self.assertEqual(order.urgency_rank, 0)
        self.assertNotIn(order.sla_policy_id.order_class, ("urgent", "urgent_critical"))

    def test_critical_first_in_the_queue(self):
        """R6.2: the intake queue puts a critical order before a high one,
        and both before a normal order, whatever their promised dates."""
        normal = self._create_order(self.users["sales"])
        normal.write({"commitment_date": fields.Datetime.now() + timedelta(days=1)})
        high = self._urgent_order("1", submit=False, days=2)
        critical = self._urgent_order("2", submit=False, days=4)
        self.assertEqual((normal | high | critical).mapped("urgency_rank"), [0, 1, 2])
        orders = normal | high | critical
        for xmlid in (
            "sale_order_intake.sale_order_intake_view_list",
            "sale_order_intake.sale_order_intake_view_kanban",
        ):
            order = queue_order(self.env, xmlid)
            self.assertIn("urgency_rank desc", order)
            queue = self.env["sale.order"].search(
                [("id", "in", orders.ids)], order=order
            )
            self.assertEqual(queue.ids, [critical.id, high.id, normal.id], xmlid)
