# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The departments open the order form of the orders transferred to them in
the browser, also when a product of the order has a bill of materials
(sale_mrp computes fields of the order and its lines from stock moves and
manufacturing orders, which the departments have no right on)."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_tours import SuiteTourCommon


@tagged("post_install", "-at_install")
class TestOrderFormAccess(SuiteTourCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.valve = cls.env["product.product"].create(
            {"name": "Custom valve CV-7", "default_code": "CV-7", "is_storable": True}
        )
        casting = cls.env["product.product"].create(
            {"name": "Valve casting", "default_code": "VC-7", "is_storable": True}
        )
        cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": cls.valve.product_tmpl_id.id,
                "type": "normal",
                "bom_line_ids": [
                    Command.create({"product_id": casting.id, "product_qty": 1.0})
                ],
            }
        )
        order = cls._submit(cls._new_order(lines=[(cls.valve, 2)]))
        clerk = order.with_user(cls.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        cls.order = order

    def test_engineering_opens_the_copy_of_an_order_with_a_bom_product(self):
        """Engineering reads the copy of the order it reviews (never the
        order, R7.4); the copy's form loads although the product has a BOM
        and engineering has no right on stock moves nor manufacturing."""
        self.assertEqual(self.order.intake_class, "non_regular")
        self.assertIn(
            self.departments["engineering"],
            self.order.sudo().transfer_slip_ids.department_id,
        )
        engineering = self.users["engineering"]
        # the department gets no right on stock moves nor manufacturing
        self.assertFalse(engineering.has_group("stock.group_stock_user"))
        self.assertFalse(engineering.has_group("mrp.group_mrp_user"))
        with self.assertRaises(AccessError):
            self.env["stock.move"].with_user(engineering).check_access("read")
        with self.assertRaises(AccessError):
            self.order.with_user(engineering).check_access("read")
        copy = self.env["sale.order.copy"].browse(self.order.id)
        self._tour(
            self._url("order_handling_base.sale_order_copy_action", copy),
            "open_order",
            "engineering",
        )
