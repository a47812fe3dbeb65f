# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import IntelCommon


@tagged("post_install", "-at_install")
class TestReportFlow(IntelCommon):
    def test_full_flow(self):
        """An intelligence report from draft to closed: submitted, evaluated by
        marketing planning, a marketing plan for a sales unit, results, won (R9.2,
        R9.3)."""
        sales, marketing = self.users["sales"], self.users["marketing"]
        with Form(self.env["sale.intel.report"].with_user(sales)) as form:
            form.title = "Competitor cuts prices by 10%"
            form.intel_type = "competitor_price"
            form.partner_id = self.partner
            form.region = "East China"
            form.expected_amount = 30000.0
            form.content = "<p>Seen at the Shanghai fair.</p>"
        report = form.record
        self.assertTrue(report.name.startswith("INT/"))
        self.assertEqual(report.user_id, sales)
        report.action_submit()
        self.assertEqual(report.state, "submitted")

        as_marketing = report.with_user(marketing)
        with Form(as_marketing) as form:
            form.grade = "b"
            form.is_valuable = True
            form.evaluation_comment = "Confirms what two customers said."
        as_marketing.action_evaluate()
        self.assertEqual(report.state, "evaluated")
        self.assertEqual(report.evaluated_uid, marketing)
        fee = report.reward_ids
        self.assertEqual(fee.reward_type, "info_fee")
        self.assertEqual(fee.amount, 200.0)
        self.assertEqual(fee.state, "to_approve")
        self.assertIn(fee.validation_status, ("waiting", "pending"))  # requested
        with self.assertRefused(UserError, "Only a submitted report"):
            as_marketing.write({"is_valuable": False})

        action = as_marketing.action_create_plan()
        plan = self.env["sale.intel.plan"].browse(action["res_id"])
        self.assertEqual(report.state, "plan")
        self.assertEqual(plan.planned_amount, 30000.0)
        plan_m = plan.with_user(marketing)
        with self.assertRefused(UserError, "sales team with a schedule"):
            plan_m.action_start()
        plan_m.write(
            {
                "team_id": self.team.id,
                "date_start": date(2026, 3, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        self.assertEqual(plan.user_id, self.users["saleshead"])
        plan_m.action_start()
        self.assertEqual(plan.state, "in_progress")
        # the team's head gets the plan to carry out, due at its end
        todo = plan.sudo().activity_ids
        self.assertEqual(todo.user_id, self.users["saleshead"])
        self.assertEqual(todo.date_deadline, date(2026, 5, 31))
        self.assertIn(self.users["saleshead"].partner_id, plan.message_partner_ids)
        # the team reports its results
        plan_team = plan.with_user(sales)
        with self.assertRefused(UserError, "Describe the results"):
            plan_team.action_report_results()
        plan_team.write(
            {"result_note": "<p>Two visits, one order.</p>", "actual_amount": 10000.0}
        )
        with self.assertRefused(UserError, "Only marketing planning evaluates a plan"):
            plan_team.write({"plan_evaluation": "met"})
        plan_team.action_report_results()
        self.assertEqual(plan.variance_amount, -20000.0)
        plan_m.plan_evaluation = "partly"
        plan_m.action_evaluate()
        self.assertEqual(plan.state, "done")

        # the salesperson's order linked to the report is confirmed: won + reward
        order = self._linked_order(report)
        order.with_user(sales).action_confirm()
        self.assertEqual(report.state, "won")
        self.assertEqual(plan.order_amount, 10000.0)
        thank_you = report.reward_ids.filtered(lambda r: r.reward_type == "thank_you")
        self.assertEqual(thank_you.sale_order_id, order)
        self.assertEqual(thank_you.amount, 200.0)  # 2% of 10,000
        as_marketing.action_close()
        self.assertEqual(report.state, "closed")

    def test_transitions_are_guarded(self):
        report = self._report()
        as_sales = report.with_user(self.users["sales"])
        as_marketing = report.with_user(self.users["marketing"])
        as_manager = report.with_user(self.users["manager"])
        with self.assertRefused(UserError, "cannot be evaluated"):
            as_marketing.action_evaluate()
        with self.assertRefused(UserError, "only through the document.s buttons"):
            as_manager.write({"state": "won"})
        # the old workflow key (and Odoo's UI keys) sent by a client open
        # nothing: the reporter cannot grade its own report nor mark it won
        forged = as_sales.with_context(sale_intel_workflow=True, tracking_disable=True)
        for vals in ({"state": "won"}, {"grade": "a", "is_valuable": True}):
            with self.assertRefused(UserError, "buttons|evaluates"):
                forged.write(vals)
        self.assertEqual(report.state, "draft")
        self.assertFalse(report.grade)
        with self.assertRefused(UserError, "starts as a draft"):
            self._report(state="won")
        as_sales.action_submit()
        with self.assertRefused(UserError, "cannot be submitted"):
            as_sales.action_submit()
        with self.assertRefused(UserError, "no longer be changed"):
            as_sales.write({"expected_amount": 1.0})
        # the reporter still adds messages and files to a submitted report
        as_sales.message_post(
            body="One more detail.",
            attachments=[("quote.txt", b"competitor quote")],
        )
        with self.assertRefused(UserError, "Only marketing planning"):
            as_sales.action_evaluate()
        with self.assertRefused(UserError, "Only marketing planning evaluates"):
            as_sales.write({"grade": "a"})
        with self.assertRefused(UserError, "Grade"):
            as_marketing.action_evaluate()
        with self.assertRefused(UserError, "cannot be marked as won"):
            as_marketing.action_mark_won()
        with self.assertRefused(UserError, "can be closed once"):
            as_marketing.action_close()
        self.assertEqual(report.state, "submitted")
        # the reporter may take it back while it is not evaluated
        as_sales.action_reset_draft()
        self.assertEqual(report.state, "draft")

    def test_not_valuable_report(self):
        report = self._evaluated(valuable=False)
        self.assertFalse(report.reward_ids)
        as_marketing = report.with_user(self.users["marketing"])
        with self.assertRefused(UserError, "valuable report gets a marketing plan"):
            as_marketing.action_create_plan()
        as_marketing.action_close()
        self.assertEqual(report.state, "closed")

    def test_won_needs_order_lost_needs_reason(self):
        report = self._evaluated()
        as_marketing = report.with_user(self.users["marketing"])
        with self.assertRefused(UserError, "Link a confirmed sale order"):
            as_marketing.action_mark_won()
        self._linked_order(report)  # still a quotation
        with self.assertRefused(UserError, "Link a confirmed sale order"):
            as_marketing.action_mark_won()
        with self.assertRefused(UserError, "Say why"):
            as_marketing.action_mark_lost()
        as_marketing.lost_reason = "The customer chose a competitor."
        as_marketing.action_mark_lost()
        self.assertEqual(report.state, "lost")
        with self.assertRefused(UserError, "Only a draft intelligence report"):
            report.with_user(self.users["manager"]).unlink()
