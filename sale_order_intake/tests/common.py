# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields

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


def new_carrier(env, name, **vals):
    """A free carrier at a fixed price, with its freight service product."""
    freight = env["product.product"].create(
        {"name": "Freight", "type": "service", "list_price": 0.0}
    )
    return env["delivery.carrier"].create(
        {
            "name": name,
            "delivery_type": "fixed",
            "fixed_price": 0.0,
            "product_id": freight.id,
            **vals,
        }
    )


class IntakeCommon(OrderHandlingCommon):
    """The roles of the base addon plus a second logistics clerk, a carrier,
    and helpers to enter clean orders, ship products and complete their
    technical documents. The shipped intake checks stay active: classes that
    test one check archive them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["clerk2"] = cls._new_user(
            "oh_clerk2", "order_handling_base.group_logistics_clerk"
        )
        cls.company.write({"intake_required": True, "intake_important_amount": 0.0})
        cls.product.write({"default_code": "GP-20", "picking_minutes_per_unit": 2.0})
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.customer_location = cls.env.ref("stock.stock_location_customers")
        cls.carrier = new_carrier(cls.env, "Factory truck")
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
    def _submit(cls, orders, user="sales"):
        orders.with_user(cls.users[user]).action_intake_submit()
        return orders

    def _activities(self, order, activity_type):
        return order.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )

    # ------------------------------------------------------------------
    # Asserts
    # ------------------------------------------------------------------

    def assertRefused(self, exception, records, func, regex=None, fnames=None):
        """``func()`` raises ``exception`` and leaves ``records`` untouched:
        ``fnames``, by default all an intake action may write."""
        fnames = fnames or [f for f in INTAKE_FIELDS if f in records._fields]
        return self.assertRefusedUntouched(exception, records, func, fnames, regex)


class ConfirmedOrderCommon(OrderHandlingCommon):
    """Confirmed orders with stock and transfer slips, for what follows the
    confirmation (archive, change and cancel requests…); the company confirms
    without the intake workflow unless a test turns it on."""

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

    def assertRefused(self, exception, records, func, fnames, regex=None):
        """``func()`` raises ``exception`` and leaves ``fnames`` of
        ``records`` untouched."""
        return self.assertRefusedUntouched(exception, records, func, fnames, regex)
