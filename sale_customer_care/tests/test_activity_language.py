# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 20: the activities of customer care are written in their
assignee's language, whoever (a customer on the portal, a cron) runs the
step."""

import re
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import CustomerCareCommon

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@tagged("post_install", "-at_install")
class TestActivityLanguage(CustomerCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["sale_customer_care"], ["zh_CN"], overwrite=True
        )
        cls.service.lang = "zh_CN"
        cls.portal_user = new_test_user(
            cls.env,
            "care_lang_portal",
            groups="base.group_portal",
            partner_id=cls.partner.id,
            lang="en_US",
        )

    def _service_activities(self, records, fields_=("summary", "note")):
        activities = (
            self.env["mail.activity"]
            .with_context(lang="en_US")
            .search(
                [
                    ("res_model", "=", records._name),
                    ("res_id", "in", records.ids),
                    ("user_id", "=", self.service.id),
                ]
            )
        )
        self.assertTrue(activities)
        names = records.mapped("name")
        for activity in activities:
            for fname in fields_:
                text = str(activity[fname] or "")
                for name in names:
                    text = text.replace(name, "")
                self.assertFalse(LATIN_WORD.findall(text), (fname, activity[fname]))
        return activities

    def test_portal_answers_in_the_handlers_language(self):
        """An English customer accepts (or rejects) the solution on the
        portal: the Chinese handler's activity is Chinese (the customer's
        own comment is kept as written)."""
        complaint = self._solve(self._complaint())
        complaint.sudo().with_context(lang="en_US")._portal_accept_solution(
            self.portal_user
        )
        self._service_activities(complaint)
        other = self._solve(self._complaint())
        other.sudo().with_context(lang="en_US")._portal_reject_solution(
            self.portal_user, "Still leaking"
        )
        activity = self._service_activities(other, ["summary"])
        self.assertEqual(str(activity.note), "<p>Still leaking</p>")

    def test_visit_cron_in_the_service_managers_language(self):
        self.company.customer_visit_period_days = 0
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            self.env["sale.customer.visit"].with_context(
                lang="en_US"
            )._cron_plan_visits()
        visits = self.env["sale.customer.visit"].search(
            [("commercial_partner_id", "=", self.partner.id)]
        )
        self.assertTrue(visits)
        self._service_activities(visits)
