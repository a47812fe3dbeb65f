# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from lxml import etree

from odoo import Command, fields
from odoo.tests import tagged

from .common import IntakeCommon


def queue_order(env, xmlid):
    """The ``default_order`` of an intake queue view, as the client reads
    it (with the views that inherit it)."""
    view = env.ref(xmlid)
    arch = env["sale.order"].get_view(view.id, view.type)["arch"]
    return etree.fromstring(arch).get("default_order")


@tagged("post_install", "-at_install")
class TestPickingTime(IntakeCommon):
    """R5.2: the standard picking time counts units of measure, is shown in
    minutes and orders the intake queue after urgency and promised date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dozen = cls.env.ref("uom.product_uom_dozen")
        cls.washer = cls.env["product.product"].create(
            {
                "name": "Washer W-8",
                "type": "consu",
                "list_price": 1.0,
                "picking_minutes_per_unit": 0.5,
            }
        )

    def test_line_in_dozens_counts_units(self):
        """R5.2: 2 dozen washers at 0.5 min per unit are 12 minutes, not 1."""
        order = self._new_order(lines=[(self.product, 3)])
        order.write(
            {
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.washer.id,
                            "product_uom_qty": 2,
                            "product_uom": self.dozen.id,
                        }
                    )
                ]
            }
        )
        line = order.order_line.filtered(lambda line: line.product_id == self.washer)
        self.assertEqual(line.product_uom, self.dozen)
        # 3 units x 2 min + 24 units x 0.5 min
        self.assertAlmostEqual(order.intake_picking_minutes, 6.0 + 12.0)
        # the line back in units: 2 units
        line.product_uom = self.washer.uom_id
        self.assertAlmostEqual(order.intake_picking_minutes, 6.0 + 1.0)
        # the product's time changes: the order follows
        self.washer.picking_minutes_per_unit = 2.0
        self.assertAlmostEqual(order.intake_picking_minutes, 6.0 + 4.0)

    def test_shown_in_minutes(self):
        """R5.2: minutes as a number, not a clock time (12 minutes is not
        "12:00")."""
        arch = etree.fromstring(
            self.env["sale.order"].get_view(
                self.env.ref("sale_order_intake.view_order_form").id, "form"
            )["arch"]
        )
        nodes = arch.xpath("//field[@name='intake_picking_minutes']")
        self.assertTrue(nodes)
        self.assertFalse([node for node in nodes if node.get("widget")])
        self.assertIn(
            "(min)", self.env["sale.order"]._fields["intake_picking_minutes"].string
        )

    def test_queue_urgency_then_promised_date_then_shortest_picking(self):
        """R5.2: the intake queue (list and kanban) puts the earliest
        promised date first, then the shortest picking."""
        now = fields.Datetime.now()
        soon = self._new_order(
            lines=[(self.product, 50)], commitment_date=now + timedelta(days=3)
        )
        later_short = self._new_order(
            lines=[(self.product, 2)], commitment_date=now + timedelta(days=5)
        )
        later_long = self._new_order(
            lines=[(self.product, 20)], commitment_date=now + timedelta(days=5)
        )
        self.assertEqual(soon.intake_picking_minutes, 100.0)
        self.assertEqual(later_short.intake_picking_minutes, 4.0)
        self.assertEqual(later_long.intake_picking_minutes, 40.0)
        orders = later_long | soon | later_short
        for xmlid in (
            "sale_order_intake.sale_order_intake_view_list",
            "sale_order_intake.sale_order_intake_view_kanban",
        ):
            order = queue_order(self.env, xmlid)
            self.assertTrue(order.startswith("intake_priority desc"), order)
            queue = self.env["sale.order"].search(
                [("id", "in", orders.ids)], order=order
            )
            self.assertEqual(queue, soon | later_short | later_long, xmlid)
