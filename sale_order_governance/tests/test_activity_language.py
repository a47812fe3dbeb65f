# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 20: the activities of a request's approval are written in each
assignee's language, whoever runs the step."""

import re

from odoo.tests import Form, tagged

from .governance_common import GovernanceCommon

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@tagged("post_install", "-at_install")
class TestActivityLanguage(GovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["order_handling_base", "sale_order_governance"], ["zh_CN"], overwrite=True
        )
        for role in ("sales", "saleshead", "gm"):
            cls.users[role].lang = "zh_CN"

    def _as(self, role, records):
        # the step runs in English (an English session, a cron)
        return records.with_user(self.users[role]).with_context(lang="en_US")

    def _assert_chinese(self, request, role):
        activities = (
            self.env["mail.activity"]
            .with_context(lang="en_US")
            .search(
                [
                    ("res_model", "=", request._name),
                    ("res_id", "=", request.id),
                    ("user_id", "=", self.users[role].id),
                ]
            )
        )
        self.assertTrue(activities, role)
        for activity in activities:
            text = (activity.summary or "") + str(activity.note or "")
            self.assertFalse(
                LATIN_WORD.findall(text.replace(request.name, "")), (role, text)
            )

    def test_approval_activities_in_the_approvers_language(self):
        order = self._confirmed_order(transfer=())
        form = Form(
            self.env["sale.order.cancel.request"]
            .with_user(self.users["sales"])
            .with_context(default_order_id=order.id, lang="en_US")
        )
        form.reason_id = self.reason_customer
        form.reason = "The customer's project was stopped."
        request = form.save()
        self._as("sales", request).request_validation()
        self._assert_chinese(request, "saleshead")
        self._as("saleshead", request).validate_tier()
        self._assert_chinese(request, "gm")
        self._as("gm", request).validate_tier()
        self.assertEqual(request.state, "approved")
        # the requester's "apply the approved request"
        self._assert_chinese(request, "sales")
