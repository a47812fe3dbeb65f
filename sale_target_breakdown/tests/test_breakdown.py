# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TargetCommon


@tagged("post_install", "-at_install")
class TestBreakdown(TargetCommon):
    def _periods(self, target, period_type):
        return target.period_ids.filtered(lambda p: p.period_type == period_type)

    def test_even_split_adds_up(self):
        """An annual target split evenly into quarters and months, and into
        ISO weeks, each series adding up to the year (R10.1)."""
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
            self.assertEqual(month.parent_id.period_type, "quarter")
            self.assertFalse(month.child_ids)
        self.assertFalse(weeks.parent_id)
        self.assertAlmostEqual(sum(months.mapped("amount")), 120000.0, places=2)
        self.assertAlmostEqual(sum(weeks.mapped("amount")), 120000.0, places=2)
        self.assertFalse(target.rollup_warning)
        target.action_confirm()
        self.assertEqual(target.state, "confirmed")

    def test_iso_weeks_2026(self):
        """2026 starts on a Thursday: 53 ISO weeks, Monday to Sunday, each
        once, W01 from 2025-12-29, W53 to 2027-01-03 (R10.1)."""
        target = self._target(amount=120000.0)
        weeks = self._periods(target, "week").sorted("date_from")
        self.assertEqual(len(weeks), 53)
        self.assertEqual(len(target.period_ids), 4 + 12 + 53)
        names = weeks.mapped("name")
        self.assertEqual(len(set(names)), 53, "no week twice")
        self.assertEqual(names[0], "2026-W01")
        self.assertEqual(names[4], "2026-W05")
        self.assertEqual(names[-1], "2026-W53")
        self.assertEqual(weeks.mapped("sequence"), list(range(1, 54)))
        for week in weeks:
            self.assertEqual(week.date_from.weekday(), 0, week.name)
            self.assertEqual((week.date_to - week.date_from).days, 6, week.name)
            self.assertEqual(week.date_from.isocalendar()[:2], (2026, week.sequence))
        for previous, following in zip(weeks[:-1], weeks[1:], strict=True):
            self.assertEqual((following.date_from - previous.date_to).days, 1)
        self.assertEqual(weeks[0].date_from, date(2025, 12, 29))
        self.assertEqual(weeks[-1].date_to, date(2027, 1, 3))
        # split by the daily target of each day inside 2026: W01 holds
        # January 1-4 (4 x 10,000 / 31); a full January week 7 days
        self.assertAlmostEqual(weeks[0].amount, 1290.32)
        self.assertAlmostEqual(weeks[1].amount, 2258.06)
        # W05 (Jan 26 - Feb 1): 6 January days and 1 February day
        self.assertAlmostEqual(weeks[4].amount, 6 * 10000 / 31 + 10000 / 28, places=1)
        # W53 holds December 28-31 only
        self.assertAlmostEqual(weeks[-1].amount, 4 * 10000 / 31, places=1)
        self.assertAlmostEqual(sum(weeks.mapped("amount")), 120000.0, places=2)

    def test_iso_weeks_2027(self):
        """2027 starts on a Friday: January 1-3 belong to 2026-W53, so the
        2027 target has the 52 weeks from 2027-01-04, still adding up to the
        year (R10.1)."""
        target = self._target(amount=100000.0, date_from=date(2027, 1, 1))
        weeks = self._periods(target, "week").sorted("date_from")
        self.assertEqual(len(weeks), 52)
        self.assertEqual(weeks[0].name, "2027-W01")
        self.assertEqual(weeks[0].date_from, date(2027, 1, 4))
        self.assertEqual(weeks[-1].name, "2027-W52")
        self.assertEqual(weeks[-1].date_to, date(2028, 1, 2))
        self.assertAlmostEqual(sum(weeks.mapped("amount")), 100000.0, places=2)
        self.assertAlmostEqual(
            sum(self._periods(target, "month").mapped("amount")), 100000.0, places=2
        )
        self.assertFalse(target.rollup_warning)

    def test_iso_weeks_fiscal_year_and_template(self):
        """A fiscal year from April gets the ISO weeks whose Thursday falls
        in it; with a seasonal template the weeks follow the months, and
        both series add up to the year (R10.1)."""
        template = self.env.ref(
            "sale_target_breakdown.sale_target_distribution_quarter_end"
        )
        target = self._target(
            amount=99999.99,
            date_from=date(2026, 4, 1),
            split_method="template",
            distribution_id=template.id,
        )
        weeks = self._periods(target, "week").sorted("date_from")
        # Wednesday 2026-04-01: its week's Thursday is April 2, in the year
        self.assertEqual(weeks[0].date_from, date(2026, 3, 30))
        self.assertEqual(weeks[0].name, "2026-W14")
        self.assertLessEqual(weeks[-1].date_from + timedelta(days=3), date(2027, 3, 31))
        self.assertEqual(len(weeks), 52)
        self.assertEqual(len(set(weeks.mapped("name"))), len(weeks))
        self.assertAlmostEqual(sum(weeks.mapped("amount")), 99999.99, places=2)
        self.assertAlmostEqual(
            sum(self._periods(target, "month").mapped("amount")), 99999.99, places=2
        )
        # a week of June (11 %) weighs more than a week of May (7 %)
        may = weeks.filtered(lambda w: w.date_from == date(2026, 5, 11))
        june = weeks.filtered(lambda w: w.date_from == date(2026, 6, 8))
        self.assertGreater(june.amount, may.amount * 1.5)
        self.assertFalse(target.rollup_warning)
        target.action_confirm()

    def test_iso_weeks_year_starting_mid_month(self):
        """A year from 15 April: months run from the 15th, weeks follow them
        and add up to the year (R10.1)."""
        target = self._target(amount=36500.0, date_from=date(2026, 4, 15))
        weeks = self._periods(target, "week").sorted("date_from")
        # Wednesday 15 April: its week (2026-W16) has its Thursday inside
        self.assertEqual(weeks[0].name, "2026-W16")
        self.assertAlmostEqual(sum(weeks.mapped("amount")), 36500.0, places=2)
        # 2026-W17 (April 20-26) lies in the month from April 15 (30 days);
        # 2027-04-12..14 fall in no week (2027-W15's Thursday is after the
        # year), so the 362 covered days are scaled to the year
        self.assertEqual(weeks[-1].date_to, date(2027, 4, 11))
        w17 = weeks.filtered(lambda w: w.name == "2026-W17")
        expected = 7 * (36500.0 / 12) / 30 * 365 / 362
        self.assertAlmostEqual(w17.amount, expected, delta=0.5)
        self.assertFalse(target.rollup_warning)

    def test_weeks_not_adding_up_refused(self):
        """Weeks adjusted by hand must still add up to the year (R10.1)."""
        target = self._target()
        week = self._periods(target, "week")[10]
        week.with_user(self.users["saleshead"]).amount = week.amount + 100.0
        self.assertIn("weeks add up to", target.rollup_warning)
        with self.assertRefused(ValidationError, "weeks add up to"):
            target.with_user(self.users["saleshead"]).action_confirm()
        self._periods(target, "week")[11].amount -= 100.0
        self.assertFalse(target.rollup_warning)
        target.with_user(self.users["saleshead"]).action_confirm()

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
        # moving the amount within the quarter (one save) fixes it; the
        # weeks are a series of their own and still add up to the year
        quarter = month.parent_id
        target.write(
            {
                "month_ids": [
                    Command.update(month.id, {"amount": 15000.0}),
                    Command.update(quarter.child_ids[1].id, {"amount": 5000.0}),
                ]
            }
        )
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
