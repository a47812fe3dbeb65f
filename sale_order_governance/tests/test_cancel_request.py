# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .governance_common import GovernanceCommon

ORDER_FIELDS = ["state", "intake_stage"]


@tagged("post_install", "-at_install")
class TestCancelRequest(GovernanceCommon):
    def _file(self, order, user="sales", reason=None):
        form = Form(
            self.env["sale.order.cancel.request"]
            .with_user(self.users[user])
            .with_context(default_order_id=order.id)
        )
        form.reason_id = reason or self.reason_customer
        form.reason = "The customer's project was stopped."
        return form.save()

    def test_odoo_cancel_refused_without_request(self):
        """R7.3: Odoo's Cancel button and its cancel wizard, called over RPC
        by the salesperson, the sales head or an administrator, do not cancel
        a confirmed order: only an approved cancel request does."""
        order = self._confirmed_order(transfer=("warehouse",))
        slips = order.transfer_slip_ids
        for role in ("sales", "saleshead", "manager"):
            as_role = order.with_user(self.users[role])
            with self.assertRaisesRegex(UserError, "cancel request"):
                as_role.with_context(disable_cancel_warning=True).action_cancel()
            with self.assertRaisesRegex(UserError, "cancel request"):
                self.env["sale.order.cancel"].with_user(self.users[role]).create(
                    {"order_id": order.id}
                ).action_cancel()
        self.assertEqual(order.state, "sale")
        self.assertEqual(set(slips.mapped("state")), {"sent"})

    def test_odoo_cancel_as_before_where_switched_off(self):
        self.company.sale_order_change_control = False
        order = self._confirmed_order(transfer=())
        order.with_user(self.users["sales"]).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.assertEqual(order.state, "cancel")

    def test_cancel_filed_approved_in_order_and_applied(self):
        order = self._confirmed_order(transfer=("warehouse", "quality"))
        picking = order.picking_ids
        slips = order.transfer_slip_ids
        self.assertEqual(len(slips), 2)
        request = self._file(order)
        self.assertTrue(request.name.startswith("CXL/"))
        self.assertEqual(request.party, "customer")
        self.assertEqual(request.open_picking_count, 1)
        self.assertEqual(request.open_slip_count, 2)
        self.assertFalse(request.irreversible)
        request.with_user(self.users["sales"]).request_validation()
        self.assertEqual(len(request.review_ids), 2)
        # the general manager approves after the sales head, not before
        self.assertFalse(request._get_sequences_to_approve(self.users["gm"]))
        request.with_user(self.users["gm"]).validate_tier()
        self.assertFalse(request.review_ids.filtered(lambda r: r.status == "approved"))
        self.assertEqual(request.state, "draft")
        request.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(request.state, "draft")
        request.with_user(self.users["gm"]).validate_tier()
        self.assertEqual(request.state, "approved")
        # a salesperson that is not the requester does not apply it
        other = self.users["sales"].copy({"login": "oh_sales_other2"})
        with self.assertRaises(AccessError):
            request.with_user(other).action_apply()
        request.with_user(self.users["sales"]).action_apply()
        self.assertEqual(request.state, "applied")
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.intake_stage, "cancelled")
        self.assertEqual(picking.state, "cancel")
        self.assertEqual(set(slips.mapped("state")), {"cancelled"})
        self.assertIn(request.name, slips[0].cancel_reason)
        # (on the order's copy: the departments read no order)
        notice = self.env.ref("sale_order_governance.mail_activity_type_order_notice")
        copy = self.env["sale.order.copy"].browse(order.id)
        activities = copy.activity_ids.filtered(lambda a: a.activity_type_id == notice)
        self.assertEqual(
            activities.user_id, self.users["warehouse"] | self.users["quality"]
        )
        message = copy.message_ids.filtered(lambda m: request.name in (m.body or ""))
        self.assertTrue(message)
        self.assertIn(self.users["quality"].partner_id, message[0].partner_ids)
        self.assertTrue(
            order.message_ids.filtered(lambda m: request.name in (m.body or ""))
        )
        # applied requests are kept
        with self.assertRaises(UserError):
            request.with_user(self.users["manager"]).unlink()

    def test_delivered_order_is_not_silently_cancelled(self):
        order = self._confirmed_order()
        self._deliver_partially(order, self.product, 2)
        request = self._file(order)
        self.assertIn("delivered", request.irreversible)
        self.assertRefused(
            UserError,
            order,
            lambda: request.with_user(self.users["sales"]).request_validation(),
            ORDER_FIELDS,
            regex="cannot simply be cancelled",
        )
        self.assertFalse(request.review_ids)

    def test_delivery_after_approval_blocks_the_apply(self):
        order = self._confirmed_order()
        request = self._file(order)
        request.with_user(self.users["sales"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        request.with_user(self.users["gm"]).validate_tier()
        self._deliver_partially(order, self.product, 1)
        self.assertRefused(
            UserError,
            order,
            lambda: request.with_user(self.users["sales"]).action_apply(),
            ["state"],
            regex="delivered",
        )
        self.assertEqual(order.state, "sale")

    def test_refused_actions(self):
        order = self._confirmed_order()
        request = self._file(order)
        # unapproved: not applied
        self.assertRefused(
            UserError,
            order,
            lambda: request.with_user(self.users["saleshead"]).action_apply(),
            ORDER_FIELDS,
            regex="not approved",
        )
        # the sales head files it and cannot approve it
        own = self._file(order, user="saleshead")
        own.with_user(self.users["saleshead"]).request_validation()
        with self.assertRaisesRegex(UserError, "someone else approves"):
            own.with_user(self.users["saleshead"]).validate_tier()
        # under approval it is neither edited nor deleted
        with self.assertRaises(UserError):
            own.with_user(self.users["saleshead"]).write({"reason": "Changed"})
        with self.assertRaises(UserError):
            own.with_user(self.users["manager"]).unlink()
        # a draft is withdrawn by its requester, a salesperson cannot delete
        with self.assertRaises(AccessError):
            request.with_user(self.users["sales"]).unlink()
        request.with_user(self.users["sales"]).action_cancel()
        self.assertEqual(request.state, "cancelled")
        with self.assertRaises(UserError):
            request.with_user(self.users["sales"]).action_cancel()
        # reasons are configured by administrators only
        with self.assertRaises(AccessError):
            self.env["sale.order.cancel.reason"].with_user(self.users["sales"]).create(
                {"name": "Whim", "party": "customer"}
            )
        reason = (
            self.env["sale.order.cancel.reason"]
            .with_user(self.users["manager"])
            .create({"name": "Force majeure", "party": "company"})
        )
        self.assertEqual(reason.party, "company")

    def test_each_approver_gets_an_activity_in_their_turn(self):
        """Issue 20 / R7.3: the approvers of a tier get an *Approve* activity
        when the tier is reached, and it closes when the tier is decided."""
        order = self._confirmed_order(transfer=())
        request = self._file(order)

        def approvers():
            activities = request.sudo().activity_search(
                ["order_handling_base.mail_activity_type_approval"]
            )
            return activities.user_id

        heads = self.env.ref("order_handling_base.group_sales_head").users.filtered(
            lambda u: not u.share
        )
        gms = self.env.ref("order_handling_base.group_general_manager").users
        self.assertFalse(approvers())
        request.with_user(self.users["sales"]).request_validation()
        # the sales head's turn; the general manager waits
        self.assertEqual(approvers(), heads)
        self.assertIn(self.users["saleshead"], approvers())
        self.assertNotIn(self.users["gm"], approvers())
        request.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(approvers(), gms)
        self.assertTrue(
            request.sudo().message_ids.filtered(
                lambda m: (
                    m.mail_activity_type_id.get_external_id()[
                        m.mail_activity_type_id.id
                    ]
                    == "order_handling_base.mail_activity_type_approval"
                )
            ),
            "the sales head's activity is done in the chatter",
        )
        request.with_user(self.users["gm"]).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertFalse(approvers())

    def test_approver_activity_closes_on_rejection(self):
        order = self._confirmed_order(transfer=())
        request = self._file(order)
        request.with_user(self.users["sales"]).request_validation()
        request.with_user(self.users["saleshead"]).reject_tier()
        self.assertFalse(
            request.sudo().activity_search(
                ["order_handling_base.mail_activity_type_approval"]
            )
        )
