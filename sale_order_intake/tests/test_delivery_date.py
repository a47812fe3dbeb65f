# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon


class AcceptedOrderCommon(OrderHandlingCommon):
    """An order taken through intake up to acceptance, with the shipped
    checks archived but the sign-off kept (a cheap, real check)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the intake regulation (off on installation) is switched on
        cls.company.intake_required = True
        cls.env["sale.order.intake.rule"].search([]).action_archive()
        cls.env["sale.order.intake.rule"].create(
            {"name": "Quantity", "check_type": "quantity", "message": "Quantity"}
        )
        cls.partner.email = "buyer@acme.example.com"
        cls.product.default_code = "GP-20"
        cls.product.is_storable = True

    def _accepted_order(self, regular=True):
        order = self._create_order(self.users["sales"])
        if not regular:
            new_product = self.env["product.product"].create(
                {"name": "New valve", "default_code": "NEW-1", "is_storable": True}
            )
            order.order_line.write({"product_id": new_product.id})
            self.assertEqual(order.order_line.product_id, new_product)
        order.write({"commitment_date": fields.Datetime.now() + timedelta(days=30)})
        if regular:
            self.product.product_tmpl_id._complete_tech_documents()
            self.env["stock.move"].create(
                {
                    "name": "Past delivery",
                    "product_id": self.product.id,
                    "product_uom_qty": 1,
                    "product_uom": self.product.uom_id.id,
                    "location_id": self.env.ref("stock.stock_location_stock").id,
                    "location_dest_id": self.env.ref(
                        "stock.stock_location_customers"
                    ).id,
                    "state": "done",
                    "quantity": 1,
                }
            )
        order.with_user(self.users["sales"]).action_intake_submit()
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(order.intake_class, "regular" if regular else "non_regular")
        self._pass_review(order)
        return order


@tagged("post_install", "-at_install")
class TestDeliveryDate(AcceptedOrderCommon):
    def test_reply_sets_commitment_date_and_mails_the_customer(self):
        order = self._accepted_order()
        promised = (fields.Datetime.now() + timedelta(days=20)).replace(microsecond=0)
        # the warehouse lead hands the order to production: the workshop
        # supervisor can now see it and answers for regular orders
        slip = order.transfer_slip_ids.filtered(
            lambda s: s.department_id.code == "warehouse"
        )
        slip.with_user(self.users["warehouse"]).action_forward(
            self.departments["production"]
        )
        wizard = Form(
            self.env["sale.order.intake.date"]
            .with_user(self.users["workshop"])
            .with_context(default_order_id=order.id)
        )
        wizard.date = promised
        wizard.save().action_propose()
        self.assertEqual(order.intake_stage, "date_proposed")
        self.assertEqual(order.delivery_date_proposed, promised)
        self.assertEqual(order.delivery_date_proposed_uid, self.users["workshop"])
        self.env.invalidate_all()
        reply_type = self.env.ref(
            "sale_order_intake.mail_activity_type_intake_reply_date"
        )
        self.assertEqual(
            order.activity_ids.filtered(
                lambda a: a.activity_type_id == reply_type
            ).user_id,
            self.users["clerk"],
        )
        with self.assertRaises(UserError):
            order.action_confirm()  # not replied yet
        order.with_user(self.users["clerk"]).action_intake_reply_date()
        self.assertEqual(order.intake_stage, "date_confirmed")
        self.assertEqual(order.commitment_date, promised)
        self.assertEqual(order.delivery_date_replied_uid, self.users["clerk"])
        mail = order.message_ids.filtered(
            lambda m: m.subject and "Delivery date" in m.subject
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.partner, mail.partner_ids)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_who_may_propose(self):
        regular = self._accepted_order()
        date = fields.Datetime.now() + timedelta(days=10)
        # the engineering supervisor does not answer for regular orders, and
        # cannot even read one that was not transferred to engineering
        with self.assertRaises(AccessError):
            regular.with_user(self.users["engineering"]).action_intake_propose_date(
                date
            )
        # the clerk is no supervisor
        with self.assertRaisesRegex(AccessError, "Workshop Supervisor"):
            regular.with_user(self.users["clerk"]).action_intake_propose_date(date)
        self.assertEqual(regular.intake_stage, "accepted")
        irregular = self._accepted_order(regular=False)
        self.assertEqual(
            irregular.sudo().transfer_slip_ids.department_id,
            self.departments["engineering"],
        )
        irregular.with_user(self.users["engineering"]).action_intake_propose_date(date)
        self.assertEqual(irregular.intake_stage, "date_proposed")

    def test_refused_out_of_order_and_bad_dates(self):
        order = self._create_order(self.users["sales"])
        manager = self.users["manager"]
        date = fields.Datetime.now() + timedelta(days=10)
        with self.assertRaisesRegex(UserError, "once the order is accepted"):
            order.with_user(manager).action_intake_propose_date(date)
        with self.assertRaisesRegex(UserError, "proposed delivery date"):
            order.with_user(manager).action_intake_reply_date()
        accepted = self._accepted_order()
        with self.assertRaisesRegex(UserError, "past"):
            accepted.with_user(manager).action_intake_propose_date(
                fields.Datetime.now() - timedelta(days=1)
            )
        with self.assertRaisesRegex(UserError, "Enter the delivery date"):
            accepted.with_user(manager).action_intake_propose_date(False)
        with self.assertRaises(UserError):
            accepted.with_user(manager).action_intake_reply_date()
        self.assertEqual(accepted.intake_stage, "accepted")
        self.assertFalse(accepted.delivery_date_proposed)
        # replying is the clerk's job
        accepted.with_user(manager).action_intake_propose_date(date)
        with self.assertRaises(AccessError):
            accepted.with_user(self.users["workshop"]).action_intake_reply_date()
        self.assertEqual(accepted.intake_stage, "date_proposed")

    def test_no_sign_off_past_intake(self):
        """The Sign Off button shows exactly when the server accepts it: not
        once the order is accepted and transferred."""
        order = self._accepted_order()
        head = order.with_user(self.users["saleshead"])
        date = fields.Datetime.now() + timedelta(days=10)
        for stage_action in (
            lambda: None,
            lambda: order.with_user(self.users["manager"]).action_intake_propose_date(
                date
            ),
            lambda: order.with_user(self.users["clerk"]).action_intake_reply_date(),
        ):
            stage_action()
            head.invalidate_recordset()
            self.assertFalse(head.can_intake_sign_off, order.intake_stage)
            with self.assertRaisesRegex(UserError, "past intake"):
                head.action_intake_sign_off()
            self.assertFalse(order.sales_signoff_uid)
        self.assertEqual(order.intake_stage, "date_confirmed")


@tagged("post_install", "-at_install")
class TestCustomerMails(AcceptedOrderCommon):
    def _mails(self, order, text):
        return order.message_ids.filtered(lambda m: m.subject and text in m.subject)

    def test_milestone_mails_and_completion(self):
        """Status mails at the milestones (accepted, shipped) and the thank-you mail
        when the delivered order is completed and closed (R5.4, R6.3)."""
        order = self._accepted_order()
        self.assertEqual(len(self._mails(order, "has been accepted")), 1)
        manager = order.with_user(self.users["manager"])
        manager.action_intake_propose_date(fields.Datetime.now() + timedelta(days=5))
        manager.action_intake_reply_date()
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "not fully delivered"):
            order.with_user(self.users["clerk"]).action_intake_complete()
        picking = order.picking_ids
        picking.move_ids.write({"quantity": 3, "picked": True})
        picking.with_context(skip_sms=True).button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(len(self._mails(order, "has shipped")), 1)
        self.assertEqual(order.delivery_status, "full")
        order.with_user(self.users["clerk"]).action_intake_complete()
        self.assertEqual(order.intake_stage, "done")
        self.assertEqual(len(self._mails(order, "Thank you")), 1)

    def test_status_mails_can_be_switched_off(self):
        self.company.intake_customer_mails = False
        order = self._accepted_order()
        self.assertFalse(self._mails(order, "has been accepted"))
        manager = order.with_user(self.users["manager"])
        manager.action_intake_propose_date(fields.Datetime.now() + timedelta(days=5))
        manager.action_intake_reply_date()
        # the date reply is the regulation's own answer: always sent
        self.assertEqual(len(self._mails(order, "Delivery date")), 1)

    def test_delay_cron_once(self):
        order = self._accepted_order()
        manager = order.with_user(self.users["manager"])
        manager.action_intake_propose_date(datetime.now() + timedelta(days=2))
        manager.action_intake_reply_date()
        order.action_confirm()
        SaleOrder = self.env["sale.order"]
        self.assertFalse(SaleOrder._cron_intake_notify_delays())
        with freeze_time(datetime.now() + timedelta(days=3)):
            self.assertEqual(SaleOrder._cron_intake_notify_delays(), order)
            self.assertFalse(SaleOrder._cron_intake_notify_delays())
        self.assertTrue(order.intake_delay_notified)
        self.assertEqual(len(self._mails(order, "is late")), 1)
