# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .test_plan import ASSESSED, PlanCommon


@tagged("post_install", "-at_install")
class TestPlanTitleLanguage(PlanCommon):
    """R3.3/R4.1: the title the server gives a drafted product plan is
    written in every active language (DEVELOP.md of order_handling_base,
    "Texts the server writes"): each reader sees their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.users["saleshead"].lang = "zh_CN"

    def _plan_drafted_in(self, lang):
        """A plan drafted when the engineering supervisor, working in
        ``lang``, accepts the review of a non-regular order."""
        order = self._non_regular_order()
        order.with_user(self.users["clerk"]).action_intake_accept()
        review = order.current_review_id.with_user(
            self.users["engineering"]
        ).with_context(lang=lang)
        review.write(dict(ASSESSED, conditions="Stainless body"))
        review.action_accept_conditions()
        self.assertEqual(len(order.plan_ids), 1)
        return order.plan_ids

    def _title(self, plan, user, lang):
        return plan.with_user(self.users[user]).with_context(lang=lang).title

    def test_title_in_the_readers_language(self):
        for creator_lang in ("en_US", "zh_CN"):
            plan = self._plan_drafted_in(creator_lang)
            order = plan.order_id.name
            # a Chinese reader (the sales head) reads Chinese, an English
            # one English, whoever drafted it
            self.assertEqual(
                self._title(plan, "saleshead", "zh_CN"), f"订单 {order} 的产品方案"
            )
            self.assertEqual(
                self._title(plan, "engineering", "en_US"), f"Product plan for {order}"
            )
        # the supervisor who renames the plan renames their language's title
        plan.with_user(self.users["engineering"]).with_context(lang="zh_CN").write(
            {"title": "不锈钢阀门 CV-7"}
        )
        self.assertEqual(self._title(plan, "saleshead", "zh_CN"), "不锈钢阀门 CV-7")
        self.assertEqual(
            self._title(plan, "engineering", "en_US"), f"Product plan for {order}"
        )
