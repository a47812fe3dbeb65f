# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 20: the requester's "access granted" activity is written in the
requester's language, not in the approver's."""

import re

from odoo.tests import tagged

from .test_archive import ArchiveCommon

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@tagged("post_install", "-at_install")
class TestActivityLanguage(ArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["sale_order_archive"], ["zh_CN"], overwrite=True
        )
        cls.order = cls._done_order()
        cls.order.with_user(cls.users["clerk"]).action_governance_archive()
        cls.requester = cls.users["sales2"]
        cls.requester.lang = "zh_CN"

    def test_grant_activity_in_the_requesters_language(self):
        request = (
            self.env["sale.order.access.request"]
            .with_user(self.requester)
            .create(
                {
                    "order_name": self.order.name,
                    "reason": "Customer audit",
                    "duration_days": 3,
                }
            )
        )
        request.action_submit()
        # the English sales head approves
        request.with_user(self.users["saleshead"]).with_context(
            lang="en_US"
        ).validate_tier()
        self.assertEqual(request.state, "granted")
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", request._name),
                ("res_id", "=", request.id),
                ("user_id", "=", self.requester.id),
            ]
        )
        self.assertTrue(activity)
        text = (activity.summary + str(activity.note)).replace(self.order.name, "")
        self.assertFalse(LATIN_WORD.findall(text), text)
