# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One rule per button (issue 17): the flag ``can_<step>`` the form reads is
True exactly when ``action_<step>`` succeeds for the same user; a refused
step says why over the ORM and writes nothing."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import OutputCommon


@tagged("post_install", "-at_install")
class TestOutputButtons(OutputCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.output_delivery_recheck = True
        cls._stock(cls.film, 500)
        cls.order = cls._confirmed_order([(cls.film, 100)])
        cls.line = cls.order.order_line

    def _refused(self, record, step, pattern, exception=UserError):
        record.invalidate_recordset()
        self.assertFalse(record[f"can_{step}"], f"can_{step} shown")
        with self.assertRaisesRegex(exception, pattern):
            getattr(record, f"action_{step}")()

    def _allowed(self, record, step):
        record.invalidate_recordset()
        self.assertTrue(record[f"can_{step}"], f"can_{step} hidden")

    def test_r5_7_sheet_buttons(self):
        """R5.7: the clerk records a draft sheet, cancels it; the clerk or
        the warehouse prepares deliveries from a recorded one; sales do
        nothing of it."""
        sheet = self._sheet([(self.line, 40, 40)], record=False)
        as_sales = sheet.with_user(self.users["sales"])
        for step in ("done", "cancel"):
            self._refused(
                as_sales, step, "recorded by the logistics clerk", AccessError
            )
        self._refused(as_sales, "prepare_deliveries", "Only", AccessError)
        clerk = sheet.with_user(self.users["clerk"])
        self._refused(clerk, "prepare_deliveries", "Record output sheet")
        self.assertEqual(sheet.state, "draft")
        self._allowed(clerk, "done")
        self._allowed(clerk, "cancel")
        clerk.action_done()
        self._refused(clerk, "done", "already recorded")
        self.assertEqual(sheet.state, "done")
        # the warehouse prepares, it does not record
        as_warehouse = sheet.with_user(self.users["warehouse"])
        self._refused(
            as_warehouse, "cancel", "recorded by the logistics clerk", AccessError
        )
        self._allowed(as_warehouse, "prepare_deliveries")
        as_warehouse.action_prepare_deliveries()
        self.assertEqual(
            self._delivery(self.order).output_prepared_uid, self.users["warehouse"]
        )
        clerk.action_cancel()
        self._refused(clerk, "cancel", "is Cancelled")
        self._refused(clerk, "prepare_deliveries", "Record output sheet")

    def test_r5_7_sheet_empty_stays_visible(self):
        """R5.7: an empty sheet shows its button; the action says what is
        missing."""
        sheet = (
            self.env["sale.order.output.sheet"]
            .with_user(self.users["clerk"])
            .create({})
        )
        self._allowed(sheet, "done")
        with self.assertRaisesRegex(UserError, "no output lines"):
            sheet.action_done()
        self.assertEqual(sheet.state, "draft")

    def test_r5_7_picking_buttons(self):
        """R5.7: the delivery is prepared by the clerk or the warehouse and
        re-checked once by a second person of the warehouse."""
        self._sheet([(self.line, 40, 40)])
        picking = self._delivery(self.order)
        self._refused(
            picking.with_user(self.users["sales"]),
            "output_prepare",
            "Only",
            AccessError,
        )
        self._refused(
            picking.with_user(self.users["warehouse2"]),
            "output_recheck",
            "not prepared yet",
        )
        clerk = picking.with_user(self.users["clerk"])
        self._allowed(clerk, "output_prepare")
        clerk.action_output_prepare()
        self._refused(clerk, "output_recheck", "Only", AccessError)
        self._allowed(picking.with_user(self.users["warehouse"]), "output_recheck")
        as_warehouse2 = picking.with_user(self.users["warehouse2"])
        as_warehouse2.action_output_recheck()
        self.assertEqual(picking.output_recheck_uid, self.users["warehouse2"])
        # once: a second re-check is refused until it is prepared again
        self._refused(
            picking.with_user(self.users["warehouse"]),
            "output_recheck",
            "already re-checked",
        )
        clerk.action_output_prepare()
        self.assertFalse(picking.output_recheck_uid)
        self._allowed(as_warehouse2, "output_recheck")
        # a receipt is no delivery of an order
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.env.ref("stock.picking_type_in").id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.stock_location.id,
            }
        )
        self._refused(
            receipt.with_user(self.users["clerk"]), "output_prepare", "not a delivery"
        )
        picking.action_cancel()
        self._refused(clerk, "output_prepare", "it cannot be prepared")

    def test_r5_7_order_delivery_button(self):
        """R5.7: the order's delivery is prepared once output is recorded,
        while a delivery is open."""
        clerk = self.order.with_user(self.users["clerk"])
        self._refused(clerk, "output_prepare_delivery", "no recorded output")
        self._refused(
            self.order.with_user(self.users["sales"]),
            "output_prepare_delivery",
            "Only",
            AccessError,
        )
        self._sheet([(self.line, 40, 40)])
        self._allowed(clerk, "output_prepare_delivery")
        clerk.action_output_prepare_delivery()
        self._delivery(self.order).action_cancel()
        self._refused(clerk, "output_prepare_delivery", "no open delivery")
        # a stock-preparation step is refused on a shipping order
        self._refused(clerk, "output_prepare_stock", "not a stock-preparation")
        self._refused(clerk, "output_calloff", "not a stock-preparation")


@tagged("post_install", "-at_install")
class TestCalloffButtons(OutputCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.output_stock_preparation = True
        cls._stock(cls.film, 60)
        cls.order = cls._new_order(
            lines=[(cls.film, 100)], intake_document_type="stock_preparation"
        )
        cls.order.action_confirm()

    def _calloff(self, qty):
        form = Form(
            self.env["sale.order.calloff"]
            .with_user(self.users["clerk"])
            .with_context(default_order_id=self.order.id)
        )
        with form.line_ids.edit(0) as line:
            line.quantity = qty
        return form.save()

    def test_r5_7_calloff_buttons(self):
        """R5.7: the clerk opens and releases a call-off of a confirmed
        stock-preparation order, once; the warehouse does not."""
        _refused = TestOutputButtons._refused
        _allowed = TestOutputButtons._allowed
        clerk_order = self.order.with_user(self.users["clerk"])
        _allowed(self, clerk_order, "output_calloff")
        _allowed(self, clerk_order, "output_prepare_stock")
        _allowed(
            self, self.order.with_user(self.users["warehouse"]), "output_prepare_stock"
        )
        _refused(
            self,
            self.order.with_user(self.users["warehouse"]),
            "output_calloff",
            "接单员",
            AccessError,
        )
        self.assertEqual(
            clerk_order.action_output_calloff()["res_model"], "sale.order.calloff"
        )
        calloff = self._calloff(30)
        _refused(
            self,
            calloff.with_user(self.users["warehouse"]),
            "done",
            "接单员",
            AccessError,
        )
        _allowed(self, calloff, "done")
        calloff.action_done()
        self.assertEqual(calloff.state, "done")
        _refused(self, calloff, "done", "already released")
        # a call-off of zero is missing input: the button shows
        empty = self._calloff(0)
        _allowed(self, empty, "done")
        with self.assertRaisesRegex(UserError, "give the quantities"):
            empty.action_done()
        self.assertEqual(empty.state, "draft")
