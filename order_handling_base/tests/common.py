# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from ..roles import ROLE_GROUPS


class OrderHandlingCommon(TransactionCase):
    """Users acting as each role, the departments with their people, and an
    order entered by the salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_notrack=True,
                no_reset_password=True,
            )
        )
        cls.company = cls.env.company
        cls.users = {
            role: new_test_user(
                cls.env,
                f"oh_{role}",
                groups=f"order_handling_base.{group}",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
            for role, group in ROLE_GROUPS.items()
        }
        # a plain department member with no particular role
        cls.users["member"] = new_test_user(
            cls.env, "oh_member", groups="order_handling_base.group_user"
        )
        Department = cls.env["order.handling.department"]
        cls.departments = {
            department.code: department
            for department in Department.search([("company_id", "=", cls.company.id)])
        }
        for code, manager, members in [
            ("quality", "quality", ["member"]),
            ("warehouse", "warehouse", []),
            ("production", "workshop", []),
            ("engineering", "engineering", ["process"]),
            ("logistics", "clerk", []),
        ]:
            cls.departments[code].write(
                {
                    "manager_id": cls.users[manager].id,
                    "member_ids": [Command.set([cls.users[m].id for m in members])]
                    if members
                    else [Command.clear()],
                }
            )
        cls.partner = cls.env["res.partner"].create({"name": "Acme Machinery"})
        cls.product = cls.env["product.product"].create(
            {"name": "Gear pump GP-20", "type": "consu", "list_price": 120.0}
        )
        cls.order = cls._create_order(cls.users["sales"])

    @classmethod
    def _create_order(cls, user, partner=None, company=None):
        Order = cls.env["sale.order"].with_user(user)
        if company:
            Order = Order.with_company(company)
        return Order.create(
            {
                "partner_id": (partner or cls.partner).id,
                "order_line": [
                    Command.create({"product_id": cls.product.id, "product_uom_qty": 3})
                ],
            }
        )

    def _transfer(self, codes, order=None, user="clerk", **kwargs):
        departments = self.env["order.handling.department"].browse(
            [self.departments[code].id for code in codes]
        )
        order = order or self.order
        return order.with_user(self.users[user])._transfer_to_departments(
            departments.with_user(self.users[user]), **kwargs
        )
