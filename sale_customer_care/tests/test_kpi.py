# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import CustomerCareCommon


@tagged("post_install", "-at_install")
class TestKpi(CustomerCareCommon):
    def test_rates(self):
        """Complaint rate, wrong-item rate (supply accuracy), return rate per month and
        the complaint analysis (R8.5)."""
        complaint = self._complaint(category="wrong_item")
        complaint.action_acknowledge()
        self.env.flush_all()
        Kpi = self.env["sale.customer.care.kpi"].with_user(self.users["manager"])
        rows = Kpi.search([("company_id", "=", self.company.id)])
        self.assertTrue(rows)
        total_delivered = sum(rows.mapped("delivered_orders"))
        self.assertGreaterEqual(total_delivered, 1)
        row = rows.filtered(lambda r: r.complaint_count)[:1]
        self.assertGreaterEqual(row.wrong_item_count, 1)
        if row.delivered_orders:
            self.assertAlmostEqual(
                row.complaint_rate, 100.0 * row.complaint_count / row.delivered_orders
            )
            self.assertAlmostEqual(row.supply_accuracy, 100.0 - row.wrong_item_rate)
        groups = Kpi.read_group(
            [], ["complaint_rate:avg", "return_rate:avg"], ["month:month"]
        )
        self.assertTrue(groups)
        analysis = self.env["sale.customer.complaint.report"].search(
            [("complaint_id", "=", complaint.id)]
        )
        self.assertEqual(analysis.wrong_item, 1)
        self.assertEqual(
            analysis.response_hours or 0.0, complaint.response_hours or 0.0
        )
