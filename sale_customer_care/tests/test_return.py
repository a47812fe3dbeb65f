# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CustomerCareCommon


@tagged("post_install", "-at_install")
class TestReturn(CustomerCareCommon):
    def _wizard(self, complaint):
        action = complaint.action_create_return()
        return (
            self.env[action["res_model"]]
            .with_user(self.service)
            .browse(action["res_id"])
        )

    def test_return_creates_linked_rmas(self):
        """A return from a complaint creates RMAs of the delivered goods, linked to it
        (R8.4)."""
        complaint = self._complaint()
        wizard = self._wizard(complaint)
        self.assertEqual(len(wizard.line_ids), 1)
        self.assertEqual(wizard.line_ids.delivered_qty, 3)
        self.assertEqual(wizard.line_ids.picking_id, self.picking)
        with Form(wizard) as form:
            form.operation_id = self.env.ref("rma.rma_operation_refund")
            with form.line_ids.edit(0) as line:
                line.quantity = 2
        self.assertEqual(
            wizard.action_create_rma()["type"], "ir.actions.act_window_close"
        )
        rma = complaint.rma_ids
        self.assertEqual(len(rma), 1)
        self.assertEqual(rma.complaint_id, complaint)
        self.assertEqual(rma.order_id, self.delivered_order)
        self.assertEqual(rma.product_uom_qty, 2)
        self.assertEqual(rma.state, "confirmed")
        self.assertTrue(rma.reception_move_id, "rma's own receipt")
        # what rma does next: receive, then refund
        receipt = rma.reception_move_id.picking_id.sudo()
        receipt.move_ids.quantity = 2
        receipt.move_ids.picked = True
        receipt.button_validate()
        self.assertEqual(rma.state, "received")
        self.assertTrue(rma.can_be_refunded)

    def test_return_above_delivered_refused(self):
        complaint = self._complaint()
        wizard = self._wizard(complaint)
        wizard.line_ids.quantity = 4
        with self.assertRaisesRegex(UserError, "only 3.0"):
            wizard.action_create_rma()
        self.assertFalse(complaint.rma_ids)

    def test_no_return_without_order(self):
        complaint = self._complaint(order_id=False, picking_id=False)
        with self.assertRaises(UserError):
            complaint.action_create_return()
