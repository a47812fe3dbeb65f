# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import DashboardCommon

RATES = [
    "order_count:sum",
    "reply_hours:avg",
    "ship_hours:avg",
    "first_pass_rate:avg",
    "fill_rate:avg",
    "line_fill_rate:avg",
    "on_time_rate:avg",
]


@tagged("post_install", "-at_install")
class TestOrderKpi(DashboardCommon):
    """The order KPI fact view on orders taken through the real workflow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Kpi = cls.env["order.handling.kpi.order"]

    def _accept(self, qty=3, returned=False):
        """A regular order of ``qty`` pumps accepted by logistics, returned
        to sales once on the way if ``returned``."""
        order = self._create_order(self.users["sales"])
        order.order_line.product_uom_qty = qty
        order.write(
            {
                "commitment_date": fields.Datetime.now() + timedelta(days=30),
                "team_id": self.team.id,
            }
        )
        sales = order.with_user(self.users["sales"])
        clerk = order.with_user(self.users["clerk"])
        sales.action_intake_submit()
        first_received = order.intake_received_date
        self.assertTrue(first_received)
        if returned:
            # received three days ago; the second submission keeps that date
            self._backdate(
                order, intake_received_date=first_received - timedelta(days=3)
            )
            clerk.action_intake_return("Quantity missing on the fax")
            sales.action_intake_submit()
            self.assertEqual(
                order.intake_received_date, first_received - timedelta(days=3)
            )
        clerk.action_intake_check()
        clerk.action_intake_accept()
        self._pass_review(order)
        # the workshop sees the order once the warehouse forwards it: the
        # manager proposes the date here (sale_order_intake tests the roles)
        manager = order.with_user(self.users["manager"])
        manager.action_intake_propose_date(fields.Datetime.now() + timedelta(days=5))
        clerk.action_intake_reply_date()
        return order

    def _kpis(self, orders, user="manager", groupby=()):
        return self.Kpi.with_user(self.users[user])._read_group(
            [("order_id", "in", orders.ids)], list(groupby), RATES
        )

    def test_order_kpis(self):
        now = fields.Datetime.now().replace(microsecond=0)
        # 1: first pass, shipped on time
        on_time = self._accept()
        self._ship(on_time)
        self._backdate(
            on_time,
            intake_received_date=now - timedelta(hours=48),
            delivery_date_replied_date=now - timedelta(hours=24),
        )
        # 2: returned to sales once, shipped after its commitment date
        late = self._accept(returned=True)
        self._ship(late)
        self._backdate(late, commitment_date=now - timedelta(days=1))
        # 3: six ordered, one shipped, commitment date passed (due)
        partial = self._accept(qty=6)
        self._ship(partial, qty=1)
        self._backdate(partial, commitment_date=now - timedelta(days=1))
        self.assertEqual(partial.delivery_status, "partial")
        # 4: replied, not confirmed: not due, not shipped
        open_order = self._accept()
        orders = on_time | late | partial | open_order

        rows = self.Kpi.with_user(self.users["manager"]).search(
            [("order_id", "in", orders.ids)]
        )
        self.assertEqual(rows.order_id, orders)
        row = rows.filtered(lambda r: r.order_id == on_time)
        self.assertEqual(row.categ_id, self.category)
        self.assertEqual(row.team_id, self.team)
        self.assertEqual(row.partner_id, self.partner)
        self.assertEqual(row.order_class, "regular")
        self.assertAlmostEqual(row.reply_hours, 24.0, places=2)
        self.assertGreaterEqual(row.ship_hours, 48.0)
        self.assertEqual(row.on_time_count, 1)
        self.assertFalse(
            rows.filtered(lambda r: r.order_id == open_order).shipped_count
        )

        [values] = self._kpis(orders)
        result = dict(zip(RATES, values, strict=True))
        self.assertEqual(result["order_count:sum"], 4)
        # 3 of 4 checked orders passed the intake check the first time
        self.assertAlmostEqual(result["first_pass_rate:avg"], 75.0)
        # due: 3 + 3 + 6 ordered, 3 + 3 + 1 delivered -- weighted, not the
        # average of the rows' rates (which would be 72.2)
        self.assertAlmostEqual(result["fill_rate:avg"], 700.0 / 12)
        self.assertAlmostEqual(result["line_fill_rate:avg"], 200.0 / 3)
        # shipped: on_time and late
        self.assertAlmostEqual(result["on_time_rate:avg"], 50.0)
        self.assertAlmostEqual(result["reply_hours:avg"], 24.0, places=2)

        # drill-down: the orders behind the rows
        action = rows.with_user(self.users["manager"]).action_open_orders()
        self.assertEqual(self.env["sale.order"].search(action["domain"]), orders)

    def test_filters_and_grouping(self):
        regular = self._accept()
        Kpi = self.Kpi.with_user(self.users["manager"])
        for domain in (
            [("categ_id", "=", self.category.id)],
            [("partner_id", "=", self.partner.id)],
            [("order_class", "=", "regular")],
            [("team_id", "=", self.team.id)],
            [("user_id", "=", self.users["sales"].id)],
            [("date_received", ">=", fields.Datetime.now() - timedelta(days=1))],
        ):
            self.assertIn(regular, Kpi.search(domain).order_id, domain)
        self.assertNotIn(
            regular, Kpi.search([("categ_id", "!=", self.category.id)]).order_id
        )
        groups = Kpi.read_group(
            [("order_id", "=", regular.id)],
            ["first_pass_rate:avg", "order_count:sum"],
            ["date_received:month", "order_class"],
            lazy=False,
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["first_pass_rate"], 100.0)

    def test_access_by_role(self):
        self._accept()
        for role in ("manager", "gm", "saleshead"):
            self.assertTrue(self.Kpi.with_user(self.users[role]).search_count([]), role)
        for role in ("sales", "warehouse", "clerk", "quality"):
            with self.assertRaises(AccessError, msg=role):
                self.Kpi.with_user(self.users[role]).search([])
            with self.assertRaises(AccessError, msg=role):
                self.Kpi.with_user(self.users[role]).read_group(
                    [], ["order_count:sum"], ["company_id"]
                )
        # the sales KPIs only: overdue work is the managers' (the bridges
        # test their report models the same way)
        Overdue = self.env["order.handling.overdue.report"]
        Overdue.with_user(self.users["gm"]).search([])
        with self.assertRaises(AccessError):
            Overdue.with_user(self.users["saleshead"]).search([])
        # nobody writes a KPI row
        with self.assertRaises(AccessError):
            self.Kpi.with_user(self.users["gm"]).search([], limit=1).write(
                {"order_count": 5}
            )

    def test_multi_company(self):
        mine = self._accept()
        other = self.env["res.company"].create({"name": "Other Works"})
        foreign = (
            self.env["sale.order"]
            .with_company(other)
            .create(
                {
                    "partner_id": self.partner.id,
                    "company_id": other.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 2}
                        )
                    ],
                }
            )
        )
        self._backdate(foreign, intake_received_date=fields.Datetime.now())
        manager = self.users["manager"]
        rows = self.Kpi.with_user(manager).search([])
        self.assertIn(mine, rows.order_id)
        self.assertNotIn(foreign, rows.order_id)
        self.assertNotIn(
            other,
            [
                company
                for [company] in self.Kpi.with_user(manager)._read_group(
                    [], ["company_id"]
                )
            ],
        )
        # a manager of both companies sees both when both are active
        manager.company_ids = [Command.link(other.id)]
        both = self.Kpi.with_user(manager).with_context(
            allowed_company_ids=[self.company.id, other.id]
        )
        self.assertIn(foreign, both.search([]).order_id)

    def test_grouped_read_query_count(self):
        """Reading the grouped KPIs is one query for the groups plus one per
        many2one grouped on (its names), whatever the number of orders."""
        self._accept()
        Kpi = self.Kpi.with_user(self.users["manager"])
        by_month = (
            [],
            RATES + ["order_count:sum"],
            ["date_received:month", "order_class"],
        )
        by_team = ([], ["order_count:sum", "on_time_rate:avg"], ["team_id", "categ_id"])

        def read(args):
            # names of the group values as a new request would read them
            self.env["crm.team"].invalidate_model()
            self.env["product.category"].invalidate_model()
            return Kpi.read_group(*args, lazy=False)

        read(by_month)  # warm the access and rule caches
        read(by_team)
        with self.assertQueryCount(1):
            read(by_month)
        with self.assertQueryCount(3):  # groups, team names, category names
            read(by_team)
        self._accept()
        self._accept(returned=True)
        read(by_month)  # the workflow emptied the caches of the user
        with self.assertQueryCount(1):
            groups = read(by_month)
        self.assertEqual(sum(g["order_count"] for g in groups), 3)
        with self.assertQueryCount(3):
            read(by_team)

    def _plan(self, domain):
        query = self.Kpi._search(domain)
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.env.cr.execute(SQL("EXPLAIN %s", query.select()))
        plan = "\n".join(line for [line] in self.env.cr.fetchall())
        self.env.cr.execute("SET LOCAL enable_seqscan = on")
        return plan

    def test_period_filter_uses_indexes(self):
        """A period, company or salesperson filter on the view reaches the
        indexed columns of sale_order: the condition is applied on the scan
        of sale_order itself (pushed down into the view), where an index of
        the column exists; no table of the view is read sequentially."""
        self.env.cr.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'sale_order'"
        )
        indexes = {name for [name] in self.env.cr.fetchall()}
        since = fields.Datetime.now() - timedelta(days=31)
        for domain, column in (
            ([("date_received", ">=", since)], "intake_received_date"),
            ([("company_id", "=", self.company.id)], "company_id"),
            ([("user_id", "=", self.users["sales"].id)], "user_id"),
        ):
            self.assertIn(f"sale_order__{column}_index", indexes)
            plan = self._plan(domain)
            lines = plan.splitlines()
            [start] = [i for i, line in enumerate(lines) if " on sale_order so" in line]
            self.assertIn(column, "\n".join(lines[start : start + 4]), plan)
            for table in ("sale_order", "sale_order_line", "stock_picking"):
                self.assertNotIn(f"Seq Scan on {table} ", plan)
