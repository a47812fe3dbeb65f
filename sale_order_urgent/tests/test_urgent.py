# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.sale_order_intake.tests.test_delivery_date import (
    AcceptedOrderCommon,
)


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
        self.assertTrue(copy.can_urgent_assess)
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
        urgent_type = self.env.ref("sale_order_urgent.mail_activity_type_intake_urgent")
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
        # a critical urgent order: the critical SLA target on the order (R6.2)
        self.assertEqual(order.sla_policy_id.order_class, "urgent_critical")
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
