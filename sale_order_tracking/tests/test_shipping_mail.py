# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import TrackingCommon


@tagged("post_install", "-at_install")
class TestShippingMail(TrackingCommon):
    """R5.8: the shipping mail carries the carrier and the tracking
    reference (电商客服 二.4: 及时向客户发送物流信息)."""

    def _shipped_mails(self, record):
        return record.message_ids.filtered(
            lambda m: m.subject and "has shipped" in m.subject
        )

    def test_mail_carries_carrier_and_tracking(self):
        """R5.8: one mail to the customer with carrier, tracking reference
        and link, in place of the plain "shipped" mail of the order."""
        order, picking = self._delivered_order()
        mail = self._shipped_mails(picking)
        self.assertEqual(len(mail), 1)
        self.assertIn(self.partner, mail.partner_ids)
        self.assertIn("Swift Freight", mail.body)
        self.assertIn("TRK-4711", mail.body)
        self.assertIn("https://track.example.com/?n=TRK-4711", mail.body)
        self.assertIn(order.name, mail.subject)
        self.assertFalse(self._shipped_mails(order))

    def test_tracking_reference_without_carrier(self):
        """R5.8: a tracking reference alone is mailed too, without link."""
        __, picking = self._delivered_order(carrier=False, tracking_ref="TRK-9")
        mail = self._shipped_mails(picking)
        self.assertIn("TRK-9", mail.body)
        self.assertNotIn("Carrier:", mail.body)

    def test_without_carrier_the_intake_mail(self):
        """Compatibility: a delivery without carrier nor tracking reference
        gets the intake's plain "shipped" mail, as before."""
        order, picking = self._delivered_order(carrier=False, tracking_ref=False)
        self.assertFalse(self._shipped_mails(picking))
        self.assertEqual(len(self._shipped_mails(order)), 1)

    def test_customer_mails_off(self):
        """Only where the company sends customer status mails."""
        self.company.intake_customer_mails = False
        order, picking = self._delivered_order()
        self.assertFalse(self._shipped_mails(picking))
        self.assertFalse(self._shipped_mails(order))

    def test_mail_in_the_customer_language(self):
        """R5.8: the mail is in the customer's language."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.skipTest("Chinese is not installed in this database")
        self.partner.lang = "zh_CN"
        __, picking = self._delivered_order()
        mail = self._shipped_mails(picking) or picking.message_ids.filtered(
            lambda m: m.subject and "已发货" in m.subject
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("承运商", mail.body)
        self.assertIn("TRK-4711", mail.body)
