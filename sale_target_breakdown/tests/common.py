# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon


class TargetCommon(OrderHandlingCommon):
    """The base roles, a sales team led by the sales head with the
    salesperson and three more salespeople, and a second team with its own
    salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # these tests confirm orders directly; with sale_order_intake
        # installed, confirmation otherwise waits for the intake process
        if "intake_required" in cls.company._fields:
            cls.company.intake_required = False
        for login in ("sales2", "sales3", "sales4", "sales5", "other"):
            cls.users[login] = cls._new_user(
                f"oh_{login}", "order_handling_base.group_salesperson"
            )
        cls.sellers = cls.env["res.users"].browse(
            [cls.users[k].id for k in ("sales", "sales2", "sales3", "sales4", "sales5")]
        )
        Team = cls.env["crm.team"]
        cls.team = Team.create(
            {
                "name": "Team East",
                "user_id": cls.users["saleshead"].id,
                "company_id": cls.company.id,
                "member_ids": [Command.set(cls.sellers.ids)],
            }
        )
        cls.other_team = Team.create(
            {
                "name": "Team West",
                "company_id": cls.company.id,
                "member_ids": [Command.set(cls.users["other"].ids)],
            }
        )
        cls.year_start = date(2026, 1, 1)

    @classmethod
    def _target(cls, user=None, role="manager", **vals):
        values = {
            "scope": "user",
            "user_id": (user or cls.users["sales"]).id,
            "date_from": cls.year_start,
            "amount": 120000.0,
        }
        values.update(vals)
        return cls.env["sale.target"].with_user(cls.users[role]).create(values)

    @classmethod
    def _confirmed_order(cls, user, when, price=1000.0, team=None):
        """A confirmed order of ``user`` dated ``when`` for ``price`` untaxed."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.partner.id,
                "user_id": user.id,
                "team_id": (team or cls.team).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1,
                            "price_unit": price,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = when
        return order

    def assertRefused(self, exception, regex):
        return self.assertRaisesMessage(exception, regex)
