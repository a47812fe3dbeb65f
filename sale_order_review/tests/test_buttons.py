# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sale_order_intake.tests.test_delivery_date import (
    AcceptedOrderCommon,
)

ASSESSED = {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}
DECISION_FLAGS = ("can_accept", "can_accept_conditions", "can_reject")
MEETING_FLAGS = (
    "can_schedule",
    "can_resolve",
    "can_approve_resolution",
    "can_cancel",
)


@tagged("post_install", "-at_install")
class TestReviewButtons(AcceptedOrderCommon):
    """Issue 17: each button of the review and of its meeting shows exactly
    when the server accepts the step, and the server refuses what the form
    hides with the rule's sentence, writing nothing."""

    def _pass_review(self, order):
        """The review is what is tested: leave it open."""

    def _flags(self, record, user, names):
        record = record.with_user(user)
        record.invalidate_recordset(list(names))
        return {name: record[name] for name in names}

    def test_decision_buttons_follow_the_reviewer_and_the_state(self):
        """R3.1: only the reviewer of the order's class in the reviewing
        department decides an open review; a meeting is only for non-regular
        orders (R3.2)."""
        order = self._accepted_order()
        review = order.current_review_id
        review.sudo().write(dict(ASSESSED, conditions="Two shifts"))
        workshop, engineering = self.users["workshop"], self.users["engineering"]
        self.assertEqual(
            self._flags(review, workshop, DECISION_FLAGS + ("can_call_meeting",)),
            {
                "can_accept": True,
                "can_accept_conditions": True,
                "can_reject": True,
                "can_call_meeting": False,
            },
        )
        self.assertFalse(any(self._flags(review, engineering, DECISION_FLAGS).values()))
        # the wrong supervisor: hidden and refused, nothing written
        for action in ("action_accept", "action_accept_conditions", "action_reject"):
            with self.assertRaisesRegex(AccessError, "reviews %s" % review.name):
                getattr(review.with_user(engineering), action)()
        self.assertEqual(review.state, "to_review")
        self.assertFalse(review.decision)
        # no meeting for a regular order, even for its reviewer
        with self.assertRaisesRegex(UserError, "non-regular"):
            review.with_user(workshop).action_call_meeting()
        self.assertFalse(review.meeting_ids)
        # the reviewer decides; then nothing more is open
        review.with_user(workshop).action_accept_conditions()
        self.assertEqual(review.decision, "accept_conditions")
        self.assertFalse(any(self._flags(review, workshop, DECISION_FLAGS).values()))
        with self.assertRaisesRegex(UserError, "already decided"):
            review.with_user(workshop).action_reject()
        self.assertEqual(review.state, "accepted")
        self.assertEqual(review.decision, "accept_conditions")

    def test_missing_assessment_keeps_the_button(self):
        """R3.1: what the reviewer must write first is not part of the rule:
        the button shows and the server says what is missing."""
        review = self._accepted_order().current_review_id
        reviewer = review.with_user(self.users["workshop"])
        self.assertTrue(reviewer.can_accept)
        with self.assertRaisesRegex(UserError, "Assess"):
            reviewer.action_accept()
        self.assertEqual(review.state, "to_review")

    def test_meeting_buttons_follow_the_organiser_and_the_state(self):
        """R3.2: the engineering supervisor calls, schedules, resolves and
        cancels the meeting of a non-regular order; the general manager only
        approves its resolution."""
        review = self._accepted_order(regular=False).current_review_id
        engineering, gm = self.users["engineering"], self.users["gm"]
        # the logistics clerk reads every review and meeting, organises none
        clerk = self.users["clerk"]
        self.assertTrue(
            self._flags(review, engineering, ("can_call_meeting",))["can_call_meeting"]
        )
        self.assertFalse(
            self._flags(review, clerk, ("can_call_meeting",))["can_call_meeting"]
        )
        with self.assertRaisesRegex(AccessError, "reviews %s" % review.name):
            review.with_user(clerk).action_call_meeting()
        self.assertFalse(review.meeting_ids)
        action = review.with_user(engineering).action_call_meeting()
        meeting = self.env["sale.order.review.meeting"].browse(action["res_id"])
        self.assertEqual(
            self._flags(meeting, engineering, MEETING_FLAGS),
            {
                "can_schedule": True,
                "can_resolve": False,
                "can_approve_resolution": False,
                "can_cancel": True,
            },
        )
        self.assertFalse(any(self._flags(meeting, clerk, MEETING_FLAGS).values()))
        # out of turn and the wrong role: refused, nothing written
        with self.assertRaisesRegex(UserError, "not possible now"):
            meeting.with_user(engineering).action_resolve()
        with self.assertRaisesRegex(AccessError, "reviews %s" % review.name):
            meeting.with_user(clerk).action_schedule()
        self.assertEqual(meeting.state, "draft")
        self.assertFalse(meeting.calendar_event_id)
        engineering_meeting = meeting.with_user(engineering)
        engineering_meeting.write(
            {"department_ids": [Command.set(self.departments["engineering"].ids)]}
        )
        engineering_meeting.action_schedule()
        self.assertEqual(
            self._flags(meeting, engineering, MEETING_FLAGS),
            {
                "can_schedule": False,
                "can_resolve": True,
                "can_approve_resolution": False,
                "can_cancel": True,
            },
        )
        # the resolution and the opinions are what to write first: the
        # button shows, the server says what is missing
        with self.assertRaisesRegex(UserError, "Record the resolution"):
            engineering_meeting.action_resolve()
        self.env["sale.order.review.opinion"].with_user(self.users["process"]).create(
            {
                "meeting_id": meeting.id,
                "department_id": self.departments["engineering"].id,
                "position": "agree",
                "opinion": "Feasible",
            }
        )
        engineering_meeting.write({"make": "make", "what_to_make": "CV-7 in steel"})
        engineering_meeting.action_resolve()
        self.assertEqual(
            self._flags(meeting, engineering, MEETING_FLAGS),
            dict.fromkeys(MEETING_FLAGS, False),
        )
        self.assertEqual(
            self._flags(meeting, gm, MEETING_FLAGS),
            {
                "can_schedule": False,
                "can_resolve": False,
                "can_approve_resolution": True,
                "can_cancel": False,
            },
        )
        with self.assertRaisesRegex(AccessError, "Only the general manager"):
            engineering_meeting.action_approve_resolution()
        with self.assertRaisesRegex(UserError, "not possible now"):
            engineering_meeting.action_cancel()
        self.assertEqual(meeting.state, "resolved")
        self.assertFalse(meeting.approved_uid)
        review.sudo().write(ASSESSED)
        meeting.with_user(gm).action_approve_resolution()
        self.assertEqual(meeting.state, "approved")
        self.assertEqual(review.state, "accepted")
        self.assertFalse(any(self._flags(meeting, gm, MEETING_FLAGS).values()))
        with self.assertRaisesRegex(UserError, "not possible now"):
            meeting.with_user(gm).action_approve_resolution()

    def test_flags_of_a_batch_in_one_query_budget(self):
        """The flags of a list of reviews are computed without a query per
        review and per flag (the same count for 2 or 4 reviews)."""
        reviews = self.env["sale.order.review"].browse(
            [self._accepted_order().current_review_id.id for _i in range(4)]
        )
        reviews = reviews.with_user(self.users["workshop"])
        self.env.invalidate_all()
        with self.assertQueryCount(12):
            self.assertEqual(reviews.mapped("can_accept"), [True] * 4)
