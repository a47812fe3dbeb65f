# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import IntakeCommon

# a 1x1 PNG: what the portal stores as the customer's signature
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kg"
    "AAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestIntakeFlow(IntakeCommon):
    """Submit → check → return → correct → resubmit → check → accept and
    transfer (R1.1–R1.5, R2.2), with the shipped checks active."""

    def _rule(self, xmlid):
        return self.env.ref(f"sale_order_intake.{xmlid}")

    def test_returned_corrected_accepted_regular_order(self):
        """A failed check returns the order to sales with the reasons; sales corrects
        and resubmits; each return is counted and only the clean order is accepted
        (R1.3)."""
        self._make_regular(self.product)
        sales, clerk, head = (self.users[r] for r in ("sales", "clerk", "saleshead"))
        with freeze_time("2026-11-23 08:00:00"):  # a Monday
            order = self._new_order(clean=False)
        self.assertEqual(order.intake_stage, "draft")

        # the salesperson submits: the logistics department manager is asked
        # to check it
        with freeze_time("2026-11-23 09:00:00"):
            self._as("sales", order).action_intake_submit()
        self.assertEqual(order.intake_stage, "submitted")
        self.assertEqual(order.intake_submitted_uid, sales)
        self.assertEqual(order.intake_submitted_date, datetime(2026, 11, 23, 9, 0))
        self.assertEqual(order.intake_channel, "sales")
        self.assertTrue(order.sla_deadline, "the 'check a submitted order' target")
        check_activity = self._activities(order, self.activity_check)
        self.assertEqual(len(check_activity), 1)
        self.assertEqual(
            check_activity.user_id, self.departments["logistics"].manager_id
        )
        self.assertEqual(check_activity.user_id, clerk)

        # the clerk's check finds no date, no carrier and no sign-off
        with freeze_time("2026-11-23 10:00:00"):
            self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "returned")
        self.assertEqual(order.intake_return_count, 1)
        self.assertEqual(order.intake_checked_uid, clerk)
        self.assertEqual(order.intake_clerk_id, clerk, "the checking clerk owns it")
        issues = order.intake_issue_ids
        self.assertEqual(
            issues.rule_id,
            self._rule("intake_rule_delivery_date")
            | self._rule("intake_rule_shipping_method")
            | self._rule("intake_rule_signoff"),
        )
        self.assertTrue(all(issues.mapped("blocking")))
        for issue in issues:
            self.assertIn(issue.message, order.intake_return_reason)
        self.assertIn("no delivery date requested", order.intake_return_reason)
        # a message for the salesperson and an activity to correct the order
        message = order.message_ids.filtered(
            lambda m: "Returned to sales" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn(sales.partner_id, message.partner_ids)
        self.assertIn("Choose a shipping method", message.body)
        self.assertFalse(
            self._activities(order, self.activity_check), "the check is done"
        )
        correct = self._activities(order, self.activity_correct)
        self.assertEqual(len(correct), 1)
        self.assertEqual(correct.user_id, sales)
        self.assertEqual(correct.activity_type_id.name, "Correct Returned Order")
        self.assertIn("Choose a shipping method", str(correct.note))

        # sales corrects the order, the sales head signs it off, sales
        # submits it again: it goes back to the clerk who owns it
        with freeze_time("2026-11-23 11:00:00"):
            self._as("sales", order).write(
                {
                    "commitment_date": "2026-12-07 08:00:00",
                    "carrier_id": self.carrier.id,
                }
            )
            order.with_user(head).action_intake_sign_off()
            self._as("sales", order).action_intake_submit()
        self.assertEqual(order.sales_signoff_uid, head)
        self.assertEqual(order.intake_stage, "submitted")
        self.assertEqual(self._activities(order, self.activity_check).user_id, clerk)

        with freeze_time("2026-11-23 12:00:00"):
            self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        self.assertFalse(order.intake_issue_ids)
        self.assertEqual(order.intake_return_count, 1, "a clean check is no return")
        self.assertEqual(order.intake_class, "regular")
        self.assertEqual(order.order_line.intake_class, "regular")
        self.assertFalse(order.intake_class_reason)
        self.assertFalse(self._activities(order, self.activity_check))

        # not confirmed before acceptance (company.intake_required)
        self.assertTrue(self.company.intake_required)
        with self.assertRaisesRegex(UserError, "once logistics accepted it"):
            self._as("sales", order).action_confirm()
        self.assertEqual(order.state, "draft")

        with freeze_time("2026-11-23 13:00:00"):
            self._as("clerk", order).action_intake_accept()
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(order.intake_accepted_uid, clerk)
        self.assertEqual(order.intake_accepted_date, datetime(2026, 11, 23, 13, 0))
        slips = order.transfer_slip_ids
        self.assertEqual(
            sorted(slips.department_id.mapped("code")), ["quality", "warehouse"]
        )
        self.assertEqual(set(slips.mapped("order_class")), {"regular"})
        self.assertEqual(set(slips.mapped("state")), {"sent"})
        self.assertEqual(slips.sent_uid, clerk)
        # accepted, but its delivery date is not replied yet
        with self.assertRaisesRegex(UserError, "replied its delivery date"):
            self._as("sales", order).action_confirm()
        self.assertEqual(order.state, "draft")

        # the warehouse lead forwards it to production, the workshop
        # supervisor proposes the date, the clerk replies it (R2.4)
        self._pass_review(order)
        warehouse_slip = slips.filtered(lambda s: s.department_id.code == "warehouse")
        with freeze_time("2026-11-23 14:00:00"):
            warehouse_slip.with_user(self.users["warehouse"]).action_forward(
                self.departments["production"]
            )
            self._as("workshop", order).action_intake_propose_date(
                "2026-12-09 08:00:00"
            )
        with freeze_time("2026-11-23 15:00:00"):
            self._as("clerk", order).action_intake_reply_date()
        self.assertEqual(order.intake_stage, "date_confirmed")
        self.assertEqual(order.commitment_date, datetime(2026, 12, 9, 8, 0))

        # every stage with its time and user (R1.5)
        logs = order.stage_log_ids.sorted(lambda log: (log.date_start, log.id))
        self.assertEqual(
            logs.mapped("stage"),
            [
                "draft",
                "submitted",
                "returned",
                "submitted",
                "checked",
                "accepted",
                "date_proposed",
                "date_confirmed",
            ],
        )
        workshop = self.users["workshop"]
        self.assertEqual(
            [log.user_id for log in logs],
            [sales, sales, clerk, sales, clerk, clerk, workshop, clerk],
        )
        self.assertEqual(
            logs.mapped("date_start"),
            [datetime(2026, 11, 23, hour, 0) for hour in range(8, 16)],
        )
        self.assertEqual(logs[1].stage_name, "To Check", "labels of the stages")
        self.assertFalse(logs[-1].date_end)
        self.assertTrue(all(logs[:-1].mapped("date_end")))

        # now the salesperson may confirm it
        self._as("sales", order).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.intake_stage, "date_confirmed")

    def test_non_regular_order_goes_to_engineering(self):
        # never shipped: non-regular
        order = self._submit(self._new_order())
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        self.assertEqual(order.intake_class, "non_regular")
        self.assertEqual(order.intake_class_reason, "Never shipped")
        self._as("clerk", order).action_intake_accept()
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(
            order.transfer_slip_ids.department_id.mapped("code"), ["engineering"]
        )
        self.assertEqual(order.transfer_slip_ids.order_class, "non_regular")
        self.assertEqual(
            order.transfer_slip_ids.activity_ids.user_id, self.users["engineering"]
        )

    def test_resubmitting_closes_the_correction_activity(self):
        """Once sales submits the corrected order, its "Correct Returned
        Order" to-do is done: it must not stay open (nor pile up with each
        return)."""
        order = self._submit(self._new_order(clean=False))
        self._as("clerk", order).action_intake_check()
        self.assertEqual(len(self._activities(order, self.activity_correct)), 1)
        self._submit(order)
        self.assertFalse(self._activities(order, self.activity_correct))

    def test_manual_return_with_the_wizard(self):
        self._make_regular(self.product)
        order = self._submit(self._new_order())
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        action = self._as("clerk", order).action_intake_open_return()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.users["clerk"])
            .with_context(**action["context"])
        )
        self.assertFalse(wizard.reason, "a clean order has no issue to quote")
        wizard.reason = "The customer's purchase order number is missing"
        wizard.save().action_return()
        self.assertEqual(order.intake_stage, "returned")
        self.assertEqual(order.intake_return_count, 1)
        self.assertEqual(
            order.intake_return_reason,
            "The customer's purchase order number is missing",
        )
        self.assertEqual(
            self._activities(order, self.activity_correct).user_id, self.users["sales"]
        )
        # the salesperson may not return orders, nor return them without reason
        self._submit(order)
        with self.assertRaises(AccessError):
            self._as("sales", order).action_intake_open_return()
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_return("   "),
            regex="Say why",
        )

    def test_sign_off(self):
        order = self._new_order(clean=False)
        with self.assertRaises(AccessError):
            self._as("sales", order).action_intake_sign_off()
        self.assertFalse(order.sales_signoff_uid)
        self._as("saleshead", order).action_intake_sign_off()
        self.assertEqual(order.sales_signoff_uid, self.users["saleshead"])
        self.assertTrue(order.sales_signoff_date)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("saleshead", order).action_intake_sign_off(),
            regex="already signed off",
        )

    def test_action_flags_follow_stage_and_role(self):
        order = self._new_order()

        def flags(role):
            record = self._as(role, order)
            return {
                name: record[f"can_intake_{name}"]
                for name in ("submit", "check", "accept", "recheck", "sign_off")
            }

        self.assertTrue(flags("sales")["submit"])
        self.assertFalse(flags("clerk")["check"])
        self._submit(order)
        self.assertFalse(flags("sales")["submit"])
        self.assertFalse(flags("sales")["check"])
        self.assertTrue(flags("clerk")["check"])
        self.assertFalse(flags("clerk")["accept"])
        self._as("clerk", order).action_intake_check()
        self.assertTrue(flags("clerk")["accept"])
        self.assertFalse(flags("clerk")["check"])
        self.assertFalse(flags("sales")["accept"])
        self.assertFalse(flags("clerk2")["recheck"], "not an important order")

    def test_cancel_and_back_to_draft(self):
        order = self._submit(self._new_order())
        self._as("sales", order)._action_cancel()
        self.assertEqual(order.intake_stage, "cancelled")
        self._as("sales", order).action_draft()
        self.assertEqual(order.intake_stage, "draft")
        self._submit(order)
        self.assertEqual(order.intake_stage, "submitted")

    def test_confirm_without_intake_when_not_required(self):
        self.company.intake_required = False
        order = self._new_order()
        self._as("sales", order).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.intake_stage, "draft")

    def test_customer_signature_enters_intake(self):
        """A customer who signs the quotation on the portal while the intake
        is required: the order is received on the portal channel (not
        refused, not confirmed), the customer is told, the clerk gets the
        check; logistics accepting it confirms it."""
        self._make_regular(self.product)
        order = self._new_order()
        portal = new_test_user(
            self.env, "oh_portal_customer", groups="base.group_portal"
        )
        order.partner_id = portal.partner_id
        # what sale's portal controller does after the signature
        order_sudo = order.with_user(portal).sudo()
        order_sudo.write({"signature": SIGNATURE, "signed_by": "Customer"})
        self.assertTrue(order_sudo.action_confirm())
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.intake_stage, "submitted")
        self.assertEqual(order.intake_channel, "portal")
        self.assertIn("received your order", order.message_ids[0].body)
        self.assertIn(portal.partner_id, order.message_ids[0].partner_ids)
        self.assertTrue(self._activities(order, self.activity_check))
        clerk = self._as("clerk", order)
        clerk.action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        clerk.action_intake_accept()
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(order.state, "sale")

    def test_intake_only_for_the_regulated_sales_teams(self):
        """Scoped by sales team: an order of a team outside the company's
        regulated teams is confirmed as in plain Odoo; one inside waits for
        the intake."""
        regulated, other = self.env["crm.team"].create(
            [{"name": "Export desk"}, {"name": "Retail shop"}]
        )
        self.company.order_handling_team_ids = regulated
        outside = self._new_order(team_id=other.id)
        self._as("sales", outside).action_confirm()
        self.assertEqual(outside.state, "sale")
        inside = self._new_order(team_id=regulated.id)
        with self.assertRaisesRegex(UserError, "once logistics accepted it"):
            self._as("sales", inside).action_confirm()
        self.assertEqual(inside.state, "draft")

    def test_signature_confirms_as_in_odoo_when_intake_is_off(self):
        self.company.intake_required = False
        order = self._new_order()
        order.write({"signature": SIGNATURE, "signed_by": "Customer"})
        order.sudo().action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.intake_stage, "draft")


@tagged("post_install", "-at_install")
class TestIntakeRefused(IntakeCommon):
    """Actions called out of order, or by the wrong person, over RPC: refused
    with a clear message, and nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_regular(cls.product)
        cls.submitted = cls._submit(cls._new_order())

    def test_accept_before_check(self):
        self.assertRefused(
            UserError,
            self.submitted,
            lambda: self._as("clerk", self.submitted).action_intake_accept(),
            regex="only a checked order can be accepted",
        )
        self.assertEqual(self.submitted.intake_stage, "submitted")
        self.assertFalse(self.submitted.transfer_slip_ids)

    def test_check_twice(self):
        order = self.submitted
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk2", order).action_intake_check(),
            regex="is Checked: only a submitted order can be checked",
        )
        self.assertEqual(order.intake_checked_uid, self.users["clerk"])

    def test_check_by_salesperson(self):
        for role in ("sales", "saleshead"):
            self.assertRefused(
                AccessError,
                self.submitted,
                lambda role=role: self._as(role, self.submitted).action_intake_check(),
                regex="Logistics Clerk",
            )
        self.assertEqual(self.submitted.intake_stage, "submitted")

    def test_submit_twice_or_confirmed(self):
        self.assertRefused(
            UserError,
            self.submitted,
            lambda: self._submit(self.submitted),
            regex="only an order with sales can be submitted",
        )
        self.company.intake_required = False
        order = self._new_order()
        self._as("sales", order).action_confirm()
        self.assertRefused(
            UserError,
            order,
            lambda: self._submit(order),
            regex="already confirmed or cancelled",
        )
        self.assertEqual(order.intake_stage, "draft")

    def test_submit_without_lines(self):
        order = self._new_order(
            lines=[],
            order_line=[Command.create({"display_type": "line_note", "name": "Hi"})],
        )
        self.assertRefused(
            UserError, order, lambda: self._submit(order), regex="no line to deliver"
        )

    def test_batch_with_one_bad_order_writes_nothing(self):
        """The guards look at every order before writing any."""
        draft = self._new_order()
        both = self.submitted | draft
        self.assertRefused(
            UserError, both, lambda: self._as("clerk", both).action_intake_check()
        )
        both = draft | self.submitted
        self.assertRefused(UserError, both, lambda: self._submit(both))

    def test_check_refused_to_other_roles(self):
        for role in ("quality", "warehouse", "engineering", "member"):
            self.assertRefused(
                AccessError,
                self.submitted,
                lambda role=role: self._as(role, self.submitted).action_intake_check(),
            )

    def test_override_class_without_reason(self):
        order = self.submitted
        action = self._as("clerk", order).action_intake_open_classify()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.users["clerk"])
            .with_context(**action["context"])
            .create({"order_class": "non_regular", "reason": "   "})
        )
        self.assertRefused(UserError, order, wizard.action_apply, regex="reason")
        with self.assertRaises(AccessError):
            self._as("sales", order).action_intake_open_classify()
        # a wrong class is refused as well
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order)._intake_override_class("urgent", "why"),
            regex="regular or non-regular",
        )

    def test_override_class_after_acceptance(self):
        order = self.submitted
        self._as("clerk", order).action_intake_check()
        self._as("clerk", order).action_intake_accept()
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order)._intake_override_class(
                "non_regular", "customer asked for a new colour"
            ),
            regex="only change before it is accepted",
        )

    def test_accept_a_changed_order_is_refused(self):
        """Accept checks the order again: one that lost its carrier since its
        check is no longer clean."""
        order = self.submitted
        self._as("clerk", order).action_intake_check()
        self._as("sales", order).write({"carrier_id": False})
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_accept(),
            regex="no longer clean",
        )
        self.assertEqual(order.intake_stage, "checked")

    def test_accept_checks_again_only_a_changed_order(self):
        """A clean check holds until the order or a line changes: accepting
        an unchanged order does not run the checks a second time; a changed
        line, an added line or a changed order field clear the check."""
        Rule = type(self.env["sale.order.intake.rule"])
        order = self.submitted
        self._as("clerk", order).action_intake_check()
        self.assertTrue(order.intake_check_valid)
        # workflow bookkeeping leaves the check valid
        order.sudo().write(
            {"intake_clerk_id": self.users["clerk"].id, "sales_signoff_uid": False}
        )
        self._as("saleshead", order).action_intake_sign_off()
        self.assertTrue(order.intake_check_valid)
        # a line written, added, or an order field changed: the check is gone
        for change in (
            lambda: self._as("sales", order.order_line[0]).write(
                {"product_uom_qty": 3}
            ),
            lambda: self._as("sales", order).write(
                {
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 1}
                        )
                    ]
                }
            ),
            lambda: self._as("sales", order).write({"client_order_ref": "PO-7"}),
        ):
            with self.subTest(change=change):
                order.sudo().write({"intake_check_valid": True})
                change()
                self.assertFalse(order.intake_check_valid)
        # accepted as checked: no second evaluation
        order.sudo().write({"intake_check_valid": True})
        with patch.object(Rule, "_evaluate", autospec=True) as evaluate:
            self._as("clerk", order).action_intake_accept()
        evaluate.assert_not_called()
        self.assertEqual(order.intake_stage, "accepted")
        self.assertFalse(order.intake_check_valid)

    def test_accept_evaluates_a_changed_order_again(self):
        Rule = type(self.env["sale.order.intake.rule"])
        order = self.submitted
        self._as("clerk", order).action_intake_check()
        self._as("sales", order.order_line[0]).write({"product_uom_qty": 3})
        with patch.object(
            Rule, "_evaluate", autospec=True, return_value={}
        ) as evaluate:
            self._as("clerk", order).action_intake_accept()
        evaluate.assert_called_once()
        self.assertEqual(order.intake_stage, "accepted")

    def test_other_company_order_is_out_of_reach(self):
        company_b = self.env["res.company"].create({"name": "Intake Branch B"})
        order_b = (
            self.env["sale.order"]
            .with_company(company_b)
            .create(
                {
                    "partner_id": self.partner.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 2}
                        )
                    ],
                }
            )
        )
        order_b.with_company(company_b).action_intake_submit()
        self.assertEqual(order_b.intake_stage, "submitted")
        self.assertEqual(order_b.company_id, company_b)
        # users of company A only cannot even read it
        for role in ("clerk", "sales", "saleshead"):
            Order = self.env["sale.order"].with_user(self.users[role])
            self.assertFalse(Order.search([("id", "=", order_b.id)]), role)
            with self.assertRaises(AccessError, msg=role):
                order_b.with_user(self.users[role]).read(["name"])
        for role, method in (
            ("clerk", "action_intake_check"),
            ("clerk", "action_intake_accept"),
            ("clerk", "action_intake_recheck"),
            ("sales", "action_intake_submit"),
            ("saleshead", "action_intake_sign_off"),
        ):
            self.assertRefused(
                AccessError,
                order_b,
                lambda role=role, method=method: getattr(
                    order_b.with_user(self.users[role]), method
                )(),
            )
        self.assertEqual(order_b.intake_stage, "submitted")


@tagged("post_install", "-at_install")
class TestImportantOrder(IntakeCommon):
    """Orders over the company's amount, or flagged, need a second person's
    re-check before acceptance (R1.4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.list_price = 100.0
        cls._make_regular(cls.product)
        cls.company.intake_important_amount = 1000.0

    def test_amount_threshold_and_flag(self):
        small = self._new_order(lines=[(self.product, 3)])
        at_threshold = self._new_order(lines=[(self.product, 10)])
        flagged = self._new_order(lines=[(self.product, 1)], intake_important_flag=True)
        self.assertEqual(small.amount_untaxed, 300.0)
        self.assertFalse(small.intake_important)
        self.assertEqual(at_threshold.amount_untaxed, 1000.0)
        self.assertTrue(at_threshold.intake_important)
        self.assertTrue(flagged.intake_important)
        # the amount grows past the threshold: important
        self._as("sales", small).order_line.product_uom_qty = 12
        self.assertTrue(small.intake_important)
        # no threshold: only flagged orders
        self.company.intake_important_amount = 0.0
        other = self._new_order(lines=[(self.product, 50)])
        self.assertFalse(other.intake_important)

    def test_threshold_set_after_the_order_was_entered(self):
        """The administrator lowers the amount: open orders above it are
        important from then on."""
        order = self._new_order(lines=[(self.product, 3)])
        self.assertFalse(order.intake_important)
        self.company.intake_important_amount = 200.0
        self.assertTrue(order.intake_important)

    def test_recheck_by_a_second_person_then_accept(self):
        order = self._submit(self._new_order(lines=[(self.product, 12)]))
        self.assertTrue(order.intake_important)
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        self.assertTrue(self._as("clerk2", order).can_intake_recheck)
        self.assertTrue(self._as("saleshead", order).can_intake_recheck)
        self.assertFalse(self._as("clerk", order).can_intake_recheck, "checked it")
        self.assertFalse(self._as("sales", order).can_intake_recheck, "entered it")
        # not accepted without the re-check
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_accept(),
            regex="important: a second person must re-check it",
        )
        # not re-checked by the person who checked it, nor by a salesperson
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_recheck(),
            regex="neither entered nor checked",
        )
        self.assertRefused(
            AccessError,
            order,
            lambda: self._as("sales", order).action_intake_recheck(),
        )
        # a second clerk re-checks it
        self._as("clerk2", order).action_intake_recheck()
        self.assertEqual(order.intake_recheck_uid, self.users["clerk2"])
        self.assertTrue(order.intake_recheck_date)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("saleshead", order).action_intake_recheck(),
            regex="already re-checked",
        )
        self._as("clerk", order).action_intake_accept()
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(
            sorted(order.transfer_slip_ids.department_id.mapped("code")),
            ["quality", "warehouse"],
        )

    def test_recheck_refused_to_the_person_who_entered_it(self):
        order = self._submit(
            self._new_order(user="saleshead", lines=[(self.product, 1)]),
            user="saleshead",
        )
        order.intake_important_flag = True
        self._as("clerk", order).action_intake_check()
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("saleshead", order).action_intake_recheck(),
            regex="neither entered nor checked",
        )
        # the sales head may re-check what others entered and checked
        other = self._submit(self._new_order(lines=[(self.product, 11)]))
        self._as("clerk", other).action_intake_check()
        self._as("saleshead", other).action_intake_recheck()
        self.assertEqual(other.intake_recheck_uid, self.users["saleshead"])

    def test_recheck_only_for_checked_important_orders(self):
        important = self._submit(self._new_order(lines=[(self.product, 12)]))
        self.assertRefused(
            UserError,
            important,
            lambda: self._as("clerk2", important).action_intake_recheck(),
            regex="only a checked order can be re-checked",
        )
        ordinary = self._submit(self._new_order(lines=[(self.product, 2)]))
        self._as("clerk", ordinary).action_intake_check()
        self.assertRefused(
            UserError,
            ordinary,
            lambda: self._as("clerk2", ordinary).action_intake_recheck(),
            regex="needs no re-check",
        )
        # an ordinary order is accepted without one
        self._as("clerk", ordinary).action_intake_accept()
        self.assertEqual(ordinary.intake_stage, "accepted")

    def test_return_resets_the_recheck(self):
        order = self._submit(self._new_order(lines=[(self.product, 12)]))
        self._as("clerk", order).action_intake_check()
        self._as("clerk2", order).action_intake_recheck()
        self._as("clerk", order).action_intake_return("Wrong delivery address")
        self.assertFalse(order.intake_recheck_uid)
        self._submit(order)
        self._as("clerk", order).action_intake_check()
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_accept(),
            regex="re-check",
        )
