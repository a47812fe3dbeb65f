# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import OrderHandlingCommon


@tagged("post_install", "-at_install")
class TestReport(OrderHandlingCommon, HttpCase):
    """An HttpCase: wkhtmltopdf fetches the report assets from the test
    server, which must serve them from the test transaction."""

    def test_transfer_slip_prints(self):
        slip = self._transfer(["quality"], note="<p>Check the seals</p>")
        report = self.env.ref("order_handling_base.action_report_transfer_slip")
        html = report._render_qweb_html(report.report_name, slip.ids)[0].decode()
        self.assertIn(slip.name, html)
        self.assertIn("Check the seals", html)
        self.assertIn(self.order.name, html)
        # what is transferred (issue 20): customer, lines and quantities of
        # the order's price-free copy, no price
        self.assertIn("What is transferred", html)
        self.assertIn(self.order.partner_id.name, html)
        line = self.order.order_line[:1]
        self.assertIn(line.product_id.display_name, html)
        self.assertNotIn("Unit Price", html)
        self.env["res.lang"]._activate_lang("zh_CN")
        pdf, content_type = report.with_context(
            force_report_rendering=True, lang="zh_CN"
        )._render_qweb_pdf(report.report_name, slip.ids)
        self.assertEqual(content_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
