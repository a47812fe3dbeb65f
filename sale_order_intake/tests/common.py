# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unittest
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon

# What an intake action may write on an order: a refused action leaves all of
# it as it was (x2many fields are read as lists of ids).
INTAKE_FIELDS = [
    "state",
    "intake_stage",
    "intake_submitted_uid",
    "intake_submitted_date",
    "intake_checked_uid",
    "intake_checked_date",
    "intake_return_count",
    "intake_return_reason",
    "intake_recheck_uid",
    "intake_accepted_uid",
    "intake_accepted_date",
    "intake_class",
    "intake_class_override",
    "intake_class_override_reason",
    "intake_clerk_id",
    "sales_signoff_uid",
    "intake_issue_ids",
    "stage_log_ids",
    "transfer_slip_ids",
    "activity_ids",
    "message_ids",
]


class IntakeCommon(OrderHandlingCommon):
    """The roles of the base addon plus a second logistics clerk, a carrier,
    and helpers to enter clean orders, ship products and complete their
    technical documents. The shipped intake checks stay active: classes that
    test one check archive them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["clerk2"] = new_test_user(
            cls.env,
            "oh_clerk2",
            groups="order_handling_base.group_logistics_clerk",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.company.write({"intake_required": True, "intake_important_amount": 0.0})
        cls.product.write({"default_code": "GP-20", "picking_minutes_per_unit": 2.0})
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.customer_location = cls.env.ref("stock.stock_location_customers")
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
        cls.shipped_rules = cls.env["sale.order.intake.rule"].search([])
        cls.activity_check = cls.env.ref(
            "sale_order_intake.mail_activity_type_intake_check"
        )
        cls.activity_correct = cls.env.ref(
            "sale_order_intake.mail_activity_type_intake_correct"
        )

    # ------------------------------------------------------------------
    # Data helpers
    # ------------------------------------------------------------------

    @classmethod
    def _ship(cls, products, partner=None):
        """``products`` were delivered to a customer before: one done move
        each to the customers location."""
        cls.env["stock.move"].create(
            [
                {
                    "name": product.display_name,
                    "product_id": product.id,
                    "product_uom_qty": 1.0,
                    "product_uom": product.uom_id.id,
                    "location_id": cls.stock_location.id,
                    "location_dest_id": cls.customer_location.id,
                    "partner_id": (partner or cls.partner).id,
                    "state": "done",
                }
                for product in products
            ]
        )

    @classmethod
    def _deliver(cls, products, partner=None):
        """A real delivery: confirm and validate an outgoing picking."""
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": cls.warehouse.out_type_id.id,
                "partner_id": (partner or cls.partner).id,
                "location_id": cls.stock_location.id,
                "location_dest_id": cls.customer_location.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.display_name,
                            "product_id": product.id,
                            "product_uom_qty": 1.0,
                            "product_uom": product.uom_id.id,
                            "location_id": cls.stock_location.id,
                            "location_dest_id": cls.customer_location.id,
                        }
                    )
                    for product in products
                ],
            }
        )
        picking.action_confirm()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.button_validate()
        return picking

    @classmethod
    def _make_regular(cls, products):
        """Shipped before and with complete technical documents (R2.1)."""
        cls._ship(products)
        products.product_tmpl_id._complete_tech_documents()

    @classmethod
    def _new_order(cls, user="sales", lines=None, clean=True, partner=None, **vals):
        """An order entered by ``user``; ``clean`` gives it what the shipped
        checks ask for: a delivery date, a carrier and the sales head's
        sign-off. Returned in the administrator's environment."""
        lines = lines or [(cls.product, 3)]
        values = {
            "partner_id": (partner or cls.partner).id,
            "order_line": [
                Command.create({"product_id": product.id, "product_uom_qty": qty})
                for product, qty in lines
            ],
        }
        if clean:
            values.update(
                commitment_date=fields.Datetime.now() + timedelta(days=10),
                carrier_id=cls.carrier.id,
            )
        values.update(vals)
        order = cls.env["sale.order"].with_user(cls.users[user]).create(values)
        if clean:
            order.with_user(cls.users["saleshead"]).action_intake_sign_off()
        return cls.env["sale.order"].browse(order.id)

    @classmethod
    def _pass_review(cls, order):
        """With sale_order_review installed, the delivery date waits for an
        accepted review: accept it, so the tests hold with or without it."""
        if "current_review_id" not in order._fields:
            return
        review = order.sudo().current_review_id
        review.write(
            {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}
        )
        review._decide("accept")

    @classmethod
    def _submit(cls, orders, user="sales"):
        orders.with_user(cls.users[user]).action_intake_submit()
        return orders

    def _as(self, role, records):
        return records.with_user(self.users[role])

    def _activities(self, order, activity_type):
        return order.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )

    # ------------------------------------------------------------------
    # Asserts
    # ------------------------------------------------------------------

    def assertRefused(self, exception, records, func, regex=None, fnames=None):
        """``func()`` raises ``exception`` and leaves ``records`` untouched.

        Called *without* the savepoint of ``assertRaises``: what ``func``
        wrote before raising would still be there, so this checks that the
        guards refuse before anything is written. The cache is emptied first,
        as a new RPC request would have it (access rules are then checked)."""
        fnames = fnames or [f for f in INTAKE_FIELDS if f in records._fields]
        self.env.flush_all()
        self.env.invalidate_all()
        before = records.sudo().read(fnames)
        self.env.invalidate_all()
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

    def _count_queries(self, func):
        self.env.invalidate_all()
        self.env.flush_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before
