# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import IntakeCommon


@tagged("post_install", "-at_install")
class TestIntakeSecurity(IntakeCommon):
    """Who sees the intake queue, who may act on it, who configures it
    (R7.4, "Everywhere")."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_regular(cls.product)
        cls.mine = cls._submit(cls._new_order())
        cls.colleague = cls._submit(cls._new_order(user="saleshead"), user="saleshead")
        cls.draft = cls._new_order()
        action = cls.env.ref("sale_order_intake.sale_order_intake_action")
        cls.queue_domain = safe_eval(action.domain)

    def _queue(self, role):
        return (
            self.env["sale.order"]
            .with_user(self.users[role])
            .search(
                self.queue_domain
                + [("id", "in", (self.mine | self.colleague | self.draft).ids)]
            )
        )

    def test_stock_roles_are_inventory_users(self):
        """Intake brings Odoo's Inventory right to the roles that work with
        stock (order_handling_base depends on sale only)."""
        for role in ("clerk", "warehouse", "manager"):
            self.assertTrue(self.users[role].has_group("stock.group_stock_user"), role)
        self.assertFalse(self.users["quality"].has_group("stock.group_stock_user"))

    def test_intake_queue_visibility(self):
        queued = self.mine | self.colleague
        self.assertEqual(self._queue("clerk"), queued, "drafts stay with sales")
        self.assertEqual(self._queue("clerk2"), queued)
        self.assertEqual(self._queue("saleshead"), queued)
        self.assertEqual(self._queue("sales"), self.mine, "own orders only")
        for role in ("quality", "warehouse", "workshop", "engineering", "member"):
            self.assertFalse(self._queue(role), role)
        # accepted (regular): quality and the warehouse read its copy from
        # then on, never the order (R7.4)
        self._as("clerk", self.mine).action_intake_check()
        self._as("clerk", self.mine).action_intake_accept()
        Copy = self.env["sale.order.copy"]
        for role in ("quality", "member", "warehouse"):
            self.assertFalse(self._queue(role), role)
            copies = Copy.with_user(self.users[role]).search(
                [("id", "in", (self.mine | self.colleague | self.draft).ids)]
            )
            self.assertEqual(copies.ids, self.mine.ids, role)
        self.assertFalse(self._queue("engineering"))

    def test_intake_queue_columns_in_process_order(self):
        """The queue's columns follow the process (To Check before
        Completed), every open stage shows even when empty, and the closed
        ones fold away."""
        self._as("clerk", self.mine).action_intake_check()
        self.mine.sudo().intake_stage = "done"
        groups = (
            self.env["sale.order"]
            .with_user(self.users["clerk"])
            .web_read_group(self.queue_domain, ["intake_stage"], ["intake_stage"])
        )["groups"]
        stages = [group["intake_stage"] for group in groups]
        self.assertLess(stages.index("submitted"), stages.index("accepted"))
        self.assertLess(stages.index("accepted"), stages.index("done"))
        self.assertIn("date_proposed", stages, "an empty open stage still shows")
        self.assertNotIn("cancelled", stages, "no empty closed column")
        folded = {group["intake_stage"] for group in groups if group.get("__fold")}
        self.assertEqual(folded, {"done"})

    def test_intake_menus(self):
        Menu = self.env["ir.ui.menu"]
        intake = self.env.ref("sale_order_intake.menu_intake")
        queue = self.env.ref("sale_order_intake.sale_order_intake_menu")
        received = self.env.ref("sale_order_intake.sale_order_intake_mail_menu")
        configuration = self.env.ref("order_handling_base.menu_configuration")
        rules = self.env.ref("sale_order_intake.sale_order_intake_rule_menu")

        def visible(role):
            return Menu.with_user(self.users[role])._visible_menu_ids()

        for role in ("clerk", "sales", "manager"):
            self.assertIn(intake.id, visible(role), role)
            self.assertIn(queue.id, visible(role), role)
        self.assertIn(received.id, visible("clerk"))
        self.assertNotIn(received.id, visible("sales"))
        for role in ("quality", "warehouse", "engineering"):
            self.assertNotIn(intake.id, visible(role), role)
        self.assertIn(rules.id, visible("manager"))
        self.assertIn(configuration.id, visible("manager"))
        self.assertNotIn(configuration.id, visible("clerk"))

    def test_departments_cannot_check_or_accept(self):
        order = self.mine
        for role in ("quality", "warehouse", "workshop", "engineering", "member"):
            self.assertRefused(
                AccessError,
                order,
                lambda role=role: self._as(role, order).action_intake_check(),
            )
        self._as("clerk", order).action_intake_check()
        self._as("clerk", order).action_intake_accept()
        self.assertEqual(order.intake_stage, "accepted")
        # now quality and the warehouse read the order, still cannot act
        self.assertEqual(self._as("quality", order).intake_stage, "accepted")
        other = self.colleague
        self._as("clerk", other).action_intake_check()
        for role in ("quality", "warehouse"):
            self.assertRefused(
                AccessError,
                other,
                lambda role=role: self._as(role, other).action_intake_accept(),
            )
        with self.assertRaises(AccessError):
            self._as("quality", order).write({"note": "changed"})
        self.assertEqual(other.intake_stage, "checked")

    def test_departments_cannot_write_orders_not_transferred_to_them(self):
        """R7.4: a department sees only the orders transferred to it; it must
        not change the others either (the warehouse lead holds Odoo's
        stock-user right to write sale orders)."""
        order = self.colleague
        for role in ("warehouse", "quality", "workshop"):
            self.assertFalse(
                self.env["sale.order"]
                .with_user(self.users[role])
                .search([("id", "=", order.id)]),
                role,
            )
            with self.assertRaises(AccessError, msg=role):
                self._as(role, order).write({"client_order_ref": "forged"})
        self.assertFalse(order.client_order_ref)

    def test_workflow_fields_refused_over_rpc(self):
        """The stage and the who/when of each step change only through the
        intake actions: a salesperson cannot accept or sign off an order by
        writing the fields."""
        order = self.mine
        sales = self._as("sales", order)
        for vals in (
            {"intake_stage": "accepted"},
            {"intake_stage": "checked"},
            {"sales_signoff_uid": self.users["sales"].id},
            {"intake_checked_uid": self.users["clerk"].id},
            {"intake_recheck_uid": self.users["clerk2"].id},
            {"intake_return_count": 0},
            {"intake_class_override": "regular"},
        ):
            self.assertRefused(UserError, order, lambda vals=vals: sales.write(vals))
        # editable intake fields stay editable
        sales.write({"intake_channel": "phone", "intake_important_flag": True})
        self.assertEqual(order.intake_channel, "phone")

    def test_workflow_fields_refused_at_creation(self):
        """Nor can an order be created already accepted (and then confirmed)."""
        Order = self.env["sale.order"].with_user(self.users["sales"])
        line = Command.create({"product_id": self.product.id, "product_uom_qty": 1})
        for vals in (
            {"intake_stage": "date_confirmed"},
            {"intake_stage": "accepted", "intake_accepted_uid": self.users["clerk"].id},
            {"sales_signoff_uid": self.users["saleshead"].id},
        ):
            with self.assertRaises(UserError, msg=vals):
                Order.create(dict(vals, partner_id=self.partner.id, order_line=[line]))
        # an ordinary new order starts with sales
        order = Order.create(
            {
                "partner_id": self.partner.id,
                "order_line": [line],
                "intake_stage": "draft",
            }
        )
        self.assertEqual(order.intake_stage, "draft")

    def test_intake_rule_access(self):
        Rule = self.env["sale.order.intake.rule"]
        vals = {
            "name": "Customer reference",
            "check_type": "domain",
            "domain": "[('client_order_ref', '!=', False)]",
            "message": "Give the customer's order number",
        }
        rule = self.shipped_rules[:1]
        for role in ("clerk", "sales", "saleshead", "quality"):
            user = self.users[role]
            self.assertTrue(Rule.with_user(user).search([]), f"{role} reads the checks")
            with self.assertRaises(AccessError, msg=role):
                Rule.with_user(user).create(vals)
            with self.assertRaises(AccessError, msg=role):
                rule.with_user(user).write({"blocking": False})
            with self.assertRaises(AccessError, msg=role):
                rule.with_user(user).unlink()
        manager = self.users["manager"]
        created = Rule.with_user(manager).create(vals)
        self.assertEqual(created.company_id, self.company)
        created.with_user(manager).write({"blocking": False})
        self.assertFalse(created.blocking)
        created.with_user(manager).unlink()
        self.assertFalse(created.exists())

    def test_intake_issue_access(self):
        order = self._submit(self._new_order(clean=False))
        self._as("clerk", order).action_intake_check()
        issues = order.intake_issue_ids
        self.assertTrue(issues)
        self.assertEqual(
            self._as("sales", issues).mapped("message"), issues.mapped("message")
        )
        for role in ("clerk", "sales", "manager"):
            user = self.users[role]
            with self.assertRaises(AccessError, msg=role):
                issues.with_user(user).write({"blocking": False})
            with self.assertRaises(AccessError, msg=role):
                issues.with_user(user).unlink()
            with self.assertRaises(AccessError, msg=role):
                self.env["sale.order.intake.issue"].with_user(user).create(
                    {"order_id": order.id, "message": "forged"}
                )
        # the issues go with the order's records: no clearing them through it
        with self.assertRaises(AccessError):
            self._as("sales", order).write({"intake_issue_ids": [Command.clear()]})
        self.assertEqual(order.intake_issue_ids, issues)

    def test_other_company_configuration_is_invisible(self):
        company_b = self.env["res.company"].create({"name": "Rule Branch B"})
        rule_b = self.env["sale.order.intake.rule"].create(
            {
                "name": "Branch B only",
                "check_type": "signoff",
                "message": "B",
                "company_id": company_b.id,
            }
        )
        Rule = self.env["sale.order.intake.rule"]
        for role in ("clerk", "manager"):
            self.assertFalse(
                Rule.with_user(self.users[role]).search([("id", "=", rule_b.id)]), role
            )
        self.assertIn(
            rule_b,
            Rule.search([("company_id", "=", company_b.id)]),
            "the superuser sees it",
        )

    def test_technical_documents_access(self):
        template = (
            self.env["product.product"].create({"name": "Bracket"}).product_tmpl_id
        )
        Document = self.env["product.tech.document"]
        drawing = self.env.ref("sale_order_intake.tech_document_type_drawing")
        with self.assertRaises(AccessError):
            Document.with_user(self.users["sales"]).create(
                {"product_tmpl_id": template.id, "type_id": drawing.id}
            )
        document = Document.with_user(self.users["process"]).create(
            {"product_tmpl_id": template.id, "type_id": drawing.id}
        )
        document.with_user(self.users["quality"]).write({"state": "done"})
        self.assertEqual(document.done_uid, self.users["quality"])
        with self.assertRaises(AccessError):
            document.with_user(self.users["process"]).unlink()
        with self.assertRaises(AccessError):
            self.env["product.tech.document.type"].with_user(
                self.users["clerk"]
            ).create({"name": "Photo", "code": "photo"})

    def test_refusal_names_the_roles_as_the_guides_do(self):
        """A refused step names the roles that may take it as the role
        guides do: each group's own name, in the user's language, without
        the "Order Handling /" category, joined as the language joins
        alternatives. Also for a role that cannot read the order."""
        order = self.mine
        for role in ("quality", "sales"):
            self.assertRefused(
                AccessError,
                order,
                lambda role=role: self._as(role, order).action_intake_check(),
                regex=(
                    f"^Only Logistics Clerk or Administrator can do this on "
                    f"order {order.name}\\.$"
                ),
            )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["order_handling_base", "sale_order_intake"], ["zh_CN"]
        )
        self.assertRefused(
            AccessError,
            order,
            lambda: (
                self._as("quality", order)
                .with_context(lang="zh_CN")
                .action_intake_check()
            ),
            regex=f"^只有物流员/接单员或管理员才能对订单 {order.name} 执行此操作。$",
        )
