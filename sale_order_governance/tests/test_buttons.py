# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One rule per button (order.handling.button.mixin): the flag that shows
the button is True exactly when the action succeeds for that user, and the
action refuses, with the rule's sentence and nothing written, where the
button is hidden."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from . import test_cancel_request, test_change_request
from .governance_common import GovernanceCommon

REQUEST_FIELDS = ["state", "applied_uid", "applied_date"]


@tagged("post_install", "-at_install")
class TestRequestButtons(GovernanceCommon):
    _file_change = test_change_request.TestChangeRequest._file
    _file_cancel = test_cancel_request.TestCancelRequest._file

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a salesperson who reads every order, not the order's salesperson
        cls.users["sales_all"] = cls._new_user(
            "oh_sales_all",
            "order_handling_base.group_salesperson,"
            "sales_team.group_sale_salesman_all_leads",
        )

    def _approved_change(self, order, qty=4):
        request = self._file_change(
            order, line_values={order.order_line[0]: {"new_qty": qty}}
        )
        request.with_user(self.users["sales"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(request.state, "approved")
        return request

    def _approved_cancel(self, order):
        request = self._file_cancel(order)
        request.with_user(self.users["sales"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        request.with_user(self.users["gm"]).validate_tier()
        self.assertEqual(request.state, "approved")
        return request

    def _flag(self, role, record, step):
        record = record.with_user(self.users[role])
        record.invalidate_recordset()
        return record[f"can_{step}"]

    def test_change_apply_rule(self):
        """R7.2: a change request is applied once approved, by its requester,
        a sales head or an administrator, to an unlocked order: the button
        shows exactly then."""
        order = self._confirmed_order()
        draft = self._file_change(
            order, line_values={order.order_line[0]: {"new_qty": 4}}
        )
        # a draft: hidden and refused (state)
        self.assertFalse(self._flag("sales", draft, "apply"))
        self.assertRefused(
            UserError,
            draft,
            lambda: draft.with_user(self.users["sales"]).action_apply(),
            REQUEST_FIELDS,
            regex="is not approved: it cannot be applied",
        )
        draft.with_user(self.users["sales"]).action_cancel()
        request = self._approved_change(order)
        # another role: hidden and refused (role)
        self.assertFalse(self._flag("clerk", request, "apply"))
        self.assertRefused(
            AccessError,
            request,
            lambda: request.with_user(self.users["clerk"]).action_apply(),
            REQUEST_FIELDS,
            regex="Only the requester, a sales head or an administrator",
        )
        # a locked order: hidden and refused (was refused, not hidden)
        order.sudo().action_lock()
        self.assertFalse(self._flag("sales", request, "apply"))
        self.assertRefused(
            UserError,
            order,
            lambda: request.with_user(self.users["sales"]).action_apply(),
            ["locked", "state"],
            regex="is locked: unlock it",
        )
        self.assertEqual(request.state, "approved")
        order.sudo().action_unlock()
        self.assertTrue(self._flag("sales", request, "apply"))
        self.assertTrue(self._flag("saleshead", request, "apply"))
        request.with_user(self.users["sales"]).action_apply()
        self.assertEqual(request.state, "applied")
        self.assertEqual(order.order_line[0].product_uom_qty, 4)
        # applied: hidden and refused again
        self.assertFalse(self._flag("sales", request, "apply"))
        with self.assertRaisesMessage(UserError, "is not approved"):
            request.with_user(self.users["sales"]).action_apply()

    def test_change_apply_hidden_below_delivered(self):
        """R7.2: delivered after the approval below the new quantity: the
        apply button is hidden and the server says what was delivered."""
        order = self._confirmed_order()
        request = self._approved_change(order, qty=1)
        self._deliver_partially(order, self.product, 3)
        self.assertFalse(self._flag("sales", request, "apply"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.users["sales"]).action_apply(),
            REQUEST_FIELDS,
            regex="already delivered",
        )

    def test_cancel_rule(self):
        """R7.2/R7.3: a draft or approved request is withdrawn by its
        requester, a sales head or an administrator."""
        order = self._confirmed_order()
        request = self._file_cancel(order)
        self.assertFalse(self._flag("clerk", request, "cancel"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.users["clerk"]).action_cancel(),
            REQUEST_FIELDS,
            regex="cannot be cancelled: only a draft or approved",
        )
        self.assertTrue(self._flag("sales", request, "cancel"))
        self.assertTrue(self._flag("saleshead", request, "cancel"))
        request.with_user(self.users["sales"]).action_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertFalse(self._flag("sales", request, "cancel"))
        self.assertFalse(self._flag("manager", request, "cancel"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.users["manager"]).action_cancel(),
            REQUEST_FIELDS,
            regex="cannot be cancelled",
        )

    def test_cancel_request_apply_rule(self):
        """R7.3: a cancel request is applied once approved, by its requester
        (not another role), while nothing was delivered."""
        order = self._confirmed_order()
        request = self._approved_cancel(order)
        self.assertFalse(self._flag("clerk", request, "apply"))
        self.assertRefused(
            AccessError,
            order,
            lambda: request.with_user(self.users["clerk"]).action_apply(),
            ["state"],
            regex="Only the requester",
        )
        self._deliver_partially(order, self.product, 1)
        self.assertFalse(self._flag("sales", request, "apply"))
        self.assertRefused(
            UserError,
            order,
            lambda: request.with_user(self.users["sales"]).action_apply(),
            ["state"],
            regex="cannot simply be cancelled",
        )
        other = self._confirmed_order()
        request = self._approved_cancel(other)
        self.assertTrue(self._flag("sales", request, "apply"))
        request.with_user(self.users["sales"]).action_apply()
        self.assertEqual(other.state, "cancel")
        self.assertFalse(self._flag("sales", request, "apply"))

    def test_order_new_request_rule(self):
        """R7.2/R7.3: the order's salesperson, a logistics clerk, a sales
        head or an administrator file requests on a confirmed order; the
        buttons are hidden (and the openers refused) for other roles and on
        quotations."""
        order = self._confirmed_order()
        for step in ("governance_new_change_request", "governance_new_cancel_request"):
            for role in ("sales", "clerk", "saleshead", "manager"):
                self.assertTrue(self._flag(role, order, step), role)
                action = getattr(order.with_user(self.users[role]), f"action_{step}")
                self.assertEqual(action()["context"], {"default_order_id": order.id})
            # another salesperson reads the order but does not file requests
            self.assertFalse(self._flag("sales_all", order, step))
            with self.assertRaisesMessage(AccessError, "can file a request about it"):
                getattr(order.with_user(self.users["sales_all"]), f"action_{step}")()
        quotation = self._create_order(self.users["sales"])
        for step in ("governance_new_change_request", "governance_new_cancel_request"):
            self.assertFalse(self._flag("sales", quotation, step))
            with self.assertRaisesMessage(UserError, "not a confirmed order"):
                getattr(quotation.with_user(self.users["sales"]), f"action_{step}")()
