# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import IntelCommon


@tagged("post_install", "-at_install")
class TestConfidentiality(IntelCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._evaluated()
        cls.other_report = cls._report(role="sales2", title="Someone else's lead")

    def _visible(self, role, model="sale.intel.report"):
        reports = self.report | self.other_report
        Model = self.env[model].with_user(self.users[role])
        field = "id" if model == "sale.intel.report" else "report_id"
        return Model.search([(field, "in", reports.ids)])

    def test_report_visible_to_reporter_marketing_managers_only(self):
        self.assertEqual(self._visible("sales"), self.report)
        self.assertEqual(self._visible("sales2"), self.other_report)
        self.assertEqual(self._visible("marketing"), self.report | self.other_report)
        self.assertEqual(self._visible("manager"), self.report | self.other_report)
        self.assertEqual(self._visible("gm"), self.report | self.other_report)
        self.assertFalse(self._visible("saleshead"))
        self.assertFalse(self._visible("clerk"))
        with self.assertRaises(AccessError):
            self.report.with_user(self.users["sales2"]).read(["content"])
        with self.assertRaises(AccessError):
            self.report.with_user(self.users["saleshead"]).read(["content"])

    def test_rewards_follow_the_report(self):
        fee = self.report.reward_ids
        self.assertEqual(self._visible("sales", "sale.intel.reward"), fee)
        self.assertFalse(self._visible("sales2", "sale.intel.reward"))
        self.assertEqual(self._visible("marketing", "sale.intel.reward"), fee)
        with self.assertRaises(AccessError):
            fee.with_user(self.users["sales2"]).read(["amount"])
        with self.assertRaises(AccessError):
            fee.with_user(self.users["sales"]).check_access("write")

    def test_plan_visible_to_its_team(self):
        plan = self.env["sale.intel.plan"].browse(
            self.report.with_user(self.users["marketing"]).action_create_plan()[
                "res_id"
            ]
        )
        plan.write(
            {
                "team_id": self.team.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 2, 1),
            }
        )
        Plan = self.env["sale.intel.plan"]
        self.assertEqual(
            Plan.with_user(self.users["sales"]).search([("id", "=", plan.id)]), plan
        )
        self.assertEqual(
            Plan.with_user(self.users["saleshead"]).search([("id", "=", plan.id)]), plan
        )
        self.assertFalse(
            Plan.with_user(self.users["sales2"]).search([("id", "=", plan.id)])
        )

    def test_multi_company(self):
        company_b = self.env["res.company"].create({"name": "Intel B"})
        marketing = self.users["marketing"]
        marketing.company_ids = [Command.link(company_b.id)]
        report_b = (
            self.env["sale.intel.report"]
            .with_user(marketing)
            .with_company(company_b)
            .create(
                {"title": "B lead", "content": "<p>x</p>", "company_id": company_b.id}
            )
        )
        marketing.company_ids = [Command.unlink(company_b.id)]
        self.assertFalse(
            self.env["sale.intel.report"]
            .with_user(marketing)
            .search([("id", "=", report_b.id)])
        )
