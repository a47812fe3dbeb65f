# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import OutputCommon


@tagged("post_install", "-at_install")
class TestReservationAtAcceptance(OutputCommon):
    """R5.7 (接单员 ⑤): stock is allocated (reserved) when the order is
    accepted, whatever the operation type's reservation method."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.intake_required = True
        cls.warehouse.out_type_id.reservation_method = "manual"
        cls._make_regular(cls.film)
        cls._stock(cls.film, 50)

    def _accept(self, order):
        self._submit(order)
        clerk = self._as("clerk", order)
        clerk.action_intake_check()
        self.assertEqual(order.intake_stage, "checked", order.intake_return_reason)
        clerk.action_intake_accept()

    def test_portal_order_reserved_at_acceptance(self):
        """R5.7 A customer-confirmed order is confirmed at acceptance and its
        delivery reserved at once."""
        self.company.output_reserve_on_acceptance = True
        order = self._new_order(lines=[(self.film, 30)], intake_channel="portal")
        self._accept(order)
        self.assertEqual(order.state, "sale")
        picking = self._delivery(order)
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(picking.move_ids.quantity, 30)

    def test_accepted_order_reserved_at_confirmation(self):
        """R5.7 An order accepted before its confirmation is reserved when it
        is confirmed."""
        self.company.output_reserve_on_acceptance = True
        order = self._new_order(lines=[(self.film, 80)])
        self._accept(order)
        self.company.intake_required = False
        order.action_confirm()
        picking = self._delivery(order)
        self.assertEqual(picking.state, "assigned", "partially available")
        self.assertEqual(picking.move_ids.quantity, 50, "what is available")

    def test_setting_off_reserves_nothing(self):
        """R5.7 Off, the operation type's method decides (manual: nothing)."""
        order = self._new_order(lines=[(self.film, 30)], intake_channel="portal")
        self._accept(order)
        self.assertEqual(order.state, "sale")
        picking = self._delivery(order)
        self.assertEqual(picking.state, "confirmed")
        self.assertEqual(picking.move_ids.quantity, 0)
