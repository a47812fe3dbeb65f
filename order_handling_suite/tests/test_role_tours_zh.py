# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A day of each role in zh_CN at 1366×768 (issue 20, "Proven by").

Each tour (static/src/tours/role_day_tours.js) logs in as the role, opens
Order Handling (订单处理) from the apps menu, reaches the role's daily list
(its landing list or two clicks of the menu bar), opens the record prepared
here, does the role's action and sees the result. Every step fails when a
visible text of the screen is English (role_day_common.js): the users,
customers and products are given Chinese names, so that the only Latin
words left are data (order names, logins, product codes) and acronyms.
"""

from odoo import Command
from odoo.tests import tagged

from .test_tours import SuiteTourCommon

LANG = "zh_CN"
ASSESSED = {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}
CHINESE_NAMES = {
    "sales": "王销售",
    "saleshead": "李部长",
    "clerk": "张物流",
    "quality": "赵质检",
    "warehouse": "钱仓库",
    "workshop": "孙车间",
    "engineering": "周工程",
    "process": "吴工艺",
    "purchasing": "郑采购",
    "office": "冯办公",
    "gm": "陈总经理",
    "marketing": "褚市场",
    "service": "卫客服",
    "manager": "蒋经理",
    "member": "沈员工",
    "clerk2": "韩物流",
}


@tagged("post_install", "-at_install")
class TestRoleDayToursZh(SuiteTourCommon):
    browser_size = "1366x768"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lang = cls.env["res.lang"]
        if not Lang._lang_get(LANG):
            # a test database is installed in English only
            Lang._activate_lang(LANG)
            installed = (
                cls.env["ir.module.module"]
                .search([("state", "=", "installed")])
                .mapped("name")
            )
            cls.env["ir.module.module"]._load_module_terms(
                installed, [LANG], overwrite=True
            )
        for role, user in cls.users.items():
            user.write({"lang": LANG, "name": CHINESE_NAMES.get(role, user.name)})
        # what the records say is data in the users' language
        cls.env = cls.env(context=dict(cls.env.context, lang=LANG))
        cls.company.name = "江南泵阀有限公司"
        cls.partner.write({"name": "华东机械有限公司"})
        # the generic chart of accounts of the test company names its taxes
        # and tax groups in English (a Chinese company installs l10n_cn): data,
        # renamed
        for model in ("account.tax", "account.tax.group"):
            for tax in cls.env[model].search(
                [("company_id", "=", cls.company.id), ("name", "=like", "Tax %")]
            ):
                tax.name = tax.name.replace("Tax", "增值税")
        for lang in ("en_US", LANG):
            cls.product.with_context(lang=lang).name = "齿轮泵"
        # Odoo's own data a new user meets at login: OdooBot's welcome chat
        # (switched off, as after the onboarding) and the all-employees
        # channel's name
        if "odoobot_state" in cls.env["res.users"]._fields:
            cls.env["res.users"].browse(
                [user.id for user in cls.users.values()]
            ).odoobot_state = "disabled"
        channel = cls.env.ref("mail.channel_all_employees", raise_if_not_found=False)
        if channel:
            channel.name = "全体员工"
        bot = cls.env.ref("base.partner_root", raise_if_not_found=False)
        if bot:
            bot.name = "系统机器人"

    def _role_day(self, role):
        self.start_tour(
            "/odoo",
            f"order_handling_suite_role_day_{role}",
            login=self.users[role].login,
        )

    def _accepted_order(self, lines=None):
        order = self._submit(self._new_order(lines=lines))
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        return order

    def test_clerk_checks_a_submitted_order(self):
        """The logistics clerk lands on the intake queue and checks the
        submitted order (R1.2)."""
        order = self._submit(self._new_order())
        self._role_day("clerk")
        self.assertEqual(order.intake_stage, "checked")
        self.assertEqual(order.intake_checked_uid, self.users["clerk"])

    def test_warehouse_lead_acknowledges_a_slip(self):
        """The warehouse lead lands on the slips sent to the warehouse and
        acknowledges the one of the accepted order."""
        order = self._accepted_order()
        slip = order.transfer_slip_ids.filtered(
            lambda s: s.department_id == self.departments["warehouse"]
        )
        self.assertEqual(slip.state, "sent")
        self._role_day("warehouse")
        self.assertEqual(slip.state, "acknowledged")
        self.assertEqual(slip.acknowledged_uid, self.users["warehouse"])

    def test_workshop_supervisor_accepts_a_review(self):
        """The workshop supervisor lands on the reviews, assesses the four
        points and accepts the regular order."""
        review = self._accepted_order().current_review_id
        self.assertEqual(review.state, "to_review")
        self._role_day("workshop")
        self.assertEqual(review.state, "accepted")
        self.assertEqual(review.decision_uid, self.users["workshop"])

    def _valve(self):
        valve = self.env["product.product"].create(
            {"default_code": "CV-7", "is_storable": True, "name": "定制阀"}
        )
        valve.with_context(lang="en_US").name = "定制阀"
        return valve

    def test_engineering_supervisor_accepts_a_non_regular_review(self):
        """The engineering supervisor lands on the reviews and accepts the
        non-regular order with conditions: its product plan is drafted."""
        order = self._accepted_order(lines=[(self._valve(), 2)])
        self.assertEqual(order.intake_class, "non_regular")
        review = order.current_review_id
        self._role_day("engineering")
        self.assertEqual(review.state, "accepted")
        self.assertEqual(review.conditions, "不锈钢阀体")
        self.assertEqual(len(order.plan_ids), 1)

    def test_general_manager_approves_from_the_inbox(self):
        """The general manager opens 待我审批 (two clicks) and approves the
        product plan the sales head agreed to."""
        order = self._accepted_order(lines=[(self._valve(), 2)])
        review = order.current_review_id.with_user(self.users["engineering"])
        review.write(dict(ASSESSED, conditions="不锈钢阀体"))
        review.action_accept_conditions()
        plan = order.plan_ids
        plan.with_user(self.users["engineering"]).request_validation()
        plan.with_user(self.users["saleshead"]).validate_tier()
        self.assertNotEqual(plan.validation_status, "validated")
        self._role_day("gm")
        self.assertEqual(plan.validation_status, "validated")
        self.assertIn(self.users["gm"], plan.review_ids.done_by)

    def test_customer_service_acknowledges_a_complaint(self):
        """Customer service goes from its slips to the complaints (two
        clicks) and acknowledges the new complaint."""
        complaint = (
            self.env["sale.customer.complaint"]
            .with_user(self.users["service"])
            .create(
                {
                    "subject": "泵体漏油",
                    "partner_id": self.partner.id,
                    "product_ids": [Command.set(self.product.ids)],
                    "category": "quality",
                }
            )
        )
        self.assertEqual(complaint.stage_code, "new")
        self._role_day("service")
        self.assertEqual(complaint.stage_code, "acknowledged")
