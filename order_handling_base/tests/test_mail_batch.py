# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import inspect
from unittest.mock import patch

from odoo.tests import tagged

from ..models import mail_batch
from ..models.mail_batch import PRIVATE_MAIL_API, post_template
from ..models.mail_queue import NOTIFY_NOW_KEY, send_scheduled_notifications
from .common import OrderHandlingCommon


@tagged("post_install", "-at_install")
class TestPostTemplate(OrderHandlingCommon):
    """A status mail posted from a template: the chatter message now, the
    notification (e-mail rendered and queued) by the cron; the template's
    attachments follow changes of the template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner.email = "buyer@acme.example.com"
        cls.template = cls.env["mail.template"].create(
            {
                "name": "Order status",
                "model_id": cls.env["ir.model"]._get_id("sale.order"),
                "subject": "Order {{ object.name }}",
                "body_html": "<p>Dear <t t-out='object.partner_id.name'/></p>",
                "partner_to": "{{ object.partner_id.id }}",
            }
        )

    def _post(self):
        # as the intake's steps do: the step's user, in sudo
        order = self.order.with_user(self.users["clerk"]).sudo()
        return post_template(order, self.template.sudo())

    def _mails(self, message):
        return (
            self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        )

    def test_message_now_mail_by_the_cron(self):
        message = self._post()
        self.assertEqual(message.subject, f"Order {self.order.name}")
        self.assertIn("Acme Machinery", message.body)
        self.assertEqual(message.partner_ids, self.partner)
        self.assertFalse(self._mails(message), "rendered by the cron")
        self.assertFalse(
            self.users["clerk"].partner_id & self.order.message_partner_ids,
            "the clerk who ran the step does not follow the order",
        )
        send_scheduled_notifications(message)
        mail = self._mails(message)
        self.assertEqual(mail.recipient_ids, self.partner)
        self.assertEqual(mail.state, "outgoing")
        self.assertIn("Acme Machinery", mail.body_html)

    def test_sender_found_without_the_address_search(self):
        """A status mail sent in the salesperson's name (or the step
        user's) gets the partner Odoo's search by address finds, without the
        search."""
        salesperson = self.users["sales"]
        salesperson.email = "sales.person@example.com"
        self.order.user_id = salesperson
        self.template.email_from = "{{ object.user_id.email_formatted }}"
        expected, _email = self.env["mail.thread"]._message_compute_author(
            None, salesperson.email_formatted, raise_on_email=False
        )
        Thread = type(self.env["mail.thread"])
        with patch.object(
            Thread,
            "_message_compute_author",
            autospec=True,
            side_effect=Thread._message_compute_author,
        ) as search:
            message = self._post()
        self.assertEqual(message.author_id.id, expected)
        self.assertEqual(message.author_id, salesperson.partner_id)
        # (``message_post`` calls it with the author given: no search then)
        searched = [call for call in search.call_args_list if not call.args[1]]
        self.assertEqual(searched, [])
        # another sender is searched as Odoo does
        self.template.email_from = "someone.else@example.com"
        with patch.object(
            Thread,
            "_message_compute_author",
            autospec=True,
            side_effect=Thread._message_compute_author,
        ) as search:
            self._post()
        searched = [call for call in search.call_args_list if not call.args[1]]
        self.assertEqual(len(searched), 1)

    def test_notify_now(self):
        order = (
            self.order.with_user(self.users["clerk"])
            .sudo()
            .with_context(**{NOTIFY_NOW_KEY: True})
        )
        message = post_template(order, self.template.sudo())
        self.assertTrue(self._mails(message))

    def test_attachments_follow_the_template(self):
        self.assertFalse(self._post().attachment_ids)
        document = self.env["ir.attachment"].create(
            {
                "name": "conditions.txt",
                "datas": base64.b64encode(b"General conditions"),
                "res_model": "mail.template",
                "res_id": self.template.id,
            }
        )
        self.template.attachment_ids = document
        message = self._post()
        self.assertEqual(message.attachment_ids.mapped("name"), ["conditions.txt"])
        self.assertNotEqual(message.attachment_ids, document, "a copy is attached")
        self.assertEqual(self.template.attachment_ids, document)
        self.template.attachment_ids = False
        self.assertFalse(self._post().attachment_ids)

    def test_each_recipient_in_their_language(self):
        """One call for orders of customers in two languages: each message in
        its customer's language, the languages rendered once for all."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.template.lang = "{{ object.partner_id.lang }}"
        self.template.with_context(lang="zh_CN").subject = "订单 {{ object.name }}"
        customer_cn = self.env["res.partner"].create(
            {"name": "上海精工", "email": "buyer@jinggong.example.com", "lang": "zh_CN"}
        )
        self.partner.lang = "en_US"
        order_cn = self._create_order(self.users["sales"], partner=customer_cn)
        orders = (self.order | order_cn).with_user(self.users["clerk"]).sudo()
        Template = type(self.env["mail.template"])
        with patch.object(
            Template, "_render_lang", autospec=True, side_effect=Template._render_lang
        ) as render_lang:
            messages = post_template(orders, self.template.sudo())
        self.assertEqual(render_lang.call_count, 1)
        subjects = {message.res_id: message.subject for message in messages}
        self.assertEqual(subjects[self.order.id], f"Order {self.order.name}")
        self.assertEqual(subjects[order_cn.id], f"订单 {order_cn.name}")

    # the one seam on Odoo's private mail methods: pinned, and the public
    # path gives the same message

    def test_private_methods_pinned(self):
        """Fails first at the next Odoo version: read ``post_template``
        again, or let it fall back to the public path."""
        for model, methods in PRIVATE_MAIL_API.items():
            for method, parameters in methods.items():
                with self.subTest(model=model, method=method):
                    function = getattr(type(self.env[model]), method, None)
                    self.assertTrue(callable(function), f"{model}.{method} is gone")
                    signature = inspect.signature(function).parameters
                    for parameter in parameters:
                        self.assertIn(parameter, signature, f"{model}.{method}")

    def test_public_path_posts_the_same_message(self):
        order = self.order.with_user(self.users["clerk"]).sudo()
        batch = post_template(order, self.template.sudo())
        public = post_template(order, self.template.sudo(), batch=False)
        for message in (batch, public):
            self.assertEqual(message.subject, f"Order {self.order.name}")
            self.assertIn("Acme Machinery", message.body)
            self.assertEqual(message.partner_ids, self.partner)
            self.assertEqual(message.message_type, "comment")
        self.assertEqual(public.author_id, batch.author_id)
        self.assertEqual(public.subtype_id, batch.subtype_id)
        self.assertFalse(
            self.users["clerk"].partner_id & self.order.message_partner_ids,
            "neither path makes the clerk a follower",
        )

    def test_falls_back_without_the_private_methods(self):
        order = self.order.with_user(self.users["clerk"]).sudo()
        Thread = type(self.env["mail.thread"])
        with (
            patch.object(mail_batch, "_private_mail_api_available", return_value=False),
            patch.object(
                Thread,
                "message_post_with_source",
                autospec=True,
                side_effect=Thread.message_post_with_source,
            ) as public,
        ):
            message = post_template(order, self.template.sudo())
        self.assertEqual(public.call_count, 1)
        self.assertEqual(message.subject, f"Order {self.order.name}")


@tagged("post_install", "-at_install")
class TestNotesBatch(OrderHandlingCommon):
    """``notes_batch``: the notes a step's parts post with
    ``post_notes_deferred`` are written together at the end of the block
    (one ``mail.message`` create), each still notifying its own partners by
    the scheduled-message cron; nothing is posted when the block fails."""

    def _notes(self):
        return self.env["mail.message"].search(
            [("model", "=", "sale.order"), ("res_id", "=", self.order.id)]
        )

    def test_collected_then_posted_in_one_create(self):
        order = self.order.sudo()
        clerk = self.users["clerk"].partner_id
        before = self._notes()
        Message = type(self.env["mail.message"])
        with patch.object(
            Message, "create", autospec=True, side_effect=Message.create
        ) as create:
            with mail_batch.notes_batch(self.env):
                self.assertIsNone(
                    mail_batch.post_notes_deferred([(order, "first", clerk)])
                )
                with mail_batch.notes_batch(self.env):  # joins the outer one
                    mail_batch.post_notes_deferred([(order, "second", clerk)])
                self.assertEqual(self._notes(), before, "nothing posted yet")
                self.assertEqual(create.call_count, 0)
            self.assertEqual(create.call_count, 1, "one create for both notes")
        notes = self._notes() - before
        self.assertEqual(
            sorted(notes.mapped("body")), ["<p>first</p>", "<p>second</p>"]
        )
        self.assertEqual(notes.partner_ids, clerk)
        self.assertEqual(notes.subtype_id, self.env.ref("mail.mt_note"))
        schedules = (
            self.env["mail.message.schedule"]
            .sudo()
            .search([("mail_message_id", "in", notes.ids)])
        )
        self.assertEqual(len(schedules), 2, "each notified by the cron")
        self.assertFalse(
            self.env.cr.precommit.data.get(mail_batch.NOTES_BATCH_KEY),
            "nothing kept after the block",
        )

    def test_nothing_posted_when_the_block_fails(self):
        order = self.order.sudo()
        before = self._notes()
        with self.assertRaises(ValueError):
            with mail_batch.notes_batch(self.env):
                mail_batch.post_notes_deferred(
                    [(order, "lost", self.users["clerk"].partner_id)]
                )
                raise ValueError("a later part of the step fails")
        self.assertEqual(self._notes(), before)
        self.assertNotIn(mail_batch.NOTES_BATCH_KEY, self.env.cr.precommit.data)
        # outside a block, a note is posted at once
        self.assertTrue(
            mail_batch.post_notes_deferred(
                [(order, "now", self.users["clerk"].partner_id)]
            )
        )
