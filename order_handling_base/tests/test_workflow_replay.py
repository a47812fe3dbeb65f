# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OrderHandlingCommon


@tagged("post_install", "-at_install")
class TestWorkflowReplay(OrderHandlingCommon):
    """The workflow guard refuses a replayed step: a write of the state field
    that leaves a record in the state it is in (a button called twice over
    RPC), through ``_workflow_write`` and in sudo, with or without
    ``_workflow_transitions``, unless the model opts in for that state
    (``_workflow_repeatable_states``). Shown on the transfer slip; every
    model of the suite is checked in order_handling_suite."""

    def _slip_class(self):
        return type(self.env["order.handling.transfer"])

    def _transfer(self, codes, **kwargs):
        """Slips as the order-handling administrator, who may write them
        (through the helper only)."""
        slips = super()._transfer(codes, **kwargs)
        return slips.with_user(self.users["manager"])

    def _snapshot(self, slips):
        self.env.flush_all()
        self.env.invalidate_all()
        return [(s.state, s.write_date, len(s.message_ids)) for s in slips]

    def test_same_state_refused_through_the_helper(self):
        slip = self._transfer(["quality"])
        before = self._snapshot(slip)
        with self.assertRaisesRegex(
            UserError, rf"^Transfer Slip {slip.name} is already Sent\.$"
        ):
            slip._workflow_write({"state": "sent", "note": "replayed"})
        self.assertEqual(self._snapshot(slip), before)
        self.assertNotEqual(slip.note, "replayed")

    def test_same_state_refused_in_sudo(self):
        slip = self._transfer(["quality"])
        slip.with_user(self.users["quality"]).action_acknowledge()
        with self.assertRaisesRegex(UserError, "is already Acknowledged"):
            slip.sudo().write({"state": "acknowledged"})

    def test_message_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["order_handling_base"], ["zh_CN"], overwrite=True
        )
        slip = self._transfer(["quality"])
        with self.assertRaises(UserError) as caught:
            slip.with_context(lang="zh_CN")._workflow_write({"state": "sent"})
        message = str(caught.exception)
        self.assertIn(slip.name, message)
        self.assertIn("已处于", message)
        self.assertIn("转交单", message)
        self.assertNotIn("Transfer Slip", message)

    def test_mixed_batch_refused_as_a_whole(self):
        """A batch in which one record is already in the state is refused:
        the caller filters its records to those that change."""
        slips = self._transfer(["quality", "warehouse"])
        slips[0].with_user(self.users["quality"]).action_acknowledge()
        before = self._snapshot(slips)
        with self.assertRaisesRegex(UserError, slips[0].name):
            slips._workflow_write({"state": "acknowledged"})
        self.assertEqual(self._snapshot(slips), before)
        self.assertEqual(slips[1].state, "sent")
        changing = slips.filtered(lambda s: s.state != "acknowledged")
        changing._workflow_write({"state": "acknowledged"})
        self.assertEqual(set(slips.mapped("state")), {"acknowledged"})

    def test_replayed_acknowledge_writes_nothing(self):
        """The real step called twice by the department: the second call is
        refused and changes nothing."""
        slip = self._transfer(["quality"])
        member = self.users["member"]
        slip.with_user(member).action_acknowledge()
        before = self._snapshot(slip)
        with self.assertRaises(UserError):
            slip.with_user(member).action_acknowledge()
        self.assertEqual(self._snapshot(slip), before)
        self.assertEqual(slip.acknowledged_uid, member)

    def test_without_transitions_same_state_still_refused(self):
        """A model without ``_workflow_transitions`` (its steps check the
        state) gets the refusal too: a replay is never a state change."""
        slip = self._transfer(["quality"])
        with patch.object(self._slip_class(), "_workflow_transitions", None):
            with self.assertRaisesRegex(UserError, "is already Sent"):
                slip._workflow_write({"state": "sent"})
            # a real change needs no transition table
            slip._workflow_write({"state": "acknowledged"})
        self.assertEqual(slip.state, "acknowledged")

    def test_opted_in_state_may_repeat(self):
        slip = self._transfer(["quality"])
        with patch.object(self._slip_class(), "_workflow_repeatable_states", ("sent",)):
            slip._workflow_write({"state": "sent", "note": "again"})
            # only the states opted in
            slip._workflow_write({"state": "acknowledged"})
            with self.assertRaisesRegex(UserError, "is already Acknowledged"):
                slip._workflow_write({"state": "acknowledged"})
        self.assertEqual(str(slip.note), "<p>again</p>")

    def test_protected_fields_without_state_unchanged(self):
        """Writing protected fields without the state is not a replay."""
        slip = self._transfer(["quality"])
        slip._workflow_write({"note": "first"})
        slip._workflow_write({"note": "first"})
        slip.sudo().write({"acknowledged_uid": self.users["quality"].id})
        self.assertEqual(slip.acknowledged_uid, self.users["quality"])
        # a client still writes none of them
        with self.assertRaisesRegex(UserError, "change only through"):
            slip.with_user(self.users["manager"]).write({"state": "sent"})
