# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every KPI on orders whose dates are known to the second: each figure is
asserted exactly (the bridges assert their measures -- supply accuracy,
approval lead times, intelligence conversion -- the same way).

The company works in Shanghai (UTC+8): an order received on 31 January at
20:00 UTC was received on 1 February, local time, and counts in February.
The workflow runs through the real methods (an order is received, checked,
accepted, dated and shipped by its roles); then its timestamps are moved to
known dates in SQL, as a real database would hold them months later.
"""

from datetime import date

from odoo.tests import tagged

from .common import KpiKnownDatesCommon, dt

FEB = date(2025, 2, 1)
MAR = date(2025, 3, 1)


@tagged("post_install", "-at_install")
class TestKpiKnownDates(KpiKnownDatesCommon):
    def test_order_kpis_known_dates(self):
        # February (Shanghai): received 1 Feb 04:00 local, replied 36 h
        # later, shipped at 09:00 local on its commitment day: on time
        on_time = self._order(
            received="2025-01-31 20:00:00",
            replied="2025-02-02 08:00:00",
            commitment="2025-02-09 16:00:00",  # 10 Feb, Shanghai
            shipped="2025-02-10 01:00:00",
        )
        # February: returned to sales once, shipped a day after its day
        late = self._order(
            received="2025-02-14 02:00:00",
            replied="2025-02-14 14:00:00",
            commitment="2025-02-19 16:00:00",  # 20 Feb
            shipped="2025-02-21 03:00:00",
            returned=True,
        )
        # March: on time
        march = self._order(
            received="2025-03-03 00:00:00",
            replied="2025-03-03 06:00:00",
            commitment="2025-03-09 16:00:00",  # 10 Mar
            shipped="2025-03-05 00:00:00",
        )
        # March: its delivery and reply bear dates before its receipt (an
        # order delivered before it reached logistics): no cycle time, not
        # a negative one
        before = self._order(
            received="2025-03-10 00:00:00",
            replied="2025-03-09 00:00:00",
            commitment="2025-03-11 16:00:00",  # 12 Mar
            shipped="2025-03-08 12:00:00",
        )
        orders = on_time | late | march | before
        Kpi = self.Kpi.with_user(self.users["manager"])
        rows = {
            row.order_id: row for row in Kpi.search([("order_id", "in", orders.ids)])
        }

        # cycle hours per order: end - start of the same order
        self.assertEqual(
            self._raw(self.Kpi._name, on_time, "reply_hours", "ship_hours"),
            (36.0, 221.0),
        )
        self.assertEqual(
            self._raw(self.Kpi._name, late, "reply_hours", "ship_hours"),
            (12.0, 169.0),
        )
        self.assertEqual(
            self._raw(self.Kpi._name, march, "reply_hours", "ship_hours"),
            (6.0, 48.0),
        )
        self.assertEqual(
            self._raw(self.Kpi._name, before, "reply_hours", "ship_hours"),
            (None, None),
        )
        self.assertFalse(rows[before].date_shipped)
        self.assertFalse(rows[before].shipped_count)
        # on time is judged on the days of Shanghai
        self.assertEqual(
            [rows[o].on_time_count for o in (on_time, late, march)], [1, 0, 1]
        )
        # months of the events in the company's time zone
        self.assertEqual(
            [rows[o].month_received for o in (on_time, late, march, before)],
            [FEB, FEB, MAR, MAR],
        )
        self.assertEqual(
            [rows[o].month_replied for o in (on_time, late, march)], [FEB, FEB, MAR]
        )
        self.assertFalse(rows[before].month_replied)
        self.assertEqual(
            [rows[o].month_shipped for o in (on_time, late, march)], [FEB, FEB, MAR]
        )
        # due: when the commitment day passed or the order shipped in full,
        # whichever came first -- never a date to come
        self.assertEqual(rows[on_time].date_due, dt("2025-02-09 16:00:00"))
        self.assertEqual(rows[march].date_due, dt("2025-03-05 00:00:00"))
        self.assertEqual(rows[before].date_due, dt("2025-03-08 12:00:00"))
        self.assertEqual(
            [rows[o].month_due for o in (on_time, late, march, before)],
            [FEB, FEB, MAR, MAR],
        )

        measures = [
            "order_count:sum",
            "reply_hours:avg",
            "ship_hours:avg",
            "first_pass_rate:avg",
            "on_time_count:sum",
            "on_time_base:sum",
            "on_time_rate:avg",
            "fill_rate:avg",
        ]
        domain = [("order_id", "in", orders.ids)]
        by_month = {
            month: dict(zip(measures, values, strict=True))
            for month, *values in Kpi._read_group(
                domain, ["month_received:month"], measures
            )
        }
        self.assertEqual(list(by_month), [FEB, MAR])
        feb, mar = by_month[FEB], by_month[MAR]
        self.assertEqual(feb["order_count:sum"], 2)
        self.assertAlmostEqual(feb["reply_hours:avg"], 24.0)
        self.assertAlmostEqual(feb["ship_hours:avg"], 195.0)
        self.assertAlmostEqual(feb["first_pass_rate:avg"], 50.0)
        self.assertAlmostEqual(feb["on_time_rate:avg"], 50.0)
        self.assertEqual(mar["order_count:sum"], 2)
        self.assertAlmostEqual(mar["reply_hours:avg"], 6.0)
        self.assertAlmostEqual(mar["ship_hours:avg"], 48.0)
        self.assertAlmostEqual(mar["first_pass_rate:avg"], 100.0)
        self.assertEqual((mar["on_time_count:sum"], mar["on_time_base:sum"]), (1, 1))
        self.assertAlmostEqual(mar["on_time_rate:avg"], 100.0)
        self.assertAlmostEqual(mar["fill_rate:avg"], 100.0)

        # over both months: the ratio of the sums (2 of 3 shipped on time),
        # not the average of the monthly rates (75 %)
        [both] = Kpi._read_group(domain, [], measures)
        both = dict(zip(measures, both, strict=True))
        self.assertEqual((both["on_time_count:sum"], both["on_time_base:sum"]), (2, 3))
        self.assertAlmostEqual(both["on_time_rate:avg"], 200.0 / 3)
        self.assertAlmostEqual(both["first_pass_rate:avg"], 75.0)
        # hours: the mean over the orders that have both ends
        self.assertAlmostEqual(both["reply_hours:avg"], 18.0)
        self.assertAlmostEqual(both["ship_hours:avg"], 146.0)

        # the pivot's request: month labels and totals the same way
        groups = Kpi.read_group(
            domain, ["on_time_rate:avg"], ["month_received:month"], lazy=False
        )
        self.assertEqual(
            [(g["month_received:month"], g["on_time_rate"]) for g in groups],
            [("February 2025", 50.0), ("March 2025", 100.0)],
        )
