# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .test_review import ReviewCommon


@tagged("post_install", "-at_install")
class TestReviewCancel(ReviewCommon):
    def test_cancelled_order_cancels_open_review(self):
        """R7.3: the salesperson cancels the quotation under review: the
        review stops, its activity is removed and it is no longer overdue."""
        order = self._accepted_order()
        review = order.current_review_id
        self.assertEqual(review.state, "to_review")
        self.assertTrue(review.sudo().activity_ids)
        Review = self.env["sale.order.review"]
        later = review.sla_deadline + timedelta(days=1)
        with freeze_time(later):
            self.assertEqual(review.sla_status, "overdue")
            self.assertIn(review, Review.search([("sla_status", "=", "overdue")]))
        order.with_user(self.users["sales"]).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(review.state, "cancelled")
        self.assertFalse(order.current_review_id)
        self.env.invalidate_all()
        self.assertFalse(review.sudo().activity_ids)
        self.assertFalse(review.sla_deadline)
        self.assertIn(order.name, review.message_ids[0].body)
        with freeze_time(later):
            review.invalidate_recordset(["sla_status"])
            self.assertEqual(review.sla_status, "none")
            self.assertNotIn(review, Review.search([("sla_status", "=", "overdue")]))

    def test_decided_review_kept_on_cancel(self):
        order = self._accepted_order()
        review = order.current_review_id.with_user(self.users["workshop"])
        review.write(
            {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}
        )
        review.action_accept()
        order.write({"commitment_date": fields.Datetime.now() + timedelta(days=30)})
        order.with_user(self.users["sales"]).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.assertEqual(review.state, "accepted")
