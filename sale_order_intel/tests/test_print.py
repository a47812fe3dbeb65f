# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import IntelCommon


@tagged("post_install", "-at_install")
class TestPrint(IntelCommon):
    def test_print_intelligence_report(self):
        report = self._evaluated()
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.users["marketing"])
            ._render_qweb_html("sale_order_intel.report_intel_report", report.ids)
        )
        html = html.decode()
        self.assertIn(report.name, html)
        self.assertIn("Acme will buy 200 pumps", html)
        self.assertIn("Confidential", html)

    def test_monthly_summary(self):
        self._evaluated()
        self._report().action_submit()
        today = fields.Date.today()
        wizard = (
            self.env["sale.intel.summary"]
            .with_user(self.users["marketing"])
            # from the first of last month: the records' create_date is the
            # transaction's start, on the eve of a month now and then
            .create(
                {
                    "date_from": today.replace(day=1) - relativedelta(months=1),
                    "date_to": today,
                }
            )
        )
        summary = wizard._get_summary()
        self.assertEqual(summary["total"], 2)
        self.assertEqual(summary["valuable"], 1)
        self.assertEqual(summary["rewards"][0][1:], (1, 200.0))
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "sale_order_intel.report_intel_summary")
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.users["marketing"])
            ._render_qweb_html("sale_order_intel.report_intel_summary", wizard.ids)
        )
        self.assertIn("Monthly Intelligence Summary", html.decode())
        wizard.date_to = wizard.date_from - relativedelta(days=1)
        with self.assertRefused(UserError, "ends before it starts"):
            wizard.action_print()
