# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TargetCommon


@tagged("post_install", "-at_install")
class TestBreakdown(TargetCommon):
    def _periods(self, target, period_type):
        return target.period_ids.filtered(lambda p: p.period_type == period_type)

    def test_even_split_adds_up(self):
        """An annual target split evenly into quarters, months and weeks adds up
        (R10.1)."""
        target = self._target(amount=120000.0)
        quarters = self._periods(target, "quarter")
        months = self._periods(target, "month")
        weeks = self._periods(target, "week")
        self.assertEqual(quarters.mapped("amount"), [30000.0] * 4)
        self.assertEqual(months.mapped("amount"), [10000.0] * 12)
        self.assertEqual(target.year, "2026")
        self.assertEqual(target.date_to, date(2026, 12, 31))
        self.assertEqual(quarters[1].name, "2026 Q2")
        self.assertEqual(months[1].name, "2026-02")
        for month in months:
            self.assertEqual(
                month.child_ids.mapped("period_type"), ["week"] * len(month.child_ids)
            )
            self.assertAlmostEqual(sum(month.child_ids.mapped("amount")), month.amount)
            self.assertEqual(month.child_ids[0].date_from, month.date_from)
            self.assertEqual(month.child_ids[-1].date_to, month.date_to)
        # January 2026 starts on a Thursday: first clipped week Jan 1-4 (4 days of 31)
        january_weeks = months[0].child_ids.sorted("date_from")
        self.assertEqual(january_weeks[0].date_to, date(2026, 1, 4))
        self.assertAlmostEqual(january_weeks[0].amount, 1290.32)
        self.assertAlmostEqual(sum(weeks.mapped("amount")), 120000.0)
        self.assertFalse(target.rollup_warning)
        target.action_confirm()
        self.assertEqual(target.state, "confirmed")

    def test_rounding_goes_to_one_part(self):
        target = self._target(amount=100.0)
        months = self._periods(target, "month")
        self.assertAlmostEqual(sum(months.mapped("amount")), 100.0)
        self.assertEqual(sorted(set(months.mapped("amount"))), [8.33, 8.37])
        self.assertFalse(target._get_rollup_errors())

    def test_distribution_template(self):
        template = self.env.ref(
            "sale_target_breakdown.sale_target_distribution_quarter_end"
        )
        self.assertEqual(template.total_percent, 100.0)
        target = self._target(
            amount=200000.0, split_method="template", distribution_id=template.id
        )
        months = self._periods(target, "month")
        self.assertEqual(months[0].amount, 14000.0)
        self.assertEqual(months[2].amount, 22000.0)
        self.assertEqual(
            self._periods(target, "quarter").mapped("amount"), [50000.0] * 4
        )
        target.action_confirm()

    def test_fiscal_year_start(self):
        target = self._target(date_from=date(2026, 4, 1))
        self.assertEqual(target.date_to, date(2027, 3, 31))
        self.assertEqual(target.year, "2026/27")
        self.assertEqual(self._periods(target, "month")[-1].date_from, date(2027, 3, 1))

    def test_amount_change_recomputes_draft(self):
        target = self._target()
        with Form(target.with_user(self.users["saleshead"])) as form:
            form.amount = 60000.0
        self.assertEqual(self._periods(target, "month").mapped("amount"), [5000.0] * 12)

    def test_parts_not_adding_up_refused(self):
        target = self._target()
        month = self._periods(target, "month")[0]
        month.with_user(self.users["saleshead"]).amount = 15000.0
        self.assertIn("2026-01", "".join(self._periods(target, "month")[0].name))
        self.assertTrue(target.rollup_warning)
        with self.assertRefused(ValidationError, "do(es)? not add up"):
            target.with_user(self.users["saleshead"]).action_confirm()
        self.assertEqual(target.state, "draft")
        # moving the amount within the quarter (one save) fixes it
        quarter = month.parent_id
        target.write(
            {
                "month_ids": [
                    Command.update(month.id, {"amount": 15000.0}),
                    Command.update(quarter.child_ids[1].id, {"amount": 5000.0}),
                ]
            }
        )
        for week, amount in zip(
            month.child_ids,
            target._split_amount(15000.0, [1] * len(month.child_ids)),
            strict=True,
        ):
            week.amount = amount
        second = quarter.child_ids[1]
        for week, amount in zip(
            second.child_ids,
            target._split_amount(5000.0, [1] * len(second.child_ids)),
            strict=True,
        ):
            week.amount = amount
        self.assertFalse(target.rollup_warning)
        target.action_confirm()

    def test_negative_amounts_refused(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._target(amount=-1.0)
        target = self._target()
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._periods(target, "month")[0].amount = -5.0

    def test_overlapping_periods_refused(self):
        self._target()
        with self.assertRefused(ValidationError, "overlaps"):
            self._target()
        # a fiscal year starting in April overlaps too
        with self.assertRefused(ValidationError, "overlaps"):
            self._target(date_from=date(2026, 4, 1))
        # other people, the next year, or the team are other scopes
        self._target(user=self.users["sales2"])
        self._target(date_from=date(2027, 1, 1))
        self._target(scope="team", user_id=False, team_id=self.team.id)
        with self.assertRefused(ValidationError, "overlaps"):
            self._target(scope="team", user_id=False, team_id=self.team.id)

    def test_cancelled_target_frees_the_period(self):
        target = self._target()
        target.action_cancel()
        other = self._target()
        with self.assertRefused(ValidationError, "overlaps"):
            target.action_draft()
        self.assertEqual(target.state, "cancel")
        self.assertTrue(other)

    def test_scope_needs_its_team_or_person(self):
        with self.assertRefused(ValidationError, "needs a sales team"):
            self._target(scope="team", user_id=False, team_id=False)
        with self.assertRefused(ValidationError, "needs a salesperson"):
            self._target(user_id=False, scope="user")
        with self.assertRefused(ValidationError, "distribution template"):
            self._target(split_method="template")

    def test_distribution_must_total_100(self):
        with self.assertRefused(ValidationError, "not 100%"):
            self.env["sale.target.distribution"].create(
                {
                    "name": "Bad",
                    "line_ids": [Command.create({"month": "1", "percent": 50.0})],
                }
            )
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.env["sale.target.distribution"].create(
                {
                    "name": "Worse",
                    "line_ids": [Command.create({"month": "1", "percent": 120.0})],
                }
            )

    def test_confirmed_target_is_locked(self):
        target = self._target()
        target.action_confirm()
        with self.assertRefused(UserError, "back to draft"):
            target.amount = 1.0
        with self.assertRefused(UserError, "back to draft"):
            self._periods(target, "month")[0].amount = 1.0
        with self.assertRefused(UserError, "Cancel a confirmed target"):
            target.unlink()
        with self.assertRefused(UserError, "Only a draft target"):
            target.action_confirm()
        with self.assertRefused(UserError, "Only a draft target"):
            target.action_compute_breakdown()
        target.action_draft()
        target.amount = 1200.0
        self.assertEqual(self._periods(target, "month")[0].amount, 100.0)
