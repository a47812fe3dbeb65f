# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import DashboardCommon

MEASURES = [
    "shipped_count:sum",
    "qty_shipped:sum",
    "logistics_cost:sum",
    "logistics_cost_order:avg",
    "logistics_cost_unit:avg",
]


@tagged("post_install", "-at_install")
class TestLogisticsCost(DashboardCommon):
    """R11.3 (第1条 降低物流总成本): the logistics cost of the orders shipped
    in full, per order and per unit shipped, on known numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.weight = 1.5  # kg
        freight = cls.env["product.product"].create(
            {"name": "Freight", "type": "service", "list_price": 0.0}
        )
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Factory truck",
                "delivery_type": "fixed",
                "fixed_price": 0.0,
                "product_id": freight.id,
            }
        )
        cls.Kpi = cls.env["order.handling.kpi.order"]

    def _order(self, qty=3, freight=None):
        """A regular order of ``qty`` pumps with its delivery date replied;
        ``freight``: the price of its delivery line (none by default)."""
        order = self._create_order(self.users["sales"])
        order.order_line.product_uom_qty = qty
        if freight is not None:
            order.set_delivery_line(self.carrier, freight)
        order.write({"commitment_date": fields.Datetime.now() + timedelta(days=30)})
        order.with_user(self.users["sales"]).action_intake_submit()
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        self._pass_review(order)
        order.with_user(self.users["manager"]).action_intake_propose_date(
            fields.Datetime.now() + timedelta(days=5)
        )
        clerk.action_intake_reply_date()
        return order

    def _settings(self, per_picking, per_kg):
        settings = Form(self.env["res.config.settings"])
        settings.logistics_cost_per_picking = per_picking
        settings.logistics_cost_per_kg = per_kg
        settings.save().execute()

    def test_logistics_cost_known_numbers(self):
        # off by default: an order without a delivery line costs nothing
        self.assertEqual(self.company.logistics_cost_per_picking, 0.0)
        self.assertEqual(self.company.logistics_cost_per_kg, 0.0)
        self._settings(per_picking=12.0, per_kg=2.0)
        self.assertEqual(
            (
                self.company.logistics_cost_per_picking,
                self.company.logistics_cost_per_kg,
            ),
            (12.0, 2.0),
        )
        # 3 pumps (1.5 kg each) in two deliveries, no delivery line:
        # 2 x 12.00 + 4.5 kg x 2.00 = 33.00
        by_rates = self._order(qty=3)
        self._ship(by_rates, qty=1)
        self.assertEqual(by_rates.delivery_status, "partial")
        self._ship(by_rates)
        self.assertEqual(len(by_rates.picking_ids), 2)
        # 1 pump, a delivery line of 50.00: its price, not the rates
        by_line = self._order(qty=1, freight=50.0)
        self.assertTrue(by_line.order_line.filtered("is_delivery"))
        self._ship(by_line)
        # replied, not shipped: no logistics cost yet
        open_order = self._order(qty=2)
        orders = by_rates | by_line | open_order

        Kpi = self.Kpi.with_user(self.users["manager"])
        rows = {
            row.order_id: row for row in Kpi.search([("order_id", "in", orders.ids)])
        }
        self.assertEqual(
            (
                rows[by_rates].logistics_cost_source,
                rows[by_rates].logistics_cost,
                rows[by_rates].qty_shipped,
                rows[by_rates].logistics_cost_unit,
            ),
            ("rates", 33.0, 3.0, 11.0),
        )
        self.assertEqual(
            (
                rows[by_line].logistics_cost_source,
                rows[by_line].logistics_cost,
                rows[by_line].qty_shipped,
                rows[by_line].logistics_cost_unit,
            ),
            ("delivery", 50.0, 1.0, 50.0),
        )
        self.assertFalse(rows[open_order].logistics_cost_source)
        self.assertFalse(rows[open_order].logistics_cost)

        # grouped: the ratio of the sums, not the mean of the rows (30.5)
        [values] = Kpi._read_group([("order_id", "in", orders.ids)], [], MEASURES)
        result = dict(zip(MEASURES, values, strict=True))
        self.assertEqual(result["shipped_count:sum"], 2)
        self.assertEqual(result["qty_shipped:sum"], 4.0)
        self.assertAlmostEqual(result["logistics_cost:sum"], 83.0)
        self.assertAlmostEqual(result["logistics_cost_order:avg"], 41.5)
        self.assertAlmostEqual(result["logistics_cost_unit:avg"], 20.75)

        # the monthly summary of this month says the same
        summary = (
            self.env["order.handling.monthly.summary"]
            .with_user(self.users["manager"])
            .create({})
        )._get_summary()["shipped"]
        self.assertEqual(summary["order_count:sum"], 2)
        self.assertAlmostEqual(summary["logistics_cost:sum"], 83.0)
        self.assertAlmostEqual(summary["logistics_cost_order:avg"], 41.5)
        self.assertAlmostEqual(summary["logistics_cost_unit:avg"], 20.75)

        # a rate changed later applies to the orders shipped without a
        # delivery line (the view reads the company's current rates)
        self.company.logistics_cost_per_kg = 0.0
        self.env.flush_all()
        Kpi.invalidate_model()
        self.assertEqual(rows[by_rates].logistics_cost, 24.0)
        self.assertEqual(rows[by_line].logistics_cost, 50.0)

    def test_settings_are_the_managers(self):
        """The rates are settings: the roles of the suite do not change them
        (Odoo's settings administrators do)."""
        for role in ("sales", "clerk", "saleshead"):
            with self.assertRaises(AccessError, msg=role):
                self._settings_as(role)
        self.assertEqual(self.company.logistics_cost_per_picking, 0.0)

    def _settings_as(self, role):
        self.env["res.config.settings"].with_user(self.users[role]).create(
            {"logistics_cost_per_picking": 99.0}
        ).execute()
