# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where urgent orders (sale_order_urgent) meet reviews (sale_order_review):
the intake's deadline hook caps the review's processing-time target."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.sale_order_review.tests.test_review import ReviewCommon


@tagged("post_install", "-at_install")
class TestReviewUrgentDeadline(ReviewCommon):
    def test_urgent_review_never_due_after_the_order_deadline(self):
        """R6.2: the review of an accepted urgent order is due at the latest
        when the order is needed."""
        order = self._create_order(self.users["sales"])
        order.with_user(self.users["sales"]).write(
            {
                "intake_urgent": True,
                "urgent_deadline": fields.Datetime.now() + timedelta(minutes=30),
                "urgency_assessor_id": self.users["manager"].id,
                "commitment_date": fields.Datetime.now() + timedelta(days=2),
            }
        )
        order.with_user(self.users["manager"]).action_urgent_assess("accepted", "Go")
        order.with_user(self.users["sales"]).action_intake_submit()
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        review = order.current_review_id
        self.assertEqual(review.priority, "1")
        self.assertEqual(review.sla_policy_id.order_class, "urgent")
        self.assertEqual(review.sla_deadline, order.urgent_deadline)
        later = order.urgent_deadline + timedelta(hours=2)
        order.with_user(self.users["sales"]).write({"urgent_deadline": later})
        self.assertLessEqual(review.sla_deadline, later)
