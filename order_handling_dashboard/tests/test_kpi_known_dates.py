# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every KPI on orders, approvals and reports whose dates are known to the
second: each figure is asserted exactly.

The company works in Shanghai (UTC+8): an order received on 31 January at
20:00 UTC was received on 1 February, local time, and counts in February.
The workflow runs through the real methods (an order is received, checked,
accepted, dated and shipped by its roles); then its timestamps are moved to
known dates in SQL, as a real database would hold them months later.
"""

from datetime import date, datetime

from odoo.tests import tagged
from odoo.tools import SQL

from .common import DashboardCommon

FEB = date(2025, 2, 1)
MAR = date(2025, 3, 1)


def dt(text):
    return datetime.fromisoformat(text)


@tagged("post_install", "-at_install")
class TestKpiKnownDates(DashboardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.Kpi = cls.env["order.handling.kpi.order"]
        cls.Approval = cls.env["order.handling.kpi.approval"]

    def _set(self, table, record, **values):
        """Write the columns of ``record`` in SQL (timestamps in UTC)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET %s WHERE id = %s",
                SQL.identifier(table),
                SQL(", ").join(
                    SQL("%s = %s", SQL.identifier(name), value)
                    for name, value in values.items()
                ),
                record.id,
            )
        )
        self.env.invalidate_all()

    def _order(self, received, replied, commitment, shipped, returned=False):
        """A regular order taken to shipment, then dated: ``commitment`` is a
        day of Shanghai (its local midnight, stored in UTC as Odoo does)."""
        order = self._replied_order()
        self._ship(order)
        self.assertEqual(order.delivery_status, "full")
        self._set(
            "sale_order",
            order,
            intake_received_date=dt(received),
            delivery_date_replied_date=dt(replied),
            commitment_date=dt(commitment),
            intake_return_count=1 if returned else 0,
        )
        for picking in order.picking_ids:
            self._set("stock_picking", picking, date_done=dt(shipped))
        return order

    def _raw(self, model, record, *names):
        """The columns of the view as PostgreSQL returns them (NULL stays
        None, where the ORM would read a float as 0.0)."""
        view = self.env[model]
        self.env.cr.execute(
            SQL(
                "SELECT %s FROM (%s) AS v WHERE v.id = %s",
                SQL(", ").join(SQL.identifier("v", name) for name in names),
                view._table_query,
                record.id,
            )
        )
        return self.env.cr.fetchone()

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
        self._complaint(late, category="wrong_item")
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
            "supply_accuracy:avg",
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
        self.assertAlmostEqual(feb["supply_accuracy:avg"], 50.0)
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
        self.assertAlmostEqual(both["supply_accuracy:avg"], 200.0 / 3)
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

    def test_approval_lead_times_known_dates(self):
        plan = self._plan()
        self._approve(plan)
        review = plan.review_id
        first, second = plan.review_ids.sorted("sequence")
        # the review: requested at 01:00:00.6 (a transaction's time), decided
        # at 05:30:00 (a clock time to the second)
        self._set(
            "sale_order_review",
            review,
            create_date=dt("2025-02-03 01:00:00.600000"),
            decision_date=dt("2025-02-03 05:30:00"),
        )
        # the plan's steps, requested together; the second approver decided
        # first (12 h), the first one a day after the request, which is
        # 1 March in Shanghai
        self._set(
            "tier_review",
            first,
            create_date=dt("2025-02-27 20:00:00"),
            reviewed_date=dt("2025-02-28 20:00:00"),
        )
        self._set(
            "tier_review",
            second,
            create_date=dt("2025-02-27 20:00:00"),
            reviewed_date=dt("2025-02-28 08:00:00"),
        )
        Approval = self.Approval.with_user(self.users["gm"])
        rows = Approval.search([("order_id", "=", plan.order_id.id)])
        review_row = rows.filtered(lambda r: r.kind == "order_review")
        step_rows = {
            row.definition_id: row for row in rows if row.kind == "plan_approval"
        }
        first_row = step_rows[first.definition_id]
        second_row = step_rows[second.definition_id]
        self.assertEqual(review_row.date_requested, dt("2025-02-03 01:00:00"))
        self.assertEqual(review_row.lead_hours, 4.5)
        self.assertEqual(first_row.date_requested, dt("2025-02-27 20:00:00"))
        self.assertEqual(first_row.lead_hours, 24.0)
        # requested with the first step, not when the first step was decided
        # (after it): 12 hours, not -12
        self.assertEqual(second_row.date_requested, dt("2025-02-27 20:00:00"))
        self.assertEqual(second_row.lead_hours, 12.0)
        self.assertEqual(
            (review_row.month_done, first_row.month_done, second_row.month_done),
            (FEB, MAR, FEB),
        )
        mine = review_row | first_row | second_row
        groups = Approval._read_group(
            [("id", "in", mine.ids)],
            ["kind", "month_done:month"],
            ["nbr:sum", "lead_hours:avg"],
        )
        self.assertEqual(
            groups,
            [
                ("order_review", FEB, 1, 4.5),
                ("plan_approval", FEB, 1, 12.0),
                ("plan_approval", MAR, 1, 24.0),
            ],
        )
        [[lead]] = Approval._read_group(
            [("id", "in", mine.ids)], [], ["lead_hours:avg"]
        )
        self.assertAlmostEqual(lead, (4.5 + 24.0 + 12.0) / 3)

    def test_intelligence_month_is_the_submission(self):
        """A report dated years ahead by mistake counts in the month it was
        submitted (Shanghai time), not in a month to come."""
        report = (
            self.env["sale.intel.report"]
            .with_user(self.users["sales"])
            .create(
                {
                    "title": "Lead",
                    "intel_type": "order_lead",
                    "partner_id": self.partner.id,
                    "channel_id": self.env.ref(
                        "sale_order_intel.sale_intel_channel_visit"
                    ).id,
                    "content": "<p>Acme will buy pumps.</p>",
                }
            )
        )
        report.action_submit()
        self._set(
            "sale_intel_report",
            report,
            date_report=date(2031, 1, 15),
            submitted_date=dt("2025-01-31 17:00:00"),
        )
        Intel = self.env["order.handling.kpi.intel"].with_user(self.users["manager"])
        row = Intel.search([("report_id", "=", report.id)])
        self.assertEqual(row.month_submitted, FEB)
        self.assertEqual(
            Intel._read_group(
                [("report_id", "=", report.id)], ["month_submitted:month"], ["nbr:sum"]
            ),
            [(FEB, 1)],
        )
