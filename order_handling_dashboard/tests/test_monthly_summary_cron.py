# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from .common import DashboardCommon


@tagged("post_install", "-at_install")
class TestMonthlySummaryCron(DashboardCommon):
    """R11.2: each month the managers receive last month's summary."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for role in ("manager", "gm", "sales"):
            cls.users[role].email = f"{role}@example.com"
        cls.other_company = cls.env["res.company"].create(
            {"name": "Other Works", "intake_required": True}
        )
        # installed, the regulations are off: such a company gets nothing
        cls.plain_company = cls.env["res.company"].create({"name": "Plain Odoo Co"})
        cls.other_gm = new_test_user(
            cls.env,
            "oh_gm_other_company",
            email="gm-other@example.com",
            groups="order_handling_base.group_general_manager",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )

    def _mails(self):
        return self.env["mail.mail"].search([("subject", "like", "Monthly summary")])

    def test_sent_once_a_month_to_the_managers(self):
        self._shipped_order()
        Summary = self.env["order.handling.monthly.summary"]
        last_month = fields.Date.context_today(self.env.user).replace(
            day=1
        ) - relativedelta(months=1)
        label = fields.Date.to_string(last_month)[:7]
        before = self._mails()
        sent = Summary._cron_send_monthly_summary()
        summary = sent.filtered(lambda s: s.company_id == self.company)
        self.assertEqual(len(summary), 1)
        self.assertEqual(
            (summary.year, summary.month), (last_month.year, str(last_month.month))
        )
        self.assertEqual(self.company.monthly_summary_sent_month, label)
        mails = self._mails() - before
        ours = mails.filtered(lambda m: self.company.name in m.subject)
        self.assertTrue(ours)
        recipients = ours.recipient_ids
        self.assertIn(self.users["manager"].partner_id, recipients)
        self.assertIn(self.users["gm"].partner_id, recipients)
        self.assertNotIn(self.users["sales"].partner_id, recipients)
        self.assertNotIn(self.other_gm.partner_id, recipients)
        self.assertIn(label, ours[0].subject)
        attachment = ours[0].attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertTrue(attachment.raw)
        self.assertEqual(attachment.name, f"Monthly Summary - {label}.pdf")
        # the other company's general manager gets that company's summary
        theirs = mails.filtered(lambda m: self.other_company.name in m.subject)
        self.assertIn(self.other_gm.partner_id, theirs.recipient_ids)
        self.assertNotIn(self.users["gm"].partner_id, theirs.recipient_ids)
        self.assertFalse(sent.filtered(lambda s: s.company_id == self.plain_company))
        self.assertFalse(mails.filtered(lambda m: self.plain_company.name in m.subject))
        # run again in the same month: nothing more is sent
        after = self._mails()
        self.assertFalse(Summary._cron_send_monthly_summary())
        self.assertEqual(self._mails(), after)

    def test_cron_record(self):
        cron = self.env.ref(
            "order_handling_dashboard.ir_cron_order_handling_monthly_summary"
        )
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "months"))
        self.assertEqual(cron.code.strip(), "model._cron_send_monthly_summary()")
