# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TargetCommon


@tagged("post_install", "-at_install")
class TestTargetButtons(TargetCommon):
    """R10.1: the buttons of a sales target follow one rule, for the form
    (``can_<step>``) and the server (``action_<step>``): sales heads and
    administrators, in the right state."""

    def _can(self, record, role, step):
        record = record.with_user(self.users[role])
        record.invalidate_recordset([f"can_{step}"])
        return record[f"can_{step}"]

    def assertOpen(self, record, role, step):
        self.assertTrue(self._can(record, role, step), f"{role}: {step}")

    def assertRefusedStep(self, record, role, step, regex):
        self.assertFalse(self._can(record, role, step), f"{role}: {step}")
        self.assertRefusedUntouched(
            UserError,
            record,
            getattr(record.with_user(self.users[role]), f"action_{step}"),
            ["state", "amount"],
            regex,
        )

    def test_target_steps(self):
        target = self._target()
        steps = ("compute_breakdown", "confirm", "cancel")
        # the salesperson reads their target but changes nothing of it
        for step in (*steps, "draft"):
            self.assertRefusedStep(target, "sales", step, "Only .* can do this")
        self.assertRefusedStep(target, "saleshead", "draft", "already a draft")
        for step in steps:
            self.assertOpen(target, "saleshead", step)
            self.assertOpen(target, "manager", step)
        target.with_user(self.users["saleshead"]).action_compute_breakdown()
        target.with_user(self.users["saleshead"]).action_confirm()
        self.assertEqual(target.state, "confirmed")
        self.assertRefusedStep(
            target, "saleshead", "compute_breakdown", "broken down again"
        )
        self.assertRefusedStep(target, "saleshead", "confirm", "Only a draft target")
        self.assertOpen(target, "saleshead", "draft")
        self.assertOpen(target, "saleshead", "cancel")
        target.with_user(self.users["saleshead"]).action_cancel()
        self.assertEqual(target.state, "cancel")
        self.assertRefusedStep(target, "saleshead", "cancel", "already cancelled")
        self.assertRefusedStep(target, "sales", "draft", "Only .* can do this")
        self.assertOpen(target, "manager", "draft")
        target.with_user(self.users["manager"]).action_draft()
        self.assertEqual(target.state, "draft")

    def test_flags_of_a_list_in_fixed_queries(self):
        """The flags of many targets are computed without a query per
        target (the roles are read once per user)."""
        targets = self.env["sale.target"].union(
            *(self._target(user=self.users[login]) for login in ("sales", "sales2"))
        )
        more = self.env["sale.target"].union(
            *(
                self._target(user=self.users[login])
                for login in ("sales3", "sales4", "sales5")
            )
        )
        head = self.users["saleshead"]

        def count(records):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.assertTrue(all(records.with_user(head).mapped("can_confirm")))
            return self.env.cr.sql_log_count - before

        count(targets | more)  # warm the caches of the user (groups, rules)
        self.assertEqual(count(targets), count(targets | more))
        self.assertLessEqual(count(targets | more), 2)
