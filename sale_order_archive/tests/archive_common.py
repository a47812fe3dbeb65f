# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unittest
from datetime import timedelta

from odoo import Command, fields

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon


class ArchiveOrderCommon(OrderHandlingCommon):
    """Confirmed orders with stock and transfer slips, to complete and
    archive; the company confirms without the intake workflow unless a test
    turns it on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.intake_required = False
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.product.is_storable = True
        cls.product2 = cls.env["product.product"].create(
            {"name": "Gear pump GP-40", "is_storable": True, "list_price": 200.0}
        )
        cls.product3 = cls.env["product.product"].create(
            {"name": "Gear pump GP-60", "is_storable": True, "list_price": 300.0}
        )
        for product in cls.product | cls.product2 | cls.product3:
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.stock_location, 1000
            )

    @classmethod
    def _confirmed_order(cls, lines=None, user="sales", transfer=("warehouse",)):
        """An order of ``user``, confirmed, with its delivery picking and
        transfer slips to the ``transfer`` departments."""
        lines = lines or [(cls.product, 5, 100.0), (cls.product2, 3, 200.0)]
        order = (
            cls.env["sale.order"]
            .with_user(cls.users[user])
            .create(
                {
                    "partner_id": cls.partner.id,
                    "commitment_date": fields.Datetime.now() + timedelta(days=20),
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "price_unit": price,
                            }
                        )
                        for product, qty, price in lines
                    ],
                }
            )
        )
        order = cls.env["sale.order"].browse(order.id)
        order.action_confirm()
        if transfer:
            departments = cls.env["order.handling.department"].browse(
                [cls.departments[code].id for code in transfer]
            )
            order._transfer_to_departments(departments)
        return order

    @classmethod
    def _deliver_partially(cls, order, product, qty):
        """Deliver ``qty`` of ``product``: the rest goes to a backorder."""
        picking = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        for move in picking.move_ids:
            move.quantity = qty if move.product_id == product else 0
            move.picked = move.product_id == product
        picking.with_context(cancel_backorder=False)._action_done()
        return picking

    def _as(self, role, records):
        return records.with_user(self.users[role])

    def assertRefused(self, exception, records, func, fnames, regex=None):
        """``func()`` raises ``exception`` and leaves ``records`` untouched,
        checked *without* the savepoint of ``assertRaises``: the guards must
        refuse before anything is written."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = records.sudo().read(fnames)
        with unittest.TestCase.assertRaises(self, exception) as catcher:
            func()
        if regex:
            self.assertRegex(str(catcher.exception), regex)
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(
            records.sudo().read(fnames), before, "refused, but something was written"
        )
        return catcher.exception
