# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import DashboardCommon


@tagged("post_install", "-at_install")
class TestMonthlySummary(DashboardCommon):
    def _wizard(self, user="manager", when=None):
        when = when or fields.Date.context_today(self.env.user)
        return (
            self.env["order.handling.monthly.summary"]
            .with_user(self.users[user])
            .create({"year": when.year, "month": str(when.month)})
        )

    def test_summary_of_the_month(self):
        # the month of the dates set below, taken before them
        when = fields.Date.context_today(self.env.user)
        self._shipped_order()
        self._accepted_order()
        summary = self._wizard(when=when)._get_summary()
        self.assertEqual(summary["received"]["order_count:sum"], 2)
        self.assertEqual(summary["shipped"]["order_count:sum"], 1)
        self.assertEqual(summary["replied"]["order_count:sum"], 1)
        self.assertEqual(summary["shipped"]["on_time_rate:avg"], 100.0)
        self.assertEqual(summary["received"]["first_pass_rate:avg"], 100.0)
        # no delivery line, no company rates: shipped at no cost
        self.assertEqual(summary["shipped"]["logistics_cost_order:avg"], 0.0)
        # another month has none of it
        last_year = self._wizard(when=when - timedelta(days=400))._get_summary()
        self.assertFalse(last_year["received"]["order_count:sum"])
        self.assertFalse(last_year["shipped"]["logistics_cost:sum"])

    def test_print_and_access(self):
        wizard = self._wizard()
        action = wizard.action_print()
        self.assertEqual(
            action["report_name"], "order_handling_dashboard.report_monthly_summary"
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["manager"])
            ._render_qweb_html(action["report_name"], wizard.ids)[0]
            .decode()
        )
        self.assertIn("Monthly Summary", html)
        self.assertIn("Overdue work per department", html)
        # nothing shipped this month: a dash, not a misleading 0.0
        self.assertEqual(wizard._format_value(None), "–")
        self.assertEqual(wizard._format_value(75.0), "75.0")
        for role in ("sales", "warehouse", "saleshead"):
            with self.assertRaises(AccessError, msg=role):
                self._wizard(user=role)
        with self.assertRaises(ValidationError):
            self._wizard().write({"year": 1900})
        other = self.env["res.company"].create({"name": "Other Works"})
        # refused by order_handling_base's value guard before the wizard's
        # own constraint (which still holds for code that bypasses it)
        with self.assertRaisesRegex(AccessError, "company you have no access"):
            self._wizard().write({"company_id": other.id})
