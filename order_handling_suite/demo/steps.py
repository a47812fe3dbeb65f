# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo scenario of the suite: people, master data and the steps of an
order, each done by its role (``DemoSteps``).

About thirty sale orders are taken through the suite by the people of each
role (``with_user``) with the real workflow methods of the addons: nothing
writes a state directly. Every record the scenario creates gets an external
id ``__order_handling_demo__.demo_<key>`` (``noupdate``): a second run finds
them and adds nothing. The namespace is not a module's (like Odoo's own
``__export__``): the scenario's orders are the company's business records,
not data of this addon, so uninstalling it (or an addon it depends on, which
takes it along) does not try to delete them.

The texts of the scenario (comments, opinions, report contents) are demo
data in English, as in Odoo's own demo data, not terms of the interface.
"""

from datetime import timedelta

from odoo import Command, fields

from odoo.addons.order_handling_base.roles import ROLE_GROUPS

# the XML id namespace of the scenario's records (see the docstring)
MODULE = "__order_handling_demo__"
# the roles of the demo users (order_handling_base's demo: no "manager")
DEMO_ROLES = [role for role in ROLE_GROUPS if role != "manager"]
ROLE_NAMES = {
    "sales": "Sally Sales",
    "saleshead": "Henry Head",
    "clerk": "Lily Logistics",
    "quality": "Quentin Quality",
    "warehouse": "Wendy Warehouse",
    "workshop": "Walter Workshop",
    "engineering": "Emma Engineering",
    "process": "Peter Process",
    "purchasing": "Paula Purchasing",
    "office": "Oscar Office",
    "gm": "Grace General Manager",
    "marketing": "Mark Marketing",
    "service": "Sophie Service",
}
# department code → (responsible role, member roles), as in the base demo
DEPARTMENT_ROLES = {
    "sales": ("saleshead", ["sales"]),
    "logistics": ("clerk", []),
    "quality": ("quality", []),
    "warehouse": ("warehouse", []),
    "production": ("workshop", []),
    "engineering": ("engineering", ["process"]),
    "purchasing": ("purchasing", []),
    "general_office": ("office", []),
    "marketing_planning": ("marketing", []),
    "customer_service": ("service", []),
}
# department code → role giving its opinion in a review meeting
OPINION_ROLES = {
    "engineering": "engineering",
    "quality": "quality",
    "production": "workshop",
    "purchasing": "purchasing",
}
ASSESSED = {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}

# (key, name, default code, price, regular, picking minutes per unit);
# the first two exist in sale_order_intake's demo data and are reused there
PRODUCTS = [
    ("pump", "Gear pump GP-20", "GP-20", 120.0, True, 2.0),
    ("valve", "Custom valve CV-7", "CV-7", 480.0, False, 5.0),
    ("motor", "Hydraulic motor HM-5", "HM-5", 860.0, True, 4.0),
    ("filter", "Oil filter FL-3", "FL-3", 35.0, True, 0.5),
    ("manifold", "Manifold block MB-9", "MB-9", 1250.0, False, 6.0),
    ("cylinder", "Lifting cylinder LC-40", "LC-40", 690.0, False, 5.0),
]
REUSED_PRODUCTS = {
    "pump": "sale_order_intake.product_gear_pump",
    "valve": "sale_order_intake.product_custom_valve",
}
CUSTOMERS = [
    ("shanghai", "Shanghai Precision Machinery Co., Ltd.", "purchase@shpm.example.com"),
    ("ningbo", "Ningbo Harbour Cranes Ltd.", "orders@nbcranes.example.com"),
    ("suzhou", "Suzhou Agricultural Equipment Co.", "buyer@szag.example.com"),
    ("acme", "Acme Machinery GmbH", "einkauf@acme.example.com"),
]


class DemoSteps:
    """The people, master data and steps the orders of ``DemoScenario`` are
    made of. A plain class around an environment, not a model: the demo
    exists only in databases that load demo data."""

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

    def _demo_get(self, key, model, vals):
        """The record of ``key``, created from ``vals`` when missing."""
        record = self._demo_ref(key)
        if not record:
            record = self._demo_register(key, self.env[model].create(vals))
        return record

    # ------------------------------------------------------------------
    # People, departments, customers, products
    # ------------------------------------------------------------------

    def _demo_setup(self):
        """Role users, departments, a sales team, customers, products with
        stock, and a carrier: found, or made when missing."""
        for role in DEMO_ROLES:
            self._demo_user_get(role)
        self._demo_departments()
        self._demo_get(
            "team_east",
            "crm.team",
            {
                "name": "East China Sales",
                "user_id": self._user("saleshead").id,
                "company_id": self.env.company.id,
                "member_ids": [Command.set(self._user("sales").ids)],
            },
        )
        for key, name, email in CUSTOMERS:
            self._demo_get(
                f"customer_{key}",
                "res.partner",
                {
                    "name": name,
                    "email": email,
                    "is_company": True,
                    "user_id": self._user("sales").id,
                },
            )
        self._demo_products()
        freight = self._demo_get(
            "product_freight",
            "product.product",
            {
                "name": "Freight",
                "default_code": "FREIGHT",
                "type": "service",
                "list_price": 0.0,
            },
        )
        self._demo_get(
            "carrier_truck",
            "delivery.carrier",
            {
                "name": "Factory truck",
                "delivery_type": "fixed",
                "fixed_price": 0.0,
                "product_id": freight.id,
            },
        )

    def _user(self, role):
        return self.env.ref(
            f"order_handling_base.user_{role}", raise_if_not_found=False
        ) or self._demo_ref(f"user_{role}")

    def _team(self):
        return self._demo_ref("team_east")

    def _customer(self, key):
        return self._demo_ref(f"customer_{key}")

    def _carrier(self):
        return self._demo_ref("carrier_truck")

    def _product(self, key):
        return self._demo_ref(f"product_{key}") or self.env.ref(
            REUSED_PRODUCTS.get(key, f"{MODULE}.demo_product_{key}"),
            raise_if_not_found=False,
        )

    def _demo_user_get(self, role):
        """The role's user: the demo user of order_handling_base when it is
        there, otherwise a user of the same login made here, without a
        password (it acts in the scenario, nobody logs in as it)."""
        user = self._user(role)
        if user:
            return user
        user = self.env["res.users"].search([("login", "=", role)], limit=1)
        if not user:
            company = self.env.company
            group = self.env.ref(f"order_handling_base.{ROLE_GROUPS[role]}")
            user = (
                self.env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "name": ROLE_NAMES[role],
                        "login": role,
                        "email": f"{role}@example.com",
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                        "groups_id": [Command.set(group.ids)],
                    }
                )
            )
        return self._demo_register(f"user_{role}", user)

    def _demo_departments(self):
        """Departments without a responsible get the role users of the base
        demo; configured departments are left as they are."""
        Department = self.env["order.handling.department"]
        departments = Department.search([("company_id", "=", self.env.company.id)])
        for department in departments:
            if department.manager_id or department.code not in DEPARTMENT_ROLES:
                continue
            manager, members = DEPARTMENT_ROLES[department.code]
            department.write(
                {
                    "manager_id": self._user(manager).id,
                    "member_ids": [
                        Command.link(self._user(role).id)
                        for role in [manager, *members]
                    ],
                }
            )

    def _demo_products(self):
        """The products of the scenario. Regular ones have complete technical
        documents and were delivered before (a real delivery); the warehouse
        holds stock of every one."""
        Product = self.env["product.product"]
        for key, name, code, price, _regular, minutes in PRODUCTS:
            if not self._product(key):
                self._demo_register(
                    f"product_{key}",
                    Product.create(
                        {
                            "name": name,
                            "default_code": code,
                            "type": "consu",
                            "is_storable": True,
                            "list_price": price,
                            "picking_minutes_per_unit": minutes,
                        }
                    ),
                )
        self._demo_stock(Product.union(*(self._product(p[0]) for p in PRODUCTS)), 300.0)
        regular = Product.union(*(self._product(p[0]) for p in PRODUCTS if p[4]))
        regular.product_tmpl_id._complete_tech_documents()
        shipped = self.env["sale.order.line"]._intake_shipped_products(regular)
        if regular - shipped:
            self._demo_past_delivery(regular - shipped)

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
