# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One rule per button (issue 17): the flag ``can_<step>`` the form reads is
True exactly when ``action_<step>`` succeeds for the same user; a refused
step says why over the ORM and writes nothing."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TrackingCommon


@tagged("post_install", "-at_install")
class TestReceiptButtons(TrackingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.tracking_receipt_required = True

    def _refused(self, record, step, pattern, exception=UserError, *args):
        record.invalidate_recordset()
        self.assertFalse(record[f"can_{step}"], f"can_{step} shown")
        with self.assertRaisesRegex(exception, pattern):
            getattr(record, f"action_{step}")(*args)

    def _allowed(self, record, step):
        record.invalidate_recordset()
        self.assertTrue(record[f"can_{step}"], f"can_{step} hidden")

    def test_r6_3_receipt_buttons(self):
        """R6.3: the clerk (or the administrator) records the receipt of a
        done delivery not confirmed yet, from the delivery or its order;
        sales and the warehouse do not; once recorded, the buttons go."""
        order, picking = self._delivered_order()
        for role in ("sales", "warehouse"):
            self._refused(
                picking.with_user(self.users[role]),
                "receipt_record",
                "Logistics Clerk",
                AccessError,
                "phone",
            )
            self._refused(
                order.with_user(self.users[role]),
                "receipt_record_wizard",
                "Logistics Clerk",
                AccessError,
            )
        with self.assertRaisesRegex(AccessError, "Logistics Clerk"):
            picking.with_user(self.users["sales"]).action_receipt_record_wizard()
        self.assertFalse(picking.receipt_confirmed_date)
        clerk_picking = picking.with_user(self.users["clerk"])
        clerk_order = order.with_user(self.users["clerk"])
        self._allowed(picking.with_user(self.users["manager"]), "receipt_record")
        self._allowed(clerk_picking, "receipt_record")
        self._allowed(clerk_order, "receipt_record_wizard")
        self.assertEqual(
            clerk_picking.action_receipt_record_wizard()["res_model"],
            "stock.picking.receipt.confirm",
        )
        # completion waits for the receipt
        self.assertFalse(clerk_order.can_intake_complete)
        with self.assertRaisesRegex(UserError, "once the customer confirmed"):
            clerk_order.action_intake_complete()
        clerk_picking.action_receipt_record("phone")
        self.assertEqual(picking.receipt_channel, "phone")
        self._refused(
            clerk_picking, "receipt_record", "already recorded", UserError, "email"
        )
        self._refused(clerk_order, "receipt_record_wizard", "no done delivery")
        self.assertEqual(picking.receipt_channel, "phone")
        clerk_order.invalidate_recordset()
        self.assertTrue(clerk_order.can_intake_complete)

    def test_r6_3_missing_channel_stays_visible(self):
        """R6.3: how the customer confirmed is typed in the wizard: the
        button shows and the action says what is missing."""
        __, picking = self._delivered_order()
        clerk_picking = picking.with_user(self.users["clerk"])
        self._allowed(clerk_picking, "receipt_record")
        with self.assertRaisesRegex(UserError, "Say how"):
            clerk_picking.action_receipt_record()
        self.assertFalse(picking.receipt_confirmed_date)

    def test_r6_3_not_a_done_delivery(self):
        """R6.3: an open delivery (or the setting off) has nothing to
        confirm."""
        order = self._confirmed_order()
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        self._refused(
            picking.with_user(self.users["clerk"]),
            "receipt_record",
            "only a done delivery",
        )
        self._refused(
            order.with_user(self.users["clerk"]),
            "receipt_record_wizard",
            "no done delivery",
        )
