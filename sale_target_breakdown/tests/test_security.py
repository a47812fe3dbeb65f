# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import TargetCommon


@tagged("post_install", "-at_install")
class TestSecurity(TargetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._target(user=cls.users["sales"])
        cls.colleague = cls._target(user=cls.users["sales2"])
        cls.foreign = cls._target(user=cls.users["other"], team_id=cls.other_team.id)
        cls.team_target = cls._target(scope="team", user_id=False, team_id=cls.team.id)
        cls.all_targets = cls.own | cls.colleague | cls.foreign | cls.team_target

    def _visible(self, role, model="sale.target", field="target_id"):
        records = self.env[model].with_user(self.users[role])
        if model == "sale.target":
            return records.search([("id", "in", self.all_targets.ids)])
        return records.search([(field, "in", self.all_targets.ids)]).mapped(field)

    def test_sales_head_creates_targets_for_their_team(self):
        head = self.users["saleshead"]
        with Form(self.env["sale.target"].with_user(head)) as form:
            form.scope = "user"
            form.user_id = self.users["sales3"]
            form.amount = 50000.0
        target = form.record
        self.assertEqual(target.team_id, self.team)
        self.assertEqual(len(target.period_ids), 4 + 12 + len(target.week_ids))
        target.with_user(head).action_confirm()
        self.assertEqual(target.state, "confirmed")
        # not for a salesperson of a team they do not lead
        with self.assertRaises(AccessError):
            self.env["sale.target"].with_user(head).create(
                {
                    "scope": "user",
                    "user_id": self.users["other"].id,
                    "team_id": self.other_team.id,
                    "date_from": "2027-01-01",
                    "amount": 1.0,
                }
            )

    def test_salesperson_sees_only_own_targets(self):
        self.assertEqual(self._visible("sales"), self.own)
        self.assertEqual(self._visible("sales", "sale.target.period"), self.own)
        self.assertEqual(self._visible("sales", "sale.target.report"), self.own)
        with self.assertRaises(AccessError):
            self.colleague.with_user(self.users["sales"]).read(["amount"])
        with self.assertRaises(AccessError):
            self.own.with_user(self.users["sales"]).write({"note": "more please"})
        with self.assertRaises(AccessError):
            self.env["sale.target"].with_user(self.users["sales"]).create(
                {"user_id": self.users["sales"].id, "amount": 1.0}
            )
        # the salesperson reads own actuals (computed through the report)
        self.assertEqual(self.own.with_user(self.users["sales"]).actual_amount, 0.0)

    def test_sales_head_sees_team(self):
        team_targets = self.own | self.colleague | self.team_target
        self.assertEqual(self._visible("saleshead"), team_targets)
        self.assertEqual(self._visible("saleshead", "sale.target.report"), team_targets)
        with self.assertRaises(AccessError):
            self.foreign.with_user(self.users["saleshead"]).write({"note": "x"})

    def test_manager_sees_everything(self):
        self.assertEqual(self._visible("manager"), self.all_targets)
        self.assertEqual(self._visible("gm"), self.all_targets)
        self.assertEqual(
            self._visible("manager", "sale.target.report"), self.all_targets
        )
        self.foreign.with_user(self.users["manager"]).unlink()

    def test_other_roles_see_nothing(self):
        with self.assertRaises(AccessError):
            self.env["sale.target"].with_user(self.users["quality"]).search([])

    def test_multi_company_isolation(self):
        company_b = self.env["res.company"].create({"name": "Order Handling B"})
        manager = self.users["manager"]
        manager.company_ids = [Command.link(company_b.id)]
        target_b = (
            self.env["sale.target"]
            .with_user(manager)
            .with_company(company_b)
            .create({"scope": "company", "amount": 10.0, "company_id": company_b.id})
        )
        manager.company_ids = [Command.unlink(company_b.id)]
        self.assertFalse(
            self.env["sale.target"]
            .with_user(manager)
            .search([("id", "=", target_b.id)])
        )
        self.assertFalse(
            self.env["sale.target.report"]
            .with_user(manager)
            .search([("target_id", "=", target_b.id)])
        )
