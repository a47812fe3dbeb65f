# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.order_handling_dashboard.tests.common import (
    DashboardCommon,
    KpiKnownDatesCommon,
    dt,
)

FEB = date(2025, 2, 1)
MAR = date(2025, 3, 1)


@tagged("post_install", "-at_install")
class TestApprovalKpi(DashboardCommon):
    """R11.1: review and approval lead times, overdue reviews and plans."""

    def test_review_and_plan_approval_lead_times(self):
        plan = self._plan()
        self._approve(plan)
        review = plan.review_id
        Approval = self.env["order.handling.kpi.approval"].with_user(self.users["gm"])
        rows = Approval.search([("order_id", "=", plan.order_id.id)])
        self.assertEqual(
            sorted(rows.mapped("kind")),
            ["order_review", "plan_approval", "plan_approval"],
        )
        review_row = rows.filtered(lambda r: r.kind == "order_review")
        self.assertEqual(review_row.review_id, review)
        self.assertEqual(review_row.outcome, "approved")
        self.assertEqual(review_row.department_id, self.departments["engineering"])
        steps = rows.filtered(lambda r: r.kind == "plan_approval")
        self.assertEqual(steps.plan_id, plan)
        self.assertEqual(
            set(steps.mapped("approver_id")),
            {self.users["saleshead"], self.users["gm"]},
        )
        self.assertTrue(all(step.date_done for step in steps))
        self.assertTrue(all(step.lead_hours >= 0 for step in steps))
        action = review_row.action_open_documents()
        self.assertEqual(action["res_model"], "sale.order.review")
        self.assertEqual(action["res_id"], review.id)
        action = steps.action_open_documents()
        self.assertEqual(action["res_model"], "sale.engineering.plan")
        [[count, lead]] = Approval._read_group(
            [("id", "in", steps.ids)], [], ["nbr:sum", "lead_hours:avg"]
        )
        self.assertEqual(count, 2)
        self.assertGreaterEqual(lead, 0.0)

    def test_dashboard_approval_tiles(self):
        """Issue 20: the tiles "approvals waiting for me" (the tier reviews
        whose turn has come and that name the user) and "reviews and
        approvals pending" (every department, added by this bridge); each
        opens the records it counts."""
        plan = self._plan()
        plan.with_user(self.users["engineering"]).request_validation()
        Dashboard = self.env["order.handling.dashboard"]

        def tiles(role):
            return {
                tile["key"]: tile
                for tile in Dashboard.with_user(self.users[role]).get_tiles()
            }

        # the sales head approves first: not the general manager's turn yet
        gm_tiles = tiles("gm")
        self.assertEqual(gm_tiles["approvals_to_do"]["value"], 0)
        pending = gm_tiles["approvals_pending"]
        Approval = self.env["order.handling.kpi.approval"].with_user(self.users["gm"])
        rows = Approval.search(pending["action"]["domain"])
        self.assertEqual(pending["value"], len(rows))
        self.assertIn(plan, rows.plan_id)
        self.assertEqual(rows.mapped("outcome"), ["pending"] * len(rows))
        self.assertEqual(pending["sequence"], 60)
        plan.with_user(self.users["saleshead"]).validate_tier()
        gm_tiles = tiles("gm")
        to_do = gm_tiles["approvals_to_do"]
        self.assertEqual(to_do["value"], 1)
        reviews = (
            self.env["tier.review"]
            .with_user(self.users["gm"])
            .search(to_do["action"]["domain"])
        )
        self.assertEqual((reviews.model, reviews.res_id), (plan._name, plan.id))
        # another administrator has nothing to approve
        self.assertEqual(tiles("manager")["approvals_to_do"]["value"], 0)
        self.assertEqual(
            gm_tiles["approvals_pending"]["value"],
            pending["value"] - 1,
        )

    def test_access_by_role(self):
        """The managers' report: the sales head reads the sales KPIs only."""
        Approval = self.env["order.handling.kpi.approval"]
        for role in ("manager", "gm"):
            Approval.with_user(self.users[role]).search([])
        for role in ("saleshead", "sales", "clerk"):
            with self.assertRaises(AccessError, msg=role):
                Approval.with_user(self.users[role]).search([])

    def test_overdue_review_and_plan(self):
        order = self._create_order(self.users["sales"])
        order.write({"commitment_date": self.env.cr.now() + timedelta(days=30)})
        order.with_user(self.users["sales"]).action_intake_submit()
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        review = order.current_review_id
        self.assertTrue(review)
        plan = self._plan()
        past = self.env.cr.now() - timedelta(hours=2)
        self.env.flush_all()
        for table, record in (
            ("sale_order_review", review),
            ("sale_engineering_plan", plan),
        ):
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET sla_deadline = %s WHERE id = %s",
                    SQL.identifier(table),
                    past,
                    record.id,
                )
            )
        Overdue = self.env["order.handling.overdue.report"].with_user(
            self.users["manager"]
        )
        review_row = Overdue.search(
            [("kind", "=", "sale.order.review"), ("res_id", "=", review.id)]
        )
        self.assertEqual(review_row.department_id, review.department_id)
        self.assertEqual(review_row.order_id, order)
        plan_row = Overdue.search(
            [("kind", "=", "sale.engineering.plan"), ("res_id", "=", plan.id)]
        )
        self.assertEqual(plan_row.department_id, self.departments["engineering"])
        self.assertEqual((review_row.id % 8, plan_row.id % 8), (2, 3))
        self.assertEqual(
            Overdue.search([("kind", "=", "sale.engineering.plan")]).res_id,
            plan.id,
        )

    def test_monthly_summary_and_board(self):
        self._accepted_order()  # its review is decided now
        wizard = (
            self.env["order.handling.monthly.summary"]
            .with_user(self.users["manager"])
            .create({})
        )
        kinds = {line["kind"] for line in wizard._get_summary()["approvals"]}
        self.assertIn("Order Review", kinds)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["manager"])
            ._render_qweb_html(
                "order_handling_dashboard.report_monthly_summary", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn("Review and approval lead times", html)
        last_year = wizard.copy({"year": wizard.year - 1})
        self.assertFalse(last_year._get_summary()["approvals"])
        self.assertIn("Review and Approval Lead Times (h)", self._board_actions())


@tagged("post_install", "-at_install")
class TestApprovalKpiKnownDates(KpiKnownDatesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Approval = cls.env["order.handling.kpi.approval"]

    def test_approval_lead_times_known_dates(self):
        plan = self._plan()
        self._approve(plan)
        review = plan.review_id
        first, second = plan.review_ids.sorted("sequence")
        # the review: requested at 01:00:00.6 (a transaction's time), decided
        # at 05:30:00 (a clock time to the second)
        self._set(
            "sale_order_review",
            review,
            create_date=dt("2025-02-03 01:00:00.600000"),
            decision_date=dt("2025-02-03 05:30:00"),
        )
        # the plan's steps, requested together; the second approver decided
        # first (12 h), the first one a day after the request, which is
        # 1 March in Shanghai
        self._set(
            "tier_review",
            first,
            create_date=dt("2025-02-27 20:00:00"),
            reviewed_date=dt("2025-02-28 20:00:00"),
        )
        self._set(
            "tier_review",
            second,
            create_date=dt("2025-02-27 20:00:00"),
            reviewed_date=dt("2025-02-28 08:00:00"),
        )
        Approval = self.Approval.with_user(self.users["gm"])
        rows = Approval.search([("order_id", "=", plan.order_id.id)])
        review_row = rows.filtered(lambda r: r.kind == "order_review")
        step_rows = {
            row.definition_id: row for row in rows if row.kind == "plan_approval"
        }
        first_row = step_rows[first.definition_id]
        second_row = step_rows[second.definition_id]
        self.assertEqual(review_row.date_requested, dt("2025-02-03 01:00:00"))
        self.assertEqual(review_row.lead_hours, 4.5)
        self.assertEqual(first_row.date_requested, dt("2025-02-27 20:00:00"))
        self.assertEqual(first_row.lead_hours, 24.0)
        # requested with the first step, not when the first step was decided
        # (after it): 12 hours, not -12
        self.assertEqual(second_row.date_requested, dt("2025-02-27 20:00:00"))
        self.assertEqual(second_row.lead_hours, 12.0)
        self.assertEqual(
            (review_row.month_done, first_row.month_done, second_row.month_done),
            (FEB, MAR, FEB),
        )
        mine = review_row | first_row | second_row
        groups = Approval._read_group(
            [("id", "in", mine.ids)],
            ["kind", "month_done:month"],
            ["nbr:sum", "lead_hours:avg"],
        )
        self.assertEqual(
            groups,
            [
                ("order_review", FEB, 1, 4.5),
                ("plan_approval", FEB, 1, 12.0),
                ("plan_approval", MAR, 1, 24.0),
            ],
        )
        [[lead]] = Approval._read_group(
            [("id", "in", mine.ids)], [], ["lead_hours:avg"]
        )
        self.assertAlmostEqual(lead, (4.5 + 24.0 + 12.0) / 3)
