# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import tagged

from .governance_common import GovernanceCommon

# measured with every addon of the suite installed, plus some margin
QUERIES_20_LINES = 240
QUERIES_20_QUANTITIES = 1000


@tagged("post_install", "-at_install")
class TestChangePerformance(GovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.products = cls.env["product.product"].create(
            [{"name": f"Valve V-{i:02d}", "is_storable": True} for i in range(20)]
        )
        for product in cls.products:
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.stock_location, 1000
            )

    def _approved_change(self, size, quantities=True):
        """An approved request changing every line of a ``size``-line order,
        each line to its own values: the price and the specification, and
        the quantity when ``quantities``; and the delivery date."""
        order = self._confirmed_order(
            lines=[(product, 10, 50.0) for product in self.products[:size]],
            transfer=("warehouse",),
        )
        request = (
            self.env["sale.order.change.request"]
            .with_user(self.users["sales"])
            .create(
                {
                    "order_id": order.id,
                    "reason": "New values for every line.",
                    "new_commitment_date": fields.Datetime.now() + timedelta(days=60),
                    "line_ids": [
                        Command.create(
                            {
                                "order_line_id": line.id,
                                "new_qty": 11 + index if quantities else 10,
                                "new_price": 60.0 + index,
                                "new_name": f"Valve, specification {index}",
                            }
                        )
                        for index, line in enumerate(order.order_line)
                    ],
                }
            )
        )
        request.with_user(self.users["sales"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(request.state, "approved")
        self.env.flush_all()
        self.env.invalidate_all()
        return request.with_user(self.users["sales"])

    def _count(self, request):
        before = self.cr.sql_log_count
        request.action_apply()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_apply_does_not_grow_per_line(self):
        """Prices, specifications and the date of 5 or 20 lines: the same
        number of queries."""
        request = self._approved_change(20, quantities=False)
        with self.assertQueryCount(QUERIES_20_LINES):
            request.action_apply()
            self.env.flush_all()
        # caches warm (a second apply fills what the first one's notices to
        # the departments on the order copy read once): 5 lines cost what
        # 20 lines cost
        self._count(self._approved_change(5, quantities=False))
        five = self._count(self._approved_change(5, quantities=False))
        twenty = self._count(self._approved_change(20, quantities=False))
        self.assertEqual(five, twenty)
        order = request.order_id.sudo()
        self.assertEqual(
            order.order_line.mapped("price_unit"), [60.0 + i for i in range(20)]
        )
        self.assertEqual(
            order.order_line.mapped("name"),
            [f"Valve, specification {i}" for i in range(20)],
        )

    def test_apply_quantities_in_one_procurement_run(self):
        """Quantities of 20 lines: the lines are written one by one but their
        procurements run once, in one batch (what still grows per line is
        Odoo's own reservation of each stock move)."""
        request = self._approved_change(20)
        calls = []
        SaleOrderLine = type(self.env["sale.order.line"])
        launch = SaleOrderLine._action_launch_stock_rule

        def counting_launch(lines, previous_product_uom_qty=False):
            if lines.env.context.get("governance_deferred_procurement") is None:
                calls.append(len(lines))
            return launch(lines, previous_product_uom_qty=previous_product_uom_qty)

        with patch.object(SaleOrderLine, "_action_launch_stock_rule", counting_launch):
            with self.assertQueryCount(QUERIES_20_QUANTITIES):
                request.action_apply()
                self.env.flush_all()
        self.assertEqual(calls, [20])
        order = request.order_id.sudo()
        self.assertEqual(
            order.order_line.mapped("product_uom_qty"), [11.0 + i for i in range(20)]
        )
        moves = order.picking_ids.move_ids.filtered(lambda m: m.state != "cancel")
        self.assertEqual(
            sum(moves.mapped("product_uom_qty")), sum(11 + i for i in range(20))
        )
