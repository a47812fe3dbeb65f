# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import OutputCommon


@tagged("post_install", "-at_install")
class TestStockPreparation(OutputCommon):
    """R5.7: a stock-preparation order (备货单) prepares stock ahead of the
    customer's call-off; the call-off releases the delivery."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.output_stock_preparation = True
        cls._stock(cls.film, 60)
        cls.order = cls._new_order(
            lines=[(cls.film, 100)], intake_document_type="stock_preparation"
        )
        cls.order.action_confirm()
        cls.line = cls.order.order_line

    def _calloff(self, qty, user="clerk"):
        form = Form(
            self.env["sale.order.calloff"]
            .with_user(self.users[user])
            .with_context(default_order_id=self.order.id)
        )
        with form.line_ids.edit(0) as line:
            line.quantity = qty
        return form.save()

    def test_confirmation_reserves_and_holds(self):
        """R5.7 At confirmation the stock is reserved and the delivery held:
        it cannot be validated before a call-off."""
        picking = self._delivery(self.order)
        self.assertTrue(self.order.output_is_stock_preparation)
        self.assertTrue(picking.output_calloff_hold)
        self.assertEqual(picking.move_ids.quantity, 60)
        picking.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "called off"):
            picking.button_validate()
        self.assertNotEqual(picking.state, "done")

    def test_calloff_releases_the_delivery(self):
        """R5.7 The customer calls off 40: the delivery is prepared with 40,
        ships them, and its backorder stays held for the next call-off."""
        calloff = self._calloff(40)
        self.assertEqual(calloff.line_ids.quantity, 40)
        calloff.action_done()
        self.assertEqual(calloff.state, "done")
        self.assertEqual(self.line.output_calloff_qty, 40)
        picking = calloff.picking_id
        self.assertEqual(picking.move_ids.quantity, 40)
        self._validate(picking)
        self.assertEqual(picking.state, "done")
        self.assertEqual(self.line.qty_delivered, 40)
        backorder = self._delivery(self.order)
        self.assertTrue(backorder.output_calloff_hold)
        self.assertEqual(backorder.move_ids.product_uom_qty, 60)
        # more than what is left to call off is refused
        with self.assertRaisesRegex(UserError, "only 60"):
            self._calloff(70).action_done()
        self.assertEqual(self.line.output_calloff_qty, 40)

    def test_calloff_creates_delivery_when_none_is_open(self):
        """R5.7 When the order has no open delivery any more, the call-off
        creates one for the called-off quantity."""
        self._delivery(self.order).action_cancel()
        self.assertFalse(self._delivery(self.order))
        calloff = self._calloff(25)
        calloff.action_done()
        picking = self._delivery(self.order)
        self.assertTrue(picking)
        self.assertEqual(calloff.picking_id, picking)
        self.assertTrue(picking.output_calloff_hold)
        self.assertEqual(picking.move_ids.quantity, 25)

    def test_prepare_stock_replenishes_shortfall(self):
        """R5.7 Preparing the stock reserves what arrived since; what no
        route replenishes is given to the warehouse as an activity."""
        self._stock(self.film, 20)
        self.order.with_user(self.users["clerk"]).action_output_prepare_stock()
        picking = self._delivery(self.order)
        self.assertEqual(picking.move_ids.quantity, 80)
        copy = self.env["sale.order.copy"].browse(self.order.id)
        activity = copy.activity_ids.filtered(
            lambda a: a.user_id == self.users["warehouse"]
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("PE film", activity.note)

    def test_only_clerk_calls_off(self):
        """R5.7 A salesperson or the warehouse cannot record a call-off; a
        shipping notice has no call-off."""
        for role in ("sales", "warehouse"):
            with self.assertRaises(AccessError, msg=role):
                self._calloff(10, user=role)
        notice = self._confirmed_order([(self.film, 5)])
        with self.assertRaisesRegex(UserError, "not a stock-preparation"):
            notice.with_user(self.users["clerk"]).action_output_calloff()

    def test_setting_off_ships_as_odoo(self):
        """R5.7 Off, a stock-preparation order is delivered as in Odoo."""
        self.company.output_stock_preparation = False
        order = self._new_order(
            lines=[(self.film, 10)], intake_document_type="stock_preparation"
        )
        order.action_confirm()
        picking = self._delivery(order)
        self.assertFalse(picking.output_calloff_hold)
        picking.move_ids.quantity = 10
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
