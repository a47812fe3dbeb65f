# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.tests import tagged

from .common import TargetCommon


@tagged("post_install", "-at_install")
class TestActuals(TargetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.target = cls._target(amount=120000.0)
        cls.target.action_confirm()
        sales, sales2 = cls.users["sales"], cls.users["sales2"]
        cls._confirmed_order(sales, datetime(2026, 2, 10, 10, 0), 6000.0)
        cls._confirmed_order(sales, datetime(2026, 2, 27, 10, 0), 2000.0)
        cls._confirmed_order(sales, datetime(2026, 5, 4, 10, 0), 12000.0)
        cls._confirmed_order(sales2, datetime(2026, 2, 11, 10, 0), 9999.0)
        cls._confirmed_order(sales, datetime(2025, 12, 31, 10, 0), 500.0)
        draft = cls._create_order(sales)
        draft.date_order = datetime(2026, 2, 12)

    def _month(self, target, month):
        return target.month_ids.filtered(lambda p: p.date_from.month == month)

    def test_actuals_per_period(self):
        """Actuals come from confirmed orders, per period and person (R10.2)."""
        february = self._month(self.target, 2)
        self.assertEqual(february.actual_amount, 8000.0)
        self.assertEqual(february.achievement, 80.0)
        self.assertEqual(self._month(self.target, 5).actual_amount, 12000.0)
        self.assertEqual(self._month(self.target, 1).actual_amount, 0.0)
        self.assertEqual(self.target.quarter_ids[0].actual_amount, 8000.0)
        self.assertEqual(self.target.actual_amount, 20000.0)
        self.assertAlmostEqual(self.target.achievement, 16.7, places=1)
        # ISO weeks: W07 (Feb 9-15) and W09 (Feb 23 - Mar 1)
        weeks = {week.name: week for week in self.target.week_ids}
        self.assertEqual(weeks["2026-W07"].actual_amount, 6000.0)
        self.assertEqual(weeks["2026-W09"].actual_amount, 2000.0)
        self.assertEqual(weeks["2026-W19"].actual_amount, 12000.0)

    def test_actuals_on_iso_weeks(self):
        """Actuals per week are counted on the ISO week, Monday to Sunday: an
        order of 2026-01-01 lands in 2026-W01, as does one of 2025-12-31
        (W01 starts on Monday 2025-12-29), which the year does not count
        (R10.2)."""
        self._confirmed_order(self.users["sales"], datetime(2026, 1, 1, 10, 0), 300.0)
        weeks = self.target.week_ids.sorted("date_from")
        first = weeks[0]
        self.assertEqual(first.name, "2026-W01")
        self.assertEqual(first.actual_amount, 800.0)
        self.assertEqual(weeks[1].actual_amount, 0.0)
        self.assertEqual(self._month(self.target, 1).actual_amount, 300.0)
        self.assertEqual(self.target.actual_amount, 20300.0)
        row = self.env["sale.target.report"].search([("period_id", "=", first.id)])
        self.assertEqual((row.period_name, row.order_count), ("2026-W01", 2))
        # each order lands in exactly one week of the year
        self.assertEqual(sum(weeks.mapped("actual_amount")), 20800.0)

    def test_team_and_company_scope(self):
        team_target = self._target(scope="team", user_id=False, team_id=self.team.id)
        company_target = self._target(scope="company", user_id=False)
        self.assertEqual(self._month(team_target, 2).actual_amount, 17999.0)
        self.assertGreaterEqual(self._month(company_target, 2).actual_amount, 17999.0)

    def test_report_achievement_is_ratio_of_sums(self):
        self._target(user=self.users["sales2"], amount=12000.0).action_confirm()
        Report = self.env["sale.target.report"].with_user(self.users["saleshead"])
        domain = [("period_type", "=", "month"), ("date_from", "=", "2026-02-01")]
        rows = Report.search(domain)
        self.assertEqual(len(rows), 2)
        by_user = {row.user_id: row for row in rows}
        self.assertEqual(by_user[self.users["sales"]].rating, "near")
        self.assertEqual(by_user[self.users["sales2"]].rating, "achieved")
        self.assertEqual(by_user[self.users["sales2"]].order_count, 1)
        [group] = Report.read_group(
            domain, ["target_amount:sum", "actual_amount:sum", "achievement:avg"], []
        )
        self.assertEqual(group["target_amount"], 11000.0)
        self.assertEqual(group["actual_amount"], 17999.0)
        self.assertAlmostEqual(group["achievement"], 17999.0 * 100 / 11000.0)

    def test_actuals_query_count_does_not_grow(self):
        """Actuals of 12 months x 5 people cost what 1 month of 1 person does."""
        targets = self.target
        for user in self.sellers[1:]:
            targets |= self._target(user=user)
        months = targets.month_ids
        self.assertEqual(len(months), 60)
        one = months[:1]

        def count(periods):
            periods.invalidate_recordset(["actual_amount", "achievement"])
            self.env.flush_all()
            before = self.cr.sql_log_count
            periods.mapped("achievement")
            return self.cr.sql_log_count - before

        single, batch = count(one), count(months)
        self.assertEqual(batch, single)
        with self.assertQueryCount(1):
            months.invalidate_recordset(["actual_amount", "achievement"])
            months.mapped("actual_amount")
