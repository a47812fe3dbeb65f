# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .governance_common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestClerkRequest(GovernanceCommon):
    """R7.2, R7.3: the logistics clerk, the order owner (订单负责人) of the
    regulations, files change and cancel requests on the orders of their
    company, whoever the order's salesperson is."""

    def _clerk(self, model):
        return self.env[model].with_user(self.users["clerk"])

    def test_clerk_files_and_applies_change_request(self):
        order = self._confirmed_order(transfer=("warehouse",))
        line = order.order_line[0]
        self.assertNotEqual(order.user_id, self.users["clerk"])
        # the order form offers the button to the clerk
        arch = (
            self.env["sale.order"]
            .with_user(self.users["clerk"])
            .get_view(view_type="form")["arch"]
        )
        arch = arch.decode() if isinstance(arch, bytes) else arch
        self.assertIn("action_governance_new_change_request", arch)
        self.assertIn("action_governance_new_cancel_request", arch)
        action = order.with_user(
            self.users["clerk"]
        ).action_governance_new_change_request()
        form = Form(
            self._clerk("sale.order.change.request").with_context(**action["context"])
        )
        form.reason = "The customer phoned the logistics desk: 8 pumps."
        with form.line_ids.new() as change:
            change.order_line_id = line
            change.new_qty = 8
        request = form.save()
        self.assertEqual(request.user_id, self.users["clerk"])
        request.with_user(self.users["clerk"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertTrue(request.with_user(self.users["clerk"]).can_apply)
        request.with_user(self.users["clerk"]).action_apply()
        self.assertEqual(request.state, "applied")
        self.assertEqual(line.product_uom_qty, 8)

    def test_clerk_files_and_applies_cancel_request(self):
        order = self._confirmed_order(transfer=("warehouse",))
        form = Form(
            self._clerk("sale.order.cancel.request").with_context(
                default_order_id=order.id
            )
        )
        form.reason_id = self.reason_customer
        form.reason = "The customer withdrew the order by phone."
        request = form.save()
        request.with_user(self.users["clerk"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        request.with_user(self.users["gm"]).validate_tier()
        self.assertEqual(request.state, "approved")
        request.with_user(self.users["clerk"]).action_apply()
        self.assertEqual(order.state, "cancel")

    def test_clerk_edits_only_own_requests(self):
        order = self._confirmed_order(transfer=())
        theirs = (
            self.env["sale.order.cancel.request"]
            .with_user(self.users["sales"])
            .create(
                {
                    "order_id": order.id,
                    "reason_id": self.reason_customer.id,
                    "reason": "Filed by the salesperson.",
                }
            )
        )
        as_clerk = theirs.with_user(self.users["clerk"])
        # reads every request of the company ...
        self.assertEqual(as_clerk.reason, "Filed by the salesperson.")
        # ... but neither edits nor cancels the salesperson's
        with self.assertRaises(AccessError):
            as_clerk.write({"reason": "Changed by the clerk."})
        self.assertFalse(as_clerk.can_cancel)

    def test_clerk_of_other_company_refused(self):
        order = self._confirmed_order(transfer=())
        company2 = self.env["res.company"].create({"name": "Other Works"})
        clerk2 = new_test_user(
            self.env,
            "oh_clerk_other_company",
            groups="order_handling_base.group_logistics_clerk",
            company_id=company2.id,
            company_ids=[Command.set(company2.ids)],
        )
        with self.assertRaises(AccessError):
            self.env["sale.order.change.request"].with_user(clerk2).create(
                {"order_id": order.id, "reason": "Not my company's order."}
            )
