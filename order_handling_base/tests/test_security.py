# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ROLE_GROUPS, OrderHandlingCommon


@tagged("post_install", "-at_install")
class TestSecurity(OrderHandlingCommon):
    def test_every_role_is_an_order_handling_group(self):
        category = self.env.ref("order_handling_base.module_category_order_handling")
        user_group = self.env.ref("order_handling_base.group_user")
        for role, group_xmlid in ROLE_GROUPS.items():
            group = self.env.ref(f"order_handling_base.{group_xmlid}")
            self.assertEqual(group.category_id, category, role)
            self.assertIn(user_group, group.trans_implied_ids, role)
            self.assertTrue(self.users[role].has_group("base.group_user"), role)

    def test_role_chains(self):
        def has(role, group):
            return self.users[role].has_group(f"order_handling_base.{group}")

        self.assertTrue(has("saleshead", "group_salesperson"))
        self.assertTrue(has("engineering", "group_process_engineer"))
        self.assertTrue(has("gm", "group_manager"))
        self.assertFalse(has("process", "group_engineering_supervisor"))
        self.assertFalse(has("sales", "group_sales_head"))
        self.assertFalse(has("clerk", "group_manager"))
        # roles carry the Odoo rights their work needs
        self.assertTrue(self.users["sales"].has_group("sales_team.group_sale_salesman"))
        self.assertTrue(
            self.users["clerk"].has_group("sales_team.group_sale_salesman_all_leads")
        )
        self.assertFalse(
            self.users["quality"].has_group("sales_team.group_sale_salesman")
        )

    def test_slip_visibility_per_role(self):
        slips = self._transfer(["quality", "warehouse"])
        quality_slip = slips.filtered(lambda s: s.department_id.code == "quality")
        Slip = self.env["order.handling.transfer"]

        def visible(role):
            return Slip.with_user(self.users[role]).search([("id", "in", slips.ids)])

        self.assertEqual(visible("quality"), quality_slip)
        self.assertEqual(visible("member"), quality_slip)
        self.assertEqual(visible("warehouse"), slips - quality_slip)
        self.assertEqual(visible("clerk"), slips, "the clerk sent them and sees all")
        self.assertEqual(visible("manager"), slips)
        self.assertEqual(visible("gm"), slips)
        # the salesperson of the order follows where it went
        self.assertEqual(visible("sales"), slips)
        for role in ("saleshead", "engineering", "purchasing", "service"):
            self.assertFalse(visible(role), role)
        with self.assertRaises(AccessError):
            quality_slip.with_user(self.users["warehouse"]).read(["name"])

    def test_department_sees_only_orders_transferred_to_it(self):
        """A department reads the copy of the orders transferred to it (R7.4),
        never an order."""
        other_order = self._create_order(self.users["sales"])
        self._transfer(["quality"])
        Order = self.env["sale.order"]
        Copy = self.env["sale.order.copy"]
        quality = self.users["quality"]
        domain = [("id", "in", (self.order | other_order).ids)]
        self.assertFalse(Order.with_user(quality).search(domain))
        self.assertEqual(Copy.with_user(quality).search(domain).ids, self.order.ids)
        copy = Copy.with_user(quality).browse(self.order.id)
        self.assertEqual(copy.line_ids.product_id, self.product)
        with self.assertRaises(AccessError):
            self.order.order_line.with_user(quality).read(["product_id"])
        with self.assertRaises(AccessError):
            Copy.with_user(quality).browse(other_order.id).read(["name"])
        with self.assertRaises(AccessError):
            self.order.with_user(quality).write({"note": "changed"})
        # the warehouse got nothing
        self.assertFalse(Copy.with_user(self.users["warehouse"]).search(domain))
        # a salesperson keeps their own orders, not their colleagues'
        colleague = self.users["saleshead"]
        colleague_order = self._create_order(colleague)
        self.assertEqual(
            Order.with_user(self.users["sales"]).search(
                [("id", "in", (self.order | colleague_order).ids)]
            ),
            self.order,
        )

    def test_acl_per_model(self):
        Policy = self.env["order.handling.sla.policy"]
        Log = self.env["order.handling.stage.log"]
        slip = self._transfer(["quality"])
        for role in ("quality", "clerk", "sales", "gm", "manager"):
            user = self.users[role]
            self.assertTrue(Policy.with_user(user).search([]), role)
            with self.assertRaises(AccessError, msg=role):
                Log.with_user(user).create(
                    {"res_model": slip._name, "res_id": slip.id, "stage": "x"}
                )
            with self.assertRaises(AccessError, msg=role):
                slip.stage_log_ids.with_user(user).write({"stage": "forged"})
            with self.assertRaises(AccessError, msg=role):
                slip.with_user(user).unlink()
        for role in ("quality", "clerk", "sales"):
            with self.assertRaises(AccessError, msg=role):
                Policy.with_user(self.users[role]).create(
                    {
                        "name": "x",
                        "res_model": "order.handling.transfer",
                        "stage": "sent",
                    }
                )
        policy = Policy.with_user(self.users["manager"]).create(
            {"name": "Forward fast", "res_model": slip._name, "stage": "acknowledged"}
        )
        self.assertEqual(policy.stage_name, "Acknowledged")

    def test_protected_fields_refused_over_rpc(self):
        slip = self._transfer(["quality"])
        # administrators have write access, but not to the workflow fields
        for vals in (
            {"state": "acknowledged"},
            {"acknowledged_uid": self.users["manager"].id},
            {"department_id": self.departments["warehouse"].id},
        ):
            with self.assertRaises(UserError):
                slip.with_user(self.users["manager"]).write(vals)
        self.assertEqual(slip.state, "sent")
        self.assertFalse(slip.acknowledged_uid)
        # a member may not write at all
        with self.assertRaises(AccessError):
            slip.with_user(self.users["quality"]).write({"priority": "1"})

    def test_other_company_invisible(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        self.users["manager"].write({"company_ids": [Command.link(company_b.id)]})
        user_b = self.users["manager"]
        order_b = (
            self.env["sale.order"]
            .with_company(company_b)
            .create({"partner_id": self.partner.id})
        )
        quality_b = self.env["order.handling.department"].search(
            [("company_id", "=", company_b.id), ("code", "=", "quality")]
        )
        slip_b = order_b.with_company(company_b)._transfer_to_departments(quality_b)
        self.assertEqual(slip_b.company_id, company_b)
        # a user of company A only never sees it
        Slip = self.env["order.handling.transfer"]
        self.assertFalse(
            Slip.with_user(self.users["clerk"]).search([("id", "=", slip_b.id)])
        )
        with self.assertRaises(AccessError):
            slip_b.with_user(self.users["clerk"]).action_acknowledge()
        # the administrator sees it only with company B active
        self.assertFalse(
            Slip.with_user(user_b)
            .with_context(allowed_company_ids=[self.company.id])
            .search([("id", "=", slip_b.id)])
        )
        self.assertEqual(
            Slip.with_user(user_b)
            .with_context(allowed_company_ids=[self.company.id, company_b.id])
            .search([("id", "=", slip_b.id)]),
            slip_b,
        )
