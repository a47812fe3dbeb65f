# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from types import SimpleNamespace
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OrderHandlingCommon

ODOO_JOKE = "Uh-oh! Looks like you have stumbled upon some top-secret records."


@tagged("post_install", "-at_install")
class TestRefusalMessages(OrderHandlingCommon):
    """A refused record or model of the suite gets one sentence in the user's
    language saying what it is and who handles it; Odoo's models keep
    Odoo's message."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["order_handling_base"], ["zh_CN"], overwrite=True
        )
        cls.member = cls.users["member"]
        cls.other_company = cls.env["res.company"].create({"name": "Other Works"})
        cls.other_policy = cls.env["order.handling.sla.policy"].create(
            {
                "name": "Slips of Other Works",
                "res_model": "order.handling.transfer",
                "stage": "sent",
                "target_hours": 8,
                "company_id": cls.other_company.id,
            }
        )

    def _refusal(self, user, lang, action):
        user.lang = lang
        with self.assertRaises(AccessError) as caught:
            action()
        return str(caught.exception)

    def _both_langs(self, user, action):
        return {lang: self._refusal(user, lang, action) for lang in ("en_US", "zh_CN")}

    def test_rule_refusal_names_department_and_manager(self):
        slip = self._transfer(["quality"])
        warehouse = self.users["warehouse"]
        manager = self.users["quality"].name
        messages = self._both_langs(
            warehouse, lambda: slip.with_user(warehouse).read(["note"])
        )
        self.assertEqual(
            messages["en_US"],
            f"Transfer Slip #{slip.id} is handled by the Quality department: "
            f"ask its manager, {manager}.",
        )
        self.assertEqual(
            messages["zh_CN"],
            f"转交单 #{slip.id} 由部门“品质部”处理：请联系该部门负责人 {manager}。",
        )
        for message in messages.values():
            self.assertNotIn(ODOO_JOKE, message)
            self.assertNotIn("order.handling.transfer", message)

    def test_rule_refusal_reveals_nothing_of_the_record(self):
        """Asked by id over RPC, a refused record gives away neither its
        name nor a person linked to it: an order copy refused to a member
        names no order, customer or salesperson, only roles."""
        copy = self.env["sale.order.copy"].browse(self.order.id)
        messages = self._both_langs(
            self.member, lambda: copy.with_user(self.member).read(["name"])
        )
        self.assertTrue(
            messages["en_US"].startswith(f"Order Copy #{self.order.id} is handled by"),
            messages["en_US"],
        )
        for message in messages.values():
            for secret in (
                self.order.name,
                self.order.partner_id.name,
                self.users["sales"].name,
            ):
                self.assertNotIn(secret, message)

    def test_rule_refusal_names_roles(self):
        """A record with neither department nor responsible (a policy of
        another company): the roles whose access rights cover it, not the
        user's own."""
        policy = self.other_policy.with_user(self.member)
        messages = self._both_langs(self.member, lambda: policy.read(["target_hours"]))
        self.assertEqual(
            messages["en_US"],
            f"Order Handling SLA Policy #{self.other_policy.id} is "
            "handled by Order Handling / Administrator: ask someone with that role.",
        )
        self.assertTrue(
            messages["zh_CN"].startswith("订单处理时效规则 "), messages["zh_CN"]
        )
        self.assertTrue(
            messages["zh_CN"].endswith(
                "由以下角色处理：订单处理 / 管理员，请联系具有该角色的人员。"
            ),
            messages["zh_CN"],
        )

    def test_rule_refusal_counts_other_records(self):
        slips = self._transfer(["quality"]) | self._transfer(["engineering"])
        warehouse = self.users["warehouse"]
        message = self._refusal(
            warehouse, "en_US", lambda: slips.with_user(warehouse).read(["note"])
        )
        self.assertTrue(
            message.endswith("The same applies to 1 other records."), message
        )

    def test_model_refusal_names_roles(self):
        policy = self.env["order.handling.sla.policy"].search(
            [("company_id", "in", [False, self.company.id])], limit=1
        )
        self.assertTrue(policy)
        messages = self._both_langs(
            self.member,
            lambda: policy.with_user(self.member).write({"target_hours": 2}),
        )
        self.assertEqual(
            messages["en_US"],
            "Order Handling SLA Policy records are handled by Order Handling / "
            "Administrator: ask someone with that role.",
        )
        self.assertEqual(
            messages["zh_CN"],
            "订单处理时效规则由以下角色处理：订单处理 / 管理员，"
            "请联系具有该角色的人员。",
        )
        for message in messages.values():
            self.assertNotIn("order.handling.sla.policy", message)
            self.assertNotIn("\t-", message)

    def test_model_refusal_lists_every_role_in_the_users_language(self):
        """Transfer slips are read by every role of the suite: an internal
        user without any is told which roles, in their language."""
        outsider = self.env["res.users"].create(
            {
                "name": "Outsider",
                "login": "oh_outsider",
                "groups_id": [Command.set(self.env.ref("base.group_user").ids)],
            }
        )
        messages = self._both_langs(
            outsider,
            lambda: self.env["order.handling.transfer"].with_user(outsider).search([]),
        )
        self.assertIn("Order Handling / User", messages["en_US"])
        self.assertIn("订单处理 / 用户", messages["zh_CN"])
        self.assertTrue(messages["zh_CN"].startswith("转交单由以下角色处理："))

    def test_debug_mode_keeps_odoo_details(self):
        self.member.groups_id = [Command.link(self.env.ref("base.group_no_one").id)]
        policy = self.other_policy.with_user(self.member)
        # base.group_no_one counts in a request in debug mode only
        debug_request = SimpleNamespace(session=SimpleNamespace(debug="1"))
        with patch("odoo.addons.base.models.res_users.request", debug_request):
            message = self._refusal(
                self.member, "en_US", lambda: policy.read(["target_hours"])
            )
        self.assertTrue(message.startswith("Order Handling SLA Policy "), message)
        self.assertIn("Blame the following rules", message)

    def test_odoo_models_keep_odoo_messages(self):
        # record rule: a plain department member never opens an order
        order = self.order.with_user(self.member)
        message = self._refusal(self.member, "en_US", lambda: order.read(["name"]))
        self.assertIn(ODOO_JOKE, message)
        # access rights: nobody but administrators creates groups
        groups = self.env["res.groups"].with_user(self.member)
        message = self._refusal(
            self.member, "en_US", lambda: groups.create({"name": "Mine"})
        )
        self.assertIn("(res.groups)", message)
        self.assertIn("Contact your administrator", message)
