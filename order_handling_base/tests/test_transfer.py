# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..models.mail_queue import send_scheduled_notifications
from .common import OrderHandlingCommon


@tagged("post_install", "-at_install")
class TestTransfer(OrderHandlingCommon):
    def test_transfer_creates_one_slip_per_department(self):
        slips = self._transfer(["quality", "warehouse"], note="<p>Check the seals</p>")
        self.assertEqual(len(slips), 2)
        self.assertEqual(set(slips.mapped("state")), {"sent"})
        self.assertEqual(slips.sent_uid, self.users["clerk"])
        self.assertEqual(set(slips.mapped("origin")), {self.order.name})
        self.assertEqual(len(set(slips.mapped("name"))), 2)
        self.assertTrue(all(name.startswith("TS/") for name in slips.mapped("name")))
        self.assertEqual(self.order.sudo().transfer_slip_ids, slips)
        self.assertEqual(self.order.sudo().transfer_slip_count, 2)
        # the responsible users get an activity each
        self.env.invalidate_all()
        for slip in slips:
            self.assertEqual(
                slip.activity_ids.user_id, slip.department_id.manager_id, slip.name
            )
            self.assertEqual(
                slip.activity_ids.activity_type_id,
                self.env.ref("order_handling_base.mail_activity_type_transfer"),
            )
        # the order keeps a note of the transfer, which notifies nobody
        message = self.order.message_ids.filtered(
            lambda m: "Transferred to departments" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertFalse(message.partner_ids)
        # each department's people get a message on their slip (which they
        # open; they read no order)
        for slip in slips:
            notice = slip.message_ids.filtered("partner_ids")
            self.assertEqual(len(notice), 1, slip.name)
            department = slip.department_id
            self.assertEqual(
                notice.partner_ids,
                (department.manager_id | department.member_ids).partner_id,
            )
        self.assertEqual(
            slips.message_ids.partner_ids,
            (
                self.users["quality"] | self.users["member"] | self.users["warehouse"]
            ).partner_id,
        )

    def test_departments_are_notified_not_subscribed(self):
        """The departments' people get the transfer message on their slip
        (inbox or e-mail) but follow neither the slip nor the order: later
        customer mails are not copied to them. Their e-mails go through the
        mail queue, which is triggered."""
        cron = self.env.ref("mail.ir_cron_mail_scheduler_action")
        Trigger = self.env["ir.cron.trigger"].sudo()
        triggers_before = Trigger.search([("cron_id", "=", cron.id)])
        self._transfer(["quality", "warehouse"])
        people = (
            self.users["quality"] | self.users["member"] | self.users["warehouse"]
        ).partner_id
        slips = self.order.sudo().transfer_slip_ids
        message = slips.message_ids.filtered("partner_ids")
        self.assertEqual(message.partner_ids, people)
        self.assertFalse(people & self.order.message_partner_ids)
        self.assertFalse(people & slips.message_partner_ids)
        # the request wrote the messages (one per slip); the cron notifies
        schedule = (
            self.env["mail.message.schedule"]
            .sudo()
            .search([("mail_message_id", "in", message.ids)])
        )
        self.assertEqual(len(schedule), 2)
        self.assertFalse(message.notification_ids)
        scheduled_cron = self.env.ref("mail.ir_cron_send_scheduled_message")
        self.assertTrue(Trigger.search([("cron_id", "=", scheduled_cron.id)]))
        send_scheduled_notifications(message)
        self.assertFalse(schedule.exists())
        notified = message.notification_ids.res_partner_id
        self.assertEqual(notified & people, people)
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("mail_message_id", "in", message.ids)])
        )
        self.assertTrue(mails, "the e-mail users get an e-mail")
        self.assertEqual(set(mails.mapped("state")), {"outgoing"}, "queued, not sent")
        self.assertTrue(Trigger.search([("cron_id", "=", cron.id)]) - triggers_before)

    def test_acknowledge(self):
        """The department acknowledges its slip: sent → acknowledged, with time and user
        (R2.3)."""
        slip = self._transfer(["quality"])
        member = self.users["member"]
        slip.with_user(member).action_acknowledge()
        self.assertEqual(slip.state, "acknowledged")
        self.assertEqual(slip.acknowledged_uid, member)
        self.assertTrue(slip.acknowledged_date)
        self.assertFalse(slip.activity_ids, "the department's activity is done")
        with self.assertRaisesRegex(UserError, "Acknowledged"):
            slip.with_user(member).action_acknowledge()

    def test_acknowledge_refused_outside_the_department(self):
        slip = self._transfer(["quality"])
        # the warehouse lead cannot even see the slip; the clerk can see it
        # (order owner) but is no member of Quality
        with self.assertRaises(AccessError):
            slip.with_user(self.users["warehouse"]).action_acknowledge()
        with self.assertRaisesRegex(AccessError, "Quality"):
            slip.with_user(self.users["clerk"]).action_acknowledge()
        self.assertEqual(slip.state, "sent")
        self.assertFalse(slip.acknowledged_uid)
        # the administrator may act for any department
        slip.with_user(self.users["manager"]).action_acknowledge()
        self.assertEqual(slip.state, "acknowledged")

    def test_forward_warehouse_to_production(self):
        """The warehouse lead forwards the slip to production: acknowledged → forwarded,
        a new slip for production (R2.2, R2.3)."""
        slip = self._transfer(["warehouse"])
        warehouse = self.users["warehouse"]
        slip.with_user(warehouse).action_acknowledge()
        wizard = Form(
            self.env["order.handling.transfer.forward"]
            .with_user(warehouse)
            .with_context(default_transfer_ids=slip.ids)
        )
        wizard.department_id = self.departments["production"]
        wizard.note = "<p>Schedule it this week</p>"
        action = wizard.save().action_forward()
        new_slip = self.env["order.handling.transfer"].browse(action["res_id"])
        self.assertEqual(slip.state, "forwarded")
        self.assertEqual(slip.forwarded_uid, warehouse)
        self.assertEqual(slip.forward_slip_id, new_slip)
        self.assertEqual(new_slip.previous_slip_id, slip)
        self.assertEqual(new_slip.department_id, self.departments["production"])
        self.assertEqual(new_slip.state, "sent")
        self.assertEqual(new_slip.sent_uid, warehouse)
        self.assertEqual(
            (new_slip.res_model, new_slip.res_id), ("sale.order", self.order.id)
        )
        self.assertEqual(new_slip.activity_ids.user_id, self.users["workshop"])
        # the workshop supervisor now sees the slip and the order's copy,
        # the warehouse no longer the copy (its slip is forwarded)
        Copy = self.env["sale.order.copy"]
        self.assertEqual(
            Copy.with_user(self.users["workshop"])
            .search([("id", "=", self.order.id)])
            .ids,
            self.order.ids,
        )
        self.assertFalse(Copy.with_user(warehouse).search([("id", "=", self.order.id)]))
        # a forwarded slip cannot move again
        with self.assertRaises(UserError):
            slip.with_user(warehouse).action_forward(self.departments["quality"])

    def test_forward_from_sent_acknowledges_on_the_way(self):
        slip = self._transfer(["warehouse"])
        new_slip = slip.with_user(self.users["warehouse"])._forward(
            self.departments["production"]
        )
        self.assertEqual(slip.state, "forwarded")
        self.assertEqual(slip.acknowledged_uid, self.users["warehouse"])
        self.assertEqual(slip.stage_log_ids.mapped("stage"), ["forwarded", "sent"])
        self.assertTrue(new_slip)

    def test_forward_refused(self):
        slip = self._transfer(["warehouse"])
        warehouse = slip.with_user(self.users["warehouse"])
        with self.assertRaisesRegex(UserError, "already at that department"):
            warehouse.action_forward(self.departments["warehouse"])
        other_company = self.env["res.company"].create({"name": "Elsewhere Ltd"})
        foreign = self.env["order.handling.department"].search(
            [("company_id", "=", other_company.id), ("code", "=", "production")]
        )
        with self.assertRaisesRegex(UserError, "different company"):
            warehouse.action_forward(foreign)
        with self.assertRaises(AccessError):
            slip.with_user(self.users["quality"]).action_forward(
                self.departments["production"]
            )
        self.assertEqual(slip.state, "sent")
        self.assertEqual(
            self.order.sudo().transfer_slip_count, 1, "nothing half-written"
        )

    def test_cancel(self):
        slip = self._transfer(["quality"])
        with self.assertRaisesRegex(UserError, "reason"):
            slip.with_user(self.users["clerk"]).action_cancel("  ")
        with self.assertRaises(AccessError):
            slip.with_user(self.users["quality"]).action_cancel("not mine")
        wizard = Form(
            self.env["order.handling.transfer.cancel"]
            .with_user(self.users["clerk"])
            .with_context(default_transfer_ids=slip.ids)
        )
        wizard.reason = "Sent to the wrong department"
        wizard.save().action_cancel()
        self.assertEqual(slip.state, "cancelled")
        self.assertEqual(slip.cancelled_uid, self.users["clerk"])
        self.assertEqual(slip.cancel_reason, "Sent to the wrong department")
        self.assertFalse(slip.activity_ids)
        with self.assertRaises(UserError):
            slip.with_user(self.users["member"]).action_acknowledge()
        # a cancelled slip may be deleted, a live one never
        live = self._transfer(["warehouse"])
        with self.assertRaises(UserError):
            live.sudo().unlink()
        slip.sudo().unlink()
        self.assertFalse(slip.exists())

    def test_nobody_creates_slips_directly(self):
        """A slip opens its document to a department: no role may create one
        over RPC (not even forged as sent), only the workflow steps that send
        documents (``_transfer_to_departments``, forwarding)."""
        base_vals = {
            "department_id": self.departments["quality"].id,
            "res_model": "sale.order",
            "res_id": self.order.id,
        }
        count = self.env["order.handling.transfer"].search_count([])
        for role, user in self.users.items():
            Slip = self.env["order.handling.transfer"].with_user(user)
            for vals in (base_vals, dict(base_vals, state="acknowledged")):
                with self.assertRaises(UserError, msg=role):
                    Slip.create(vals)
        self.assertEqual(self.env["order.handling.transfer"].search_count([]), count)
        slip = self._transfer(["quality"])
        self.assertEqual(slip.sent_uid, self.users["clerk"])
        self.assertEqual(slip.state, "sent")

    def test_cancelled_slip_grants_nothing(self):
        """A department reads the copy of an order only through an open
        slip."""
        slip = self._transfer(["quality"])
        Copy = self.env["sale.order.copy"].with_user(self.users["quality"])
        self.assertEqual(Copy.search([("id", "=", self.order.id)]).ids, self.order.ids)
        slip.with_user(self.users["clerk"]).action_cancel("Sent by mistake")
        self.assertEqual(slip.state, "cancelled")
        self.assertFalse(Copy.search([("id", "=", self.order.id)]))
        with self.assertRaises(AccessError):
            Copy.browse(self.order.id).read(["name"])

    def test_document_of_another_company_refused(self):
        company_b = self.env["res.company"].create({"name": "Company B2"})
        order_b = (
            self.env["sale.order"]
            .with_company(company_b)
            .create({"partner_id": self.partner.id})
        )
        with self.assertRaisesRegex(UserError, "belongs to"):
            self.env["order.handling.transfer"].create(
                {
                    "department_id": self.departments["quality"].id,
                    "company_id": self.company.id,
                    "res_model": "sale.order",
                    "res_id": order_b.id,
                }
            )

    def test_cross_department_refusal_names_the_department(self):
        """Quality acting on the warehouse's slip, which its record rules do
        not even let it read, is answered with the suite's own sentence
        (the slip, its department, what only its members may do) in the
        user's language, not with Odoo's generic access error; nothing
        changes. A slip of a company the user is not in is not described."""
        slip = self._transfer(["warehouse"])
        quality = slip.with_user(self.users["quality"])
        Slip = self.env["order.handling.transfer"].with_user(self.users["quality"])
        self.assertFalse(Slip.search([("id", "=", slip.id)]), "not readable")
        prefix = (
            f"Transfer slip {re.escape(slip.name)} belongs to the "
            f"{re.escape(self.departments['warehouse'].name)} department: "
        )
        with self.assertRaisesRegex(
            AccessError, f"^{prefix}only its members can acknowledge it\\.$"
        ):
            quality.action_acknowledge()
        with self.assertRaisesRegex(
            AccessError, f"^{prefix}only its members can forward it\\.$"
        ):
            quality.action_forward(self.departments["production"])
        with self.assertRaisesRegex(
            AccessError,
            f"^Only the sender of transfer slip {re.escape(slip.name)} or an "
            "order-handling administrator can cancel it\\.$",
        ):
            quality.action_cancel("Not ours")
        self.assertEqual(slip.state, "sent")
        self.assertFalse(slip.forward_slip_id)
        self.env["res.lang"]._activate_lang("zh_CN")
        with self.assertRaisesRegex(AccessError, "只有该部门成员可以签收"):
            quality.with_context(lang="zh_CN").action_acknowledge()
        # the warehouse itself still acknowledges it
        slip.with_user(self.users["warehouse"]).action_acknowledge()
        self.assertEqual(slip.state, "acknowledged")
        # another company's slip: left to the record rules
        company_b = self.env["res.company"].create({"name": "Company B3"})
        order_b = (
            self.env["sale.order"]
            .with_company(company_b)
            .create({"partner_id": self.partner.id})
        )
        department_b = self.env["order.handling.department"].search(
            [("company_id", "=", company_b.id), ("code", "=", "warehouse")]
        )
        foreign = order_b._transfer_to_departments(department_b)
        self.assertEqual(len(foreign), 1)
        with self.assertRaises(AccessError) as caught:
            foreign.with_user(self.users["quality"]).action_acknowledge()
        self.assertNotIn("belongs to the", str(caught.exception))
        self.assertEqual(foreign.state, "sent")

    def test_batch_slip_creation_query_count(self):
        """Creating slips is one batched call: each extra slip costs a small
        constant (its sequence number), not a round of queries of its own."""
        orders = self.env["sale.order"]
        for _i in range(10):
            orders |= self._create_order(self.users["sales"])
        clerk = self.users["clerk"]
        # as the workflow creates them (users have no create right)
        Slip = self.env["order.handling.transfer"].with_user(clerk).sudo()
        departments = self.env["order.handling.department"].browse(
            [department.id for department in self.departments.values()]
        )
        self.assertEqual(len(departments), 10)

        def vals_list(batch):
            return [
                order._prepare_transfer_slip_vals(department)
                for order in batch
                for department in departments
            ]

        Slip.create(vals_list(orders[:1]))  # warm the caches once
        small_vals = vals_list(orders[1:2])  # 10 slips
        large_vals = vals_list(orders)  # 100 slips
        small = self._count_queries(lambda: Slip.create(small_vals))
        large = self._count_queries(lambda: Slip.create(large_vals))
        per_slip = (large - small) / 90.0
        self.assertLessEqual(
            per_slip,
            1.1,
            f"{small} queries for 10 slips, {large} for 100: {per_slip:.2f} per slip",
        )

    def test_transfer_query_count_per_document(self):
        """Transferring documents adds, per document, only its notification
        message; per slip only the slip's sequence number."""
        orders = self.env["sale.order"]
        for _i in range(11):
            orders |= self._create_order(self.users["sales"])
        clerk = self.users["clerk"]
        departments = (
            self.departments["quality"] | self.departments["warehouse"]
        ).with_user(clerk)
        orders[:1].with_user(clerk)._transfer_to_departments(departments)
        one = self._count_queries(
            lambda: orders[1:2].with_user(clerk)._transfer_to_departments(departments)
        )
        ten = self._count_queries(
            lambda: orders[2:].with_user(clerk)._transfer_to_departments(departments)
        )
        per_document = (ten - one) / 8.0
        # the cost of one notified chatter message (e-mail notifications to
        # the departments' users included) and two sequence numbers
        self.assertLessEqual(
            per_document,
            60,
            f"{one} queries for 1 order, {ten} for 9: {per_document:.1f} per order",
        )
