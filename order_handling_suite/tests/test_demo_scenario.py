# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo scenario of ``make demo`` runs on a database without demo data
and leaves every order in its stage: the demo cannot silently rot when a
workflow changes. Its history is spread over the past weeks: the dashboard
shows cycle times, a month of KPIs, overdue work and archived orders."""

from odoo import fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.order_handling_suite.demo.scenario import DemoScenario

# the records the scenario makes, counted before and after a second run
COUNTED_MODELS = [
    "sale.order",
    "sale.order.line",
    "sale.order.review",
    "sale.order.review.meeting",
    "sale.order.review.opinion",
    "sale.engineering.plan",
    "order.handling.transfer",
    "stock.picking",
    "sale.customer.visit",
    "sale.customer.complaint",
    "rma",
    "sale.intel.report",
    "sale.intel.reward",
    "sale.intel.plan",
    "sale.target",
    "res.users",
    "res.partner",
    "product.product",
    "crm.team",
    "sale.order.change.request",
    "sale.order.cancel.request",
    "sale.followup.spec",
    "sale.followup.notice",
]


@tagged("post_install", "-at_install")
class TestDemoScenario(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.orders = cls.env["res.company"]._order_handling_demo_scenario()
        cls.Demo = DemoScenario(cls.env)

    def order(self, key):
        order = self.orders[key]
        self.assertEqual(order, self.env.ref(f"__order_handling_demo__.demo_{key}"))
        return order

    def assertStage(self, key, intake_stage, state=None):
        order = self.order(key)
        self.assertEqual(order.intake_stage, intake_stage, key)
        if state:
            self.assertEqual(order.state, state, key)
        return order

    def test_about_thirty_orders_by_the_roles(self):
        self.assertGreaterEqual(len(self.orders), 30)
        sales = self.Demo._user("sales")
        for key, order in self.orders.items():
            self.assertEqual(order.create_uid, sales, key)
            self.assertEqual(order.intake_submitted_uid, sales, key)

    def test_returned_at_intake(self):
        for key in ("order_returned_signoff", "order_returned_date"):
            order = self.assertStage(key, "returned", "draft")
            self.assertEqual(order.intake_return_count, 1)
            self.assertTrue(order.intake_return_reason)
        resubmitted = self.assertStage("order_resubmitted", "submitted")
        self.assertEqual(resubmitted.intake_return_count, 1)

    def test_submitted(self):
        for key in ("order_submitted", "order_submitted_2"):
            self.assertStage(key, "submitted", "draft")

    def test_checked(self):
        self.assertStage("order_checked", "checked")
        important = self.assertStage("order_checked_important", "checked")
        self.assertTrue(important.intake_important)
        self.assertFalse(important.intake_recheck_uid)

    def test_accepted(self):
        order = self.assertStage("order_accepted_review", "accepted")
        self.assertEqual(order.intake_class, "regular")
        self.assertEqual(order.current_review_id.state, "to_review")
        self.assertEqual(
            sorted(order.transfer_slip_ids.department_id.mapped("code")),
            ["quality", "warehouse"],
        )
        rechecked = self.assertStage("order_accepted_rechecked", "accepted")
        self.assertEqual(rechecked.intake_recheck_uid, self.Demo._user("saleshead"))
        self.assertEqual(rechecked.current_review_id.decision, "accept_conditions")

    def test_urgent(self):
        intake = self.assertStage("order_urgent_intake", "submitted")
        production = self.assertStage("order_urgent_production", "date_confirmed")
        for order in intake | production:
            self.assertEqual(order.urgency_decision, "accepted")
            self.assertEqual(order.intake_priority, "1")
        self.assertEqual(production.state, "sale")
        self.assertEqual(set(production.picking_ids.mapped("priority")), {"1"})

    def test_date_proposed(self):
        for key in ("order_date_proposed", "order_date_proposed_2"):
            order = self.assertStage(key, "date_proposed")
            self.assertEqual(
                order.delivery_date_proposed_uid, self.Demo._user("workshop")
            )

    def test_date_confirmed(self):
        for key in ("order_date_confirmed", "order_date_confirmed_2"):
            order = self.assertStage(key, "date_confirmed", "draft")
            self.assertEqual(order.commitment_date, order.delivery_date_proposed)

    def test_in_production(self):
        order = self.assertStage("order_production", "date_confirmed", "sale")
        slips = order.transfer_slip_ids
        self.assertEqual(
            {s.department_id.code: s.state for s in slips},
            {
                "quality": "acknowledged",
                "warehouse": "forwarded",
                "production": "acknowledged",
            },
        )
        partial = self.assertStage("order_production_partial", "date_confirmed", "sale")
        self.assertEqual(partial.delivery_status, "partial")
        self.assertEqual(
            sorted(partial.picking_ids.mapped("state")), ["assigned", "done"]
        )

    def test_production_notices(self):
        """R5.6: the follow-up is on; the accepted orders with a hydraulic
        motor have the sheets confirmed by their customer and one notice per
        step of the motors' route, each at its own point of the chain, and
        the workshop sees the notices issued to it."""
        self.assertTrue(self.env.company.followup_enabled)
        expected = {
            "order_date_proposed": ["issued", "waiting", "waiting"],
            "order_date_proposed_2": ["started", "waiting", "waiting"],
            "order_accepted_rechecked": ["done", "requested", "waiting"],
            "order_production": ["done", "received", "started"],
        }
        route = self.env.ref("sale_order_followup.route_hydraulic_motors")
        for key, states in expected.items():
            order = self.order(key)
            self.assertEqual(order.followup_spec_ids.mapped("state"), ["confirmed"])
            notices = order.followup_notice_ids.sorted("step_index")
            self.assertEqual(notices.mapped("state"), states, key)
            self.assertEqual(notices.route_id, route)
            self.assertEqual(notices.line_ids.product_id, self.Demo._product("motor"))
            self.assertLess(notices[0].issued_date, fields.Datetime.now(), key)
        workshop = self.Demo._user("workshop")
        seen = (
            self.env["sale.followup.notice"]
            .with_user(workshop)
            .search([("state", "in", ["issued", "started"])])
        )
        self.assertEqual(len(seen), 3)
        # the orders without a motor have no sheet and no notice
        self.assertFalse(self.order("order_production_partial").followup_spec_ids)

    def test_delivered_and_visited(self):
        visited = self.assertStage("order_delivered_visited", "done", "sale")
        visit = self.env["sale.customer.visit"].search([("order_id", "=", visited.id)])
        self.assertEqual(visit.state, "done")
        self.assertAlmostEqual(visit.score_avg, 14 / 3, places=2)
        self.assertFalse(visit.complaint_ids)
        rated = self.assertStage("order_delivered_rated", "done", "sale")
        visit = self.env["sale.customer.visit"].search([("order_id", "=", rated.id)])
        self.assertEqual(visit.rating_last_value, 5)
        planned = self.assertStage("order_delivered_visit_planned", "done", "sale")
        visit = self.env["sale.customer.visit"].search([("order_id", "=", planned.id)])
        self.assertEqual(visit.state, "planned")
        self.assertEqual(visit.picking_id, planned.picking_ids)

    def test_complaint_and_return(self):
        order = self.assertStage("order_complaint_closed", "done", "sale")
        complaint = self.env["sale.customer.complaint"].search(
            [("order_id", "=", order.id)]
        )
        self.assertEqual(complaint.stage_code, "closed")
        self.assertEqual(complaint.channel, "visit")
        self.assertTrue(complaint.root_cause)
        order = self.assertStage("order_complaint_return", "done", "sale")
        complaint = self.env["sale.customer.complaint"].search(
            [("order_id", "=", order.id)]
        )
        self.assertEqual(complaint.stage_code, "investigating")
        self.assertEqual(complaint.rma_ids.state, "received")
        self.assertEqual(complaint.rma_ids.product_uom_qty, 2)

    def test_non_regular_in_review(self):
        order = self.assertStage("order_review_meeting", "accepted")
        self.assertEqual(order.intake_class, "non_regular")
        self.assertEqual(order.current_review_id.state, "meeting")
        meeting = order.current_review_id.meeting_ids
        self.assertEqual(meeting.state, "scheduled")
        self.assertEqual(len(meeting.opinion_ids), 4)
        resolved = self.assertStage("order_review_resolved", "accepted")
        self.assertEqual(resolved.current_review_id.meeting_ids.state, "resolved")

    def test_plan_awaiting_approval(self):
        requested = self.assertStage("order_plan_requested", "accepted")
        plan = requested.plan_ids
        self.assertEqual(plan.state, "draft")
        self.assertEqual(len(plan.review_ids), 2)
        self.assertEqual(set(plan.review_ids.mapped("status")), {"waiting", "pending"})
        agreed = self.assertStage("order_plan_agreed", "accepted")
        self.assertEqual(
            sorted(agreed.plan_ids.review_ids.mapped("status")),
            ["approved", "pending"],
        )

    def test_plan_approved_and_issued(self):
        approved = self.assertStage("order_plan_approved", "accepted")
        self.assertEqual(approved.plan_ids.state, "approved")
        self.assertEqual(approved.plan_ids.deliverable_done_count, 2)
        issued = self.assertStage("order_plan_issued", "date_confirmed", "sale")
        plan = issued.plan_ids
        self.assertEqual(plan.state, "issued")
        self.assertEqual(
            sorted(plan.transfer_slip_ids.department_id.mapped("code")),
            ["general_office", "production", "purchasing", "quality"],
        )
        self.assertTrue(plan.followup_ids)
        self.assertTrue(plan.product_ids.product_tmpl_id.tech_docs_complete)
        # drafted by the general manager's approval of the meeting's
        # resolution, and approved by the general manager all the same
        gm = self.Demo._user("gm")
        self.assertEqual(plan.review_id.meeting_ids.state, "approved")
        self.assertEqual(plan.create_uid, gm)
        self.assertEqual(plan.review_ids.done_by, self.Demo._user("saleshead") | gm)

    def test_rejected_at_review(self):
        for key in ("order_rejected", "order_rejected_meeting"):
            order = self.assertStage(key, "rejected", "draft")
            self.assertEqual(order.current_review_id.state, "rejected")
            self.assertEqual(
                set(order.transfer_slip_ids.mapped("state")), {"cancelled"}
            )

    def test_intelligence_and_rewards(self):
        def report(key):
            return self.env.ref(f"__order_handling_demo__.demo_{key}")

        self.assertEqual(report("intel_draft").state, "draft")
        self.assertEqual(report("intel_submitted").state, "submitted")
        fee = report("intel_fee_paid").reward_ids
        self.assertEqual((fee.reward_type, fee.state), ("info_fee", "paid"))
        self.assertEqual(report("intel_plan").state, "plan")
        self.assertEqual(report("intel_plan").plan_ids.state, "in_progress")
        self.assertEqual(report("intel_lost").state, "lost")
        won = report("intel_won")
        self.assertEqual(won.state, "won")
        thank_you = won.reward_ids.filtered(lambda r: r.reward_type == "thank_you")
        self.assertEqual(thank_you.sale_order_id, self.order("order_production_intel"))

    def test_targets_with_actuals(self):
        team = self.env.ref("__order_handling_demo__.demo_target_team")
        person = self.env.ref("__order_handling_demo__.demo_target_sales")
        self.assertEqual((team.state, person.state), ("confirmed", "confirmed"))
        confirmed = self.env["sale.order"].search(
            [("state", "=", "sale"), ("user_id", "=", person.user_id.id)]
        )
        self.assertTrue(confirmed)
        self.assertAlmostEqual(
            person.actual_amount, sum(confirmed.mapped("amount_untaxed")), places=2
        )
        self.assertGreater(team.actual_amount, 0.0)

    def test_governance_changed_and_cancelled(self):
        changed = self.orders["order_changed"]
        request = changed.change_request_ids
        self.assertEqual(request.state, "applied")
        self.assertEqual(request.user_id, self.Demo._user("sales"))
        line = request.line_ids.order_line_id
        self.assertEqual(line.product_uom_qty, request.line_ids.old_qty + 2)
        self.assertEqual(changed.state, "sale")
        cancelled = self.orders["order_cancelled"]
        self.assertEqual(cancelled.cancel_request_ids.state, "applied")
        self.assertEqual(cancelled.state, "cancel")
        self.assertEqual(
            set(cancelled.picking_ids.mapped("state")), {"cancel"}, "open pickings"
        )
        # open slips are cancelled; slips already forwarded stay as they were
        self.assertTrue(cancelled.transfer_slip_ids)
        self.assertFalse(
            set(cancelled.transfer_slip_ids.mapped("state")) & {"sent", "acknowledged"}
        )
        self.assertIn("cancelled", cancelled.transfer_slip_ids.mapped("state"))
        # the approvals switch is left as the company had it
        self.assertFalse(self.env.company.sale_order_approval)

    def test_second_run_adds_nothing(self):
        counts = {
            model: self.env[model].with_context(active_test=False).search_count([])
            for model in COUNTED_MODELS
        }
        messages = self.env["mail.message"].search_count([])
        again = self.env["res.company"]._order_handling_demo_scenario()
        self.assertEqual(again, self.orders)
        self.assertEqual(
            {
                model: self.env[model].with_context(active_test=False).search_count([])
                for model in COUNTED_MODELS
            },
            counts,
        )
        self.assertEqual(self.env["mail.message"].search_count([]), messages)

    # ------------------------------------------------------------------
    # The timeline: what a manager sees on the dashboard
    # ------------------------------------------------------------------

    def test_cycle_times_over_two_months(self):
        Kpi = self.env["order.handling.kpi.order"]
        rows = Kpi.search([("order_id", "in", [o.id for o in self.orders.values()])])
        replied = rows.filtered("date_replied")
        shipped = rows.filtered("date_shipped")
        self.assertGreaterEqual(len(replied), 5)
        self.assertGreaterEqual(len(shipped), 3)
        for row in replied:
            self.assertGreater(row.reply_hours, 1.0, row.order_id.name)
        for row in shipped:
            self.assertGreater(row.ship_hours, row.reply_hours, row.order_id.name)
        # hours to days, not all alike
        self.assertGreater(len(set(replied.mapped(lambda r: round(r.reply_hours)))), 3)
        self.assertGreater(max(shipped.mapped("ship_hours")), 24 * 5)
        months = {row.month_received for row in rows}
        self.assertGreaterEqual(len(months), 2)
        now = fields.Datetime.now()
        self.assertTrue(all(row.date_received < now for row in rows))

    def test_timeline_consistent(self):
        for key, order in self.orders.items():
            steps = [
                order.create_date,
                order.intake_received_date,
                order.intake_checked_date,
                order.intake_accepted_date,
                order.delivery_date_replied_date,
            ]
            steps = [step for step in steps if step]
            self.assertEqual(steps, sorted(steps), key)
            done = order.picking_ids.filtered(lambda p: p.state == "done")
            if done and order.intake_accepted_date:
                self.assertGreater(
                    min(done.mapped("date_done")), order.intake_accepted_date
                )
        logs = self.env["order.handling.stage.log"].search(
            [
                ("res_model", "=", "sale.order"),
                ("res_id", "in", [o.id for o in self.orders.values()]),
            ]
        )
        closed = logs.filtered("date_end")
        self.assertTrue(closed)
        self.assertTrue(all(log.date_end >= log.date_start for log in closed))
        self.assertGreater(max(closed.mapped("duration_hours")), 1.0)

    def test_approval_lead_times(self):
        rows = self.env["order.handling.kpi.approval"].search([("done_count", "=", 1)])
        self.assertTrue(rows)
        self.assertGreater(max(rows.mapped("lead_hours")), 1.0)
        self.assertTrue(all(row.lead_hours >= 0 for row in rows))

    def test_overdue_work(self):
        overdue = self.env["order.handling.overdue.report"].search([])
        self.assertTrue(overdue.filtered(lambda r: r.kind == "order.handling.transfer"))
        self.assertTrue(overdue.filtered(lambda r: r.kind == "sale.order.review"))
        late = self.orders["order_production_partial"]
        self.assertLess(late.commitment_date, fields.Datetime.now())
        self.assertEqual(late.delivery_status, "partial")

    def test_archived_orders(self):
        for key in ("order_delivered_visited", "order_delivered_rated"):
            order = self.orders[key]
            self.assertTrue(order.governance_archive_id, key)
            self.assertEqual(
                order.governance_archive_id.create_uid, self.Demo._user("clerk")
            )
