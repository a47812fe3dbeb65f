# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.order_handling_dashboard.tests.common import DashboardCommon


@tagged("post_install", "-at_install")
class TestTargetSummary(DashboardCommon):
    """R11.1 / R10.2: target achievement on the dashboard and in the monthly
    summary."""

    def test_monthly_targets_in_the_summary(self):
        target = (
            self.env["sale.target"]
            .with_user(self.users["manager"])
            .create(
                {
                    "scope": "company",
                    "date_from": date(2026, 1, 1),
                    "amount": 120000.0,
                }
            )
        )
        target.action_confirm()
        Summary = self.env["order.handling.monthly.summary"].with_user(
            self.users["manager"]
        )
        march = Summary.create({"year": 2026, "month": "3"})
        rows = march._get_summary()["targets"]
        self.assertEqual(len(rows), 1)
        self.assertEqual(
            (rows.scope, rows.period_type, rows.date_from),
            ("company", "month", date(2026, 3, 1)),
        )
        self.assertEqual(
            rows.target_amount,
            target.month_ids.filtered(lambda p: p.date_from == date(2026, 3, 1)).amount,
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["manager"])
            ._render_qweb_html(
                "order_handling_dashboard.report_monthly_summary", march.ids
            )[0]
            .decode()
        )
        self.assertIn("Target achievement", html)
        # a year without targets
        self.assertFalse(
            Summary.create({"year": 2024, "month": "3"})._get_summary()["targets"]
        )

    def test_board_box(self):
        boxes = self._board_actions()
        action, node = boxes["Target Achievement (%)"]
        self.assertEqual(action.res_model, "sale.target.report")
        self.assertIn("achievement", node.get("context"))
