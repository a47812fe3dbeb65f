# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.message import EmailMessage
from email.utils import make_msgid

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import IntakeCommon

PDF = b"%PDF-1.4\n% shipping notice 20 x GP-20\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestIntakeMail(IntakeCommon):
    """E-mailed and faxed orders reach the intake alias and become received
    documents that a clerk turns into, or links to, a sale order (R1.1)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create(
            {
                "name": "intake.example.com",
                "company_ids": [Command.link(cls.company.id)],
            }
        )
        cls.alias = cls.env.ref("sale_order_intake.mail_alias_intake")
        cls.alias.alias_domain_id = cls.alias_domain
        cls.buyer = cls.env["res.partner"].create(
            {
                "name": "Li Wei",
                "email": "li.wei@acme.example",
                "parent_id": cls.partner.id,
            }
        )

    def _receive(self, subject, email_from="Li Wei <li.wei@acme.example>", files=None):
        """An e-mail to the intake alias, through the mail gateway."""
        message = EmailMessage()
        message["From"] = email_from
        message["To"] = self.alias.alias_full_name
        message["Subject"] = subject
        message["Message-Id"] = make_msgid(domain="acme.example")
        message.set_content("Please ship 20 gear pumps GP-20 by December 7.")
        for name, data in files if files is not None else [("notice.pdf", PDF)]:
            message.add_attachment(
                data, maintype="application", subtype="pdf", filename=name
            )
        thread_id = (
            self.env["mail.thread"].sudo().message_process(None, message.as_bytes())
        )
        return self.env["sale.order.intake.mail"].browse(thread_id)

    def test_alias(self):
        self.assertEqual(self.alias.alias_full_name, "orders@intake.example.com")
        self.assertEqual(self.alias.alias_model_id.model, "sale.order.intake.mail")

    def test_mail_becomes_a_received_document(self):
        mail = self._receive("Shipping notice 2026-118")
        self.assertTrue(mail.exists())
        self.assertEqual(mail.name, "Shipping notice 2026-118")
        self.assertEqual(mail.partner_id, self.partner, "the customer, not the contact")
        self.assertIn("li.wei@acme.example", mail.email_from)
        self.assertIn("gear pumps", mail.body)
        self.assertEqual(mail.state, "new")
        self.assertEqual(mail.channel, "email")
        self.assertEqual(mail.company_id, self.company)
        self.assertTrue(mail.reference.startswith("IN/"), mail.reference)
        self.assertEqual(mail.attachment_count, 1)
        self.assertEqual(mail._source_attachments().name, "notice.pdf")
        # the clerk sees it; a salesperson does not
        self.assertEqual(self._as("clerk", mail).name, "Shipping notice 2026-118")
        with self.assertRaises(AccessError):
            self._as("sales", mail).read(["name"])

    def test_references_are_unique(self):
        first = self._receive("Order one")
        second = self._receive("Order two")
        self.assertNotEqual(first.reference, second.reference)

    def test_create_order(self):
        mail = self._receive("Stock preparation order 77")
        clerk = self.users["clerk"]
        action = self._as("clerk", mail).action_create_order()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "sale.order")
        self.assertEqual(order.partner_id, self.partner)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.intake_stage, "draft", "sales enters the lines")
        self.assertEqual(order.intake_channel, "email")
        self.assertEqual(order.intake_mail_id, mail)
        self.assertEqual(order.origin, mail.reference)
        self.assertEqual(order.create_uid, clerk)
        # the received file is copied onto the order as its source document
        documents = order.intake_source_document_ids
        self.assertEqual(documents.mapped("name"), ["notice.pdf"])
        self.assertEqual(documents.raw, PDF)
        self.assertEqual(
            (documents.res_model, documents.res_id), ("sale.order", order.id)
        )
        self.assertNotEqual(documents, mail._source_attachments(), "a copy")
        message = order.message_ids.filtered(lambda m: mail.reference in (m.body or ""))
        self.assertEqual(message.attachment_ids, documents)
        self.assertEqual(mail.state, "done")
        self.assertEqual(mail.order_id, order)
        # handled once only
        mail_as_clerk = self._as("clerk", mail)
        for action_method in ("action_create_order", "action_reject"):
            self.assertRefused(
                UserError,
                mail,
                getattr(mail_as_clerk, action_method),
                regex="already been handled",
                fnames=["state", "order_id"],
            )
        self.assertEqual(
            self.env["sale.order"].search_count([("intake_mail_id", "=", mail.id)]), 1
        )

    def test_faxed_document_without_customer(self):
        mail = self._receive(
            "Fax from unknown number", email_from="fax-gateway@scanner.example"
        )
        self.assertFalse(mail.partner_id)
        self._as("clerk", mail).channel = "fax"
        self.assertRefused(
            UserError,
            mail,
            self._as("clerk", mail).action_create_order,
            regex="Set the customer",
            fnames=["state", "order_id", "partner_id"],
        )
        self._as("clerk", mail).partner_id = self.partner
        action = self._as("clerk", mail).action_create_order()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.intake_channel, "fax")

    def test_document_without_files(self):
        mail = self._receive("Phone order confirmation", files=[])
        self.assertEqual(mail.attachment_count, 0)
        action = self._as("clerk", mail).action_create_order()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertFalse(order.intake_source_document_ids)
        self.assertEqual(mail.state, "done")

    def test_link_to_an_existing_order(self):
        order = self._new_order()
        mail = self._receive("Our PO 2026-118 for your quotation")
        wizard_form = Form(
            self.env["sale.order.intake.link"]
            .with_user(self.users["clerk"])
            .with_context(default_mail_id=mail.id)
        )
        self.assertEqual(wizard_form.partner_id, self.partner)
        wizard_form.order_id = order
        wizard = wizard_form.save()
        action = wizard.action_link()
        self.assertEqual(action["res_id"], order.id)
        self.assertEqual(mail.state, "done")
        self.assertEqual(mail.order_id, order)
        self.assertEqual(order.intake_mail_id, mail)
        self.assertEqual(order.intake_channel, "email")
        self.assertEqual(
            order.intake_source_document_ids.mapped("name"), ["notice.pdf"]
        )
        self.assertEqual(order.intake_stage, "draft", "linking changes no stage")
        # a second link (or any other handling) is refused
        other_order = self._new_order()
        second = (
            self.env["sale.order.intake.link"]
            .with_user(self.users["clerk"])
            .create({"mail_id": mail.id, "order_id": other_order.id})
        )
        self.assertRefused(
            UserError,
            other_order,
            second.action_link,
            regex="already been handled",
        )
        self.assertEqual(mail.order_id, order)

    def test_reject(self):
        mail = self._receive("Spam: cheap pumps")
        self._as("clerk", mail).action_reject()
        self.assertEqual(mail.state, "rejected")
        self.assertRefused(
            UserError,
            mail,
            self._as("clerk", mail).action_create_order,
            regex="already been handled",
            fnames=["state", "order_id"],
        )

    def test_message_new_without_gateway(self):
        """Integrators may feed documents from a scanner directly."""
        mail = self.env["sale.order.intake.mail"].message_new(
            {
                "subject": "Scanned shipping notice",
                "email_from": "li.wei@acme.example",
                "author_id": self.buyer.id,
                "body": "<p>see scan</p>",
            },
            custom_values={"channel": "fax"},
        )
        self.assertEqual(mail.name, "Scanned shipping notice")
        self.assertEqual(mail.partner_id, self.partner)
        self.assertEqual(mail.channel, "fax")
        untitled = self.env["sale.order.intake.mail"].message_new({})
        self.assertEqual(untitled.name, "(no subject)")
        self.assertFalse(untitled.partner_id)

    def test_access_rights(self):
        mail = self._receive("Shipping notice 2026-200")
        with self.assertRaises(AccessError):
            self._as("sales", mail).action_create_order()
        with self.assertRaises(AccessError):
            self._as("quality", mail).read(["name"])
        with self.assertRaises(AccessError):
            self._as("clerk", mail).unlink()
        self._as("manager", mail).unlink()
        self.assertFalse(mail.exists())
