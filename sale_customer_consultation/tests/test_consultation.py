# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ConsultationCommon


@tagged("post_install", "-at_install")
class TestConsultation(ConsultationCommon):
    """R8.6: the log of consultations — question, channel, product, answer,
    who, when — and its steps open → answered → closed."""

    def test_log_answer_close(self):
        """R8.6: customer service logs a consultation, answers and closes
        it; who and when are recorded by the server."""
        received = fields.Datetime.now() - timedelta(hours=3)
        with Form(
            self.env["sale.customer.consultation"].with_user(self.service)
        ) as form:
            form.partner_id = self.partner
            form.channel = "chat"
            form.topic_id = self.topic_technical
            form.product_id = self.product
            form.question = "Which seal for hot oil?"
            form.received_date = received
        consultation = form.record
        self.assertTrue(consultation.name.startswith("CNS/"))
        self.assertEqual(consultation.state, "open")
        self.assertEqual(consultation.user_id, self.service)
        self.assertEqual(consultation.salesperson_id, self.sales)
        self.assertEqual(
            consultation.department_ids,
            self.departments["engineering"] | self.departments["quality"],
        )
        self.assertFalse(consultation.answer_hours)
        consultation.answer = "The Viton seal, up to 90 °C."
        consultation.action_answer()
        self.assertEqual(consultation.state, "answered")
        self.assertEqual(consultation.answered_uid, self.service)
        self.assertTrue(consultation.answered_date)
        self.assertAlmostEqual(consultation.answer_hours, 3.0, delta=0.1)
        consultation.action_close()
        self.assertEqual(consultation.state, "closed")
        self.assertEqual(consultation.closed_uid, self.service)
        self.assertTrue(consultation.closed_date)

    def test_close_before_answered_refused(self):
        """R8.6: a consultation is closed only once answered."""
        consultation = self._consult()
        with self.assertRaisesRegex(UserError, "cannot be closed now"):
            consultation.action_close()
        self.assertEqual(consultation.state, "open")

    def test_answer_needs_text(self):
        consultation = self._consult()
        with self.assertRaisesRegex(UserError, "Write the answer"):
            consultation.action_answer()
        consultation.answer = "   "
        with self.assertRaisesRegex(UserError, "Write the answer"):
            consultation.action_answer()
        self.assertEqual(consultation.state, "open")

    def test_answer_twice_or_closed_refused(self):
        """R8.6: answering an answered or a closed consultation is out of
        turn; a closed one is a record."""
        consultation = self._answered()
        answered_date = consultation.answered_date
        with self.assertRaisesRegex(UserError, "cannot be answered now"):
            consultation.action_answer()
        consultation.action_close()
        with self.assertRaisesRegex(UserError, "cannot be answered now"):
            consultation.action_answer()
        with self.assertRaisesRegex(UserError, "it is a record"):
            consultation.write({"answer": "Something else"})
        with self.assertRaisesRegex(UserError, "cannot be closed now"):
            consultation.action_close()
        self.assertEqual(consultation.answered_date, answered_date)

    def test_state_and_who_only_by_buttons(self):
        """R8.6: the status and the who/when of the answer are written by
        the server's steps only, whatever a client sends."""
        consultation = self._consult()
        with self.assertRaisesRegex(UserError, "change only through"):
            consultation.write({"state": "answered"})
        with self.assertRaisesRegex(UserError, "change only through"):
            consultation.write({"answered_uid": self.manager.id})
        with self.assertRaisesRegex(UserError, "change only through"):
            consultation.write({"answer_hours": 1.0})
        with self.assertRaisesRegex(UserError, "change only through"):
            self._consult(state="closed")
        with self.assertRaisesRegex(UserError, "change only through"):
            self._consult(order_id=self.order.id)
        # a zero answer time given at creation is not stored as an answer
        forged = self._consult(answer_hours=0.0)
        self.assertEqual(forged.state, "open")
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT answer_hours FROM sale_customer_consultation WHERE id = %s",
            [forged.id],
        )
        self.assertIsNone(self.env.cr.fetchone()[0])
        self.assertEqual(consultation.state, "open")

    def test_received_date(self):
        """The answer time counts from the received date: it may not lie in
        the future and is kept once answered."""
        with self.assertRaises(ValidationError):
            self._consult(received_date=fields.Datetime.now() + timedelta(days=1))
        consultation = self._answered()
        with self.assertRaisesRegex(UserError, "received date"):
            consultation.write({"received_date": fields.Datetime.now()})

    def test_unlink(self):
        """Only open consultations can be deleted (by an administrator)."""
        draft = self._consult()
        draft.with_user(self.manager).unlink()
        self.assertFalse(draft.exists())
        answered = self._answered()
        with self.assertRaisesRegex(UserError, "Only open consultations"):
            answered.with_user(self.manager).unlink()

    def test_create_quotation(self):
        """R8.6 (外贸业务员 三.1 → 二.1): a consultation leads to a quotation
        for the customer's salesperson, who gets a to-do; once."""
        consultation = self._answered()
        action = consultation.action_create_quotation()
        order = consultation.order_id
        self.assertEqual(action["res_id"], order.id)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.partner_id, self.partner)
        self.assertEqual(order.user_id, self.sales)
        self.assertEqual(order.origin, consultation.name)
        self.assertEqual(order.order_line.product_id, self.product)
        activity = order.activity_ids
        self.assertEqual(activity.user_id, self.sales)
        self.assertIn(consultation.name, activity.summary)
        self.assertFalse(consultation.can_create_quotation)
        with self.assertRaisesRegex(UserError, "already has a quotation"):
            consultation.action_create_quotation()
        self.assertEqual(consultation.action_view_quotation()["res_id"], order.id)

    def test_quotation_refused_when_closed_or_not_customer_service(self):
        consultation = self._answered()
        with self.assertRaisesRegex(UserError, "Only customer service"):
            consultation.with_user(self.sales).action_create_quotation()
        consultation.action_close()
        with self.assertRaisesRegex(UserError, "closed or already has"):
            consultation.action_create_quotation()
        self.assertFalse(consultation.order_id)

    def test_quotation_without_product_or_salesperson(self):
        """Without a product, an empty quotation; without a salesperson of
        the customer, the user who created it is its salesperson."""
        consultation = self._consult(partner_id=self.other_partner.id, product_id=False)
        consultation.action_create_quotation()
        order = consultation.order_id
        self.assertFalse(order.order_line)
        self.assertEqual(order.user_id, self.service)
        self.assertFalse(order.activity_ids)

    def test_statistics_by_month_and_topic(self):
        """R8.6: the statistics by month and topic: count and average answer
        time of the answered consultations (the open ones are not averaged
        as zero)."""
        now = fields.Datetime.now()
        self._answered(received_date=now - timedelta(hours=2))
        self._answered(received_date=now - timedelta(hours=4))
        self._consult()
        self._answered(topic_id=self.topic_technical.id)
        groups = self.env["sale.customer.consultation"]._read_group(
            [("topic_id", "=", self.topic_quality.id)],
            ["received_date:month", "topic_id"],
            ["__count", "answer_hours:avg"],
        )
        self.assertEqual(len(groups), 1)
        _month, topic, count, hours = groups[0]
        self.assertEqual(topic, self.topic_quality)
        self.assertEqual(count, 3)
        self.assertAlmostEqual(hours, 3.0, delta=0.1)
        self.assertEqual(self.topic_quality.consultation_count, 3)
        action = self.topic_quality.action_view_consultations()
        self.assertEqual(action["domain"], [("topic_id", "=", self.topic_quality.id)])
