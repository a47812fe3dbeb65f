# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ViolationCommon

FLAGS = ("can_start_review", "can_decide", "can_dismiss")


@tagged("post_install", "-at_install")
class TestViolationButtons(ViolationCommon):
    """Issue 17: the review buttons of the register (R7.8) show exactly when
    the server accepts the step, and the server refuses what the form hides
    with the rule's sentence, writing nothing."""

    def _flags(self, entry, user):
        entry = entry.with_user(user)
        entry.invalidate_recordset(list(FLAGS))
        return {name: entry[name] for name in FLAGS}

    def test_review_buttons_follow_the_state(self):
        """R7.8: new → under review → decided or dismissed, by a manager."""
        entry = self._manual_entry(user_id=self.users["sales"].id)
        manager = self.users["manager"]
        self.assertEqual(
            self._flags(entry, manager),
            {"can_start_review": True, "can_decide": False, "can_dismiss": True},
        )
        # out of turn: hidden and refused with the state, nothing written
        entry.with_user(manager).decision = "Written warning."
        with self.assertRaisesRegex(UserError, "is New: this step is not possible"):
            entry.with_user(manager).action_decide()
        self.assertEqual(entry.state, "new")
        self.assertFalse(entry.decided_uid)
        entry.with_user(manager).action_start_review()
        self.assertEqual(
            self._flags(entry, manager),
            {"can_start_review": False, "can_decide": True, "can_dismiss": True},
        )
        with self.assertRaisesRegex(UserError, "is Under Review: this step"):
            entry.with_user(manager).action_start_review()
        entry.with_user(manager).action_decide()
        self.assertEqual(entry.state, "decided")
        self.assertEqual(self._flags(entry, manager), dict.fromkeys(FLAGS, False))
        with self.assertRaisesRegex(UserError, "is Decided: this step"):
            entry.with_user(manager).action_dismiss()
        self.assertEqual(entry.state, "decided")

    def test_review_buttons_refused_to_other_roles(self):
        """R7.8: only the managers keep the register; nobody reviews their
        own case."""
        entry = self._manual_entry(user_id=self.users["sales"].id)
        for role in ("sales", "saleshead", "clerk"):
            for action in ("action_start_review", "action_dismiss"):
                with self.subTest(role=role, action=action):
                    with self.assertRaisesRegex(AccessError, "keep the register"):
                        getattr(entry.with_user(self.users[role]), action)()
        self.assertEqual(entry.state, "new")
        # the person concerned neither sees the entry nor reviews it
        own = self._manual_entry(user_id=self.users["gm"].id)
        with self.assertRaises(AccessError):
            own.with_user(self.users["gm"]).action_start_review()
        self.assertEqual(own.state, "new")
        self.assertTrue(self._flags(own, self.users["manager"])["can_start_review"])

    def test_flags_of_a_list_in_a_few_queries(self):
        """The flags of a page of entries cost a bounded number of queries,
        whatever the number of entries."""
        entries = self.Violation.browse(
            [self._manual_entry(user_id=self.users["sales"].id).id for _i in range(10)]
        ).with_user(self.users["manager"])
        self.env.invalidate_all()
        with self.assertQueryCount(7):
            self.assertEqual(entries.mapped("can_dismiss"), [True] * 10)
