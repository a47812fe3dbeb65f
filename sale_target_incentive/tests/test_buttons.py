# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import IncentiveCommon


@tagged("post_install", "-at_install")
class TestIncentiveButtons(IncentiveCommon):
    """R10.3: the buttons of incentive scales and incentives follow one
    rule, for the form (``can_<step>``) and the server (``action_<step>``):
    sales heads and administrators prepare, a sales head approves (not their
    own), each in its state."""

    def _can(self, record, role, step):
        record = record.with_user(self.users[role])
        record.invalidate_recordset([f"can_{step}"])
        return record[f"can_{step}"]

    def assertOpen(self, record, role, step):
        self.assertTrue(self._can(record, role, step), f"{role}: {step}")

    def assertRefusedStep(self, record, role, step, regex, exception=UserError):
        self.assertFalse(self._can(record, role, step), f"{role}: {step}")
        self.assertRefusedUntouched(
            exception,
            record,
            getattr(record.with_user(self.users[role]), f"action_{step}"),
            ["state", "approved_uid"],
            regex,
        )

    def test_scale_steps(self):
        scale = self._scale()
        self.assertRefusedStep(scale, "sales", "submit", "prepares", AccessError)
        self.assertRefusedStep(scale, "saleshead", "approve", "not possible now")
        self.assertRefusedStep(scale, "manager", "draft", "not possible now")
        self.assertOpen(scale, "saleshead", "submit")
        self.assertOpen(scale, "manager", "submit")
        scale.with_user(self.users["manager"]).action_submit()
        self.assertEqual(scale.state, "to_approve")
        self.assertRefusedStep(scale, "manager", "submit", "not possible now")
        self.assertRefusedStep(scale, "saleshead", "approve", "needs its approvals")
        self.assertRefusedStep(
            scale, "manager", "validate_all", "Only a sales head", AccessError
        )
        self.assertRefusedStep(scale, "sales", "draft", "prepares", AccessError)
        self.assertOpen(scale, "manager", "draft")
        self.assertOpen(scale, "saleshead", "validate_all")
        scale.with_user(self.users["saleshead"]).action_validate_all()
        self.assertEqual(scale.state, "approved")
        self.assertRefusedStep(scale, "saleshead", "validate_all", "not possible now")
        self.assertRefusedStep(scale, "sales", "new_version", "prepares", AccessError)
        self.assertOpen(scale, "manager", "new_version")
        action = scale.with_user(self.users["manager"]).action_new_version()
        self.assertEqual(
            self.env[scale._name].browse(action["res_id"]).previous_id, scale
        )
        self.assertRefusedStep(
            scale, "manager", "new_version", "already being prepared", ValidationError
        )

    def test_incentive_steps(self):
        self._approved_scale()
        incentive = self._compute_march(targets=self.targets["sales"])
        self.assertEqual(incentive.state, "draft")
        self.assertRefusedStep(incentive, "sales", "recompute", "prepares", AccessError)
        self.assertOpen(incentive, "saleshead", "recompute")
        incentive.with_user(self.users["saleshead"]).action_recompute()
        incentive.with_user(self.users["saleshead"]).action_submit()
        self.assertEqual(incentive.state, "to_approve")
        self.assertRefusedStep(incentive, "saleshead", "recompute", "not possible now")
        self.assertRefusedStep(
            incentive, "sales", "validate_all", "Only a sales head", AccessError
        )
        self.assertOpen(incentive, "saleshead", "validate_all")
        incentive.with_user(self.users["saleshead"]).action_validate_all()
        self.assertEqual(incentive.state, "approved")
        self.assertRefusedStep(incentive, "saleshead", "draft", "not possible now")

    def test_own_incentive(self):
        """Nobody approves their own incentive: the button is hidden."""
        self._approved_scale()
        head_target = self._target(user=self.users["saleshead"])
        head_target.with_user(self.users["manager"]).action_confirm()
        incentive = self._compute_march(targets=head_target)
        incentive.with_user(self.users["manager"]).action_submit()
        self.assertRefusedStep(
            incentive, "saleshead", "validate_all", "their own incentive"
        )

    def test_selection_steps_go_through_the_rule(self):
        """The Action menu steps of a selection (list view) ask the same
        rule of every record: one refused record stops the batch."""
        self._approved_scale()
        incentives = self._compute_march()
        head = self.users["saleshead"]

        def run(xmlid, records, user):
            action = self.env.ref(f"sale_target_incentive.{xmlid}").with_user(user)
            return action.with_context(
                active_model=records._name,
                active_ids=records.ids,
                active_id=records[:1].id,
            ).run()

        run("sale_target_incentive_action_batch_submit", incentives, head)
        self.assertEqual(set(incentives.mapped("state")), {"to_approve"})
        self.assertRefusedUntouched(
            UserError,
            incentives,
            lambda: run(
                "sale_target_incentive_action_batch_recompute", incentives, head
            ),
            ["state"],
            "not possible now",
        )
        run("sale_target_incentive_action_batch_validate", incentives, head)
        self.assertEqual(set(incentives.mapped("state")), {"approved"})
