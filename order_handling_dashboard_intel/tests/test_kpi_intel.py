# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.order_handling_dashboard.tests.common import (
    DashboardCommon,
    KpiKnownDatesCommon,
    dt,
)

FEB = date(2025, 2, 1)


@tagged("post_install", "-at_install")
class TestIntelKpi(DashboardCommon):
    """R11.1: the conversion of intelligence reports into orders."""

    def test_intelligence_conversion(self):
        self.company.intake_required = False
        channel = self.env.ref("sale_order_intel.sale_intel_channel_visit")
        Report = self.env["sale.intel.report"].with_user(self.users["sales"])
        reports = Report.create(
            [
                {
                    "title": f"Lead {number}",
                    "intel_type": "order_lead",
                    "partner_id": self.partner.id,
                    "channel_id": channel.id,
                    "expected_amount": 1000.0,
                    "content": "<p>Acme will buy pumps.</p>",
                }
                for number in range(4)
            ]
        )
        reports[:3].action_submit()  # the fourth stays a draft: not counted
        marketing = reports[:2].with_user(self.users["marketing"])
        marketing.write({"grade": "a", "is_valuable": True})
        marketing.action_evaluate()
        order = self._create_order(self.users["sales"])
        order.intel_report_id = reports[0]
        order.action_confirm()
        Intel = self.env["order.handling.kpi.intel"].with_user(self.users["manager"])
        rows = Intel.search([("report_id", "in", reports.ids)])
        self.assertEqual(rows.report_id, reports[:3])
        [[nbr, converted, rate, valuable_rate]] = Intel._read_group(
            [("report_id", "in", reports.ids)],
            [],
            [
                "nbr:sum",
                "converted_count:sum",
                "conversion_rate:avg",
                "valuable_conversion_rate:avg",
            ],
        )
        self.assertEqual((nbr, converted), (3, 1))
        self.assertAlmostEqual(rate, 100.0 / 3)
        self.assertAlmostEqual(valuable_rate, 50.0)
        action = rows.action_open_orders()
        self.assertEqual(self.env["sale.order"].search(action["domain"]), order)

    def test_access_and_summary(self):
        Intel = self.env["order.handling.kpi.intel"]
        Intel.with_user(self.users["gm"]).search([])
        for role in ("saleshead", "sales", "marketing"):
            with self.assertRaises(AccessError, msg=role):
                Intel.with_user(self.users[role]).search([])
        report = (
            self.env["sale.intel.report"]
            .with_user(self.users["sales"])
            .create(
                {
                    "title": "Lead",
                    "intel_type": "order_lead",
                    "partner_id": self.partner.id,
                    "content": "<p>Acme will buy pumps.</p>",
                }
            )
        )
        report.action_submit()
        wizard = (
            self.env["order.handling.monthly.summary"]
            .with_user(self.users["manager"])
            .create({})
        )
        intel = wizard._get_summary()["intel"]
        self.assertEqual((intel["nbr:sum"], intel["converted_count:sum"]), (1, 0))
        self.assertEqual(intel["conversion_rate:avg"], 0.0)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["manager"])
            ._render_qweb_html(
                "order_handling_dashboard.report_monthly_summary", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn("Intelligence conversion rate (%)", html)
        self.assertIn("Intelligence Conversion (%)", self._board_actions())


@tagged("post_install", "-at_install")
class TestIntelKpiKnownDates(KpiKnownDatesCommon):
    def test_intelligence_month_is_the_submission(self):
        """A report dated years ahead by mistake counts in the month it was
        submitted (Shanghai time), not in a month to come."""
        report = (
            self.env["sale.intel.report"]
            .with_user(self.users["sales"])
            .create(
                {
                    "title": "Lead",
                    "intel_type": "order_lead",
                    "partner_id": self.partner.id,
                    "channel_id": self.env.ref(
                        "sale_order_intel.sale_intel_channel_visit"
                    ).id,
                    "content": "<p>Acme will buy pumps.</p>",
                }
            )
        )
        report.action_submit()
        self._set(
            "sale_intel_report",
            report,
            date_report=date(2031, 1, 15),
            submitted_date=dt("2025-01-31 17:00:00"),
        )
        Intel = self.env["order.handling.kpi.intel"].with_user(self.users["manager"])
        row = Intel.search([("report_id", "=", report.id)])
        self.assertEqual(row.month_submitted, FEB)
        self.assertEqual(
            Intel._read_group(
                [("report_id", "=", report.id)], ["month_submitted:month"], ["nbr:sum"]
            ),
            [(FEB, 1)],
        )
