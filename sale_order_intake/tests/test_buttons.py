# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each intake button follows one rule (issue 17): its ``can_<step>`` flag
is True exactly when ``action_<step>`` succeeds for the same user, and the
action refuses over the ORM with the rule's sentence, before anything is
written."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import IntakeCommon
from .test_delivery_date import AcceptedOrderCommon


class ButtonAsserts:
    def assertFlag(self, record, step, expected, role):
        record.invalidate_recordset()
        self.assertIs(
            record[f"can_{step}"],
            expected,
            f"can_{step} for {role} at {record.sudo().intake_stage}",
        )


@tagged("post_install", "-at_install")
class TestIntakeButtons(ButtonAsserts, IntakeCommon):
    """Submit, check, return, re-check, accept and sign off (R1.1–R1.4,
    R2.2) on the order form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_regular(cls.product)

    def _flag(self, role, order, step, expected):
        self.assertFlag(self._as(role, order), step, expected, role)

    def test_submit_check_and_return(self):
        """R1.1–R1.3: sales submits an order with sales; the clerk checks a
        submitted one and returns an order at intake."""
        order = self._new_order()
        self._flag("sales", order, "intake_submit", True)
        self._flag("sales", order, "intake_check", False)
        self._flag("clerk", order, "intake_check", False)
        # the clerk's step, out of order
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_check(),
            regex="only a submitted order can be checked",
        )
        self._flag("clerk", order, "intake_return", False)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_return("Wrong price"),
            regex="only an order at intake can be returned",
        )
        self._as("sales", order).action_intake_submit()
        self.assertEqual(order.intake_stage, "submitted")
        # submitted: not again
        self._flag("sales", order, "intake_submit", False)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("sales", order).action_intake_submit(),
            regex="only an order with sales can be submitted",
        )
        # sales may not check nor return it
        for step in ("intake_check", "intake_return"):
            self._flag("sales", order, step, False)
        self.assertRefused(
            AccessError,
            order,
            lambda: self._as("sales", order).action_intake_check(),
            regex="Only .*Logistics Clerk.* can do this on order",
        )
        self.assertRefused(
            AccessError,
            order,
            lambda: self._as("sales", order).action_intake_open_return(),
            regex="Only .*Logistics Clerk.* can do this on order",
        )
        self._flag("clerk", order, "intake_check", True)
        self._flag("clerk", order, "intake_return", True)
        # the reason is typed in the wizard: the button stays, the action
        # says what is missing
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_return(" "),
            regex="Say why",
        )
        self._as("clerk", order).action_intake_return("Wrong price")
        self.assertEqual(order.intake_stage, "returned")
        self._flag("clerk", order, "intake_return", False)
        self._flag("sales", order, "intake_submit", True)
        self._as("sales", order).action_intake_submit()
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        self._flag("clerk", order, "intake_check", False)
        self._flag("clerk", order, "intake_accept", True)
        self._flag("clerk", order, "intake_recheck", False)

    def test_submit_refused_on_a_confirmed_order(self):
        """An order confirmed without the intake (regulation off then) is
        no longer submitted."""
        self.company.intake_required = False
        order = self._new_order()
        self._as("sales", order).action_confirm()
        self.company.intake_required = True
        self._flag("sales", order, "intake_submit", False)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("sales", order).action_intake_submit(),
            regex="already confirmed or cancelled",
        )

    def test_recheck_then_accept_an_important_order(self):
        """R1.4: an important order is accepted once a second person, who
        neither entered nor checked it, re-checked it."""
        order = self._submit(self._new_order(intake_important_flag=True))
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        # not accepted before the re-check: the button is hidden
        self._flag("clerk", order, "intake_accept", False)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_accept(),
            regex="important: a second person must re-check it",
        )
        # neither the checker nor the salesperson re-checks
        self._flag("clerk", order, "intake_recheck", False)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_recheck(),
            regex="neither entered nor checked",
        )
        self._flag("sales", order, "intake_recheck", False)
        self.assertRefused(
            AccessError,
            order,
            lambda: self._as("sales", order).action_intake_recheck(),
            regex="can do this on order",
        )
        self._flag("clerk2", order, "intake_recheck", True)
        self._as("clerk2", order).action_intake_recheck()
        self.assertEqual(order.intake_recheck_uid, self.users["clerk2"])
        self._flag("clerk2", order, "intake_recheck", False)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk2", order).action_intake_recheck(),
            regex="already re-checked",
        )
        # accepted by logistics only
        self._flag("sales", order, "intake_accept", False)
        self.assertRefused(
            AccessError,
            order,
            lambda: self._as("sales", order).action_intake_accept(),
            regex="can do this on order",
        )
        self._flag("clerk", order, "intake_accept", True)
        self._as("clerk", order).action_intake_accept()
        self.assertEqual(order.intake_stage, "accepted")
        self._flag("clerk", order, "intake_accept", False)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("clerk", order).action_intake_accept(),
            regex="only a checked order can be accepted",
        )

    def test_sign_off(self):
        """R1.2: the sales head signs an order off, once, up to its
        acceptance."""
        order = self._new_order(clean=False)
        self._flag("sales", order, "intake_sign_off", False)
        self.assertRefused(
            AccessError,
            order,
            lambda: self._as("sales", order).action_intake_sign_off(),
            regex="Sales Head",
            fnames=["sales_signoff_uid", "sales_signoff_date"],
        )
        self._flag("saleshead", order, "intake_sign_off", True)
        self._as("saleshead", order).action_intake_sign_off()
        self.assertEqual(order.sales_signoff_uid, self.users["saleshead"])
        self._flag("saleshead", order, "intake_sign_off", False)
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("saleshead", order).action_intake_sign_off(),
            regex="already signed off",
            fnames=["sales_signoff_uid", "sales_signoff_date"],
        )


@tagged("post_install", "-at_install")
class TestDeliveryDateButtons(ButtonAsserts, AcceptedOrderCommon):
    """Propose, reply and complete (R2.4, R5.4): the supervisor proposes
    from the order's copy, the clerk replies and completes."""

    def _copy(self, role, order):
        return self.env["sale.order.copy"].with_user(self.users[role]).browse(order.id)

    def _untouched(self, exception, order, func, regex):
        return self.assertRefusedUntouched(
            exception,
            order,
            func,
            [
                "intake_stage",
                "delivery_date_proposed",
                "delivery_date_proposed_uid",
                "delivery_date_replied_uid",
                "commitment_date",
            ],
            regex,
        )

    def test_propose_reply_and_complete(self):
        order = self._accepted_order()
        date = fields.Datetime.now() + timedelta(days=9)
        copy = self._copy("workshop", order)
        # a regular order: the workshop supervisor answers, not the clerk,
        # nor the engineering supervisor
        self.assertFlag(
            order.with_user(self.users["clerk"]),
            "intake_propose_date",
            False,
            "clerk",
        )
        self._untouched(
            AccessError,
            order,
            lambda: order.with_user(self.users["clerk"]).action_intake_propose_date(
                date
            ),
            "Workshop Supervisor",
        )
        self.assertFlag(
            self._copy("clerk", order), "intake_propose_date", False, "clerk"
        )
        self.assertFlag(copy, "intake_propose_date", True, "workshop")
        # the date is typed in the wizard: the button stays, the action says
        # what is missing
        self._untouched(
            UserError,
            order,
            lambda: copy.action_intake_propose_date(False),
            "Enter the delivery date",
        )
        # the clerk replies a proposed date only
        self.assertFlag(
            order.with_user(self.users["clerk"]), "intake_reply_date", False, "clerk"
        )
        self._untouched(
            UserError,
            order,
            lambda: order.with_user(self.users["clerk"]).action_intake_reply_date(),
            "only a proposed delivery date",
        )
        copy.action_intake_propose_date(date)
        self.assertEqual(order.intake_stage, "date_proposed")
        self.assertEqual(order.delivery_date_proposed_uid, self.users["workshop"])
        # replied by logistics
        self.assertFlag(
            order.with_user(self.users["manager"]),
            "intake_reply_date",
            True,
            "manager",
        )
        self.assertFlag(
            order.with_user(self.users["sales"]), "intake_reply_date", False, "sales"
        )
        self._untouched(
            AccessError,
            order,
            lambda: order.with_user(self.users["sales"]).action_intake_reply_date(),
            "can do this on order",
        )
        clerk = order.with_user(self.users["clerk"])
        self.assertFlag(clerk, "intake_reply_date", True, "clerk")
        clerk.action_intake_reply_date()
        self.assertEqual(order.intake_stage, "date_confirmed")
        # replied: no new proposal
        self.assertFlag(copy, "intake_propose_date", False, "workshop")
        self._untouched(
            UserError,
            order,
            lambda: copy.action_intake_propose_date(date),
            "once the order is accepted",
        )
        # completed once fully delivered
        order.action_confirm()
        self.assertFlag(clerk, "intake_complete", False, "clerk")
        self._untouched(
            UserError,
            order,
            clerk.action_intake_complete,
            "not fully delivered",
        )
        picking = order.picking_ids
        picking.move_ids.write({"quantity": 3, "picked": True})
        picking.with_context(skip_sms=True).button_validate()
        self.assertEqual(order.delivery_status, "full")
        self.assertFlag(
            order.with_user(self.users["sales"]), "intake_complete", False, "sales"
        )
        self._untouched(
            AccessError,
            order,
            lambda: order.with_user(self.users["sales"]).action_intake_complete(),
            "can do this on order",
        )
        self.assertFlag(clerk, "intake_complete", True, "clerk")
        clerk.action_intake_complete()
        self.assertEqual(order.intake_stage, "done")
        self.assertFlag(clerk, "intake_complete", False, "clerk")

    def test_engineering_proposes_for_a_non_regular_order(self):
        """R2.4: the engineering supervisor answers for a non-regular order,
        from its copy; the workshop supervisor does not."""
        order = self._accepted_order(regular=False)
        date = fields.Datetime.now() + timedelta(days=9)
        engineering = self._copy("engineering", order)
        self.assertFlag(engineering, "intake_propose_date", True, "engineering")
        self.assertFlag(
            order.with_user(self.users["manager"]),
            "intake_propose_date",
            True,
            "manager",
        )
        engineering.action_intake_propose_date(date)
        self.assertEqual(order.intake_stage, "date_proposed")
