# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The transfer slip's buttons: the flag the form reads and the refusal the
server gives come from one rule (``order.handling.button.mixin``)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OrderHandlingCommon

FLAGS = ["can_acknowledge", "can_forward", "can_cancel"]


@tagged("post_install", "-at_install")
class TestTransferButtons(OrderHandlingCommon):
    def setUp(self):
        super().setUp()
        self.slip = self._transfer(["quality"])

    def _flags(self, role, slip=None):
        slip = self._as(role, slip or self.slip)
        slip.invalidate_recordset(FLAGS)
        return {name: slip[name] for name in FLAGS}

    def test_flags_per_role(self):
        """R2.2: the receiving department acknowledges and forwards; the
        sender (or the administrator) withdraws."""
        self.assertEqual(
            self._flags("quality"),
            {"can_acknowledge": True, "can_forward": True, "can_cancel": False},
        )
        self.assertEqual(
            self._flags("member"),
            {"can_acknowledge": True, "can_forward": True, "can_cancel": False},
        )
        self.assertEqual(
            self._flags("clerk"),
            {"can_acknowledge": False, "can_forward": False, "can_cancel": True},
        )
        self.assertEqual(
            self._flags("manager"),
            {"can_acknowledge": True, "can_forward": True, "can_cancel": True},
        )

    def test_hidden_button_is_refused_with_the_rule(self):
        """What the flag hides the server refuses, with the rule's sentence,
        and nothing is written."""
        self.assertFalse(self._flags("clerk")["can_acknowledge"])
        self.assertRefusedUntouched(
            AccessError,
            self.slip,
            self._as("clerk", self.slip).action_acknowledge,
            ["state", "acknowledged_uid"],
            regex="only its members can acknowledge it",
        )
        self.assertFalse(self._flags("quality")["can_cancel"])
        self.assertRefusedUntouched(
            AccessError,
            self.slip,
            lambda: self._as("quality", self.slip).action_cancel("not mine"),
            ["state", "cancelled_uid"],
            regex="Only the sender of transfer slip",
        )

    def test_flags_follow_the_state(self):
        self._as("quality", self.slip).action_acknowledge()
        self.assertEqual(
            self._flags("quality"),
            {"can_acknowledge": False, "can_forward": True, "can_cancel": False},
        )
        self.assertRefusedUntouched(
            UserError,
            self.slip,
            self._as("quality", self.slip).action_acknowledge,
            ["state", "acknowledged_uid", "acknowledged_date"],
            regex="only a sent slip can be acknowledged",
        )
        self._as("clerk", self.slip).action_cancel("sent by mistake")
        self.assertEqual(
            self._flags("manager"),
            {"can_acknowledge": False, "can_forward": False, "can_cancel": False},
        )
        with self.assertRaisesMessage(UserError, "can be forwarded"):
            self._as("manager", self.slip)._forward(self.departments["warehouse"])

    def test_flags_of_a_list_in_one_pass(self):
        """The flags of a list of slips are computed together: as many
        queries for three slips as for one (none per slip and button)."""
        slips = self._as(
            "manager", self.slip | self._transfer(["warehouse", "production"])
        )
        slips.read(FLAGS)  # caches of groups and translations
        counts = [
            self._count_queries(lambda batch=batch: batch.read(FLAGS))
            for batch in (slips[:1], slips)
        ]
        self.assertEqual(counts[0], counts[1], "the flags cost queries per slip")
        self.assertLessEqual(counts[1], 6)

    def test_usual_rules_name_state_and_roles(self):
        slip = self._as("clerk", self.slip)
        self.assertFalse(slip._refuse_unless_state("sent"))
        self.assertRegex(
            slip._refuse_unless_state("acknowledged"),
            r"Transfer Slip TS/\S+ is Sent: this step is not possible now\.",
        )
        self.assertFalse(
            slip._refuse_unless_groups("order_handling_base.group_logistics_clerk")
        )
        refusal = slip._refuse_unless_groups(
            "order_handling_base.group_quality", "order_handling_base.group_manager"
        )
        self.assertIsInstance(refusal, AccessError)
        self.assertIn(
            self.env.ref("order_handling_base.group_quality").name, str(refusal)
        )
        self.assertIn(" or ", str(refusal))
        self.assertFalse(
            slip.sudo()._refuse_unless_groups("order_handling_base.group_quality")
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["order_handling_base"], ["zh_CN"], overwrite=True
        )
        zh = slip.with_context(lang="zh_CN")
        self.assertIn("现在不能执行此操作", zh._refuse_unless_state("acknowledged"))
