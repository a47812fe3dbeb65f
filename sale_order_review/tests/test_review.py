# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.order_handling_base.models.mail_queue import (
    send_scheduled_notifications,
)
from odoo.addons.sale_order_intake.tests.test_delivery_date import (
    AcceptedOrderCommon,
)


class ReviewCommon(AcceptedOrderCommon):
    def _pass_review(self, order):
        """Here the review is what is tested: leave it open."""


ASSESSED = {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}


@tagged("post_install", "-at_install")
class TestReview(ReviewCommon):
    def test_regular_order_reviewed_by_the_workshop(self):
        """A regular order's review goes to the workshop supervisor, who assesses
        capacity, material, technology and delivery date and decides (R3.1)."""
        order = self._accepted_order()
        review = order.current_review_id
        self.assertEqual(review.state, "to_review")
        self.assertEqual(review.order_class, "regular")
        self.assertEqual(review.department_id, self.departments["production"])
        self.assertEqual(review.reviewer_id, self.users["workshop"])
        self.assertTrue(review.sla_deadline)
        self.env.invalidate_all()
        self.assertEqual(review.sudo().activity_ids.user_id, self.users["workshop"])
        # the reviewing department is told by a message on the review (and
        # one activity, no "assigned to you" e-mail besides); the order's
        # transfer note lists the review and notifies nobody (departments
        # read no order)
        workshop = self.users["workshop"].partner_id
        transfer_message = order.message_ids.filtered(
            lambda m: "Transferred to departments" in (m.body or "")
        )
        self.assertEqual(len(transfer_message), 1)
        self.assertIn(review.name, transfer_message.body)
        self.assertIn(self.departments["production"].name, transfer_message.body)
        self.assertFalse(transfer_message.partner_ids)
        review_message = review.message_ids.filtered("partner_ids")
        self.assertEqual(len(review_message), 1)
        self.assertIn(workshop, review_message.partner_ids)
        send_scheduled_notifications(review_message)  # what the cron does
        self.assertIn(workshop, review_message.notified_partner_ids)
        self.assertFalse(
            self.env["mail.message"].search(
                [
                    ("model", "=", review._name),
                    ("res_id", "=", review.id),
                    ("message_type", "=", "user_notification"),
                ]
            )
        )
        self.assertNotIn(workshop, review.message_partner_ids)
        # the workshop supervisor reads the copy of the order it reviews,
        # with its lines, not the order
        copy = review.with_user(self.users["workshop"]).order_copy_id
        self.assertEqual(copy.id, order.id)
        self.assertEqual(
            len(review.with_user(self.users["workshop"]).order_copy_line_ids), 1
        )
        self.assertFalse(
            self.env["sale.order"]
            .with_user(self.users["workshop"])
            .search([("id", "=", order.id)])
        )
        # no date before the review
        with self.assertRaisesRegex(UserError, "must pass its review"):
            order.with_user(self.users["workshop"]).action_intake_propose_date(
                fields.Datetime.now() + timedelta(days=9)
            )
        workshop = review.with_user(self.users["workshop"])
        with self.assertRaisesRegex(UserError, "Assess"):
            workshop.action_accept()
        workshop.write(ASSESSED)
        workshop.action_accept()
        self.assertEqual(review.state, "accepted")
        self.assertEqual(review.decision_uid, self.users["workshop"])
        self.assertFalse(review.sudo().activity_ids)
        order.with_user(self.users["workshop"]).action_intake_propose_date(
            fields.Datetime.now() + timedelta(days=9)
        )
        self.assertEqual(order.intake_stage, "date_proposed")
        # a decided review is a record
        with self.assertRaises(UserError):
            workshop.write({"comments": "changed later"})
        with self.assertRaises(UserError):
            review.sudo().unlink()

    def test_propose_date_button_waits_for_the_review(self):
        """The Propose Delivery Date button shows exactly when the server
        accepts the date: once the review of the order is accepted."""
        date = fields.Datetime.now() + timedelta(days=9)
        for regular, role in ((True, "workshop"), (False, "engineering")):
            order = self._accepted_order(regular=regular)
            supervisor = order.with_user(self.users[role])
            # the supervisor reads the copy of the order (with the button)
            copy = self.env["sale.order.copy"].with_user(self.users[role])
            copy = copy.browse(order.id)
            self.assertEqual(order.current_review_id.state, "to_review")
            self.assertFalse(copy.can_intake_propose_date, role)
            with self.assertRaisesRegex(UserError, "must pass its review"):
                supervisor.action_intake_propose_date(date)
            review = order.current_review_id.with_user(self.users[role])
            review.write(ASSESSED)
            review.action_accept()
            self.assertEqual(order.current_review_id.state, "accepted")
            copy.invalidate_recordset()
            self.assertTrue(copy.can_intake_propose_date, role)
            supervisor.action_intake_propose_date(date)
            self.assertEqual(order.intake_stage, "date_proposed")

    def test_wrong_reviewer_refused(self):
        order = self._accepted_order()
        review = order.current_review_id
        review.sudo().write(ASSESSED)
        for role in ("engineering", "clerk", "quality"):
            with self.assertRaises(AccessError, msg=role):
                review.with_user(self.users[role]).action_accept()
        with self.assertRaises(UserError):
            review.with_user(self.users["workshop"]).write({"state": "accepted"})
        self.assertEqual(review.state, "to_review")

    def test_rejection_stops_the_order_and_tells_sales(self):
        """A rejected review needs its reason, stops the order and tells sales why
        (R3.3)."""
        order = self._accepted_order()
        review = order.current_review_id.with_user(self.users["workshop"])
        review.write(ASSESSED)
        with self.assertRaisesRegex(UserError, "why"):
            review.action_reject()
        review.write({"comments": "No capacity before March"})
        review.action_reject()
        self.assertEqual(order.intake_stage, "rejected")
        self.assertEqual(
            set(order.sudo().transfer_slip_ids.mapped("state")), {"cancelled"}
        )
        self.env.invalidate_all()
        rejected_type = self.env.ref(
            "sale_order_review.mail_activity_type_review_rejected"
        )
        activity = order.activity_ids.filtered(
            lambda a: a.activity_type_id == rejected_type
        )
        self.assertEqual(activity.user_id, self.users["sales"])
        self.assertIn("No capacity", activity.note)
        with self.assertRaises(UserError):
            order.action_confirm()

    def test_conditions_required(self):
        order = self._accepted_order()
        review = order.current_review_id.with_user(self.users["workshop"])
        review.write(ASSESSED)
        with self.assertRaisesRegex(UserError, "conditions"):
            review.action_accept_conditions()
        review.write({"conditions": "Customer supplies the seals"})
        review.action_accept_conditions()
        self.assertEqual(review.decision, "accept_conditions")

    def test_meeting_and_resolution(self):
        """The engineering supervisor calls a review meeting: attendees, department
        opinions and a resolution that the general manager approves (R3.2)."""
        order = self._accepted_order(regular=False)
        review = order.current_review_id
        self.assertEqual(review.department_id, self.departments["engineering"])
        # meetings are for non-regular orders, called by the engineering
        # supervisor
        with self.assertRaises(AccessError):
            review.with_user(self.users["workshop"]).action_call_meeting()
        action = review.with_user(self.users["engineering"]).action_call_meeting()
        meeting = self.env["sale.order.review.meeting"].browse(action["res_id"])
        self.assertEqual(review.state, "meeting")
        engineering = meeting.with_user(self.users["engineering"])
        engineering.write(
            {
                "department_ids": [
                    fields.Command.set(
                        (
                            self.departments["quality"]
                            | self.departments["engineering"]
                        ).ids
                    )
                ],
                "attendee_ids": [fields.Command.link(self.users["process"].id)],
            }
        )
        engineering.action_schedule()
        self.assertEqual(meeting.state, "scheduled")
        self.assertIn(
            self.users["quality"].partner_id, meeting.calendar_event_id.partner_ids
        )
        Opinion = self.env["sale.order.review.opinion"]
        # only the department's people give its opinion
        with self.assertRaises(AccessError):
            Opinion.with_user(self.users["warehouse"]).create(
                {
                    "meeting_id": meeting.id,
                    "department_id": self.departments["quality"].id,
                    "position": "agree",
                    "opinion": "not mine to say",
                }
            )
        Opinion.with_user(self.users["quality"]).create(
            {
                "meeting_id": meeting.id,
                "department_id": self.departments["quality"].id,
                "position": "conditions",
                "opinion": "New inspection standard needed",
            }
        )
        engineering.write({"make": "make", "what_to_make": "CV-7 in stainless"})
        with self.assertRaisesRegex(UserError, "Engineering"):
            engineering.action_resolve()  # engineering's own opinion missing
        Opinion.with_user(self.users["process"]).create(
            {
                "meeting_id": meeting.id,
                "department_id": self.departments["engineering"].id,
                "position": "agree",
                "opinion": "Feasible",
            }
        )
        engineering.action_resolve()
        self.assertEqual(meeting.state, "resolved")
        with self.assertRaises(AccessError):
            engineering.action_approve_resolution()
        # the organiser neither approves by writing the state nor changes
        # the resolution the general manager is to approve
        for vals in (
            {"state": "approved"},
            {"approved_uid": self.users["engineering"].id},
            {"what_to_make": "Something else"},
            {"make": "not_make"},
        ):
            with self.assertRaisesRegex(UserError, "cannot be edited|change only"):
                engineering.write(vals)
        self.assertEqual(meeting.state, "resolved")
        self.assertEqual(meeting.what_to_make, "CV-7 in stainless")
        review.sudo().write(ASSESSED)
        meeting.with_user(self.users["gm"]).action_approve_resolution()
        self.assertEqual(meeting.state, "approved")
        self.assertEqual(review.state, "accepted")
        self.assertEqual(review.decision, "accept_conditions")
        self.assertEqual(review.conditions, "CV-7 in stainless")

    def test_meeting_refused_for_regular_orders(self):
        order = self._accepted_order()
        with self.assertRaisesRegex(UserError, "non-regular"):
            order.current_review_id.with_user(
                self.users["manager"]
            ).action_call_meeting()

    def test_salesperson_reads_the_review_of_own_order(self):
        order = self._accepted_order()
        Review = self.env["sale.order.review"]
        self.assertEqual(
            Review.with_user(self.users["sales"]).search([("order_id", "=", order.id)]),
            order.current_review_id,
        )
        self.assertFalse(
            Review.with_user(self.users["purchasing"]).search(
                [("order_id", "=", order.id)]
            )
        )


@tagged("post_install", "-at_install")
class TestReviewReport(ReviewCommon, HttpCase):
    def test_review_form_prints(self):
        order = self._accepted_order()
        review = order.current_review_id
        review.sudo().write(dict(ASSESSED, capacity_note="Two shifts"))
        report = self.env.ref("sale_order_review.action_report_review_form")
        html = report._render_qweb_html(report.report_name, review.ids)[0].decode()
        self.assertIn("Two shifts", html)
        self.assertIn(order.name, html)
        pdf, _type = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, review.ids
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
