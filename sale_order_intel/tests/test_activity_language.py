# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 20: the monthly reminder of the intelligence policy is written in
each salesperson's language, not in the cron's."""

import re

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import IntelCommon

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@tagged("post_install", "-at_install")
class TestActivityLanguage(IntelCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.users["sales"].lang = "zh_CN"
        cls.users["sales2"].lang = "en_US"
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
                                "user_id": cls.users[role].id,
                                "region": "East China",
                                "expected_count": 3,
                            }
                        )
                        for role in ("sales", "sales2")
                    ],
                }
            )
        )
        cls.policy.with_user(cls.users["saleshead"]).action_approve()

    def test_reminder_in_the_salespersons_language(self):
        self.env["sale.intel.policy"].with_context(
            lang="en_US"
        )._cron_remind_salespeople()
        activities = {
            activity.user_id: activity
            for activity in self.env["mail.activity"].search(
                [
                    ("res_model", "=", "sale.intel.policy"),
                    ("res_id", "=", self.policy.id),
                ]
            )
        }
        zh = activities[self.users["sales"]]
        text = (zh.summary + str(zh.note)).replace("East China", "")
        self.assertFalse(LATIN_WORD.findall(text), text)
        self.assertIn("expected", activities[self.users["sales2"]].summary)
