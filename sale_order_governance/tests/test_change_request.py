# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .governance_common import GovernanceCommon

REQUEST_FIELDS = ["state", "reason", "new_commitment_date", "applied_date"]
LINE_FIELDS = ["product_id", "product_uom_qty", "price_unit", "name"]


@tagged("post_install", "-at_install")
class TestChangeRequest(GovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ship_to = cls.env["res.partner"].create(
            {"name": "Acme site B", "parent_id": cls.partner.id, "type": "other"}
        )

    def _file(self, order, user="sales", line_values=None, **vals):
        """A change request filed by ``user`` through the form."""
        form = Form(
            self.env["sale.order.change.request"]
            .with_user(self.users[user])
            .with_context(default_order_id=order.id)
        )
        form.reason = vals.pop("reason", "The customer changed the quantities.")
        for name, value in vals.items():
            setattr(form, name, value)
        for sol, values in (line_values or {}).items():
            with form.line_ids.new() as line:
                line.order_line_id = sol
                for name, value in values.items():
                    setattr(line, name, value)
        return form.save()

    def _approve(self, request, role="saleshead"):
        request.with_user(self.users[role]).validate_tier()

    # ------------------------------------------------------------------
    # The flow
    # ------------------------------------------------------------------

    def test_change_filed_approved_applied_with_before_after(self):
        order = self._confirmed_order(transfer=("warehouse", "production"))
        line1, line2 = order.order_line
        picking = order.picking_ids
        new_date = (fields.Datetime.now() + timedelta(days=40)).replace(microsecond=0)
        request = self._file(
            order,
            line_values={line1: {"new_qty": 8}, line2: {"new_price": 180.0}},
            new_commitment_date=new_date,
            new_partner_shipping_id=self.ship_to,
        )
        self.assertTrue(request.name.startswith("CHG/"))
        self.assertEqual(request.state, "draft")
        self.assertEqual(request.line_ids.mapped("old_qty"), [5.0, 3.0])
        self.assertIn("Transferred to departments", request.impact_html)
        self.assertIn(self.departments["warehouse"].name, request.impact_html)
        request.with_user(self.users["sales"]).request_validation()
        self.assertIn(request.validation_status, ("waiting", "pending"))
        # the requester does not approve their own request
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.users["sales"]).validate_tier(),
            ["state", "validation_status"],
            regex="someone else approves",
        )
        # under approval the request is frozen
        with self.assertRaises(UserError):
            request.with_user(self.users["sales"]).write({"reason": "Other"})
        self._approve(request)
        self.assertEqual(request.state, "approved")
        self.assertTrue(request.can_apply)
        # approved: neither edited, nor its lines, nor deleted
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.users["saleshead"]).write(
                {"reason": "Changed afterwards"}
            ),
            REQUEST_FIELDS,
        )
        with self.assertRaises(UserError):
            request.line_ids[0].with_user(self.users["saleshead"]).new_qty = 1
        with self.assertRaises(UserError):
            request.with_user(self.users["saleshead"]).unlink()
        with self.assertRaises(UserError):
            request.with_user(self.users["manager"]).unlink()

        todo = self.env.ref("mail.mail_activity_data_todo")
        self.assertEqual(request.sudo().activity_ids.activity_type_id, todo)
        request.with_user(self.users["sales"]).action_apply()
        self.assertEqual(request.state, "applied")
        self.assertEqual(request.applied_uid, self.users["sales"])
        # the "apply" to-do is done, by whoever applied it
        self.assertFalse(request.sudo().activity_ids)
        done = request.sudo().message_ids.filtered(
            lambda m: m.mail_activity_type_id == todo
        )
        self.assertEqual(done.author_id, self.users["sales"].partner_id)
        # the order and its open picking
        self.assertEqual(line1.product_uom_qty, 8)
        self.assertEqual(line2.price_unit, 180.0)
        self.assertEqual(order.commitment_date, new_date)
        self.assertEqual(order.partner_shipping_id, self.ship_to)
        self.assertEqual(picking.partner_id, self.ship_to)
        self.assertEqual(picking.scheduled_date, new_date)
        self.assertEqual(
            sum(
                picking.move_ids.filtered(
                    lambda m: m.product_id == self.product
                ).mapped("product_uom_qty")
            ),
            8,
        )
        # before / after kept
        self.assertEqual(request.line_ids[0].old_qty, 5)
        self.assertEqual(request.line_ids[0].new_qty, 8)
        self.assertEqual(request.line_ids[1].old_price, 200.0)
        self.assertTrue(request.old_commitment_date)
        self.assertEqual(request.old_partner_shipping_id, self.partner)
        # the departments that had the order: a message and an activity each
        # (on the order's copy: the departments read no order)
        notice = self.env.ref("sale_order_governance.mail_activity_type_order_notice")
        copy = self.env["sale.order.copy"].browse(order.id)
        activities = copy.activity_ids.filtered(lambda a: a.activity_type_id == notice)
        self.assertEqual(
            activities.user_id, self.users["warehouse"] | self.users["workshop"]
        )
        self.assertFalse(
            order.activity_ids.filtered(lambda a: a.activity_type_id == notice)
        )
        message = copy.message_ids.filtered(
            lambda m: request.name in (m.body or "") and "Before" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.users["warehouse"].partner_id, message.partner_ids)
        # sales keep a note on the order, which notifies nobody
        note = order.message_ids.filtered(
            lambda m: request.name in (m.body or "") and "Before" in (m.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertFalse(note.partner_ids)
        # prices stay out of what the departments read, not out of the request
        self.assertNotIn("180.0", message.body)
        self.assertIn("5.0", message.body)
        self.assertIn(
            "180.0",
            "".join(request.message_ids.mapped(lambda m: str(m.body or ""))),
        )
        # applied twice: refused
        with self.assertRaises(UserError):
            request.with_user(self.users["sales"]).action_apply()

    def test_apply_unapproved_is_refused(self):
        order = self._confirmed_order()
        line = order.order_line[0]
        request = self._file(order, line_values={line: {"new_qty": 9}})
        self.assertRefused(
            UserError,
            line,
            lambda: request.with_user(self.users["sales"]).action_apply(),
            LINE_FIELDS,
            regex="not approved",
        )
        request.with_user(self.users["sales"]).request_validation()
        # pending approval: still refused
        self.assertRefused(
            UserError,
            line,
            lambda: request.with_user(self.users["saleshead"]).action_apply(),
            LINE_FIELDS,
        )
        # a rejection does not make it applicable either
        request.with_user(self.users["saleshead"]).reject_tier()
        self.assertEqual(request.validation_status, "rejected")
        self.assertRefused(
            UserError,
            line,
            lambda: request.with_user(self.users["manager"]).action_apply(),
            LINE_FIELDS,
        )
        self.assertEqual(line.product_uom_qty, 5)
        request.with_user(self.users["sales"]).action_cancel()
        self.assertEqual(request.state, "cancelled")

    def test_quantity_below_delivered_is_refused(self):
        order = self._confirmed_order()
        line = order.order_line[0]
        self._deliver_partially(order, self.product, 4)
        self.assertEqual(line.qty_delivered, 4)
        request = self._file(order, line_values={line: {"new_qty": 3}})
        self.assertIn("already delivered", request.impact_blocking)
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.users["sales"]).request_validation(),
            REQUEST_FIELDS,
            regex="already delivered",
        )
        self.assertFalse(request.review_ids)
        # what was delivered meanwhile is checked again when applying
        request.line_ids.new_qty = 6
        request.with_user(self.users["sales"]).request_validation()
        self._approve(request)
        self._deliver_partially(order, self.product, 1)
        self.assertEqual(line.qty_delivered, 5)
        request.sudo().line_ids.new_qty = 4.5
        self.assertRefused(
            UserError,
            line,
            lambda: request.with_user(self.users["sales"]).action_apply(),
            LINE_FIELDS,
            regex="already delivered",
        )

    def test_product_and_specification_change(self):
        order = self._confirmed_order()
        line = order.order_line[0]
        request = self._file(
            order,
            line_values={
                line: {"new_product_id": self.product3, "new_name": "GP-60, 316L body"}
            },
            reason="The customer needs the larger pump in stainless steel.",
        )
        self.assertTrue(request.spec_changed)
        request.with_user(self.users["sales"]).request_validation()
        self._approve(request)
        request.with_user(self.users["sales"]).action_apply()
        # the delivered part (nothing) stays on the old product, a new line
        # carries the new one, the picking follows
        self.assertEqual(line.product_uom_qty, 0)
        new_line = request.line_ids.new_line_id
        self.assertEqual(new_line.product_id, self.product3)
        self.assertEqual(new_line.product_uom_qty, 5)
        self.assertEqual(new_line.name, "GP-60, 316L body")
        moves = order.picking_ids.move_ids.filtered(
            lambda m: m.state not in ("done", "cancel")
        )
        self.assertIn(self.product3, moves.product_id)
        self.assertNotIn(self.product, moves.product_id)
        # a specification change: non-regular (reviewed again where
        # sale_order_review is installed: sale_order_governance_review)
        self.assertEqual(order.intake_class, "non_regular")

    def test_refused_people(self):
        order = self._confirmed_order()
        line = order.order_line[0]
        other = self.users["sales"].copy({"login": "oh_sales_other"})
        # another salesperson does not file on someone else's order
        with self.assertRaises(AccessError):
            self.env["sale.order.change.request"].with_user(other).create(
                {
                    "order_id": order.id,
                    "reason": "Not mine",
                    "line_ids": [Command.create({"order_line_id": line.id})],
                }
            )
        # warehouse leads (no sales right: requests carry prices) neither
        # file nor read requests; the order tells them what changed
        with self.assertRaises(AccessError):
            self.env["sale.order.change.request"].with_user(
                self.users["warehouse"]
            ).create({"order_id": order.id, "reason": "No"})
        with self.assertRaises(AccessError):
            self.env["sale.order.change.request"].with_user(
                self.users["warehouse"]
            ).search([])
        # a sales head files for the salesperson; the salesperson sees it
        request = self._file(
            order, user="saleshead", line_values={line: {"new_qty": 6}}
        )
        self.assertTrue(request.with_user(self.users["sales"]).read(["name"]))
        # and the other salesperson does not
        with self.assertRaises(AccessError):
            request.with_user(other).read(["name"])
        # the state is never written directly
        with self.assertRaises(UserError):
            request.with_user(self.users["saleshead"]).write({"state": "approved"})
        # a quotation has no change request: it is edited
        quotation = self.env["sale.order"].create(
            {"partner_id": self.partner.id, "user_id": self.users["sales"].id}
        )
        with self.assertRaises(UserError):
            self.env["sale.order.change.request"].with_user(self.users["sales"]).create(
                {"order_id": quotation.id, "reason": "Too early"}
            )
        # nothing to change: refused
        empty = self._file(order)
        with self.assertRaisesRegex(UserError, "changes nothing"):
            empty.with_user(self.users["sales"]).request_validation()
        # negative values
        with self.assertRaises(ValidationError):
            self._file(order, line_values={line: {"new_qty": -1}})

    def test_foreign_company(self):
        other_company = self.env["res.company"].create({"name": "Other Works"})
        order = self._confirmed_order(transfer=())
        foreign_user = self.users["sales"].copy(
            {
                "login": "oh_sales_foreign",
                "company_id": other_company.id,
                "company_ids": [Command.set(other_company.ids)],
            }
        )
        request = self._file(order, line_values={order.order_line[0]: {"new_qty": 6}})
        with self.assertRaises(AccessError):
            request.with_user(foreign_user).read(["name"])
        # a request of the other company cannot point at this order
        with self.assertRaises(UserError):
            self.env["sale.order.change.request"].create(
                {
                    "order_id": order.id,
                    "company_id": other_company.id,
                    "reason": "Cross-company",
                }
            )

    def test_change_notice_pdf_in_english_and_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["sale_order_governance"], ["zh_CN"], overwrite=True
        )
        order = self._confirmed_order()
        request = self._file(order, line_values={order.order_line[0]: {"new_qty": 7}})
        report = self.env.ref("sale_order_governance.action_report_change_notice")
        for lang, title in (("en_US", "Change Notice"), ("zh_CN", "变更通知单")):
            html = (
                self.env["ir.actions.report"]
                .with_context(lang=lang)
                ._render_qweb_html(report, request.ids)[0]
                .decode()
            )
            self.assertTrue(title in html, f"{title} not in the {lang} notice")
            self.assertTrue(request.name in html, "the request number is printed")
            pdf = (
                self.env["ir.actions.report"]
                .with_context(lang=lang, force_report_rendering=True)
                ._render_qweb_pdf(report, request.ids)[0]
            )
            self.assertTrue(pdf.startswith(b"%PDF"))
        action = request.with_user(self.users["sales"]).action_print_notice()
        self.assertEqual(
            action["report_name"], "sale_order_governance.report_change_notice"
        )

    def test_departments_read_the_copy_not_the_order(self):
        """A department member given the order reads its copy (no request
        field, no price), not the order and its requests (R7.4)."""
        order = self._confirmed_order(transfer=("quality",))
        self._file(order, line_values={order.order_line[0]: {"new_qty": 6}})
        member = self.users["quality"]
        with self.assertRaises(AccessError):
            order.with_user(member).read(["name", "change_request_ids"])
        copy = self.env["sale.order.copy"].with_user(member).browse(order.id)
        self.assertEqual(copy.read(["name"])[0]["name"], order.name)
        self.assertNotIn("change_request_ids", copy._fields)
