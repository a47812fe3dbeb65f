# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command

from odoo.addons.sale_target_breakdown.tests.common import TargetCommon


class IncentiveCommon(TargetCommon):
    """TargetCommon (a team led by the sales head, five salespeople) plus
    confirmed 2026 targets of 120,000 (10,000 a month) for the salespeople
    ``sales``, ``sales2`` and ``sales3``, and March orders: 9,000 for
    ``sales`` (90 %), 12,500 for ``sales2`` (125 %), none for ``sales3``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.targets = {}
        for login in ("sales", "sales2", "sales3"):
            target = cls._target(user=cls.users[login])
            target.with_user(cls.users["manager"]).action_confirm()
            cls.targets[login] = target
        cls._confirmed_order(cls.users["sales"], datetime(2026, 3, 10, 10), 4000.0)
        cls._confirmed_order(cls.users["sales"], datetime(2026, 3, 20, 10), 5000.0)
        cls._confirmed_order(cls.users["sales2"], datetime(2026, 3, 12, 10), 12500.0)
        cls.march = (date(2026, 3, 1), date(2026, 3, 31))

    @classmethod
    def _bands(cls):
        """Below 80 %: nothing; 80–100 %: 2 % of the achieved amount; from
        100 %: a fixed 1,000."""
        return [
            Command.create(
                {
                    "achievement_from": 0.0,
                    "achievement_to": 80.0,
                    "bonus_type": "fixed",
                    "bonus_fixed": 0.0,
                }
            ),
            Command.create(
                {
                    "achievement_from": 80.0,
                    "achievement_to": 100.0,
                    "bonus_type": "rate",
                    "bonus_rate": 2.0,
                }
            ),
            Command.create(
                {
                    "achievement_from": 100.0,
                    "bonus_type": "fixed",
                    "bonus_fixed": 1000.0,
                }
            ),
        ]

    @classmethod
    def _scale(cls, role="manager", bands=None, **vals):
        values = {
            "name": "Monthly bonus 2026",
            "period_type": "month",
            "date_from": date(2026, 1, 1),
            "date_to": date(2026, 12, 31),
            "band_ids": cls._bands() if bands is None else bands,
        }
        values.update(vals)
        return (
            cls.env["sale.target.incentive.scale"]
            .with_user(cls.users[role])
            .create(values)
        )

    @classmethod
    def _approved_scale(cls, **vals):
        """A scale sent by the administrator, approved by the sales head."""
        scale = cls._scale(**vals)
        scale.with_user(cls.users["manager"]).action_submit()
        scale.with_user(cls.users["saleshead"]).validate_tier()
        return scale

    def _compute_march(self, role="saleshead", targets=None):
        Incentive = self.env["sale.target.incentive"].with_user(self.users[role])
        if targets is None:
            targets = self.env["sale.target"].union(*self.targets.values())
        return Incentive._compute_incentives(
            targets.with_user(self.users[role]), "month", *self.march
        )
