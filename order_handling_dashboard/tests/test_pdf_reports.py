# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import shutil
import subprocess
import tempfile
import unicodedata
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import DashboardCommon

# every addon of the suite that may ship PDF reports
SUITE_MODULES = (
    "order_handling_base",
    "sale_order_intake",
    "sale_order_review",
    "sale_engineering_plan",
    "sale_engineering_plan_mrp",
    "sale_order_governance",
    "sale_order_archive",
    "sale_customer_care",
    "sale_order_intel",
    "sale_order_intel_crm",
    "sale_target_breakdown",
    "order_handling_dashboard",
)
# the reports of R11.2 present in the suite, with their title in Chinese
TITLES_ZH = {
    "order_handling_base.action_report_transfer_slip": "转交单",
    "sale_order_intake.action_report_production_notice": "生产通知单",
    "sale_order_intake.action_report_production_notice_copy": "生产通知单",
    "sale_order_review.action_report_review_form": "评审表",
    "sale_engineering_plan.action_report_product_plan": "产品方案",
    "sale_customer_care.action_report_complaint_8d": "8D报告",
    "sale_customer_care.action_report_visit_record": "回访记录",
    "sale_order_intel.action_report_intel_report": "情报报告",
    "sale_order_intel.action_report_intel_summary": "情报月度汇总",
    "order_handling_dashboard.action_report_monthly_summary": "月度汇总",
    "sale_order_governance.action_report_change_notice": "变更通知单",
    "sale_order_archive.action_report_sale_order_no_price": "订单表",
}


@tagged("post_install", "-at_install")
class TestPdfReports(DashboardCommon, HttpCase):
    """Every QWeb PDF report of the suite renders to a real PDF (wkhtmltopdf)
    in English and in Chinese, with its Chinese title in the text.

    An HttpCase: wkhtmltopdf fetches the report assets from the test
    server, which serves them from the test transaction."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        installed = (
            cls.env["ir.module.module"]
            .search([("name", "in", SUITE_MODULES), ("state", "=", "installed")])
            .mapped("name")
        )
        cls.env["ir.module.module"]._load_module_terms(
            installed, ["zh_CN"], overwrite=True
        )
        cls.installed_modules = set(installed)

    def _records(self):
        """One real record per report model, made by the workflows (the
        documents of the addons that are installed)."""
        order = self._replied_order()
        self._ship(order)
        records = {
            "order.handling.transfer": order.transfer_slip_ids[:1],
            "sale.order": order,
            # the order copy the departments print from (same id)
            "sale.order.copy": self.env["sale.order.copy"].browse(order.id),
            "order.handling.monthly.summary": self.env[
                "order.handling.monthly.summary"
            ].create({}),
        }
        if "sale.engineering.plan" in self.env:
            plan = self._plan()
            records["sale.engineering.plan"] = plan
            records["sale.order.review"] = self.env["sale.order.review"].search(
                [("order_id", "=", order.id)], limit=1
            )
        if "sale.customer.complaint" in self.env:
            records["sale.customer.complaint"] = self._complaint(
                order, category="wrong_item"
            )
            records["sale.customer.visit"] = self.env["sale.customer.visit"].create(
                {
                    "partner_id": order.partner_id.id,
                    "order_id": order.id,
                    "channel": "visit",
                    "score_product": 4,
                    "score_delivery": 5,
                    "score_service": 4,
                    "comments": "The pumps run well.",
                }
            )
        if "sale.intel.report" in self.env:
            intel = (
                self.env["sale.intel.report"]
                .with_user(self.users["sales"])
                .create(
                    {
                        "title": "Acme plans a new pump line",
                        "intel_type": "order_lead",
                        "partner_id": self.partner.id,
                        "content": "<p>Acme will buy 200 pumps in Q3.</p>",
                    }
                )
            )
            intel.action_submit()
            records["sale.intel.report"] = intel
            records["sale.intel.summary"] = self.env["sale.intel.summary"].create({})
        if "sale.order.change.request" in self.env:
            # sale_order_governance is not a dependency: its change notice
            # is checked when it is installed (as in the suite's CI database)
            records["sale.order.change.request"] = self.env[
                "sale.order.change.request"
            ].create(
                {
                    "order_id": order.id,
                    "reason": "The customer needs the goods a week later.",
                    "new_commitment_date": fields.Datetime.now() + timedelta(days=30),
                }
            )
        return records

    def _pdf_tool(self, tool, pdf):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            args = [tool, handle.name]
            if tool == "pdftotext":
                args = [tool, "-enc", "UTF-8", handle.name, "-"]
            output = subprocess.run(args, check=True, capture_output=True).stdout
        # CJK fonts map some characters to compatibility code points
        # (Kangxi radicals): NFKC gives the ordinary characters back
        return unicodedata.normalize("NFKC", output.decode())

    def assertPdf(self, report, record, lang, title):
        pdf, content_type = report.with_context(
            force_report_rendering=True, lang=lang
        )._render_qweb_pdf(report.report_name, record.ids)
        self.assertEqual(content_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        info = self._pdf_tool("pdfinfo", pdf)
        self.assertRegex(info, r"Pages:\s+[1-9]")
        html = (
            report.with_context(lang=lang)
            ._render_qweb_html(report.report_name, record.ids)[0]
            .decode()
        )
        self.assertIn(title, html)
        if lang == "zh_CN":
            # wkhtmltopdf 0.12.6 (unpatched Qt) embeds Latin fonts without
            # a text map, CJK fonts with one: the Chinese of the title must
            # be in the text of the PDF, drawn with a CJK font
            text = self._pdf_tool("pdftotext", pdf)
            for chinese in re.findall(r"[\u4e00-\u9fff]+", title):
                self.assertIn(chinese, text)

    def test_every_pdf_report_renders_in_english_and_chinese(self):
        # a missing tool fails the test, never skips it: tools/setup.sh
        # installs poppler-utils with the other Debian packages
        for tool in ("pdftotext", "pdfinfo"):
            self.assertTrue(
                shutil.which(tool),
                f"{tool} (Debian poppler-utils) is missing: run tools/setup.sh test",
            )
        reports = (
            self.env["ir.model.data"]
            .search(
                [("model", "=", "ir.actions.report"), ("module", "in", SUITE_MODULES)]
            )
            .mapped(lambda data: (f"{data.module}.{data.name}", data.res_id))
        )
        reports = {
            xmlid: self.env["ir.actions.report"].browse(res_id)
            for xmlid, res_id in reports
        }
        reports = {
            xmlid: report
            for xmlid, report in reports.items()
            if report.report_type == "qweb-pdf"
        }
        # the reports R11.2 asks for and the installed addons have are all
        # there
        expected = {
            xmlid
            for xmlid in TITLES_ZH
            if xmlid.split(".")[0] in self.installed_modules
        }
        self.assertIn(
            "order_handling_dashboard.action_report_monthly_summary", expected
        )
        self.assertFalse(expected - set(reports))
        records = self._records()
        missing = {report.model for report in reports.values()} - set(records)
        self.assertFalse(
            missing,
            f"no test record for the PDF reports of {sorted(missing)}: add one "
            "to _records() and its Chinese title to TITLES_ZH",
        )
        self.assertFalse(set(reports) - set(TITLES_ZH), "a report without title")
        for xmlid, report in sorted(reports.items()):
            record = records[report.model]
            self.assertTrue(record, xmlid)
            english = report.with_context(lang="en_US").name
            for lang, title in (("en_US", english), ("zh_CN", TITLES_ZH[xmlid])):
                with self.subTest(report=xmlid, lang=lang):
                    self.partner.lang = lang
                    self.assertPdf(report, record, lang, title)
