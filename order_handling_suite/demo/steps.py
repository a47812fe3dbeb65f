# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo scenario of the suite: the steps of an order, each done by its
role (``DemoSteps``).

About thirty sale orders are taken through the suite by the people of each
role (``with_user``) with the real workflow methods of the addons: nothing
writes a state directly. Every record the scenario creates gets an external
id ``__order_handling_demo__.demo_<key>`` (``noupdate``): a second run finds
them and adds nothing. The namespace is not a module's (like Odoo's own
``__export__``): the scenario's orders are the company's business records,
not data of this addon, so uninstalling it (or an addon it depends on, which
takes it along) does not try to delete them.

The master data the orders are made of (the role users and their
departments, the sales team, customers, products with their technical
documents and picking times, the carrier) are demo records of the addons
that own them (``MASTER_DATA``); the scenario refers to them by their XML
ids and adds what only workflow methods make: the stock and the earlier
deliveries.

The texts of the scenario (comments, opinions, report contents) are demo
data in English, as in Odoo's own demo data, not terms of the interface.
"""

from datetime import timedelta

from odoo import Command, fields
from odoo.tools import convert_file

# the XML id namespace of the scenario's records (see the docstring)
MODULE = "__order_handling_demo__"
# addon → (one of its demo records, its demo files with the master data of
# the scenario): loaded by the scenario into a database installed without
# demo data (the tests), once, while that record is missing
MASTER_DATA = {
    "order_handling_base": (
        "user_sales",
        [
            "demo/res_users_demo.xml",
            "demo/order_handling_department_demo.xml",
            "demo/crm_team_demo.xml",
        ],
    ),
    "sale_order_intake": (
        "customer_acme",
        [
            "demo/res_partner_demo.xml",
            "demo/product_product_demo.xml",
            "demo/delivery_carrier_demo.xml",
        ],
    ),
    # the workshops and the route of the hydraulic motors (R5.6)
    "sale_order_followup": (
        "route_hydraulic_motors",
        ["demo/sale_order_followup_demo.xml"],
    ),
}
# the scenario's names of sale_order_intake's demo products
PRODUCTS = {
    "pump": "product_gear_pump",
    "valve": "product_custom_valve",
    "motor": "product_hydraulic_motor",
    "filter": "product_oil_filter",
    "manifold": "product_manifold_block",
    "cylinder": "product_lifting_cylinder",
}
# the products shipped before the scenario: regular ones (R2.1)
SHIPPED_BEFORE = ["pump", "motor", "filter"]
# department code → role giving its opinion in a review meeting
OPINION_ROLES = {
    "engineering": "engineering",
    "quality": "quality",
    "production": "workshop",
    "purchasing": "purchasing",
}
ASSESSED = {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}


class DemoSteps:
    """The master data and steps the orders of ``DemoScenario`` are made
    of. A plain class around an environment, not a model: the demo exists
    only in databases that load demo data."""

    def __init__(self, env):
        company = env.company
        self.env = env["res.company"].sudo().with_company(company).env
        self._clock_init()

    # ------------------------------------------------------------------
    # External ids: what makes the scenario idempotent
    # ------------------------------------------------------------------

    def _demo_ref(self, key):
        return self.env.ref(f"{MODULE}.demo_{key}", raise_if_not_found=False)

    def _demo_register(self, key, record):
        self.env["ir.model.data"].create(
            {
                "module": MODULE,
                "name": f"demo_{key}",
                "model": record._name,
                "res_id": record.id,
                "noupdate": True,
            }
        )
        return record

    # ------------------------------------------------------------------
    # Master data (the addons' demo records), stock, earlier deliveries
    # ------------------------------------------------------------------

    def _demo_setup(self):
        """The master data, the stock of every product, and the earlier
        deliveries of the regular products."""
        self._demo_master_data()
        self._demo_stock(self._products(PRODUCTS), 300.0)
        regular = self._products(SHIPPED_BEFORE)
        shipped = self.env["sale.order.line"]._intake_shipped_products(regular)
        if regular - shipped:
            self._demo_past_delivery(regular - shipped)

    def _demo_master_data(self):
        """Load the demo files of ``MASTER_DATA`` into a database installed
        without demo data, as their addon would have loaded them."""
        env = self.env(context=dict(self.env.context, no_reset_password=True))
        for module, (record, files) in MASTER_DATA.items():
            if self.env.ref(f"{module}.{record}", raise_if_not_found=False):
                continue
            for filename in files:
                convert_file(
                    env, module, filename, {}, mode="init", noupdate=True, kind="demo"
                )

    def _user(self, role):
        return self.env.ref(f"order_handling_base.user_{role}")

    def _team(self):
        return self.env.ref("order_handling_base.crm_team_east")

    def _customer(self, key):
        return self.env.ref(f"sale_order_intake.customer_{key}")

    def _carrier(self):
        return self.env.ref("sale_order_intake.delivery_carrier_truck")

    def _product(self, key):
        return self.env.ref(f"sale_order_intake.{PRODUCTS[key]}")

    def _products(self, keys):
        return self.env["product.product"].union(*map(self._product, keys))

    def _demo_stock(self, products, quantity):
        """The warehouse counts ``quantity`` of each product short of it
        (an inventory adjustment)."""
        warehouse = self._demo_warehouse()
        Quant = self.env["stock.quant"].with_user(self._user("warehouse"))
        for product in products:
            if product.with_context(warehouse_id=warehouse.id).qty_available >= (
                quantity / 2
            ):
                continue
            quant = Quant.with_context(inventory_mode=True).create(
                {
                    "product_id": product.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "inventory_quantity": quantity,
                }
            )
            quant.action_apply_inventory()

    def _demo_warehouse(self):
        return self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )

    def _demo_past_delivery(self, products):
        """A delivery of last year's business: ``products`` count as shipped
        before (R2.1)."""
        warehouse = self._demo_warehouse()
        customer_location = self.env.ref("stock.stock_location_customers")
        picking = (
            self.env["stock.picking"]
            .with_user(self._user("warehouse"))
            .create(
                {
                    "picking_type_id": warehouse.out_type_id.id,
                    "partner_id": self._customer("acme").id,
                    "origin": "Earlier deliveries",
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": customer_location.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.display_name,
                                "product_id": product.id,
                                "product_uom_qty": 2.0,
                                "product_uom": product.uom_id.id,
                                "location_id": warehouse.lot_stock_id.id,
                                "location_dest_id": customer_location.id,
                            }
                        )
                        for product in products
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.with_context(skip_sms=True).button_validate()
        return picking

    # ------------------------------------------------------------------
    # Steps of an order, each done by its role
    # ------------------------------------------------------------------

    def _as(self, role, records):
        return records.with_user(self._user(role))

    def _demo_new_order(
        self, key, customer, lines, clean=True, days=21, signoff=True, **vals
    ):
        """An order entered by the salesperson; ``clean`` gives it what the
        shipped checks ask for (delivery date, shipping method) and
        ``signoff`` the sales head's sign-off."""
        values = {
            "partner_id": self._customer(customer).id,
            "user_id": self._user("sales").id,
            "team_id": self._team().id,
            "intake_channel": vals.pop("channel", "email"),
            "order_line": [
                Command.create(
                    {
                        "product_id": self._product(product).id,
                        "product_uom_qty": qty,
                        **(rest[0] if rest else {}),
                    }
                )
                for product, qty, *rest in lines
            ],
        }
        if clean:
            values.update(
                commitment_date=fields.Datetime.now() + timedelta(days=days),
                carrier_id=self._carrier().id,
            )
        values.update(vals)
        order = self._as("sales", self.env["sale.order"]).create(values)
        self._demo_register(key, order)
        self._tick(0)
        if signoff:
            self._as("saleshead", order).action_intake_sign_off()
            self._tick(0.5)
        return order.with_env(self.env)

    def _submit(self, order):
        self._as("sales", order).action_intake_submit()
        self._tick(1.5)
        return order

    def _check(self, order):
        self._as("clerk", order).action_intake_check()
        self._tick(4)
        return order

    def _accept(self, order):
        if order.intake_important and not order.intake_recheck_uid:
            self._as("saleshead", order).action_intake_recheck()
            self._tick(3)
        self._as("clerk", order).action_intake_accept()
        self._tick(2)
        return order

    def _reviewer(self, order):
        return "engineering" if order.intake_class == "non_regular" else "workshop"

    def _review(self, order, decision="accept", **vals):
        review = self._as(self._reviewer(order), order.current_review_id)
        review.write(dict(ASSESSED, **vals))
        review._decide(decision)
        self._tick(20)
        return order

    def _handle_slips(self, order):
        """Quality acknowledges its copy; the warehouse lead forwards the
        order to production, which acknowledges it (R2.2, R2.3)."""
        slips = order.transfer_slip_ids
        for slip in slips.filtered(lambda s: s.state == "sent"):
            code = slip.department_id.code
            if code == "warehouse":
                self._as("warehouse", slip).action_forward(
                    self.env["order.handling.department"]._get_by_code("production"),
                    note="Please produce and reply the delivery date.",
                )
                self._tick(3)
            elif code == "quality":
                self._as("quality", slip).action_acknowledge()
                self._tick(2)
            elif code == "engineering":
                self._as("engineering", slip).action_acknowledge()
                self._tick(4)
        production = order.transfer_slip_ids.filtered(
            lambda s: s.department_id.code == "production" and s.state == "sent"
        )
        if production:
            self._as("workshop", production).action_acknowledge()
            self._tick(5)
        return order

    def _propose_date(self, order, days=28):
        self._as(self._reviewer(order), order).action_intake_propose_date(
            fields.Datetime.now() + timedelta(days=days)
        )
        self._tick(18)
        return order

    def _reply_date(self, order):
        self._as("clerk", order).action_intake_reply_date()
        self._tick(6)
        return order

    def _confirm(self, order):
        self._as("sales", order).action_confirm()
        self._tick(8)
        return order

    def _to_date_confirmed(self, order, days=28):
        self._accept(self._check(self._submit(order)))
        self._review(order)
        self._handle_slips(order)
        self._propose_date(order, days)
        return self._reply_date(order)

    def _ship(self, order, ratio=1.0):
        """The warehouse picks and ships ``ratio`` of each line; a partial
        shipment leaves a backorder."""
        for picking in order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        ):
            picking = self._as("warehouse", picking)
            picking.action_assign()
            for move in picking.move_ids:
                move.quantity = max(1.0, round(move.product_uom_qty * ratio))
            picking.move_ids.picked = True
            picking.with_context(skip_sms=True, skip_backorder=True).button_validate()
        self._tick(96)
        return order

    def _deliver(self, order):
        self._confirm(self._to_date_confirmed(order))
        self._ship(order)
        self._as("clerk", order).action_intake_complete()
        self._tick(24)
        return order

    def _visit(self, order, scores, comments, channel="phone"):
        """Customer service calls the customer after the delivery."""
        picking = order.picking_ids.filtered(
            lambda p: p.state == "done" and p.picking_type_code == "outgoing"
        )[:1]
        visit = self._as("service", self.env["sale.customer.visit"]).create(
            {
                "partner_id": order.partner_id.id,
                "order_id": order.id,
                "picking_id": picking.id,
                "origin": "delivery",
                "channel": channel,
                "date_planned": fields.Date.context_today(self.env.user),
            }
        )
        self._tick(48)
        if scores:
            visit.write(
                {
                    "score_product": scores[0],
                    "score_delivery": scores[1],
                    "score_service": scores[2],
                    "comments": comments,
                }
            )
            visit.action_done()
            self._tick(24)
        return visit

    # ------------------------------------------------------------------
    def _department(self, code):
        return self.env["order.handling.department"]._get_by_code(code)
