# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import IntakeCommon
from .test_intake_flow import SIGNATURE

SIGNATURE_FIELDS = ["signature", "signed_by", "signed_on", "state", "intake_stage"]
REFUSED = "Only the customer signs a quotation"


@tagged("post_install", "-at_install")
class TestCustomerSignatureGuard(IntakeCommon):
    """The suite treats a signed quotation as the customer's acceptance: only
    the customer sets the signature (the portal, in sudo); an employee
    writing it over RPC is refused and nothing changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_regular(cls.product)

    def setUp(self):
        super().setUp()
        self.order = self._new_order()
        self.order.require_signature = True

    def test_salesperson_cannot_sign_own_quotation(self):
        sales = self._as("sales", self.order)
        for vals in (
            {"signature": SIGNATURE},
            {"signed_by": "Customer"},
            {"signed_on": fields.Datetime.now()},
            {"signature": SIGNATURE, "signed_by": "Customer", "note": "<p>ok</p>"},
        ):
            self.assertRefused(
                AccessError,
                self.order,
                lambda vals=vals: sales.write(vals),
                regex=REFUSED,
                fnames=SIGNATURE_FIELDS + ["note"],
            )
        self.assertFalse(self.order.signature)
        # not taken for the customer's acceptance: still waits for logistics
        with self.assertRaisesRegex(UserError, "once logistics accepted it"):
            sales.action_confirm()
        self.assertEqual(self.order.state, "draft")
        self.assertEqual(self.order.intake_stage, "draft")

    def test_plain_odoo_where_the_intake_is_off(self):
        """Where the intake regulation is off, Odoo is unchanged: the
        signature is no acceptance of the suite's, nothing is refused."""
        self.company.intake_required = False
        self._as("sales", self.order).write({"signed_by": "Customer"})
        self.assertEqual(self.order.signed_by, "Customer")

    def test_no_internal_user_sets_it(self):
        """Not the sales head, not the administrator outside sudo, not at
        creation, not through the signature's attachment."""
        self.assertRefused(
            AccessError,
            self.order,
            lambda: self._as("saleshead", self.order).write({"signed_by": "Boss"}),
            regex=REFUSED,
            fnames=SIGNATURE_FIELDS,
        )
        admin = self.env.ref("base.user_admin")
        self.assertRefused(
            AccessError,
            self.order,
            lambda: self.order.with_user(admin).write({"signature": SIGNATURE}),
            regex=REFUSED,
            fnames=SIGNATURE_FIELDS,
        )
        Order = self.env["sale.order"].with_user(self.users["sales"])
        with self.assertRaisesRegex(AccessError, REFUSED):
            Order.create(
                {
                    "partner_id": self.partner.id,
                    "signature": SIGNATURE,
                    "signed_by": "Customer",
                }
            )
        Attachment = self.env["ir.attachment"].with_user(self.users["sales"])
        with self.assertRaisesRegex(AccessError, REFUSED):
            Attachment.create(
                {
                    "name": "signature",
                    "res_model": "sale.order",
                    "res_id": self.order.id,
                    "res_field": "signature",
                    "datas": SIGNATURE,
                }
            )
        note = Attachment.create(
            {
                "name": "note.txt",
                "res_model": "sale.order",
                "res_id": self.order.id,
                "raw": b"customer's note",
            }
        )
        with self.assertRaisesRegex(AccessError, REFUSED):
            note.write({"res_field": "signature", "datas": SIGNATURE})
        self.order.invalidate_recordset()
        self.assertFalse(self.order.signature)
        # in the user's language
        self.env["res.lang"]._activate_lang("zh_CN")
        with self.assertRaisesRegex(AccessError, "只有客户可以"):
            self._as("sales", self.order).with_context(lang="zh_CN").write(
                {"signed_by": "Customer"}
            )
        # an ordinary attachment of the order stays editable
        note.write({"name": "customer-note.txt"})
        self.assertEqual(note.name, "customer-note.txt")

    def test_existing_signature_not_replaced(self):
        self.order.sudo().write({"signature": SIGNATURE, "signed_by": "Customer"})
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "sale.order"),
                    ("res_id", "=", self.order.id),
                    ("res_field", "=", "signature"),
                ]
            )
        )
        self.assertTrue(attachment)
        with self.assertRaisesRegex(AccessError, REFUSED):
            attachment.with_user(self.users["sales"]).write(
                {"raw": base64.b64decode(SIGNATURE) + b"forged"}
            )
        self.assertRefused(
            AccessError,
            self.order,
            lambda: self._as("sales", self.order).write({"signed_by": "Someone"}),
            regex=REFUSED,
            fnames=SIGNATURE_FIELDS,
        )
        self.assertEqual(self.order.signed_by, "Customer")

    def test_odoo_flows_still_work(self):
        """Sending the quotation, cancelling and resetting a signed quotation
        to draft (which clears the signature) stay open to the
        salesperson."""
        sales = self._as("sales", self.order)
        action = sales.action_quotation_send()
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.users["sales"])
            .with_context(**action["context"])
        )
        composer.save().action_send_mail()
        self.assertEqual(self.order.state, "sent")
        # the customer signed, then the order is cancelled and redone
        self.order.sudo().write({"signature": SIGNATURE, "signed_by": "Customer"})
        self.order.sudo().write({"state": "cancel"})
        sales.action_draft()
        self.assertEqual(self.order.state, "draft")
        self.assertFalse(self.order.signature)
        self.assertFalse(self.order.signed_by)
        # writing the other fields of an order is untouched
        sales.write({"client_order_ref": "PO-1234", "signed_by": False})
        self.assertEqual(self.order.client_order_ref, "PO-1234")
        # and a copy of a signed quotation carries no signature
        self.order.sudo().write({"signature": SIGNATURE, "signed_by": "Customer"})
        copy = sales.copy()
        self.assertFalse(copy.signature)
        self.assertFalse(copy.signed_by)


@tagged("post_install", "-at_install")
class TestCustomerSignaturePortal(IntakeCommon, HttpCase):
    """The customer accepts and signs on the portal (``/my/orders/<id>/
    accept``, Odoo's controller): the signature is written and the order
    enters the intake on the portal channel; logistics accepting it
    confirms it."""

    def _accept(self, order, name="Customer"):
        order._portal_ensure_token()
        return self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {"access_token": order.access_token, "name": name, "signature": SIGNATURE},
        )

    def test_customer_accepts_on_the_portal(self):
        self._make_regular(self.product)
        order = self._new_order()
        order.write({"require_signature": True, "require_payment": False})
        result = self._accept(order)
        self.assertNotIn("error", result)
        order.invalidate_recordset()
        self.assertEqual(order.signed_by, "Customer")
        self.assertTrue(order.signature)
        self.assertTrue(order.signed_on)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.intake_stage, "submitted")
        self.assertEqual(order.intake_channel, "portal")
        clerk = self._as("clerk", order)
        clerk.action_intake_check()
        clerk.action_intake_accept()
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(order.state, "sale")

    def test_logged_in_portal_customer_accepts(self):
        portal = new_test_user(
            self.env, "oh_portal_signer", groups="base.group_portal", password="pw"
        )
        self._make_regular(self.product)
        order = self._new_order(partner=portal.partner_id)
        order.write({"require_signature": True, "require_payment": False})
        order.message_subscribe(partner_ids=portal.partner_id.ids)
        self.authenticate("oh_portal_signer", "pw")
        result = self._accept(order, name=portal.name)
        self.assertNotIn("error", result)
        order.invalidate_recordset()
        self.assertEqual(order.signed_by, portal.name)
        self.assertEqual(order.intake_channel, "portal")
        self.assertEqual(order.intake_stage, "submitted")

    def test_employee_cannot_sign_for_the_customer(self):
        """A salesperson opening the customer's link while logged in cannot
        sign it: the order is not taken for the customer's acceptance."""
        self._make_regular(self.product)
        order = self._new_order()
        order.write({"require_signature": True, "require_payment": False})
        self.users["sales"].password = "oh_sales_pw"
        self.authenticate(self.users["sales"].login, "oh_sales_pw")
        result = self._accept(order, name="Not the customer")
        self.assertIn("Only the customer signs", result["error"])
        order.invalidate_recordset()
        self.assertFalse(order.signature)
        self.assertFalse(order.signed_by)
        self.assertEqual(order.intake_stage, "draft")

    def test_accepted_as_in_odoo_when_intake_is_off(self):
        self.company.intake_required = False
        order = self._new_order()
        order.write({"require_signature": True, "require_payment": False})
        result = self._accept(order)
        self.assertNotIn("error", result)
        order.invalidate_recordset()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.signed_by, "Customer")
