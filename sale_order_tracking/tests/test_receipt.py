# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import TrackingCommon


@tagged("post_install", "-at_install")
class TestReceiptConfirmation(TrackingCommon):
    """R6.3: the customer's confirmation of delivery is recorded (portal
    button, or the clerk on their behalf, with date) before the order is
    completed, where the company switched it on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.tracking_receipt_required = True
        cls.activity_complete = cls.env.ref(
            "sale_order_tracking.mail_activity_type_receipt_confirmed"
        )

    def _notes(self, record, text):
        return record.message_ids.filtered(lambda m: text in (m.body or ""))

    def test_portal_confirm_own_delivery_idempotent(self):
        """R6.3: the customer confirms on the portal; who, when and how are
        recorded, the salesperson and the clerk are told; twice changes
        nothing."""
        order, picking = self._delivered_order()
        self.assertEqual(order.receipt_state, "pending")
        html = self._render_portal(order)
        self.assertIn("Confirm receipt", html)
        self.assertIn(f"/my/orders/{order.id}/receipt/{picking.id}", html)
        url = self._portal_confirm(self.portal_user, order, picking)
        self.assertIn(f"/my/orders/{order.id}", url)
        self.assertTrue(picking.receipt_confirmed_date)
        self.assertEqual(picking.receipt_confirmed_uid, self.portal_user)
        self.assertEqual(picking.receipt_confirmed_partner_id, self.partner)
        self.assertEqual(picking.receipt_channel, "portal")
        self.assertEqual(order.receipt_state, "confirmed")
        self.assertEqual(order.tracking_portal_stage, "delivered")
        note = self._notes(order, "confirmed the receipt on the customer portal")
        self.assertEqual(len(note), 1)
        self.assertIn(self.users["sales"].partner_id, note.partner_ids)
        self.assertEqual(len(self._notes(picking, "customer portal")), 1)
        activity = order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.activity_complete
        )
        self.assertEqual(activity.user_id, self.users["clerk"])
        self.assertIn("Received", self._render_portal(order))
        self.assertNotIn("Confirm receipt", self._render_portal(order))
        # twice: nothing changes
        date = picking.receipt_confirmed_date
        self._portal_confirm(self.portal_user, order, picking)
        self.assertEqual(picking.receipt_confirmed_date, date)
        self.assertEqual(
            len(self._notes(order, "confirmed the receipt on the customer portal")), 1
        )
        self.assertEqual(
            len(
                order.activity_ids.filtered(
                    lambda a: a.activity_type_id == self.activity_complete
                )
            ),
            1,
        )

    def test_portal_token_holder_confirms_for_the_customer(self):
        """R6.3: the link with the order's access token (Odoo's portal
        access) confirms for the order's customer."""
        order, picking = self._delivered_order()
        public = self.env.ref("base.public_user")
        with self.assertRaises(NotFound):
            self._portal_confirm(public, order, picking, access_token="wrong")
        self.assertFalse(picking.receipt_confirmed_date)
        self._portal_confirm(
            public, order, picking, access_token=order._portal_ensure_token()
        )
        self.assertEqual(picking.receipt_confirmed_partner_id, self.partner)

    def test_other_customer_refused(self):
        """R6.3: another customer cannot confirm (404), neither on their own
        order with a delivery of somebody else's order."""
        order, picking = self._delivered_order()
        with self.assertRaises(NotFound):
            self._portal_confirm(self.other_portal_user, order, picking)
        other_order = self._confirmed_order(partner=self.other_partner)
        with self.assertRaises(NotFound):
            self._portal_confirm(self.other_portal_user, other_order, picking)
        self.assertFalse(picking.receipt_confirmed_date)

    def test_undelivered_refused(self):
        """R6.3: a delivery not done yet cannot be confirmed."""
        order = self._confirmed_order()
        picking = order.picking_ids
        with self.assertRaises(NotFound):
            self._portal_confirm(self.portal_user, order, picking)
        with self.assertRaisesRegex(UserError, "only a done delivery"):
            picking.with_user(self.users["clerk"]).action_receipt_record("phone")
        self.assertFalse(picking.receipt_confirmed_date)

    def test_clerk_records_on_behalf(self):
        """R6.3: the logistics clerk records the customer's confirmation
        (how, when) with the wizard; the customer's own date is kept."""
        order, picking = self._delivered_order()
        clerk_picking = picking.with_user(self.users["clerk"])
        self.assertTrue(clerk_picking.can_receipt_record)
        action = order.with_user(self.users["clerk"]).action_receipt_record_wizard()
        self.assertEqual(action["res_model"], "stock.picking.receipt.confirm")
        when = fields.Datetime.now().replace(microsecond=0)
        wizard = Form(
            self.env["stock.picking.receipt.confirm"]
            .with_user(self.users["clerk"])
            .with_context(**action["context"])
        )
        wizard.channel = "signed_slip"
        wizard.date = when
        wizard.note = "Signed by the storekeeper"
        wizard.save().action_confirm()
        self.assertEqual(picking.receipt_confirmed_uid, self.users["clerk"])
        self.assertEqual(picking.receipt_channel, "signed_slip")
        self.assertEqual(picking.receipt_confirmed_date, when)
        self.assertEqual(picking.receipt_confirmed_partner_id, self.partner)
        self.assertEqual(picking.receipt_note, "Signed by the storekeeper")
        self.assertEqual(len(self._notes(order, "Signed delivery slip")), 1)
        # twice: refused, the first confirmation stays
        clerk_picking.invalidate_recordset()
        self.assertFalse(clerk_picking.can_receipt_record)
        with self.assertRaisesRegex(UserError, "already recorded"):
            clerk_picking.action_receipt_record("phone")
        self.assertEqual(picking.receipt_channel, "signed_slip")

    def test_wrong_role_and_bad_values_refused(self):
        """R6.3: only the logistics clerk (or the administrator) records a
        confirmation; not in the future, not through the portal channel,
        not by writing the fields."""
        order, picking = self._delivered_order()
        self.assertTrue(picking.with_user(self.users["manager"]).can_receipt_record)
        for role in ("sales", "saleshead", "warehouse", "service"):
            as_role = picking.with_user(self.users[role])
            self.assertFalse(as_role.can_receipt_record)
            with self.assertRaisesRegex(AccessError, "Logistics Clerk"):
                as_role.action_receipt_record("phone")
        with self.assertRaisesRegex(AccessError, "Logistics Clerk"):
            order.with_user(self.users["sales"]).action_receipt_record_wizard()
        with self.assertRaises(AccessError):
            self.env["stock.picking.receipt.confirm"].with_user(
                self.users["sales"]
            ).create({"picking_ids": picking.ids, "channel": "phone"})
        clerk_picking = picking.with_user(self.users["clerk"])
        with self.assertRaisesRegex(UserError, "future"):
            clerk_picking.action_receipt_record(
                "phone", date=fields.Datetime.now() + timedelta(days=1)
            )
        with self.assertRaisesRegex(UserError, "before the goods left"):
            clerk_picking.action_receipt_record(
                "phone", date=picking.date_done - timedelta(days=1)
            )
        with self.assertRaisesRegex(UserError, "Say how"):
            clerk_picking.action_receipt_record("portal")
        with self.assertRaisesRegex(UserError, "Say how"):
            clerk_picking.action_receipt_record(["phone"])
        with self.assertRaisesRegex(UserError, "is a text"):
            clerk_picking.action_receipt_record("phone", note={"a": 1})
        with self.assertRaisesRegex(UserError, "date and time"):
            clerk_picking.action_receipt_record("phone", date={"a": 1})
        with self.assertRaisesRegex(UserError, "date and time"):
            clerk_picking.action_receipt_record("phone", date="yesterday")
        with self.assertRaisesRegex(UserError, "cannot be written directly"):
            clerk_picking.write({"receipt_confirmed_date": fields.Datetime.now()})
        self.assertFalse(picking.receipt_confirmed_date)

    def test_completion_requires_the_confirmation(self):
        """R6.3: the order is completed only after the customer confirmed
        the receipt of its deliveries."""
        order, picking = self._delivered_order()
        clerk_order = order.with_user(self.users["clerk"])
        self.assertFalse(clerk_order.can_intake_complete)
        with self.assertRaisesRegex(UserError, picking.name):
            clerk_order.action_intake_complete()
        self.assertEqual(order.intake_stage, "date_confirmed")
        self._portal_confirm(self.portal_user, order, picking)
        clerk_order.invalidate_recordset()
        self.assertTrue(clerk_order.can_intake_complete)
        clerk_order.action_intake_complete()
        self.assertEqual(order.intake_stage, "done")
        self.assertEqual(order.tracking_portal_stage, "completed")

    def test_setting_off_changes_nothing(self):
        """Compatibility: with the setting off (as installed) no button, no
        confirmation, and orders are completed as before."""
        self.company.tracking_receipt_required = False
        order, picking = self._delivered_order()
        self.assertNotIn("Confirm receipt", self._render_portal(order))
        self.assertFalse(picking.with_user(self.users["clerk"]).can_receipt_record)
        self.assertFalse(order.with_user(self.users["clerk"]).can_receipt_record_wizard)
        with self.assertRaises(NotFound):
            self._portal_confirm(self.portal_user, order, picking)
        with self.assertRaisesRegex(UserError, "only a done delivery"):
            picking.with_user(self.users["clerk"]).action_receipt_record("phone")
        clerk_order = order.with_user(self.users["clerk"])
        self.assertTrue(clerk_order.can_intake_complete)
        clerk_order.action_intake_complete()
        self.assertEqual(order.intake_stage, "done")
        self.assertFalse(picking.receipt_confirmed_date)

    def test_foreign_company_refused(self):
        """R6.3, R7.4: the clerk records nothing on another company's
        delivery."""
        other_company = self.env["res.company"].create({"name": "Other Works"})
        other_company.tracking_receipt_required = True
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", other_company.id)], limit=1
        )
        picking = (
            self.env["stock.picking"]
            .with_company(other_company)
            .create(
                {
                    "picking_type_id": warehouse.out_type_id.id,
                    "partner_id": self.partner.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": self.customer_location.id,
                    "company_id": other_company.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            picking.with_user(self.users["clerk"]).action_receipt_record("phone")
        self.assertFalse(picking.receipt_confirmed_date)
