# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ConsultationCommon


@tagged("post_install", "-at_install")
class TestConsultationSecurity(ConsultationCommon):
    """R8.6: customer service logs and answers consultations; salespeople
    read their customers'; the departments concerned read their topics';
    administrators everything; every company its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Consult Company B"})
        cls.topic_b = (
            cls.env["sale.customer.consultation.topic"]
            .with_company(cls.company_b)
            .create({"name": "Topic of B", "company_id": cls.company_b.id})
        )

    def test_salesperson_reads_own_customers(self):
        """R8.6: a salesperson reads the consultations of their customers
        (and of the quotations made for them), writes none, answers none."""
        own = self._consult()
        other = self._consult(partner_id=self.other_partner.id)
        Consultation = self.env["sale.customer.consultation"].with_user(self.sales)
        self.assertEqual(Consultation.search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.sales).read(["question"])
        with self.assertRaises(AccessError):
            own.with_user(self.sales).write({"question": "changed"})
        with self.assertRaises(AccessError):
            self._consult(user=self.sales)
        own.answer = "Yes"
        with self.assertRaisesRegex(UserError, "Only customer service"):
            own.with_user(self.sales).action_answer()
        self.assertEqual(own.state, "open")
        # the quotation made for them opens the other customer's consultation
        other.action_create_quotation()
        other.order_id.user_id = self.sales
        self.assertEqual(Consultation.search([]), own | other)

    def test_department_reads_its_topics(self):
        """R8.6: the departments concerned by a topic read its
        consultations (they receive its figures), write none."""
        quality = self._consult(topic_id=self.topic_quality.id)
        engineering = self._consult(topic_id=self.topic_engineering.id)
        unrouted = self._consult(topic_id=self.topic_unrouted.id)
        member = self.users["member"]  # member of quality
        process = self.users["process"]  # member of engineering
        Consultation = self.env["sale.customer.consultation"]
        self.assertEqual(Consultation.with_user(member).search([]), quality)
        self.assertEqual(
            Consultation.with_user(self.users["quality"]).search([]), quality
        )
        self.assertEqual(Consultation.with_user(process).search([]), engineering)
        self.assertFalse(Consultation.with_user(self.users["purchasing"]).search([]))
        with self.assertRaises(AccessError):
            unrouted.with_user(member).read(["question"])
        with self.assertRaises(AccessError):
            quality.with_user(member).write({"answer": "x"})
        quality.answer = "Yes"
        with self.assertRaisesRegex(UserError, "Only customer service"):
            quality.with_user(member).action_answer()
        with self.assertRaisesRegex(UserError, "Only customer service"):
            quality.with_user(member).action_close()

    def test_manager_and_service_see_all(self):
        consultations = (
            self._consult()
            | self._consult(partner_id=self.other_partner.id)
            | self._consult(topic_id=self.topic_unrouted.id, user=self.manager)
        )
        for user in (self.service, self.manager):
            found = self.env["sale.customer.consultation"].with_user(user).search([])
            self.assertEqual(found, consultations)

    def test_service_deletes_nothing(self):
        """R8.6: the log is kept: customer service deletes no consultation
        (administrators delete open ones only)."""
        consultation = self._consult()
        with self.assertRaises(AccessError):
            consultation.with_user(self.service).unlink()
        self.assertTrue(consultation.exists())

    def test_topics_configured_by_managers(self):
        """Topics and their departments are configuration: administrators
        only."""
        with self.assertRaises(AccessError):
            self.topic_quality.with_user(self.service).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["sale.customer.consultation.topic"].with_user(self.service).create(
                {"name": "x"}
            )
        topic = (
            self.env["sale.customer.consultation.topic"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Packaging",
                    "department_ids": [Command.set(self.departments["warehouse"].ids)],
                }
            )
        )
        self.assertEqual(topic.company_id, self.company)

    def test_foreign_company(self):
        """R8.6: a company's consultations and topics are its own."""
        Consultation = self.env["sale.customer.consultation"]
        consultation_b = (
            Consultation.with_company(self.company_b)
            .sudo()
            .create(
                {
                    "partner_id": self.partner.id,
                    "company_id": self.company_b.id,
                    "topic_id": self.topic_b.id,
                    "question": "Price of B?",
                }
            )
        )
        self.assertEqual(consultation_b.company_id, self.company_b)
        self.assertFalse(
            Consultation.with_user(self.service).search(
                [("id", "=", consultation_b.id)]
            )
        )
        with self.assertRaises(AccessError):
            consultation_b.with_user(self.service).read(["question"])
        with self.assertRaises(AccessError):
            self._consult(company_id=self.company_b.id, topic_id=self.topic_b.id)
        with self.assertRaises(UserError):
            # a topic of another company on a consultation of this one
            self._consult(topic_id=self.topic_b.id)
        consultation_b.answer = "Ask B"
        with self.assertRaises(AccessError):
            consultation_b.with_user(self.service).action_answer()
        self.assertEqual(consultation_b.state, "open")

    def test_report_action_managers_only(self):
        """R8.6: only administrators report a month by hand."""
        with self.assertRaisesRegex(UserError, "Only order-handling administrators"):
            self.env["sale.customer.consultation"].with_user(
                self.service
            ).action_report_to_departments()
