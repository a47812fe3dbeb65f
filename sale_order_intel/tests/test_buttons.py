# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import IntelCommon


class ButtonsCommon(IntelCommon):
    """One rule per button: the ``can_<step>`` flag the form reads is True
    exactly when ``action_<step>`` goes through for that user, and a refused
    step says why over the ORM with nothing written."""

    def _can(self, record, role, step):
        record = record.with_user(self.users[role])
        record.invalidate_recordset([f"can_{step}"])
        return record[f"can_{step}"]

    def assertOpen(self, record, role, step):
        self.assertTrue(
            self._can(record, role, step), f"{role} should see the {step} button"
        )

    def assertRefusedStep(self, record, role, step, regex, exception=UserError):
        self.assertFalse(
            self._can(record, role, step), f"{role} should not see the {step} button"
        )
        as_user = record.with_user(self.users[role])
        self.assertRefusedUntouched(
            exception, record, getattr(as_user, f"action_{step}"), ["state"], regex
        )


@tagged("post_install", "-at_install")
class TestReportButtons(ButtonsCommon):
    def test_submit_and_take_back(self):
        """R9.2: the reporter submits a draft and takes a submitted report
        back; out of turn the step is hidden and refused."""
        report = self._report()
        self.assertOpen(report, "sales", "submit")
        self.assertOpen(report, "marketing", "submit")
        self.assertRefusedStep(report, "sales", "reset_draft", "cannot be reset")
        report.with_user(self.users["sales"]).action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertRefusedStep(report, "sales", "submit", "cannot be submitted")
        self.assertOpen(report, "sales", "reset_draft")
        report.with_user(self.users["sales"]).action_reset_draft()
        self.assertEqual(report.state, "draft")

    def test_evaluate(self):
        """R9.2: only marketing planning records the evaluation of a
        submitted report; the grade is asked for, not hidden."""
        report = self._report()
        self.assertRefusedStep(report, "marketing", "evaluate", "cannot be evaluated")
        report.with_user(self.users["sales"]).action_submit()
        self.assertRefusedStep(report, "sales", "evaluate", "Only marketing planning")
        self.assertOpen(report, "marketing", "evaluate")
        as_marketing = report.with_user(self.users["marketing"])
        # missing input: the button stays, the action says what is missing
        with self.assertRefused(UserError, "Grade"):
            as_marketing.action_evaluate()
        as_marketing.write({"grade": "b", "is_valuable": True})
        as_marketing.action_evaluate()
        self.assertEqual(report.state, "evaluated")

    def test_plan_won_lost_close_of_a_valuable_report(self):
        """R9.3: a valuable evaluated report gets a plan, is won or lost by
        marketing planning, and is closed only once won or lost."""
        report = self._evaluated()
        self.assertRefusedStep(report, "sales", "create_plan", "Only marketing")
        self.assertRefusedStep(report, "sales", "mark_won", "Only marketing")
        self.assertRefusedStep(report, "sales", "mark_lost", "Only marketing")
        self.assertRefusedStep(report, "marketing", "close", "once won or lost")
        self.assertOpen(report, "marketing", "create_plan")
        self.assertOpen(report, "marketing", "mark_won")
        self.assertOpen(report, "marketing", "mark_lost")
        as_marketing = report.with_user(self.users["marketing"])
        as_marketing.action_create_plan()
        self.assertEqual(report.state, "plan")
        self.assertRefusedStep(report, "marketing", "create_plan", "valuable report")
        # missing input: a confirmed order, a reason
        with self.assertRefused(UserError, "Link a confirmed sale order"):
            as_marketing.action_mark_won()
        with self.assertRefused(UserError, "Say why"):
            as_marketing.action_mark_lost()
        as_marketing.lost_reason = "The customer chose a competitor."
        as_marketing.action_mark_lost()
        self.assertEqual(report.state, "lost")
        self.assertRefusedStep(report, "marketing", "mark_won", "cannot be marked")
        self.assertRefusedStep(report, "sales", "close", "Only marketing")
        self.assertOpen(report, "marketing", "close")
        as_marketing.action_close()
        self.assertEqual(report.state, "closed")
        self.assertRefusedStep(report, "marketing", "close", "once won or lost")

    def test_report_not_valuable(self):
        """R9.2: a report evaluated as not valuable gets no plan and is
        closed at once."""
        report = self._evaluated(valuable=False)
        self.assertRefusedStep(report, "marketing", "create_plan", "valuable report")
        self.assertOpen(report, "marketing", "close")
        report.with_user(self.users["marketing"]).action_close()
        self.assertEqual(report.state, "closed")


@tagged("post_install", "-at_install")
class TestPlanButtons(ButtonsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        report = cls._evaluated()
        as_marketing = report.with_user(cls.users["marketing"])
        cls.plan = cls.env["sale.intel.plan"].browse(
            as_marketing.action_create_plan()["res_id"]
        )
        cls.plan.with_user(cls.users["marketing"]).write(
            {
                "team_id": cls.team.id,
                "date_start": date(2026, 3, 1),
                "date_end": date(2026, 5, 31),
            }
        )

    def test_plan_steps(self):
        """R9.3: marketing planning starts, evaluates and cancels a plan; its
        team reports the results."""
        plan = self.plan
        self.assertRefusedStep(plan, "sales", "start", "Only marketing planning")
        self.assertRefusedStep(plan, "sales", "report_results", "not possible now")
        self.assertOpen(plan, "marketing", "start")
        plan.with_user(self.users["marketing"]).action_start()
        self.assertEqual(plan.state, "in_progress")
        self.assertRefusedStep(plan, "marketing", "start", "not possible now")
        self.assertOpen(plan, "sales", "report_results")
        as_sales = plan.with_user(self.users["sales"])
        with self.assertRefused(UserError, "Describe the results"):
            as_sales.action_report_results()
        as_sales.result_note = "<p>Two orders signed.</p>"
        as_sales.action_report_results()
        self.assertEqual(plan.state, "reported")
        self.assertRefusedStep(plan, "sales", "evaluate", "Only marketing planning")
        self.assertRefusedStep(plan, "sales", "cancel", "Only marketing planning")
        self.assertOpen(plan, "marketing", "evaluate")
        as_marketing = plan.with_user(self.users["marketing"])
        with self.assertRefused(UserError, "Choose an evaluation"):
            as_marketing.action_evaluate()
        as_marketing.plan_evaluation = "met"
        as_marketing.action_evaluate()
        self.assertEqual(plan.state, "done")
        self.assertRefusedStep(plan, "marketing", "cancel", "not possible now")

    def test_cancel(self):
        """R9.3: marketing planning cancels a plan not evaluated yet."""
        self.assertOpen(self.plan, "marketing", "cancel")
        self.plan.with_user(self.users["marketing"]).action_cancel()
        self.assertEqual(self.plan.state, "cancel")
        self.assertRefusedStep(self.plan, "marketing", "start", "not possible now")


@tagged("post_install", "-at_install")
class TestPolicyButtons(ButtonsCommon):
    def test_policy_steps(self):
        """R9.1: the head of the sales department approves the activity
        policy; sales heads and administrators close it and reset it."""
        policy = (
            self.env["sale.intel.policy"]
            .with_user(self.users["saleshead"])
            .create(
                {
                    "name": "Next half-year",
                    "date_from": date(2026, 7, 1),
                    "date_to": date(2026, 12, 31),
                    "line_ids": [
                        (0, 0, {"user_id": self.users["sales"].id, "region": "East"})
                    ],
                }
            )
        )
        self.assertRefusedStep(policy, "sales", "approve", "head of the sales")
        self.assertRefusedStep(policy, "manager", "approve", "head of the sales")
        self.assertRefusedStep(policy, "saleshead", "close", "Only an approved")
        self.assertRefusedStep(policy, "saleshead", "draft", "already a draft")
        self.assertOpen(policy, "saleshead", "approve")
        policy.with_user(self.users["saleshead"]).action_approve()
        self.assertEqual(policy.state, "approved")
        self.assertRefusedStep(policy, "saleshead", "approve", "Only a draft policy")
        self.assertRefusedStep(policy, "sales", "close", "Only .* can do this")
        self.assertRefusedStep(policy, "marketing", "close", "Only .* can do this")
        self.assertOpen(policy, "manager", "close")
        self.assertOpen(policy, "saleshead", "close")
        policy.with_user(self.users["saleshead"]).action_close()
        self.assertEqual(policy.state, "closed")
        self.assertRefusedStep(policy, "saleshead", "close", "Only an approved")
        self.assertRefusedStep(policy, "sales", "draft", "Only .* can do this")
        self.assertOpen(policy, "saleshead", "draft")
        policy.with_user(self.users["saleshead"]).action_draft()
        self.assertEqual(policy.state, "draft")


@tagged("post_install", "-at_install")
class TestRewardButtons(ButtonsCommon):
    def test_reward_steps(self):
        """R9.4: marketing planning (or an administrator) approves a reward
        once its reviews are validated, pays it and cancels it."""
        fee = self._evaluated().reward_ids
        marketing = self.users["marketing"]
        self.assertRefusedStep(fee, "marketing", "approve", "needs its approvals")
        fee.with_user(marketing).request_validation()
        fee.with_user(marketing).validate_tier()
        self.assertEqual(fee.validation_status, "validated")
        self.assertRefusedStep(fee, "sales", "approve", "Only marketing planning")
        self.assertRefusedStep(fee, "marketing", "mark_paid", "not possible now")
        self.assertOpen(fee, "marketing", "approve")
        self.assertOpen(fee, "manager", "approve")
        fee.with_user(marketing).action_approve()
        self.assertEqual(fee.state, "approved")
        self.assertRefusedStep(fee, "marketing", "approve", "not possible now")
        # an employee's reward is paid with the payroll, not by a bill
        self.assertRefusedStep(fee, "marketing", "create_bill", "goes to an employee")
        self.assertRefusedStep(fee, "sales", "mark_paid", "Only marketing planning")
        self.assertRefusedStep(fee, "sales", "cancel", "Only marketing planning")
        self.assertOpen(fee, "marketing", "mark_paid")
        self.assertOpen(fee, "marketing", "cancel")
        fee.with_user(marketing).action_mark_paid()
        self.assertEqual(fee.state, "paid")
        self.assertRefusedStep(fee, "marketing", "cancel", "not possible now")

    def test_provider_reward_needs_its_bill(self):
        """R9.4: an external provider's reward is paid by a vendor bill:
        'Mark as Paid' is hidden and refused until the bill exists."""
        provider = self.env["res.partner"].create({"name": "Market Scout Ltd"})
        fee = self._evaluated(provider_id=provider.id).reward_ids
        marketing = self.users["marketing"]
        fee.with_user(marketing).request_validation()
        fee.with_user(marketing).validate_tier()
        fee.with_user(marketing).action_approve()
        self.assertRefusedStep(fee, "marketing", "mark_paid", "Create the vendor bill")
        self.assertRefusedStep(fee, "sales", "create_bill", "Only marketing planning")
        self.assertOpen(fee, "marketing", "create_bill")
        self.assertOpen(fee, "marketing", "cancel")
        fee.with_user(marketing).action_cancel()
        self.assertEqual(fee.state, "cancel")
        self.assertRefusedStep(fee, "marketing", "create_bill", "not possible now")
