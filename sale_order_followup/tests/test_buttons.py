# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One rule per button (issue 17): the flag ``can_<step>`` the form reads is
True exactly when ``action_<step>`` succeeds for the same user; a refused
step says why over the ORM and writes nothing."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupButtons(FollowupCommon):
    def _refused(self, record, step, pattern, exception=UserError):
        """The flag hides ``step`` and the action refuses it with the
        rule's sentence."""
        record.invalidate_recordset()
        self.assertFalse(record[f"can_{step}"], f"can_{step} shown")
        with self.assertRaisesRegex(exception, pattern):
            getattr(record, f"action_{step}")()

    def _allowed(self, record, step):
        record.invalidate_recordset()
        self.assertTrue(record[f"can_{step}"], f"can_{step} hidden")

    def test_r5_6_spec_buttons(self):
        """R5.6: only the clerk (or an administrator) confirms, resets and
        cancels a sheet, each in its states; a sheet used by a notice is
        neither reset nor cancelled."""
        order = self._accepted_order()
        spec = self._fill(order.followup_spec_ids)
        for role in ("sales", "film", "workshop"):
            as_role = self._as(role, spec)
            for step in ("confirm_customer", "cancel"):
                self._refused(as_role, step, "Logistics Clerk", AccessError)
        self.assertEqual(spec.state, "draft")
        clerk = self._as("clerk", spec)
        self._refused(clerk, "reset_draft", "already a draft")
        self._allowed(clerk, "cancel")
        self._allowed(self._as("manager", spec), "confirm_customer")
        self._allowed(clerk, "confirm_customer")
        clerk.action_confirm_customer()
        self.assertEqual(spec.state, "confirmed")
        self._refused(clerk, "confirm_customer", "not waiting for confirmation")
        # the confirmation issued the notices: the sheet is theirs now
        self.assertTrue(order.followup_notice_ids)
        self._refused(clerk, "reset_draft", "used by production notices")
        self._refused(clerk, "cancel", "used by production notices")
        self.assertEqual(spec.state, "confirmed")
        self._notices(order)[0].with_user(self.users["clerk"]).action_cancel("Again")
        self._allowed(clerk, "reset_draft")
        clerk.action_reset_draft()
        self.assertEqual(spec.state, "draft")
        clerk.action_cancel()
        self._refused(clerk, "cancel", "already cancelled")
        self._allowed(clerk, "reset_draft")

    def test_r5_6_spec_missing_input_stays_visible(self):
        """R5.6: what the clerk must record first is no part of the rule:
        the button shows and the action says what is missing."""
        order = self._accepted_order()
        clerk = self._as("clerk", order.followup_spec_ids)
        self._allowed(clerk, "confirm_customer")
        with self.assertRaisesRegex(UserError, "of the customer's confirmation"):
            clerk.action_confirm_customer()
        self.assertEqual(clerk.state, "draft")

    def test_r5_6_notice_buttons(self):
        """R5.6: a workshop starts and finishes its own issued notice; the
        next one waits; only the clerk cancels an open notice."""
        order = self._accepted_order()
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        film, printing, bag = self._notices(order)
        as_film = self._as("film", film)
        self._allowed(as_film, "start")
        self._allowed(as_film, "done")
        self._refused(as_film, "receive_material", "only a requested material")
        self._refused(as_film, "cancel", "Logistics Clerk", AccessError)
        with self.assertRaisesRegex(AccessError, "Logistics Clerk"):
            as_film.action_open_cancel()
        for step in ("start", "done"):
            # another workshop does not even read the notice
            self._refused(
                self._as("print", film), step, "handled by the Blown Film", AccessError
            )
            self._refused(
                self._as("clerk", printing), step, "Waiting for Previous Step"
            )
        self.assertEqual((film.state, printing.state), ("issued", "waiting"))
        self._allowed(self._as("clerk", printing), "cancel")
        as_film.action_start()
        self._refused(as_film, "start", "only an issued notice can be started")
        self._allowed(as_film, "done")
        as_film.action_done()
        self._refused(as_film, "done", "only an issued notice can be finished")
        self._refused(
            self._as("clerk", film), "cancel", "it can no longer be cancelled"
        )
        self.assertEqual(
            (film.state, printing.state, bag.state), ("done", "issued", "waiting")
        )
        # the clerk opens the cancel wizard of an open notice: the reason
        # is typed there (missing input, checked by the action)
        clerk_printing = self._as("clerk", printing)
        self.assertEqual(
            clerk_printing.action_open_cancel()["res_model"],
            "sale.followup.notice.cancel",
        )
        with self.assertRaisesRegex(UserError, "Give a reason"):
            clerk_printing.action_cancel()
        self.assertEqual(printing.state, "issued")

    def test_r5_6_buy_in_buttons(self):
        """R5.6: the superior (or the clerk) receives the bought material;
        not a workshop."""
        order = self._accepted_order(lines=[(self.blank_bag, 2000)])
        self._as(
            "clerk",
            self._fill(order.followup_spec_ids, plate_type="none", print_content=False),
        ).action_confirm_customer()
        buy, bag = self._notices(order)
        # a workshop does not read the request
        self._refused(
            self._as("bag", buy), "receive_material", "is handled by", AccessError
        )
        self._refused(self._as("logistics_head", buy), "start", "only an issued notice")
        self._allowed(self._as("clerk", buy), "receive_material")
        as_head = self._as("logistics_head", buy)
        self._allowed(as_head, "receive_material")
        as_head.action_receive_material()
        self.assertEqual((buy.state, bag.state), ("received", "issued"))
        self._refused(as_head, "receive_material", "only a requested material")

    def test_r5_6_order_buttons(self):
        """R5.6: the clerk prepares the sheets of the lines without one and
        issues the notices once every sheet is confirmed; sales cannot."""
        order = self._accepted_order()
        spec = order.followup_spec_ids
        self._refused(
            self._as("sales", order),
            "followup_prepare_specs",
            "Logistics Clerk",
            AccessError,
        )
        self._refused(
            self._as("sales", order),
            "followup_issue_notices",
            "Logistics Clerk",
            AccessError,
        )
        clerk = self._as("clerk", order)
        self._refused(clerk, "followup_prepare_specs", "already has its specification")
        self._refused(clerk, "followup_issue_notices", "has not confirmed")
        self.assertFalse(order.followup_notice_ids)
        # a cancelled sheet leaves its line without one: prepared again
        self._as("clerk", spec).action_cancel()
        self._allowed(clerk, "followup_prepare_specs")
        clerk.action_followup_prepare_specs()
        new_spec = order.followup_spec_ids - spec
        self.assertEqual(new_spec.state, "draft")
        self._refused(clerk, "followup_prepare_specs", "already has its specification")
        # the plate is not made: refused; made: the notices are issued
        self._fill(new_spec, plate_ready=False)
        self._as("clerk", new_spec).action_confirm_customer()
        self._refused(clerk, "followup_issue_notices", "printing plate")
        self._as("clerk", new_spec).plate_ready = True
        self._allowed(clerk, "followup_issue_notices")
        clerk.action_followup_issue_notices()
        self.assertEqual(len(order.followup_notice_ids), 3)
        self._refused(clerk, "followup_issue_notices", "already issued")

    def test_r5_6_order_buttons_switched_off_or_not_accepted(self):
        """R5.6: nothing shows where the company does not follow orders,
        and no notice before the order is accepted."""
        order = self._submit(self._new_order(lines=[(self.printed_bag, 10)]))
        clerk = self._as("clerk", order)
        self._refused(clerk, "followup_issue_notices", "not accepted yet")
        self.company.followup_enabled = False
        for step in ("followup_prepare_specs", "followup_issue_notices"):
            self._refused(clerk, step, "does not follow orders")
        self.assertFalse(order.followup_spec_ids)
