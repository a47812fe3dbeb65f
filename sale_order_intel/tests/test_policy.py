# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import IntelCommon


@tagged("post_install", "-at_install")
class TestPolicy(IntelCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.policy = (
            cls.env["sale.intel.policy"]
            .with_user(cls.users["saleshead"])
            .create(
                {
                    "name": "This half-year",
                    "date_from": today - relativedelta(months=1),
                    "date_to": today + relativedelta(months=5),
                    "line_ids": [
                        Command.create(
                            {
                                "user_id": cls.users["sales"].id,
                                "region": "East China",
                                "channel_ids": [Command.set(cls.channel.ids)],
                                "expected_count": 3,
                            }
                        ),
                        Command.create(
                            {
                                "user_id": cls.users["sales2"].id,
                                "region": "North China",
                                "expected_count": 2,
                            }
                        ),
                    ],
                }
            )
        )

    def test_approved_by_the_sales_head(self):
        """The activity policy of a period is approved by the department head (R9.1)."""
        with self.assertRefused(UserError, "head of the sales department"):
            self.policy.with_user(self.users["sales"]).action_approve()
        with self.assertRefused(UserError, "head of the sales department"):
            self.policy.with_user(self.users["marketing"]).action_approve()
        with self.assertRefused(UserError, "only through the document.s buttons"):
            self.policy.with_user(self.users["manager"]).write({"state": "approved"})
        self.policy.with_user(self.users["saleshead"]).action_approve()
        self.assertEqual(self.policy.state, "approved")
        self.assertEqual(self.policy.approved_uid, self.users["saleshead"])
        with self.assertRefused(UserError, "Only a draft policy"):
            self.policy.with_user(self.users["saleshead"]).action_approve()
        # a salesperson reads the policies that assign them
        Policy = self.env["sale.intel.policy"]
        self.assertEqual(Policy.with_user(self.users["sales"]).search([]), self.policy)
        empty = Policy.with_user(self.users["saleshead"]).create(
            {"name": "Empty", "date_from": "2026-01-01", "date_to": "2026-02-01"}
        )
        with self.assertRefused(UserError, "at least one salesperson"):
            empty.with_user(self.users["saleshead"]).action_approve()
        with self.assertRefused(ValidationError, "ends before it starts"):
            empty.date_to = "2025-01-01"

    def test_monthly_reminder_is_safe_to_run_twice(self):
        Policy = self.env["sale.intel.policy"]
        self.assertFalse(Policy._cron_remind_salespeople())  # not approved yet
        self.policy.with_user(self.users["saleshead"]).action_approve()
        activity_type = self.env.ref("sale_order_intel.mail_activity_type_intel_report")

        def activities():
            return self.env["mail.activity"].search(
                [
                    ("res_model", "=", "sale.intel.policy"),
                    ("res_id", "=", self.policy.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )

        Policy._cron_remind_salespeople()
        self.assertEqual(
            activities().user_id, self.users["sales"] | self.users["sales2"]
        )
        self.assertEqual(len(activities()), 2)
        Policy._cron_remind_salespeople()
        self.assertEqual(len(activities()), 2)
        month = fields.Date.today().strftime("%Y-%m")
        self.assertEqual(
            set(self.policy.line_ids.mapped("last_reminder_month")), {month}
        )

    def test_compliance_filed_vs_expected(self):
        self._report()  # a draft does not count
        self._report().action_submit()
        self._evaluated()
        self._report(role="sales2").action_submit()
        # counts are read fresh (computed from the compliance view, not stored)
        self.policy.line_ids.invalidate_recordset(["filed_count", "compliance"])
        line = self.policy.line_ids.filtered(
            lambda line: line.user_id == self.users["sales"]
        )
        self.assertEqual(line.filed_count, 2)
        self.assertAlmostEqual(line.compliance, 66.7, places=1)
        self.assertEqual(self.policy.expected_count, 5)
        self.assertEqual(self.policy.filed_count, 3)
        Compliance = self.env["sale.intel.compliance.report"]
        rows = Compliance.with_user(self.users["saleshead"]).search(
            [("policy_id", "=", self.policy.id)]
        )
        by_user = {row.user_id: row for row in rows}
        self.assertEqual(by_user[self.users["sales"]].missing_count, 1)
        self.assertEqual(by_user[self.users["sales"]].valuable_count, 1)
        self.assertEqual(by_user[self.users["sales2"]].filed_count, 1)
        # a salesperson sees only their own line
        mine = Compliance.with_user(self.users["sales"]).search(
            [("policy_id", "=", self.policy.id)]
        )
        self.assertEqual(mine.user_id, self.users["sales"])
        with self.assertRefused(ValidationError, "cannot be negative"):
            line.with_user(self.users["saleshead"]).expected_count = -1

    def test_filed_counts_are_one_query(self):
        lines = self.policy.line_ids
        self._report().action_submit()
        lines.mapped("expected_count")  # the lines themselves are loaded

        def count(records):
            records.invalidate_recordset(["filed_count", "compliance"])
            self.env.flush_all()
            before = self.cr.sql_log_count
            records.mapped("compliance")
            return self.cr.sql_log_count - before

        self.assertEqual(count(lines), count(lines[:1]))
        with self.assertQueryCount(1):
            lines.invalidate_recordset(["filed_count", "compliance"])
            lines.mapped("filed_count")
