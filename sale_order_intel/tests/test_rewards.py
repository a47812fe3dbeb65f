# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import IntelCommon


@tagged("post_install", "-at_install")
class TestRewards(IntelCommon):
    def _reward(self, report, **vals):
        values = {"report_id": report.id, "reward_type": "info_fee", "amount": 50.0}
        values.update(vals)
        return (
            self.env["sale.intel.reward"]
            .with_user(self.users["marketing"])
            .create(values)
        )

    def test_no_reward_for_a_report_not_valuable(self):
        report = self._evaluated(valuable=False)
        self.assertFalse(report.reward_ids)
        with self.assertRefused(ValidationError, "not evaluated as valuable"):
            self._reward(report)
        order = self._linked_order(report)
        order.action_confirm()
        self.assertFalse(report.reward_ids)

    def test_thank_you_needs_a_confirmed_linked_order(self):
        report = self._evaluated()
        order = self._linked_order(report)
        with self.assertRefused(ValidationError, "needs a confirmed sale order"):
            self._reward(report, reward_type="thank_you", sale_order_id=order.id)
        other_order = self._create_order(self.users["sales"])
        other_order.action_confirm()
        with self.assertRefused(ValidationError, "needs a confirmed sale order"):
            self._reward(report, reward_type="thank_you", sale_order_id=other_order.id)

    def test_one_reward_per_order_and_one_fee_per_report(self):
        report = self._evaluated()
        self.assertEqual(len(report.reward_ids), 1)
        with self.assertRefused(ValidationError, "already has a reward"):
            self._reward(report)
        order = self._linked_order(report)
        order.action_confirm()
        reward = order.intel_reward_ids
        self.assertEqual(len(reward), 1)
        with self.assertRefused(ValidationError, "already has a reward"):
            self._reward(report, reward_type="thank_you", sale_order_id=order.id)
        # creating rewards again for the same orders is a no-op
        self.env["sale.intel.reward"]._create_thank_you_rewards(order)
        self.assertEqual(order.intel_reward_ids, reward)

    def test_rate_and_cap_from_settings(self):
        self.company.intel_reward_max_amount = 150.0
        report = self._evaluated()
        order = self._linked_order(report, price=20000.0)
        order.action_confirm()
        self.assertEqual(order.intel_reward_ids.amount, 150.0)
        with self.assertRefused(ValidationError, "positive amount"):
            self._reward(self._evaluated(), reward_type="info_fee", amount=-5.0)

    def test_tier_validation_then_paid(self):
        """A reward is approved (tier validation), then paid (R9.4)."""
        report = self._evaluated()
        fee = report.reward_ids
        marketing, sales = self.users["marketing"], self.users["sales"]
        with self.assertRefused(UserError, "needs its approvals"):
            fee.with_user(marketing).action_approve()
        # refused by OCA's guard of records under validation, or by the
        # suite's workflow guard
        with self.assertRefused(UserError, "document.s buttons|under validation"):
            fee.with_user(self.users["manager"]).write({"state": "paid"})
        fee.with_user(marketing).request_validation()
        self.assertIn(marketing, fee.review_ids.reviewer_ids)
        self.assertFalse(fee.with_user(sales).can_review)
        fee.with_user(marketing).validate_tier()
        self.assertEqual(fee.validation_status, "validated")
        fee.with_user(marketing).action_approve()
        self.assertEqual(fee.state, "approved")
        with self.assertRefused(UserError, "cannot be changed"):
            fee.with_user(marketing).amount = 1.0
        fee.with_user(marketing).action_mark_paid()
        self.assertEqual(fee.state, "paid")
        self.assertTrue(fee.paid_date)
        with self.assertRefused(UserError, "not possible now"):
            fee.with_user(marketing).action_mark_paid()

    def test_large_reward_needs_the_general_manager(self):
        report = self._evaluated()
        order = self._linked_order(report, price=500000.0)
        order.action_confirm()
        reward = order.intel_reward_ids
        self.assertEqual(reward.amount, 10000.0)
        reward.with_user(self.users["marketing"]).request_validation()
        self.assertEqual(len(reward.review_ids), 2)
        reward.with_user(self.users["marketing"]).validate_tier()
        self.assertNotEqual(reward.validation_status, "validated")
        with self.assertRefused(UserError, "needs its approvals"):
            reward.with_user(self.users["marketing"]).action_approve()
        reward.with_user(self.users["gm"]).validate_tier()
        self.assertEqual(reward.validation_status, "validated")
        reward.with_user(self.users["gm"]).action_approve()

    def test_external_provider_vendor_bill(self):
        provider = self.env["res.partner"].create({"name": "Market Scout Ltd"})
        report = self._evaluated(provider_id=provider.id)
        fee = report.reward_ids
        self.assertEqual(fee.partner_id, provider)
        marketing = self.users["marketing"]
        fee.with_user(marketing).request_validation()
        fee.with_user(marketing).validate_tier()
        fee.with_user(marketing).action_approve()
        with self.assertRefused(UserError, "Create the vendor bill"):
            fee.with_user(marketing).action_mark_paid()
        journal = self.env["account.journal"].search(
            [("type", "=", "purchase"), ("company_id", "=", self.company.id)], limit=1
        )
        if not journal:
            self.skipTest("no purchase journal (no chart of accounts)")
        fee.with_user(marketing).action_create_bill()
        bill = fee.bill_id
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.partner_id, provider)
        self.assertEqual(bill.amount_untaxed, 200.0)
        with self.assertRefused(UserError, "not possible now|already has"):
            fee.with_user(marketing).action_create_bill()
        fee.with_user(marketing).action_mark_paid()
        self.assertEqual(fee.state, "paid")

    def test_employee_reward_has_no_bill(self):
        fee = self._evaluated().reward_ids
        marketing = self.users["marketing"]
        fee.with_user(marketing).request_validation()
        fee.with_user(marketing).validate_tier()
        fee.with_user(marketing).action_approve()
        with self.assertRefused(UserError, "goes to an employee"):
            fee.with_user(marketing).action_create_bill()
        with self.assertRefused(
            UserError, "Only marketing planning or an administrator"
        ):
            fee.with_user(self.users["sales"]).action_mark_paid()

    def test_won_on_an_order_confirmed_by_someone_else(self):
        """An order confirmed before it was linked to the report (here by
        another salesperson): marketing planning, who cannot read the
        order, marks the report won and the thank-you reward is created,
        while marketing planning still cannot read the order."""
        report = self._evaluated()
        sales2 = self.users["sales2"]
        order = self._linked_order(self.env["sale.intel.report"], user="sales2")
        order.with_user(sales2).action_confirm()
        self.assertEqual(order.state, "sale")
        order.with_user(sales2).intel_report_id = report
        self.assertEqual(report.state, "evaluated", "linked after confirmation")
        self.assertFalse(report.reward_ids.filtered("sale_order_id"))
        marketing = self.users["marketing"]
        Order = self.env["sale.order"].with_user(marketing)
        self.assertFalse(Order.search([("id", "=", order.id)]))
        report.with_user(marketing).action_mark_won()
        self.assertEqual(report.state, "won")
        thank_you = report.reward_ids.filtered(lambda r: r.reward_type == "thank_you")
        self.assertEqual(thank_you.sale_order_id, order)
        self.assertEqual(thank_you.amount, 200.0)  # 2 % of 10,000
        self.assertEqual(thank_you.partner_id, self.users["sales"].partner_id)
        self.assertFalse(Order.search([("id", "=", order.id)]), "no right gained")

    def test_won_needs_an_order_of_the_reports_prospect(self):
        """A confirmed order of another customer linked to the report does
        not make it won (nor earn a reward)."""
        report = self._evaluated()
        other = self.env["res.partner"].create({"name": "Other Buyer Ltd"})
        order = self._create_order(self.users["sales2"], partner=other)
        order.with_user(self.users["sales2"]).action_confirm()
        order.with_user(self.users["sales2"]).intel_report_id = report
        as_marketing = report.with_user(self.users["marketing"])
        with self.assertRefused(UserError, "is for Other Buyer Ltd, not for Acme"):
            as_marketing.action_mark_won()
        self.assertEqual(report.state, "evaluated")
        self.assertFalse(report.reward_ids.filtered("sale_order_id"))
        # an order for a contact of the prospect's company counts
        contact = self.env["res.partner"].create(
            {"name": "Buyer at Acme", "parent_id": self.partner.id}
        )
        order2 = self._create_order(self.users["sales2"], partner=contact)
        order2.with_user(self.users["sales2"]).action_confirm()
        order2.with_user(self.users["sales2"]).intel_report_id = report
        as_marketing.action_mark_won()
        self.assertEqual(report.state, "won")
        self.assertEqual(report.reward_ids.sale_order_id, order2)
