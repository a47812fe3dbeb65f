# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import IntakeCommon
from .test_delivery_date import AcceptedOrderCommon

CHECK_NOTE = "We check your order within half a working day."
DATE_NOTE = "We confirm the delivery date of your order within two working days."
TRANSFER_NOTE = "Your order reaches the departments concerned within one working day."


@tagged("post_install", "-at_install")
class TestProcessingTimesMail(AcceptedOrderCommon):
    """订单处理准则 3: the processing-time targets are told to the customer,
    in the acceptance mail."""

    def test_acceptance_mail_tells_the_targets_ahead(self):
        self.company.intake_customer_mails = True
        order = self._accepted_order()
        (mail,) = order.message_ids.filtered(
            lambda m: m.subject and "has been accepted" in m.subject
        )
        self.assertIn("Our processing times:", mail.body)
        self.assertIn(TRANSFER_NOTE, mail.body)
        self.assertIn(DATE_NOTE, mail.body)
        # the check is behind the order: not told again
        self.assertNotIn(CHECK_NOTE, mail.body)

    def test_company_policy_without_note_is_not_told(self):
        self.env.ref(
            "sale_order_intake.sla_policy_order_accepted"
        ).customer_note = False
        order = self._create_order(self.users["sales"])
        self.assertNotIn(DATE_NOTE, order.intake_customer_note)
        self.assertIn(CHECK_NOTE, order.intake_customer_note)


@tagged("post_install", "-at_install")
class TestProcessingTimesPortal(IntakeCommon, HttpCase):
    """The customer reads the targets on the portal page of their order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, "oh_portal_times", groups="base.group_portal", password="pw"
        )

    def _portal_page(self, order):
        order.message_subscribe(partner_ids=self.portal_user.partner_id.ids)
        self.authenticate("oh_portal_times", "pw")
        response = self.url_open(f"/my/orders/{order.id}")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_portal_order_page_tells_the_targets(self):
        self.assertTrue(self.company.intake_required)
        order = self._new_order(partner=self.portal_user.partner_id)
        order.action_quotation_sent()
        page = self._portal_page(order)
        self.assertIn("Processing Times", page)
        self.assertIn(CHECK_NOTE, page)
        self.assertIn(TRANSFER_NOTE, page)

    def test_not_shown_without_intake(self):
        self.company.intake_required = False
        order = self._new_order(partner=self.portal_user.partner_id)
        order.action_quotation_sent()
        page = self._portal_page(order)
        self.assertIn(order.name, page)
        self.assertNotIn("Processing Times", page)
        self.assertNotIn(CHECK_NOTE, page)
