# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .test_plan import PlanCommon


@tagged("post_install", "-at_install")
class TestPlanCancel(PlanCommon):
    def _cancel(self, order):
        order.with_user(self.users["sales"]).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.assertEqual(order.state, "cancel")

    def test_cancelled_order_cancels_draft_plan(self):
        """R7.3: the plan under approval of a cancelled order is cancelled,
        its tier reviews and activities are gone, and it is no longer
        overdue."""
        plan = self._plan()
        plan.with_user(self.users["engineering"]).request_validation()
        self.assertTrue(plan.review_ids)
        self.assertTrue(plan.sudo().activity_ids)
        self.assertTrue(plan.sla_deadline)
        later = plan.sla_deadline + timedelta(days=1)
        Plan = self.env["sale.engineering.plan"]
        with freeze_time(later):
            self.assertIn(plan, Plan.search([("sla_status", "=", "overdue")]))
        self._cancel(plan.order_id)
        self.assertEqual(plan.state, "cancelled")
        self.env.invalidate_all()
        self.assertFalse(plan.review_ids)
        self.assertFalse(plan.sudo().activity_ids)
        self.assertFalse(plan.sla_deadline)
        with freeze_time(later):
            self.assertNotIn(plan, Plan.search([("sla_status", "=", "overdue")]))

    def test_cancelled_order_cancels_approved_plan_and_deliverables(self):
        plan = self._plan()
        self._approve(plan)
        deliverables = plan.deliverable_ids
        self.assertTrue(deliverables)
        self._cancel(plan.order_id)
        self.assertEqual(plan.state, "cancelled")
        self.env.invalidate_all()
        self.assertFalse(deliverables.sudo().activity_ids)
        self.assertEqual(set(deliverables.mapped("sla_status")), {"none"})
