# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError
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

    def _resolved_meeting(self, make="make"):
        """A non-regular order's review meeting whose resolution awaits the
        general manager's approval (R3.2)."""
        order = self._accepted_order(regular=False)
        review = order.current_review_id
        action = review.with_user(self.users["engineering"]).action_call_meeting()
        meeting = self.env["sale.order.review.meeting"].browse(action["res_id"])
        engineering = meeting.with_user(self.users["engineering"])
        engineering.write(
            {
                "department_ids": [
                    Command.set(self.departments["engineering"].ids),
                ],
            }
        )
        engineering.action_schedule()
        self.env["sale.order.review.opinion"].with_user(self.users["process"]).create(
            {
                "meeting_id": meeting.id,
                "department_id": self.departments["engineering"].id,
                "position": "agree",
                "opinion": "Feasible",
            }
        )
        engineering.write({"make": make, "what_to_make": "CV-7 in stainless"})
        engineering.action_resolve()
        return order, review, meeting

    def test_cancelled_order_stops_resolution_awaiting_gm(self):
        """R7.3, R3.2: the order is cancelled while the meeting's resolution
        awaits the general manager: the review and the meeting are
        cancelled, the general manager's activity is removed, the meeting
        says why, and the resolution can no longer be approved."""
        order, review, meeting = self._resolved_meeting()
        self.assertEqual(review.state, "meeting")
        self.assertEqual(meeting.state, "resolved")
        resolution_type = self.env.ref(
            "sale_order_review.mail_activity_type_resolution"
        )
        self.env.invalidate_all()
        gm_activities = meeting.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == resolution_type
        )
        self.assertIn(self.users["gm"], gm_activities.user_id)
        event = meeting.calendar_event_id
        self.assertTrue(event)
        order.with_user(self.users["sales"]).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(review.state, "cancelled")
        self.assertEqual(meeting.state, "cancelled")
        self.assertFalse(event.exists())
        self.env.invalidate_all()
        self.assertFalse(meeting.sudo().activity_ids)
        self.assertFalse(
            self.env["mail.activity"].search(
                [
                    ("res_model", "=", meeting._name),
                    ("res_id", "=", meeting.id),
                ]
            )
        )
        self.assertIn(order.name, meeting.message_ids[0].body)
        self.assertIn("meeting is cancelled", meeting.message_ids[0].body)
        self.assertIn(order.name, review.message_ids[0].body)
        # the general manager cannot approve what the cancellation stopped
        with self.assertRaisesRegex(UserError, "not possible now"):
            meeting.with_user(self.users["gm"]).action_approve_resolution()
        self.assertEqual(review.state, "cancelled")
        self.assertFalse(review.decision)

    def test_approved_resolution_kept_on_cancel(self):
        """A meeting whose resolution the general manager approved decided
        the review: cancelling the order leaves both as they are."""
        order, review, meeting = self._resolved_meeting()
        review.sudo().write(
            {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}
        )
        meeting.with_user(self.users["gm"]).action_approve_resolution()
        self.assertEqual(review.state, "accepted")
        order.write({"commitment_date": fields.Datetime.now() + timedelta(days=30)})
        order.with_user(self.users["sales"]).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(meeting.state, "approved")
        self.assertEqual(review.state, "accepted")
        self.assertTrue(meeting.approved_uid)
