# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_archive import ArchiveCommon


@tagged("post_install", "-at_install")
class TestRecordKeeping(ArchiveCommon):
    """Transferred orders are kept, changes of key fields are tracked (R7.5)."""

    def test_transferred_order_cannot_be_deleted(self):
        order = self._create_order(self.users["sales"])
        self._transfer(["warehouse"], order=order)
        admin = self.users["sales_admin"]
        self.assertRefused(
            UserError,
            order,
            lambda: order.with_user(admin).unlink(),
            ["state", "transfer_slip_ids"],
            regex="transferred",
        )
        # a plain quotation still can
        draft = self._create_order(self.users["sales"])
        draft.with_user(admin).unlink()
        self.assertFalse(draft.exists())

    def test_line_changes_tracked_with_before_after(self):
        """Line changes are tracked: who, when, before and after (R7.5)."""
        order = self._create_order(self.users["sales"])
        line = order.order_line.with_user(self.users["sales"]).with_context(
            tracking_disable=False
        )
        messages = order.message_ids
        line.write({"product_uom_qty": 4, "price_unit": 99.0})
        message = order.message_ids - messages
        self.assertEqual(len(message), 1)
        values = {
            tracking.field_id.name: (
                tracking.old_value_float,
                tracking.new_value_float,
            )
            for tracking in message.sudo().tracking_value_ids
        }
        self.assertEqual(values["product_uom_qty"], (3.0, 4.0))
        self.assertEqual(values["price_unit"], (120.0, 99.0))
        self.assertEqual(message.author_id, self.users["sales"].partner_id)
        # the key fields of the order are tracked too
        self.assertTrue(self.env["sale.order"]._fields["commitment_date"].tracking)
        self.assertTrue(self.env["sale.order"]._fields["partner_shipping_id"].tracking)
