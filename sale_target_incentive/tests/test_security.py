# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import IncentiveCommon


@tagged("post_install", "-at_install")
class TestIncentiveSecurity(IncentiveCommon):
    """R10.3: a salesperson reads only their own incentives; sales heads and
    administrators all of them; companies are isolated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scale = cls._approved_scale()
        cls.incentives = (
            cls.env["sale.target.incentive"]
            .with_user(cls.users["saleshead"])
            ._compute_incentives(
                cls.env["sale.target"].union(*cls.targets.values()),
                "month",
                date(2026, 3, 1),
                date(2026, 3, 31),
            )
        )
        cls.own = cls.incentives.filtered(lambda i: i.user_id == cls.users["sales"])

    def _visible(self, role):
        return (
            self.env["sale.target.incentive"]
            .with_user(self.users[role])
            .search([("id", "in", self.incentives.ids)])
        )

    def test_salesperson_reads_only_their_own(self):
        seller = self.users["sales"]
        self.assertEqual(self._visible("sales"), self.own)
        colleague = self.incentives - self.own
        with self.assertRaises(AccessError):
            colleague[:1].with_user(seller).read(["bonus_amount"])
        with self.assertRaises(AccessError):
            self.own.with_user(seller).write({"note": "I deserve more"})
        with self.assertRaises(AccessError):
            self.own.with_user(seller).unlink()

    def test_sales_head_and_administrator_read_all(self):
        self.assertEqual(self._visible("saleshead"), self.incentives)
        self.assertEqual(self._visible("manager"), self.incentives)
        # other roles have no access at all
        with self.assertRaises(AccessError):
            self._visible("clerk")

    def test_salesperson_does_not_compute_nor_approve(self):
        seller = self.users["sales"]
        with self.assertRaises(AccessError):
            self.env["sale.target.incentive"].with_user(seller)._compute_incentives(
                self.targets["sales"], "month", date(2026, 3, 1), date(2026, 3, 31)
            )
        with self.assertRaises(AccessError):
            self.own.with_user(seller).action_submit()
        self.own.with_user(self.users["saleshead"]).action_submit()
        with self.assertRaises(AccessError):
            self.own.with_user(seller).validate_tier()
        with self.assertRaises(AccessError):
            self.own.with_user(seller).reject_tier()
        with self.assertRaises(AccessError):
            self.own.with_user(seller).action_approve()
        self.assertEqual(self.own.state, "to_approve")

    def test_foreign_company(self):
        """Scales and incentives of another company are invisible; a
        target of another company takes no scale of this one."""
        other_company = self.env["res.company"].create({"name": "Other Co"})
        foreign_user = new_test_user(
            self.env,
            "oh_foreign_sales",
            groups="order_handling_base.group_salesperson",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        foreign_target = (
            self.env["sale.target"]
            .sudo()
            .create(
                {
                    "scope": "user",
                    "user_id": foreign_user.id,
                    "company_id": other_company.id,
                    "date_from": date(2026, 1, 1),
                    "amount": 120000.0,
                }
            )
        )
        foreign_target.sudo().action_confirm()
        Incentive = self.env["sale.target.incentive"].sudo()
        self.assertFalse(
            Incentive._compute_incentives(
                foreign_target, "month", date(2026, 3, 1), date(2026, 3, 31)
            )
        )
        foreign_scale = (
            self.env["sale.target.incentive.scale"]
            .sudo()
            .create(
                {
                    "name": "Other Co monthly",
                    "company_id": other_company.id,
                    "date_from": date(2026, 1, 1),
                    "band_ids": self._bands(),
                }
            )
        )
        foreign_scale.action_submit()
        foreign_scale.action_approve()
        foreign = Incentive._compute_incentives(
            foreign_target, "month", date(2026, 3, 1), date(2026, 3, 31)
        )
        self.assertEqual(foreign.scale_id, foreign_scale)
        for role in ("sales", "saleshead", "manager"):
            user = self.users[role]
            self.assertFalse(
                self.env["sale.target.incentive.scale"]
                .with_user(user)
                .search([("id", "=", foreign_scale.id)])
            )
            self.assertFalse(
                self.env["sale.target.incentive"]
                .with_user(user)
                .search([("id", "=", foreign.id)])
            )
        with self.assertRaises(AccessError):
            foreign.with_user(self.users["saleshead"]).read(["bonus_amount"])
        # nor do they put a scale in a company they have no access to
        with self.assertRaises(AccessError):
            self.env["sale.target.incentive.scale"].with_user(
                self.users["manager"]
            ).create({"name": "Sneaky", "company_id": other_company.id})
