# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import IncentiveCommon


@tagged("post_install", "-at_install")
class TestIncentive(IncentiveCommon):
    """R10.3: the incentive of each salesperson per period, computed from
    the achievement of their target and the approved scale, approved by the
    sales head, shown beside the achievement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scale = cls._approved_scale()

    def _by_user(self, incentives):
        return {incentive.user_id: incentive for incentive in incentives}

    def test_figures_on_known_numbers(self):
        """R10.3: 9,000 of 10,000 (90 %) earns 2 % of 9,000 = 180; 12,500
        (125 %) the fixed 1,000; nothing sold, nothing earned."""
        incentives = self._by_user(self._compute_march())
        self.assertEqual(len(incentives), 3)
        sales = incentives[self.users["sales"]]
        self.assertEqual(sales.period_id.name, "2026-03")
        self.assertEqual(sales.period_type, "month")
        self.assertEqual(sales.target_amount, 10000.0)
        self.assertEqual(sales.actual_amount, 9000.0)
        self.assertAlmostEqual(sales.achievement, 90.0)
        self.assertEqual(sales.band_id, self.scale.band_ids[1])
        self.assertEqual(sales.bonus_amount, 180.0)
        self.assertEqual(sales.state, "draft")
        sales2 = incentives[self.users["sales2"]]
        self.assertAlmostEqual(sales2.achievement, 125.0)
        self.assertEqual(sales2.band_id, self.scale.band_ids[2])
        self.assertEqual(sales2.bonus_amount, 1000.0)
        sales3 = incentives[self.users["sales3"]]
        self.assertEqual(sales3.actual_amount, 0.0)
        self.assertEqual(sales3.band_id, self.scale.band_ids[0])
        self.assertEqual(sales3.bonus_amount, 0.0)

    def test_own_scale_before_the_general_one(self):
        """R10.3: a scale per salesperson takes precedence."""
        own = self._approved_scale(
            name="Own",
            user_id=self.users["sales"].id,
            bands=[
                Command.create(
                    {"achievement_from": 50.0, "bonus_type": "rate", "bonus_rate": 5.0}
                )
            ],
        )
        incentives = self._by_user(self._compute_march())
        self.assertEqual(incentives[self.users["sales"]].scale_id, own)
        self.assertEqual(incentives[self.users["sales"]].bonus_amount, 450.0)
        self.assertEqual(incentives[self.users["sales2"]].scale_id, self.scale)

    def test_no_scale_no_incentive(self):
        """Quarters have no approved scale: nothing is computed."""
        targets = self.env["sale.target"].union(*self.targets.values())
        self.assertFalse(
            self.env["sale.target.incentive"]
            .with_user(self.users["saleshead"])
            ._compute_incentives(
                targets, "quarter", date(2026, 1, 1), date(2026, 3, 31)
            )
        )

    def test_computing_again(self):
        """Safe to run twice; a late order updates a draft, never an
        incentive sent for approval."""
        first = self._compute_march()
        self.assertEqual(self._compute_march(), first)
        sales = self._by_user(first)[self.users["sales"]]
        sales2 = self._by_user(first)[self.users["sales2"]]
        sales2.with_user(self.users["saleshead"]).action_submit()
        self._confirmed_order(self.users["sales"], datetime(2026, 3, 25, 10), 2000.0)
        self._confirmed_order(self.users["sales2"], datetime(2026, 3, 25, 10), 2000.0)
        self.env.invalidate_all()
        self.assertEqual(self._compute_march(), first)
        self.assertEqual(sales.actual_amount, 11000.0)
        self.assertEqual(sales.bonus_amount, 1000.0)
        self.assertEqual(sales2.actual_amount, 12500.0)
        # the button of a draft does the same
        sales.with_user(self.users["manager"]).action_recompute()
        with self.assertRefused(UserError, "is To Approve: this step"):
            sales2.with_user(self.users["manager"]).action_recompute()

    def test_sales_head_approves_then_final(self):
        """R10.3: the sales head approves before the incentive is final;
        approved, it is a record."""
        incentives = self._compute_march()
        sales = self._by_user(incentives)[self.users["sales"]]
        head = self.users["saleshead"]
        incentives.with_user(head).action_submit()
        self.assertEqual(set(incentives.mapped("state")), {"to_approve"})
        self.assertTrue(all(incentives.mapped("review_ids")))
        for role in ("sales", "manager"):
            with self.assertRefused(AccessError, "Only a sales head approves"):
                sales.with_user(self.users[role]).validate_tier()
        with self.assertRefused(AccessError, "Only a sales head approves"):
            sales.with_user(self.users["sales"]).action_validate_all()
        incentives.with_user(head).action_validate_all()
        self.assertEqual(set(incentives.mapped("state")), {"approved"})
        self.assertEqual(sales.approved_uid, head)
        # final: no edit, no delete, no new figures
        with self.assertRefused(UserError, "it cannot be edited"):
            sales.with_user(head).write({"note": "more"})
        with self.assertRefused(UserError, "Only a draft can be deleted"):
            sales.with_user(self.users["manager"]).unlink()
        self._confirmed_order(self.users["sales"], datetime(2026, 3, 26, 10), 5000.0)
        self.env.invalidate_all()
        self._compute_march()
        self.assertEqual(sales.bonus_amount, 180.0)

    def test_nobody_approves_their_own_incentive(self):
        head_target = self._target(user=self.users["saleshead"])
        head_target.with_user(self.users["manager"]).action_confirm()
        incentive = self._compute_march(targets=head_target)
        incentive.with_user(self.users["manager"]).action_submit()
        with self.assertRefused(UserError, "their own incentive"):
            incentive.with_user(self.users["saleshead"]).validate_tier()
        second_head = new_test_user(
            self.env, "oh_saleshead2", groups="order_handling_base.group_sales_head"
        )
        incentive.with_user(second_head).validate_tier()
        self.assertEqual(incentive.state, "approved")

    def test_figures_come_from_the_computation_only(self):
        """Incentives are computed, not entered nor edited."""
        incentive = self._compute_march()[:1]
        head = self.users["saleshead"]
        with self.assertRefused(UserError, "not entered"):
            self.env["sale.target.incentive"].with_user(head).create(
                {"target_id": self.targets["sales"].id}
            )
        with self.assertRefused(UserError, "change only through the document"):
            incentive.with_user(head).write({"bonus_amount": 99999.0})
        with self.assertRefused(UserError, "change only through the document"):
            incentive.with_user(head).write({"state": "approved"})
        # nor is it moved to another salesperson or period
        with self.assertRefused(UserError, "change only through the document"):
            incentive.with_user(head).write({"user_id": self.users["sales5"].id})
        with self.assertRefused(UserError, "change only through the document"):
            incentive.with_user(head).write({"date_to": "2026-12-31"})
        incentive.with_user(head).write({"note": "Checked with the customer list"})

    def test_shown_beside_the_achievement(self):
        """R10.3: band and bonus beside the achievement of the period and
        the approved bonus on the target."""
        incentives = self._compute_march()
        target = self.targets["sales"].with_user(self.users["sales"])
        march = target.month_ids.filtered(lambda p: p.name == "2026-03")
        self.assertAlmostEqual(march.achievement, 90.0)
        self.assertEqual(march.incentive_amount, 180.0)
        self.assertEqual(march.incentive_band_id, self.scale.band_ids[1])
        self.assertEqual(march.incentive_state, "draft")
        self.assertEqual(target.incentive_count, 1)
        self.assertEqual(target.incentive_amount, 0.0)
        incentives.with_user(self.users["saleshead"]).action_submit()
        incentives.with_user(self.users["saleshead"]).action_validate_all()
        target.invalidate_recordset()
        self.assertEqual(target.incentive_amount, 180.0)
        action = target.action_view_incentives()
        self.assertEqual(
            self.env["sale.target.incentive"]
            .with_user(self.users["sales"])
            .search(action["domain"]),
            self._by_user(incentives)[self.users["sales"]],
        )
        # the target form with the incentive columns opens for the salesperson
        Form(target)

    def test_compute_wizard(self):
        """One button for the sales head computes the period."""
        wizard = self.env["sale.target.incentive.compute"].with_user(
            self.users["saleshead"]
        )
        action = wizard.create(
            {"period_type": "month", "date_from": "2026-03-01", "date_to": "2026-03-31"}
        ).action_compute()
        self.assertEqual(
            len(self.env["sale.target.incentive"].search(action["domain"])), 3
        )
        with self.assertRefused(UserError, "No incentive to compute"):
            wizard.create(
                {
                    "period_type": "quarter",
                    "date_from": "2026-01-01",
                    "date_to": "2026-03-31",
                }
            ).action_compute()
        with self.assertRaises(AccessError):
            self.env["sale.target.incentive.compute"].with_user(
                self.users["sales"]
            ).create({"period_type": "month"})

    @freeze_time("2026-04-10")
    def test_cron_computes_the_periods_just_ended(self):
        """Cron-safe: the months just ended, once, whatever the runs."""
        Incentive = self.env["sale.target.incentive"]
        Incentive._cron_compute_incentives()
        targets = [target.id for target in self.targets.values()]
        incentives = Incentive.search([("target_id", "in", targets)])
        self.assertEqual(set(incentives.mapped("period_id.name")), {"2026-03"})
        self.assertEqual(len(incentives), 3)
        Incentive._cron_compute_incentives()
        self.assertEqual(
            Incentive.search_count([("target_id", "in", targets)]),
            3,
        )

    def test_batch_query_count(self):
        """The batch computation costs the same number of queries for 3 or 5
        salespeople (no query per person or period)."""
        head = self.users["saleshead"]
        Incentive = self.env["sale.target.incentive"].with_user(head)
        targets = self.env["sale.target"].union(*self.targets.values()).with_user(head)
        # caches of the first call (rules, tier definitions) aside
        Incentive._compute_incentives(
            targets, "month", date(2026, 2, 1), date(2026, 2, 28)
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(16):
            self.assertEqual(len(self._compute_march()), 3)
        for login in ("sales4", "sales5"):
            target = self._target(user=self.users[login])
            target.with_user(self.users["manager"]).action_confirm()
            targets |= target
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(16):
            created = Incentive._compute_incentives(
                targets, "month", date(2026, 4, 1), date(2026, 4, 30)
            )
        self.assertEqual(len(created), 5)

    def test_breakdown_computed_again(self):
        """A target back in draft whose breakdown changes drops its draft
        incentives; approved ones hold the breakdown."""
        incentives = self._compute_march()
        manager = self.users["manager"]
        target = self.targets["sales3"].with_user(manager)
        target.action_draft()
        target.write({"amount": 60000.0})
        self.assertFalse(
            incentives.exists().filtered(lambda i: i.user_id == self.users["sales3"])
        )
        sales = self._by_user(incentives.exists())[self.users["sales"]]
        sales.with_user(self.users["saleshead"]).action_submit()
        sales.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(sales.state, "approved")
        target = self.targets["sales"].with_user(manager)
        target.action_draft()
        with self.assertRefused(UserError, "can no longer change"):
            target.write({"amount": 60000.0})
        with self.assertRefused(UserError, "cannot be deleted"):
            target.action_cancel()
            target.unlink()
