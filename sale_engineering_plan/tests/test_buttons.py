# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_plan import PlanCommon

PLAN_FLAGS = ("can_approve", "can_issue", "can_done", "can_cancel")


@tagged("post_install", "-at_install")
class TestPlanButtons(PlanCommon):
    """Issue 17: each button of the product plan and of its deliverables
    shows exactly when the server accepts the step, and the server refuses
    what the form hides with the rule's sentence, writing nothing."""

    def _flags(self, record, user, names):
        record = record.with_user(user)
        record.invalidate_recordset(list(names))
        return {name: record[name] for name in names}

    def test_plan_buttons_follow_role_state_and_approval(self):
        """R4.1: the engineering supervisor marks approved a plan the tiers
        validated, issues it (R4.3) and cancels it before issue; R4.4: the
        plan's process engineer closes the rollout."""
        plan = self._plan()
        engineering, sales = self.users["engineering"], self.users["saleshead"]
        # a draft not validated yet: only Cancel
        self.assertEqual(
            self._flags(plan, engineering, PLAN_FLAGS),
            {
                "can_approve": False,
                "can_issue": False,
                "can_done": False,
                "can_cancel": True,
            },
        )
        with self.assertRaisesRegex(UserError, "not approved yet"):
            plan.with_user(engineering).action_approve()
        self.assertEqual(plan.state, "draft")
        engineering_plan = plan.with_user(engineering)
        engineering_plan.request_validation()
        plan.with_user(self.users["saleshead"]).validate_tier()
        plan.with_user(self.users["gm"]).validate_tier()
        self.assertTrue(self._flags(plan, engineering, PLAN_FLAGS)["can_approve"])
        # another role: hidden and refused
        self.assertFalse(any(self._flags(plan, sales, PLAN_FLAGS).values()))
        with self.assertRaisesRegex(AccessError, "Only engineering supervisors"):
            plan.with_user(sales).action_approve()
        self.assertEqual(plan.state, "draft")
        engineering_plan.action_approve()
        self.assertEqual(
            self._flags(plan, engineering, PLAN_FLAGS),
            {
                "can_approve": False,
                "can_issue": True,
                "can_done": False,
                "can_cancel": True,
            },
        )
        # replayed approval: refused, nothing written
        approved_date = plan.approved_date
        with self.assertRaisesRegex(UserError, "not a draft waiting for approval"):
            engineering_plan.action_approve()
        self.assertEqual(plan.approved_date, approved_date)
        # the package and the process engineer are what to do first: the
        # Issue button shows, the server says what is missing
        with self.assertRaisesRegex(UserError, "cannot be issued"):
            engineering_plan.action_issue()
        engineering_plan.write({"process_engineer_id": self.users["process"].id})
        self._complete_package(plan)
        engineering_plan.action_issue()
        self.assertEqual(plan.state, "issued")
        self.assertEqual(
            self._flags(plan, engineering, PLAN_FLAGS),
            {
                "can_approve": False,
                "can_issue": False,
                "can_done": True,  # the plan's supervisor
                "can_cancel": False,
            },
        )
        with self.assertRaisesRegex(UserError, "is issued: it cannot be cancelled"):
            engineering_plan.action_cancel()
        self.assertEqual(plan.state, "issued")
        # the rollout: the process engineer, not another user
        self.assertTrue(
            self._flags(plan, self.users["process"], PLAN_FLAGS)["can_done"]
        )
        self.assertFalse(self._flags(plan, sales, PLAN_FLAGS)["can_done"])
        with self.assertRaisesRegex(AccessError, "process engineer closes"):
            plan.with_user(sales).action_done()
        self.assertEqual(plan.state, "issued")

    def test_deliverable_buttons(self):
        """R4.2: the deliverable's responsible or the plan's supervisor marks
        it done while the plan is approved, and reopens it before issue."""
        plan = self._plan()
        self._approve(plan)
        deliverable = plan.deliverable_ids.filtered(
            lambda d: d.type_id.code == "drawing"
        )
        engineering, other = self.users["engineering"], self.users["saleshead"]
        self.assertEqual(
            self._flags(deliverable, engineering, ("can_done", "can_reopen")),
            {"can_done": True, "can_reopen": False},
        )
        # the files are what to attach first: the button shows
        with self.assertRaisesRegex(UserError, "Attach"):
            deliverable.with_user(engineering).action_done()
        attachment = (
            self.env["ir.attachment"]
            .with_user(engineering)
            .create({"name": "drawing.pdf", "datas": base64.b64encode(b"%PDF-1.4")})
        )
        deliverable.with_user(engineering).write(
            {"attachment_ids": [Command.link(attachment.id)]}
        )
        # a user who may not edit the package: hidden and refused
        self.assertFalse(
            any(self._flags(deliverable, other, ("can_done", "can_reopen")).values())
        )
        with self.assertRaises(AccessError):
            deliverable.with_user(other).action_done()
        self.assertEqual(deliverable.state, "todo")
        deliverable.with_user(engineering).action_done()
        self.assertEqual(
            self._flags(deliverable, engineering, ("can_done", "can_reopen")),
            {"can_done": False, "can_reopen": True},
        )
        with self.assertRaisesRegex(UserError, "already done"):
            deliverable.with_user(engineering).action_done()
        deliverable.with_user(engineering).action_reopen()
        self.assertEqual(deliverable.state, "todo")
        self.assertFalse(deliverable.done_uid)
        with self.assertRaisesRegex(UserError, "nothing to reopen"):
            deliverable.with_user(engineering).action_reopen()
        # once the plan is issued, the package is closed
        plan.with_user(engineering).write(
            {"process_engineer_id": self.users["process"].id}
        )
        self._complete_package(plan)
        plan.with_user(engineering).action_issue()
        self.assertFalse(
            self._flags(deliverable, engineering, ("can_reopen",))["can_reopen"]
        )
        with self.assertRaisesRegex(UserError, "its package is closed"):
            deliverable.with_user(engineering).action_reopen()
        self.assertEqual(deliverable.state, "done")
