# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unittest

from odoo.tools import SQL

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon


class ViolationCommon(OrderHandlingCommon):
    """The roles of order_handling_base, a company that keeps the register
    of violations (R7.8), a sales team led by the sales head with the
    salesperson in it, a salesperson outside it, and done orders to archive."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                name: value
                for name, value in (
                    ("intake_required", False),
                    ("sale_order_approval", False),
                    ("sale_order_change_control", False),
                    ("sale_order_violation_register", True),
                )
                if name in cls.company._fields
            }
        )
        cls.team = cls._new_sales_team()
        cls.users["sales2"] = cls._new_user(
            "oh_sales2", "order_handling_base.group_salesperson"
        )
        cls.Violation = cls.env["sale.order.violation"]
        cls.product.is_storable = True
        stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.company.id)], limit=1)
            .lot_stock_id
        )
        cls.env["stock.quant"]._update_available_quantity(cls.product, stock, 1000)

    @classmethod
    def _done_order(cls):
        """An order of the salesperson's team, confirmed and delivered."""
        order = cls._create_order(cls.users["sales"])
        order = cls.env["sale.order"].browse(order.id)
        order.team_id = cls.team
        order.action_confirm()
        for move in order.picking_ids.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        order.picking_ids._action_done()
        return order

    def _archived_order(self):
        order = self._done_order()
        order.with_user(self.users["clerk"])._governance_archive()
        return order

    def _tamper(self, orders):
        """Who writes the database directly changes the orders' prices."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE sale_order_line SET price_unit = price_unit + 1 "
                "WHERE order_id IN %s",
                tuple(orders.ids),
            )
        )
        self.env.invalidate_all()

    def _manual_entry(self, role="manager", **vals):
        return self.Violation.with_user(self.users[role]).create(
            {"facts": "Printed order S00042 and gave it to a competitor.", **vals}
        )

    def _entries(self, **domain):
        return self.Violation.sudo().search(
            [(name, "=", value) for name, value in domain.items()]
        )

    def assertRefusedAsIs(self, exception, func):
        """``func()`` raises ``exception``, caught *without* the savepoint
        of ``assertRaises``: what the refusal wrote elsewhere stays
        visible."""
        with unittest.TestCase.assertRaises(self, exception) as catcher:
            func()
        return catcher.exception
