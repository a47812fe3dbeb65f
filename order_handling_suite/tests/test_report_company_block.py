# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import html as lxml_html

from odoo.tests import tagged

from odoo.addons.order_handling_dashboard.tests import test_pdf_reports
from odoo.addons.order_handling_dashboard.tests.common import DashboardCommon


@tagged("post_install", "-at_install")
class TestReportCompanyBlock(DashboardCommon):
    """Every QWeb report of the suite prints the company (name, address,
    phone) in the body of its page: the packaged wkhtmltopdf drops the
    header of ``web.external_layout``, where Odoo puts it."""

    # one real record per report model (the dashboard's PDF test makes them)
    _records = test_pdf_reports.TestPdfReports._records

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"name": "Acme Pump Works", "phone": "+86 21 5555 0100", "city": "Wuxi"}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Works"})

    def test_every_report_prints_the_company_in_its_body(self):
        data = self.env["ir.model.data"].search(
            [
                ("model", "=", "ir.actions.report"),
                ("module", "in", test_pdf_reports.SUITE_MODULES),
            ]
        )
        reports = self.env["ir.actions.report"].browse(data.mapped("res_id"))
        reports = reports.filtered(lambda r: r.report_type.startswith("qweb"))
        self.assertTrue(reports)
        records = self._records()
        for report in reports:
            record = records[report.model]
            self.assertEqual(record.company_id, self.company, report.report_name)
            with self.subTest(report=report.report_name):
                # printed from another company: the document's company shows
                html = report.with_company(self.other_company)._render_qweb_html(
                    report.report_name, record.ids
                )[0]
                tree = lxml_html.fromstring(html)
                # the body of the page, without the header Odoo prints it in
                pages = tree.xpath("//div[contains(@class, 'article')]")
                self.assertTrue(pages)
                block = pages[0].xpath(
                    ".//*[contains(@class, 'o_order_handling_company_block')]"
                )
                self.assertTrue(block, "no company block in the body")
                text = block[0].text_content()
                self.assertIn("Acme Pump Works", text)
                self.assertIn("+86 21 5555 0100", text)
                self.assertIn("Wuxi", text)
                self.assertNotIn("Other Works", text)
