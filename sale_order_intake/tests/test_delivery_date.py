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

    def _pass_review(self, order):
        """With sale_order_review installed, the delivery date waits for an
        accepted review: accept it, so these tests hold with or without it."""
        if "current_review_id" not in order._fields:
            return
        review = order.sudo().current_review_id
        review.write(
            {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}
        )
        review._decide("accept")


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
            self.assertFalse(head.intake_can_sign_off, order.intake_stage)
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


@tagged("post_install", "-at_install")
class TestUrgent(AcceptedOrderCommon):
    def _urgent_order(self, assessor="workshop"):
        order = self._create_order(self.users["sales"])
        order.with_user(self.users["sales"]).write(
            {
                "intake_urgent": True,
                "urgency_level": "2",
                "urgent_deadline": fields.Datetime.now() + timedelta(days=3),
                "urgency_assessor_id": self.users[assessor].id,
            }
        )
        return order

    def test_urgent_needs_a_deadline(self):
        order = self._create_order(self.users["sales"])
        with self.assertRaisesRegex(Exception, "needed by"):
            order.write({"intake_urgent": True})

    def test_assessment_by_the_named_person(self):
        """An urgent order is assessed for urgency and feasibility by the named person
        only, who records a decision (R6.1)."""
        order = self._urgent_order()
        with self.assertRaisesRegex(AccessError, "named to assess"):
            order.with_user(self.users["clerk"]).action_urgent_assess(
                "accepted", "We can"
            )
        assessor = order.with_user(self.users["workshop"])
        # the assessor reads the order's copy (with the button), not the
        # order (R7.4)
        with self.assertRaises(AccessError):
            assessor.read(["amount_total"])
        copy = self.env["sale.order.copy"].with_user(self.users["workshop"])
        copy = copy.browse(order.id)
        self.assertTrue(copy.intake_can_assess_urgency)
        self.assertEqual(copy.read(["name"])[0]["name"], order.name)
        with self.assertRaisesRegex(UserError, "assessment"):
            assessor.action_urgent_assess("accepted", " ")
        with self.assertRaisesRegex(UserError, "Decide"):
            assessor.action_urgent_assess("maybe", "Hmm")
        self.assertFalse(order.urgency_decision)
        self.assertEqual(order.intake_priority, "0")
        wizard = Form(
            self.env["sale.order.intake.urgent"]
            .with_user(self.users["workshop"])
            .with_context(default_order_id=order.id)
        )
        wizard.decision = "accepted"
        wizard.assessment = "Line 2 is free on Monday"
        wizard.save().action_decide()
        self.assertEqual(order.urgency_decision, "accepted")
        self.assertEqual(order.urgency_decision_uid, self.users["workshop"])
        self.assertEqual(order.intake_priority, "1")
        # the departments are alerted at once: message and activities
        self.env.invalidate_all()
        urgent_type = self.env.ref("sale_order_intake.mail_activity_type_intake_urgent")
        # on the order's copy: the departments read no order
        copy = self.env["sale.order.copy"].browse(order.id)
        alerted = copy.activity_ids.filtered(
            lambda a: a.activity_type_id == urgent_type
        ).user_id
        self.assertEqual(
            alerted,
            self.users["clerk"]
            | self.users["quality"]
            | self.users["warehouse"]
            | self.users["workshop"]
            | self.users["engineering"],
        )
        message = copy.message_ids.filtered(lambda m: "URGENT" in (m.body or ""))
        self.assertIn(self.users["quality"].partner_id, message.partner_ids)
        sales_message = order.message_ids.filtered(lambda m: "URGENT" in (m.body or ""))
        self.assertEqual(sales_message.partner_ids, order.user_id.partner_id)
        with self.assertRaisesRegex(UserError, "already decided"):
            assessor.action_urgent_assess("refused", "changed my mind")

    def test_refused_urgency_keeps_normal_priority(self):
        order = self._urgent_order()
        order.with_user(self.users["workshop"]).action_urgent_assess(
            "refused", "No capacity this week"
        )
        self.assertEqual(order.intake_priority, "0")
        self.assertTrue(
            order.message_ids.filtered(lambda m: "refused" in (m.body or ""))
        )

    def test_urgent_order_goes_first_everywhere(self):
        order = self._urgent_order(assessor="manager")
        order.with_user(self.users["manager"]).action_urgent_assess("accepted", "Go")
        order.write({"commitment_date": fields.Datetime.now() + timedelta(days=2)})
        order.with_user(self.users["sales"]).action_intake_submit()
        # urgent SLA target on the order
        self.assertEqual(order.sla_policy_id.order_class, "urgent")
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        self._pass_review(order)
        slips = order.sudo().transfer_slip_ids
        self.assertEqual(set(slips.mapped("priority")), {"1"})
        self.assertEqual(
            set(slips.sla_policy_id.mapped("order_class")),
            {"urgent"},
        )
        manager = order.with_user(self.users["manager"])
        manager.action_intake_propose_date(fields.Datetime.now() + timedelta(days=2))
        manager.action_intake_reply_date()
        order.action_confirm()
        self.assertEqual(order.picking_ids.priority, "1")
        # an urgent order comes first in the intake queue
        normal = self._accepted_order()
        queue = self.env["sale.order"].search(
            [("id", "in", (order | normal).ids)],
            order="intake_priority desc, id desc",
        )
        self.assertEqual(queue[0], order)

    def test_late_urgent_order_escalated_once(self):
        order = self._urgent_order(assessor="manager")
        order.with_user(self.users["manager"]).action_urgent_assess("accepted", "Go")
        order.with_user(self.users["sales"]).write({"user_id": self.users["sales"].id})
        order.sudo().intake_clerk_id = self.users["clerk"]
        SaleOrder = self.env["sale.order"]
        self.assertFalse(SaleOrder._cron_urgent_monitor())
        with freeze_time(datetime.now() + timedelta(days=4)):
            self.assertEqual(SaleOrder._cron_urgent_monitor(), order)
            self.assertFalse(SaleOrder._cron_urgent_monitor())
        self.env.invalidate_all()
        escalation = self.env.ref(
            "order_handling_base.mail_activity_type_sla_escalation"
        )
        activities = order.activity_ids.filtered(
            lambda a: a.activity_type_id == escalation
        )
        self.assertEqual(activities.user_id, self.users["clerk"])
        self.assertEqual(len(activities), 1)
