# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import IntakeCommon


@tagged("post_install", "-at_install")
class TestProductionNotice(IntakeCommon, HttpCase):
    """The production notice (R5.3): what the workshop needs, no prices. An
    HttpCase: wkhtmltopdf fetches the report assets from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.list_price = 987.65
        cls._make_regular(cls.product)
        cls.notice_order = cls._submit(
            cls._new_order(lines=[(cls.product, 3)], client_order_ref="PO-2026-118")
        )
        cls.notice_order.order_line.intake_customer_change_note = "Blue paint RAL 5015"
        clerk = cls.users["clerk"]
        cls.notice_order.with_user(clerk).action_intake_check()
        cls.notice_order.with_user(clerk).action_intake_accept()
        cls.report = cls.env.ref("sale_order_intake.action_report_production_notice")

    def test_production_notice_html(self):
        order = self.notice_order
        self.assertEqual(order.intake_stage, "accepted")
        html = self.report._render_qweb_html(self.report.report_name, order.ids)[
            0
        ].decode()
        self.assertIn("Production Notice", html)
        self.assertIn(order.name, html)
        self.assertIn("GP-20", html, "the model number")
        self.assertIn("PO-2026-118", html)
        self.assertIn("Blue paint RAL 5015", html)
        self.assertIn(self.partner.name, html)
        self.assertIn(self.users["clerk"].name, html)
        # no price, no amount
        self.assertEqual(order.amount_untaxed, 2962.95)
        for amount in ("987.65", "987,65", "2,962.95", "2962.95", "2,962"):
            self.assertNotIn(amount, html)
        self.assertNotIn(str(order.amount_total), html)

    def test_production_notice_pdf(self):
        pdf, content_type = self.report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(self.report.report_name, self.notice_order.ids)
        self.assertEqual(content_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_production_notice_pdf_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.partner.write({"name": "上海精工机械有限公司", "lang": "zh_CN"})
        pdf, content_type = self.report.with_context(
            force_report_rendering=True, lang="zh_CN"
        )._render_qweb_pdf(self.report.report_name, self.notice_order.ids)
        self.assertEqual(content_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestIntakeTour(IntakeCommon, HttpCase):
    """The clerk's screen flow: Intake Queue → order → Run Intake Check →
    Accept and Transfer → Transfer Slips."""

    def test_clerk_checks_and_accepts_in_the_browser(self):
        login = "intake_tour_clerk"
        clerk = new_test_user(
            self.env, login, groups="order_handling_base.group_logistics_clerk"
        )
        customer = self.env["res.partner"].create({"name": "Tour Customer Ltd"})
        # shipped before, documents complete, clean for the shipped checks
        self._make_regular(self.product)
        order = self._submit(self._new_order(partner=customer))
        self.assertEqual(order.intake_stage, "submitted")
        self.start_tour("/odoo", "sale_order_intake_clerk_tour", login=login)
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(order.intake_checked_uid, clerk)
        self.assertEqual(order.intake_accepted_uid, clerk)
        self.assertEqual(order.intake_class, "regular")
        self.assertEqual(
            sorted(order.transfer_slip_ids.department_id.mapped("code")),
            ["quality", "warehouse"],
        )
