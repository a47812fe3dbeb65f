# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from ..models.res_company_approval import APPROVAL_RULES
from .governance_common import GovernanceCommon

BIG = 60000.0  # over the shipped 50,000 threshold


class ApprovalCommon(GovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.known_partner = cls.env["res.partner"].create({"name": "Old customer"})
        # a customer with a confirmed order is no new customer
        cls.env["sale.order"].create(
            {
                "partner_id": cls.known_partner.id,
                "order_line": [
                    Command.create({"product_id": cls.product.id, "price_unit": 1})
                ],
            }
        ).action_confirm()
        cls.company.sale_order_approval = True

    def _quotation(self, price=100.0, partner=None, user="sales"):
        order = (
            self.env["sale.order"]
            .with_user(self.users[user])
            .create(
                {
                    "partner_id": (partner or self.known_partner).id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": price,
                            }
                        )
                    ],
                }
            )
        )
        return self.env["sale.order"].browse(order.id)


@tagged("post_install", "-at_install")
class TestApproval(ApprovalCommon):
    def test_rules_ship_archived_and_wake_with_the_switch(self):
        """Installed, the shipped approval rules are archived: nothing is
        evaluated on a running Odoo's orders (also not by OCA's own code,
        before the suite is loaded). Switching approvals on activates them."""
        rules = self.env["tier.definition"].with_context(active_test=False)
        for xmlid in APPROVAL_RULES:
            rules |= self.env.ref(xmlid)
        rules.active = False
        other = self.env["res.company"].create({"name": "Approvals Co"})
        self.assertFalse(other.sale_order_approval)
        self.assertFalse(any(rules.mapped("active")))
        other.sale_order_approval = True
        self.assertTrue(all(rules.mapped("active")))

    def test_switch_off_by_default_keeps_orders_confirming(self):
        """The integration decision: installed, the rules do not apply until
        the company switches approvals on (other addons' flows go on)."""
        self.company.sale_order_approval = False
        order = self._quotation(price=BIG, partner=self.partner)
        self.assertTrue(order.governance_new_customer)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.review_ids)

    def test_own_rules_of_a_company_without_approvals_work_as_oca_does(self):
        """Approvals switched off, a company's own tier rule works as OCA's
        sale_tier_validation makes it work: under validation a change is
        refused (the suite's R7.1 restart is the regulation's, not OCA's)."""
        self.company.sale_order_approval = False
        self.env["tier.definition"].create(
            {
                "model_id": self.env["ir.model"]._get_id("sale.order"),
                "review_type": "individual",
                "reviewer_id": self.users["saleshead"].id,
                "definition_domain": "[('amount_untaxed', '>', 0)]",
            }
        )
        order = self._quotation()
        order.with_user(self.users["sales"]).request_validation()
        self.assertTrue(order.review_ids)
        with self.assertRaises(ValidationError):
            order.with_user(self.users["sales"]).write(
                {"order_line": [Command.update(order.order_line.id, {"price_unit": 5})]}
            )

    def test_rules_amount_new_customer_non_regular(self):
        small = self._quotation()
        self.assertFalse(small.need_validation)
        small.action_confirm()
        self.assertEqual(small.state, "sale")
        big = self._quotation(price=BIG)
        self.assertTrue(big.need_validation)
        new = self._quotation(partner=self.partner)
        self.assertTrue(new.governance_new_customer)
        self.assertIn(
            new, self.env["sale.order"].search([("governance_new_customer", "=", True)])
        )
        self.assertNotIn(
            small,
            self.env["sale.order"].search([("governance_new_customer", "=", True)]),
        )
        new.with_user(self.users["sales"]).request_validation()
        self.assertEqual(
            new.review_ids.definition_id,
            self.env.ref("sale_order_governance.tier_definition_order_new_customer"),
        )
        irregular = self._quotation()
        irregular.order_line.sudo().write(
            {"intake_class": "non_regular", "intake_class_reason": "customer_change"}
        )
        self.assertEqual(irregular.intake_class, "non_regular")
        irregular.with_user(self.users["sales"]).request_validation()
        self.assertEqual(irregular.review_ids.reviewer_ids, self.users["gm"])

    def test_confirm_waits_for_the_approval(self):
        order = self._quotation(price=BIG)
        # not requested
        with self.assertRaisesRegex(UserError, "request the approval first"):
            order.action_confirm()
        order.with_user(self.users["sales"]).request_validation()
        self.assertEqual(len(order.review_ids), 1)
        # pending: refused, even for a sales head or the administrator
        for user in (self.users["saleshead"], self.users["manager"]):
            with self.assertRaisesRegex(UserError, "waiting for its approval"):
                order.with_user(user).action_confirm()
        self.assertEqual(order.state, "draft")
        # the workflow and the notes go on under approval: no restart
        review = order.review_ids
        order.with_user(self.users["sales"]).write({"note": "Packed in crates"})
        order.sudo().write({"intake_stage": "submitted"})
        self.assertEqual(order.review_ids, review)
        # a change of what is approved restarts the approval by itself (R7.1)
        order.with_user(self.users["sales"]).write(
            {
                "order_line": [
                    Command.update(order.order_line.id, {"price_unit": BIG + 1})
                ]
            }
        )
        self.assertEqual(len(order.review_ids), 1)
        self.assertNotEqual(order.review_ids, review)
        self.assertIn("restarted", "".join(order.message_ids.mapped("body")))
        # a line written directly, too
        review = order.review_ids
        order.order_line.with_user(self.users["sales"]).write({"price_unit": BIG + 2})
        self.assertNotEqual(order.review_ids, review)
        self.assertEqual(order.amount_untaxed, BIG + 2)
        with self.assertRaisesRegex(UserError, "waiting for its approval"):
            order.with_user(self.users["sales"]).action_confirm()
        # the sales head approves: now it is confirmed
        order.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.users["sales"]).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_change_after_approval_restarts_it(self):
        """R7.1: approved, then changed: approved again before confirmation;
        below the threshold after the change, no approval is needed."""
        order = self._quotation(price=BIG)
        order.with_user(self.users["sales"]).request_validation()
        order.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(order.validation_status, "validated")
        order.with_user(self.users["sales"]).write(
            {
                "order_line": [
                    Command.update(order.order_line.id, {"price_unit": BIG * 2})
                ]
            }
        )
        self.assertNotEqual(order.validation_status, "validated")
        self.assertTrue(
            order.sudo().activity_search(
                ["order_handling_base.mail_activity_type_approval"]
            ),
            "the approver is asked again",
        )
        with self.assertRaisesRegex(UserError, "waiting for its approval"):
            order.with_user(self.users["sales"]).action_confirm()
        order.with_user(self.users["saleshead"]).validate_tier()
        order.with_user(self.users["sales"]).write(
            {"order_line": [Command.update(order.order_line.id, {"price_unit": 10})]}
        )
        self.assertFalse(order.review_ids)
        order.with_user(self.users["sales"]).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_own_quotation_is_not_approved_by_its_salesperson(self):
        order = self._quotation(price=BIG, user="saleshead")
        order.with_user(self.users["saleshead"]).request_validation()
        with self.assertRaisesRegex(UserError, "someone else approves"):
            order.with_user(self.users["saleshead"]).validate_tier()
        self.assertNotEqual(order.validation_status, "validated")
        other_head = self.users["saleshead"].copy({"login": "oh_saleshead_2"})
        order.with_user(other_head).validate_tier()
        self.assertEqual(order.validation_status, "validated")

    def test_rejected_order_is_not_confirmed(self):
        order = self._quotation(price=BIG)
        order.with_user(self.users["sales"]).request_validation()
        order.with_user(self.users["saleshead"]).reject_tier()
        with self.assertRaisesRegex(UserError, "rejected"):
            order.action_confirm()

    def test_confirmation_mail_refused_while_pending(self):
        order = self._quotation(price=BIG)
        order.with_user(self.users["sales"]).request_validation()
        template = self.env.ref("sale.mail_template_sale_confirmation")
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.users["sales"])
            .with_context(
                default_model="sale.order",
                default_res_ids=order.ids,
                default_composition_mode="comment",
                default_template_id=template.id,
            )
            .create({})
        )
        with self.assertRaisesRegex(UserError, "cannot be sent to the customer"):
            composer.action_send_mail()
        with self.assertRaisesRegex(UserError, "cannot be sent to the customer"):
            order._send_order_confirmation_mail()
        # the quotation itself may still be sent
        quotation_template = self.env.ref("sale.email_template_edi_sale")
        messages = len(order.message_ids)
        self.env["mail.compose.message"].with_user(self.users["sales"]).with_context(
            default_model="sale.order",
            default_res_ids=order.ids,
            default_composition_mode="comment",
            default_template_id=quotation_template.id,
        ).create({}).action_send_mail()
        self.assertGreater(len(order.message_ids), messages)

    def test_portal_sign_and_pay_wait_for_the_approval(self):
        order = self._quotation(price=BIG)
        order.write({"require_signature": True, "require_payment": True})
        self.assertFalse(order._has_to_be_signed())
        self.assertFalse(order._has_to_be_paid())
        order.with_user(self.users["sales"]).request_validation()
        self.assertFalse(order._has_to_be_signed())
        self.assertFalse(order._has_to_be_paid())
        order.with_user(self.users["saleshead"]).validate_tier()
        self.assertTrue(order._has_to_be_signed())
        self.assertTrue(order._has_to_be_paid())

    def test_intake_and_approval_both_needed(self):
        """With the intake workflow on, confirmation needs the accepted,
        dated intake *and* the approval (requested on the quotation)."""
        self.company.intake_required = True
        order = self._quotation(price=BIG)
        order.with_user(self.users["sales"]).request_validation()
        order.with_user(self.users["saleshead"]).validate_tier()
        with self.assertRaisesRegex(UserError, "logistics accepted it"):
            order.action_confirm()
        order2 = self._quotation(price=BIG)
        order2.sudo().write({"intake_stage": "date_confirmed"})
        with self.assertRaisesRegex(UserError, "needs approval"):
            order2.action_confirm()
        order.sudo().write({"intake_stage": "date_confirmed"})
        order.action_confirm()
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestApprovalPortal(ApprovalCommon, HttpCase):
    def test_portal_accept_refused_while_pending(self):
        """The accept & sign route of the portal answers with an error and
        writes no signature while the approval is pending."""
        order = self._quotation(price=BIG)
        order.write({"require_signature": True, "require_payment": False})
        order.with_user(self.users["sales"]).request_validation()
        order._portal_ensure_token()
        # a 1x1 PNG, as the signature widget sends it
        signature = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
            "YAAAAAYAAjCB0C8AAAAASUVORK5CYII="
        )
        result = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order.access_token,
                "name": "Buyer",
                "signature": signature,
            },
        )
        self.assertIn("error", result)
        order.invalidate_recordset()
        self.assertFalse(order.signature)
        self.assertEqual(order.state, "draft")
        # approved: the customer signs and the order is confirmed
        order.with_user(self.users["saleshead"]).validate_tier()
        result = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order.access_token,
                "name": "Buyer",
                "signature": signature,
            },
        )
        self.assertNotIn("error", result)
        order.invalidate_recordset()
        self.assertEqual(order.signed_by, "Buyer")
        self.assertEqual(order.state, "sale")
