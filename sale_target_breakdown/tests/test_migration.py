# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from datetime import timedelta
from pathlib import Path

from odoo.tests import tagged

from .common import TargetCommon

SCRIPT = (
    Path(__file__).resolve().parent.parent
    / "migrations"
    / "18.0.1.1.0"
    / "post-migrate.py"
)


def _load_script():
    spec = importlib.util.spec_from_file_location("sale_target_mig_1_1", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigration(TargetCommon):
    def _month_cut_weeks(self, target):
        """Replace the weeks of a draft target by those of 18.0.1.0.0: ISO
        weeks clipped to their month, children of the month."""
        target.week_ids.unlink()
        vals_list = []
        for month in target.month_ids:
            start, weeks = month.date_from, []
            while start <= month.date_to:
                end = min(start + timedelta(days=6 - start.weekday()), month.date_to)
                weeks.append((start, end))
                start = end + timedelta(days=1)
            amounts = target._split_amount(
                month.amount, [(end - start).days + 1 for start, end in weeks]
            )
            for (start, end), amount in zip(weeks, amounts, strict=True):
                vals_list.append(
                    {
                        "target_id": target.id,
                        "parent_id": month.id,
                        "period_type": "week",
                        "sequence": start.isocalendar()[1],
                        "date_from": start,
                        "date_to": end,
                        "amount": amount,
                    }
                )
        self.env["sale.target.period"].create(vals_list)

    def test_migration_recomputes_month_cut_weeks(self):
        """Upgrading to 18.0.1.1.0 replaces the month-cut weeks (63 rows for
        2026, W05 twice) of draft and confirmed targets by the 53 ISO weeks,
        leaves quarters and months as they were and notes it in the chatter
        (R10.1)."""
        confirmed = self._target(amount=120000.0)
        draft = self._target(user=self.users["sales2"], amount=50000.0)
        for target in confirmed | draft:
            self._month_cut_weeks(target)
        confirmed.action_confirm()
        self.assertEqual(len(confirmed.week_ids), 63)
        self.assertEqual(len(confirmed.week_ids.filtered(lambda w: w.sequence == 5)), 2)
        self.assertIn("(02-01/02-01)", " ".join(confirmed.week_ids.mapped("name")))
        months_before = confirmed.month_ids
        _load_script().migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        for target, amount in ((confirmed, 120000.0), (draft, 50000.0)):
            weeks = target.week_ids
            self.assertEqual(len(weeks), 53)
            self.assertEqual(len(set(weeks.mapped("name"))), 53)
            self.assertFalse(weeks.parent_id)
            self.assertAlmostEqual(sum(weeks.mapped("amount")), amount, places=2)
            self.assertFalse(target._get_rollup_errors())
            self.assertIn("ISO weeks", target.message_ids[0].body)
        self.assertEqual(confirmed.month_ids, months_before)
        self.assertEqual(confirmed.state, "confirmed")
