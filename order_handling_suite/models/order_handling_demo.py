# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo scenario of the suite: a working company.

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

import base64
from datetime import timedelta

from odoo import Command, api, fields, models

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


class OrderHandlingDemo(models.AbstractModel):
    """Builds the demo company of ``make demo``: orders in every stage,
    reviews, product plans, visits, complaints, returns, intelligence
    reports and sales targets. Called by ``demo/order_handling_demo.xml``;
    safe to run again (it adds nothing the second time)."""

    _name = "order.handling.demo"
    _description = "Order Handling Suite Demo Scenario"

    # ------------------------------------------------------------------
    # Entry point
    # ------------------------------------------------------------------

    @api.model
    def _generate_demo_scenario(self):
        """Create what is missing of the scenario; return the orders by key."""
        self = self.sudo().with_company(self.env.company)
        # the scenario's orders predate order approvals (sale_order_governance,
        # switched on by its demo data): they are made with the switch off,
        # which is put back afterwards, so new quotations wait for approval
        company = self.env.company
        approvals = company._fields.get("sale_order_approval") and (
            company.sale_order_approval
        )
        if approvals:
            company.sale_order_approval = False
        self._demo_setup()
        orders = {}
        for key, method in self._demo_order_scenarios():
            order = self._demo_ref(key)
            if not order:
                order = getattr(self, method)(key)
            orders[key] = order
        self._demo_governance_orders(orders)
        self._demo_intelligence(orders)
        self._demo_targets()
        if approvals:
            company.sale_order_approval = True
        return orders

    def _demo_order_scenarios(self):
        """Hook: ``(key, method)`` of each order of the scenario, in the
        order they are made; ``method(key)`` creates, registers and takes
        the order to its stage."""
        return [
            ("order_returned_signoff", "_demo_order_returned_signoff"),
            ("order_returned_date", "_demo_order_returned_date"),
            ("order_submitted", "_demo_order_submitted"),
            ("order_submitted_2", "_demo_order_submitted"),
            ("order_resubmitted", "_demo_order_resubmitted"),
            ("order_checked", "_demo_order_checked"),
            ("order_checked_important", "_demo_order_checked_important"),
            ("order_accepted_review", "_demo_order_accepted"),
            ("order_accepted_rechecked", "_demo_order_accepted_rechecked"),
            ("order_urgent_intake", "_demo_order_urgent_intake"),
            ("order_urgent_production", "_demo_order_urgent_production"),
            ("order_date_proposed", "_demo_order_date_proposed"),
            ("order_date_proposed_2", "_demo_order_date_proposed"),
            ("order_date_confirmed", "_demo_order_date_confirmed"),
            ("order_date_confirmed_2", "_demo_order_date_confirmed"),
            ("order_production", "_demo_order_production"),
            ("order_production_partial", "_demo_order_production_partial"),
            ("order_production_intel", "_demo_order_production_intel"),
            ("order_delivered_visited", "_demo_order_delivered_visited"),
            ("order_delivered_rated", "_demo_order_delivered_rated"),
            ("order_delivered_visit_planned", "_demo_order_delivered"),
            ("order_complaint_closed", "_demo_order_complaint_closed"),
            ("order_complaint_return", "_demo_order_complaint_return"),
            ("order_review_meeting", "_demo_order_review_meeting"),
            ("order_review_resolved", "_demo_order_review_resolved"),
            ("order_plan_requested", "_demo_order_plan_requested"),
            ("order_plan_agreed", "_demo_order_plan_agreed"),
            ("order_plan_approved", "_demo_order_plan_approved"),
            ("order_plan_issued", "_demo_order_plan_issued"),
            ("order_rejected", "_demo_order_rejected"),
            ("order_rejected_meeting", "_demo_order_rejected_meeting"),
        ]

    def _demo_governance_orders(self, orders):
        """sale_order_governance (C7): an order changed through an approved
        change request (``order_changed``) and one cancelled through an
        approved cancel request (``order_cancelled``), each filed by the
        salesperson and approved in turn by the sales head (and the general
        manager for the cancellation). Does nothing without that addon."""
        if "sale.order.change.request" not in self.env:
            return orders
        for key, method in (
            ("order_changed", "_demo_order_changed"),
            ("order_cancelled", "_demo_order_cancelled"),
        ):
            orders[key] = self._demo_ref(key) or getattr(self, method)(key)
        return orders

    def _demo_order_changed(self, key):
        """Confirmed, then the customer wants more motors two weeks later."""
        order = self._demo_new_order(key, "ningbo", [("motor", 4), ("filter", 8)])
        self._confirm(self._to_date_confirmed(order, 18))
        line = order.order_line.filtered(lambda sol: not sol.display_type)[:1]
        request = self._as("sales", self.env["sale.order.change.request"]).create(
            {
                "order_id": order.id,
                "reason": "The customer adds two motors for a second crane and "
                "needs the delivery two weeks later.",
                "new_commitment_date": order.commitment_date + timedelta(days=14),
                "line_ids": [
                    Command.create(
                        {
                            "order_line_id": line.id,
                            "new_qty": line.product_uom_qty + 2,
                        }
                    )
                ],
            }
        )
        self._as("sales", request).request_validation()
        self._as("saleshead", request).validate_tier()
        self._as("sales", request).action_apply()
        self._demo_register(f"{key}_request", request)
        return order

    def _demo_order_cancelled(self, key):
        """Confirmed, then withdrawn by the customer before anything left."""
        order = self._demo_new_order(key, "suzhou", [("pump", 5)])
        self._confirm(self._to_date_confirmed(order, 25))
        request = self._as("sales", self.env["sale.order.cancel.request"]).create(
            {
                "order_id": order.id,
                "reason_id": self.env.ref(
                    "sale_order_governance.cancel_reason_customer_withdrawn"
                ).id,
                "reason": "The customer's project was stopped.",
            }
        )
        self._as("sales", request).request_validation()
        self._as("saleshead", request).validate_tier()
        self._as("gm", request).validate_tier()
        self._as("sales", request).action_apply()
        self._demo_register(f"{key}_request", request)
        return order

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
        if signoff:
            self._as("saleshead", order).action_intake_sign_off()
        return order.with_env(self.env)

    def _submit(self, order):
        self._as("sales", order).action_intake_submit()
        return order

    def _check(self, order):
        self._as("clerk", order).action_intake_check()
        return order

    def _accept(self, order):
        if order.intake_important and not order.intake_recheck_uid:
            self._as("saleshead", order).action_intake_recheck()
        self._as("clerk", order).action_intake_accept()
        return order

    def _reviewer(self, order):
        return "engineering" if order.intake_class == "non_regular" else "workshop"

    def _review(self, order, decision="accept", **vals):
        review = self._as(self._reviewer(order), order.current_review_id)
        review.write(dict(ASSESSED, **vals))
        review._decide(decision)
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
            elif code == "quality":
                self._as("quality", slip).action_acknowledge()
            elif code == "engineering":
                self._as("engineering", slip).action_acknowledge()
        production = order.transfer_slip_ids.filtered(
            lambda s: s.department_id.code == "production" and s.state == "sent"
        )
        if production:
            self._as("workshop", production).action_acknowledge()
        return order

    def _propose_date(self, order, days=28):
        self._as(self._reviewer(order), order).action_intake_propose_date(
            fields.Datetime.now() + timedelta(days=days)
        )
        return order

    def _reply_date(self, order):
        self._as("clerk", order).action_intake_reply_date()
        return order

    def _confirm(self, order):
        self._as("sales", order).action_confirm()
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
        return order

    def _deliver(self, order):
        self._confirm(self._to_date_confirmed(order))
        self._ship(order)
        self._as("clerk", order).action_intake_complete()
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
                "date_planned": fields.Date.context_today(self),
            }
        )
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
        return visit

    # ------------------------------------------------------------------
    # The orders (C1, C2, C5, C6)
    # ------------------------------------------------------------------

    def _demo_order_returned_signoff(self, key):
        """Entered without shipping method nor sign-off: the intake check
        returns it to sales (R1.3)."""
        order = self._demo_new_order(
            key, "ningbo", [("pump", 40)], clean=False, signoff=False
        )
        order.with_user(self._user("sales")).commitment_date = (
            fields.Datetime.now() + timedelta(days=30)
        )
        return self._check(self._submit(order))

    def _demo_order_returned_date(self, key):
        order = self._demo_new_order(key, "suzhou", [("filter", 200)], clean=False)
        order.with_user(self._user("sales")).carrier_id = self._carrier()
        return self._check(self._submit(order))

    def _demo_order_submitted(self, key):
        order = self._demo_new_order(
            key, "shanghai", [("pump", 12), ("filter", 24)], channel="fax"
        )
        return self._submit(order)

    def _demo_order_resubmitted(self, key):
        """Returned once (no shipping method), corrected, submitted again."""
        order = self._demo_new_order(key, "acme", [("motor", 3)], clean=False)
        self._as("sales", order).commitment_date = fields.Datetime.now() + timedelta(
            days=25
        )
        self._check(self._submit(order))
        self._as("sales", order).carrier_id = self._carrier()
        return self._submit(order)

    def _demo_order_checked(self, key):
        order = self._demo_new_order(key, "ningbo", [("motor", 2), ("filter", 10)])
        return self._check(self._submit(order))

    def _demo_order_checked_important(self, key):
        """Flagged important: a second person must re-check it (R1.4)."""
        order = self._demo_new_order(
            key, "shanghai", [("motor", 20)], intake_important_flag=True
        )
        return self._check(self._submit(order))

    def _demo_order_accepted(self, key):
        """Accepted and transferred; the workshop has not reviewed it yet."""
        order = self._demo_new_order(key, "suzhou", [("pump", 30)])
        return self._accept(self._check(self._submit(order)))

    def _demo_order_accepted_rechecked(self, key):
        """Important, re-checked by the sales head, accepted and reviewed:
        the workshop is to propose its delivery date."""
        order = self._demo_new_order(
            key, "acme", [("pump", 50), ("motor", 5)], intake_important_flag=True
        )
        self._accept(self._check(self._submit(order)))
        self._review(order, "accept_conditions", conditions="Second shift on line 2")
        return self._handle_slips(order)

    def _urgent_vals(self, days):
        return {
            "intake_urgent": True,
            "urgency_level": "2",
            "urgent_deadline": fields.Datetime.now() + timedelta(days=days),
            "urgency_assessor_id": self._user("workshop").id,
        }

    def _demo_order_urgent_intake(self, key):
        """Urgent: the workshop found it feasible, the departments were
        alerted; it waits for the clerk's check (R6.1, R6.2)."""
        order = self._demo_new_order(
            key, "ningbo", [("filter", 80)], days=4, **self._urgent_vals(5)
        )
        self._as("workshop", order).action_urgent_assess(
            "accepted", "Filters in stock; packing can start today."
        )
        return self._submit(order)

    def _demo_order_urgent_production(self, key):
        """Urgent, accepted, dated and confirmed: picked first."""
        order = self._demo_new_order(
            key, "shanghai", [("pump", 8)], days=3, **self._urgent_vals(4)
        )
        self._as("workshop", order).action_urgent_assess(
            "accepted", "Line 1 is free tomorrow."
        )
        return self._confirm(self._to_date_confirmed(order, days=3))

    def _demo_order_date_proposed(self, key):
        order = self._demo_new_order(key, "suzhou", [("motor", 4), ("pump", 6)])
        self._accept(self._check(self._submit(order)))
        self._review(order)
        self._handle_slips(order)
        return self._propose_date(order, 35)

    def _demo_order_date_confirmed(self, key):
        order = self._demo_new_order(key, "ningbo", [("pump", 16)])
        return self._to_date_confirmed(order, 30)

    def _demo_order_production(self, key):
        """Confirmed: the departments have their copies, the warehouse picks."""
        order = self._demo_new_order(key, "acme", [("motor", 6), ("filter", 12)])
        return self._confirm(self._to_date_confirmed(order, 20))

    def _demo_order_production_partial(self, key):
        order = self._demo_new_order(key, "shanghai", [("pump", 40), ("filter", 40)])
        self._confirm(self._to_date_confirmed(order, 14))
        return self._ship(order, ratio=0.5)

    def _demo_order_delivered(self, key):
        """Delivered and completed; its follow-up visit is planned."""
        order = self._deliver(
            self._demo_new_order(key, "suzhou", [("pump", 10), ("filter", 20)])
        )
        self._visit(order, None, None)
        return order

    def _demo_order_delivered_visited(self, key):
        order = self._deliver(self._demo_new_order(key, "ningbo", [("motor", 2)]))
        self._visit(
            order,
            (5, 4, 5),
            "Runs quietly; delivery one day later than promised.",
            channel="visit",
        )
        return order

    def _demo_order_delivered_rated(self, key):
        """The customer rated the follow-up from the link in the e-mail."""
        order = self._deliver(self._demo_new_order(key, "shanghai", [("pump", 20)]))
        visit = self._visit(order, (4, 5, 5), "Satisfied; next order in spring.")
        self._as("service", visit).action_send_rating_request()
        token = visit._rating_get_access_token()
        # what the /rate/<token>/<score> page does for the customer
        visit.rating_apply(5, token=token, feedback="Fast and friendly.")
        return order

    def _demo_order_complaint_closed(self, key):
        """A low delivery score opens a complaint, handled the 8D way by
        customer service with quality, and closed (R8.1, R8.3)."""
        order = self._deliver(self._demo_new_order(key, "acme", [("filter", 60)]))
        visit = self._visit(
            order,
            (4, 1, 3),
            "Two weeks late, the line stood still.",
        )
        complaint = self._as("service", visit.complaint_ids)
        complaint.action_acknowledge()
        complaint.write({"department_id": self._department("warehouse").id})
        complaint.action_transfer_department()
        complaint.action_investigate()
        complaint.write(
            {
                "team_note": "Customer service, warehouse, logistics.",
                "containment_action": "Ship the next order by express.",
                "root_cause": "The order waited three days for a carrier booking.",
                "corrective_action": "Book carriers when picking starts.",
                "preventive_action": "Carrier booking added to the picking checklist.",
            }
        )
        complaint.action_propose_solution()
        complaint.action_customer_confirm()
        complaint.write({"closing_note": "Customer satisfied."})
        complaint.action_close()
        return order

    def _demo_order_complaint_return(self, key):
        """A quality complaint: two pumps go back through an RMA (OCA
        rma_sale), received by the warehouse (R8.3, R8.4)."""
        order = self._deliver(self._demo_new_order(key, "ningbo", [("pump", 10)]))
        complaint = self._as("service", self.env["sale.customer.complaint"]).create(
            {
                "subject": "Two pumps leak at the flange",
                "partner_id": order.partner_id.id,
                "order_id": order.id,
                "picking_id": order.picking_ids[:1].id,
                "product_ids": [Command.set(self._product("pump").ids)],
                "category": "quality",
                "severity": "high",
                "channel": "phone",
            }
        )
        complaint.action_acknowledge()
        complaint.write({"department_id": self._department("quality").id})
        complaint.action_transfer_department()
        complaint.action_investigate()
        action = complaint.action_create_return()
        wizard = self._as("service", self.env[action["res_model"]]).browse(
            action["res_id"]
        )
        wizard.operation_id = self.env.ref("rma.rma_operation_replace")
        wizard.line_ids.quantity = 2
        wizard.action_create_rma()
        receipt = complaint.rma_ids.reception_move_id.picking_id
        receipt = self._as("warehouse", receipt)
        receipt.move_ids.quantity = 2
        receipt.move_ids.picked = True
        receipt.with_context(skip_sms=True).button_validate()
        return order

    def _department(self, code):
        return self.env["order.handling.department"]._get_by_code(code)

    # ------------------------------------------------------------------
    # Non-regular orders: review meetings and product plans (C3, C4)
    # ------------------------------------------------------------------

    def _non_regular(self, key, customer, product="valve", qty=4, change=None):
        """Accepted and transferred to engineering: a product never shipped,
        or a customer change on a regular one."""
        line_vals = (
            {"intake_customer_change": True, "intake_customer_change_note": change}
            if change
            else {}
        )
        order = self._demo_new_order(
            key, customer, [(product, qty, line_vals)], days=60
        )
        self._accept(self._check(self._submit(order)))
        self._handle_slips(order)
        return order

    def _meeting(self, order, make="make", what=None, resolve=True):
        """The engineering supervisor calls a review meeting; each invited
        department gives its opinion; the resolution is recorded (R3.2)."""
        review = self._as("engineering", order.current_review_id)
        review.write(ASSESSED)
        action = review.action_call_meeting()
        Meeting = self.env["sale.order.review.meeting"]
        meeting = self._as("engineering", Meeting.browse(action["res_id"]))
        meeting.write(
            {
                "date_start": fields.Datetime.now().replace(minute=0, second=0)
                + timedelta(days=1, hours=2),
                "department_ids": [
                    Command.set(
                        self.env["order.handling.department"]
                        ._get_by_code(list(OPINION_ROLES))
                        .ids
                    )
                ],
                "attendee_ids": [Command.link(self._user("process").id)],
            }
        )
        meeting.action_schedule()
        opinions = {
            "engineering": ("agree", "Feasible with a new casting."),
            "quality": ("conditions", "Needs a new inspection standard."),
            "production": ("agree", "Fits into week 3 of next month."),
            "purchasing": (
                "conditions" if make == "make" else "disagree",
                "Stainless castings take six weeks to source.",
            ),
        }
        for code, role in OPINION_ROLES.items():
            position, text = opinions[code]
            self._as(role, self.env["sale.order.review.opinion"]).create(
                {
                    "meeting_id": meeting.id,
                    "department_id": self._department(code).id,
                    "position": position,
                    "opinion": text,
                }
            )
        if resolve:
            meeting.write({"make": make, "what_to_make": what})
            meeting.action_resolve()
        return meeting

    def _plan(self, order):
        return order.plan_ids[:1]

    def _plan_to_draft(self, key, customer, product, change=None):
        """The review meeting resolves to make the product and the general
        manager approves the resolution: a product plan is drafted (R3.3),
        which engineering completes and the general manager approves later."""
        order = self._non_regular(key, customer, product, change=change)
        meeting = self._meeting(
            order,
            what="%s in stainless steel, as drawn by the customer."
            % self._product(product).display_name,
        )
        self._as("gm", meeting).action_approve_resolution()
        plan = self._as("engineering", self._plan(order))
        plan.write(
            {
                "solution": "<p>Stainless body, new casting mould, pressure test at "
                "1.5 times the working pressure.</p>",
                "process_engineer_id": self._user("process").id,
            }
        )
        return order, plan

    def _demo_order_review_meeting(self, key):
        """In a review meeting: opinions given, resolution to record."""
        order = self._non_regular(key, "shanghai", "manifold", qty=2)
        self._meeting(order, resolve=False)
        return order

    def _demo_order_review_resolved(self, key):
        """Resolution recorded, waiting for the general manager."""
        order = self._non_regular(key, "suzhou", "pump", qty=25, change="Viton seals")
        self._meeting(order, what="GP-20 with Viton seals.")
        return order

    def _demo_order_plan_requested(self, key):
        """Product plan sent for approval: the sales head is to agree."""
        order, plan = self._plan_to_draft(key, "ningbo", "cylinder")
        plan.request_validation()
        return order

    def _demo_order_plan_agreed(self, key):
        """The sales head agreed; the general manager is to approve."""
        order, plan = self._plan_to_draft(
            key, "acme", "motor", change="Flange to DIN 3015"
        )
        plan.request_validation()
        self._as("saleshead", plan).validate_tier()
        return order

    def _approve_plan(self, plan):
        plan.request_validation()
        self._as("saleshead", plan).validate_tier()
        self._as("gm", plan).validate_tier()
        plan.invalidate_recordset()
        plan.action_approve()
        return plan

    def _demo_order_plan_approved(self, key):
        """Approved: engineering works on the technical package."""
        order, plan = self._plan_to_draft(key, "suzhou", "manifold")
        self._approve_plan(plan)
        self._package(plan, limit=2)
        return order

    def _demo_order_plan_issued(self, key):
        """Package complete and issued to purchasing, quality, production and
        general office; the rollout is logged, the date replied and the
        order confirmed (R4.2-R4.5)."""
        order, plan = self._plan_to_draft(key, "shanghai", "valve")
        self._approve_plan(plan)
        self._package(plan)
        plan.action_issue()
        self._as("process", self.env["sale.engineering.plan.followup"]).create(
            {
                "plan_id": plan.id,
                "department_id": self._department("production").id,
                "note": "Casting mould ordered; first article in week 2.",
                "progress": 30,
            }
        )
        self._propose_date(order, 56)
        self._reply_date(order)
        return self._confirm(order)

    def _package(self, plan, limit=None):
        """Engineering attaches the documents of the technical package and
        marks them done; with MRP the BOM deliverable gets a real BOM."""
        engineer = self._user("engineering")
        deliverables = plan.deliverable_ids.filtered(lambda d: d.state == "todo")
        for deliverable in deliverables[:limit] if limit else deliverables:
            deliverable = deliverable.with_user(engineer)
            if deliverable._fields.get("is_bom") and deliverable.is_bom:
                # the engineering supervisor creates the BOM as themselves
                # (sale_engineering_plan_mrp gives the role BOM rights)
                deliverable.action_create_bom()
            else:
                name = f"{deliverable.type_id.name} - {plan.name}.txt"
                attachment = (
                    self.env["ir.attachment"]
                    .with_user(engineer)
                    .create(
                        {
                            "name": name,
                            "datas": base64.b64encode(
                                f"{deliverable.type_id.name}\n{plan.title}\n".encode()
                            ),
                            "res_model": deliverable._name,
                            "res_id": deliverable.id,
                        }
                    )
                )
                deliverable.write({"attachment_ids": [Command.link(attachment.id)]})
            deliverable.action_done()
        return plan

    def _demo_order_rejected(self, key):
        """The workshop rejects the order at review: sales is told why."""
        order = self._demo_new_order(key, "acme", [("motor", 120)], days=10)
        self._accept(self._check(self._submit(order)))
        return self._review(
            order,
            "reject",
            capacity="not_ok",
            comments="120 motors in ten days exceed our capacity.",
        )

    def _demo_order_rejected_meeting(self, key):
        """The review meeting resolves not to make the product; the general
        manager's approval rejects the order (R3.3)."""
        order = self._non_regular(
            key, "ningbo", "cylinder", qty=1, change="Stroke 2.5 m"
        )
        meeting = self._meeting(
            order,
            make="not_make",
            what="A 2.5 m stroke is beyond our tooling.",
        )
        self._as("gm", meeting).action_approve_resolution()
        return order

    # ------------------------------------------------------------------
    # Order intelligence (C9) and sales targets (C10)
    # ------------------------------------------------------------------

    def _demo_intel_report(self, key, title, intel_type, customer, amount, content):
        """An intelligence report filed by the salesperson; ``(report, new)``."""
        report = self._demo_ref(key)
        if report:
            return report, False
        report = self._as("sales", self.env["sale.intel.report"]).create(
            {
                "title": title,
                "intel_type": intel_type,
                "partner_id": self._customer(customer).id,
                "region": "East China",
                "channel_id": self.env.ref(
                    "sale_order_intel.sale_intel_channel_visit"
                ).id,
                "expected_amount": amount,
                "content": content,
            }
        )
        return self._demo_register(key, report), True

    def _demo_evaluate(self, report, grade, valuable, comment):
        """Submitted by its reporter, evaluated by marketing planning; a
        valuable report earns the information fee (R9.3, R9.4)."""
        self._as("sales", report).action_submit()
        marketing = self._as("marketing", report)
        marketing.write(
            {"grade": grade, "is_valuable": valuable, "evaluation_comment": comment}
        )
        marketing.action_evaluate()
        return report

    def _demo_order_production_intel(self, key):
        """An order won from an intelligence report: confirming it marks the
        report won and rewards the reporter (R9.4)."""
        report, new = self._demo_intel_report(
            "intel_won",
            "Acme retools its assembly line",
            "order_lead",
            "acme",
            15000.0,
            "<p>Motors and filters for the new line.</p>",
        )
        if new:
            self._demo_evaluate(report, "a", True, "Order expected this quarter.")
        order = self._demo_new_order(
            key,
            "acme",
            [("motor", 12), ("filter", 24)],
            intel_report_id=report.id,
        )
        return self._confirm(self._to_date_confirmed(order, 20))

    def _demo_intelligence(self, orders):
        """Intelligence reports in each state, with rewards: an information
        fee approved and paid; a marketing plan under way; a lost lead."""
        self._demo_intel_report(
            "intel_draft",
            "Competitor opens a service point in Wuxi",
            "competitor_product",
            "suzhou",
            0.0,
            "<p>Heard from the customer's maintenance team.</p>",
        )
        report, new = self._demo_intel_report(
            "intel_submitted",
            "Harbour crane retrofit programme",
            "customer_need",
            "ningbo",
            80000.0,
            "<p>Ten cranes to be retrofitted next year.</p>",
        )
        if new:
            self._as("sales", report).action_submit()
        report, new = self._demo_intel_report(
            "intel_fee_paid",
            "Tractor maker doubles hydraulics volume",
            "order_lead",
            "suzhou",
            120000.0,
            "<p>New tractor line from the third quarter.</p>",
        )
        if new:
            self._demo_evaluate(report, "a", True, "Two sources agree.")
            fee = self._as("marketing", report.reward_ids)
            if fee.validation_status == "no":
                fee.request_validation()
            fee.validate_tier()
            fee.action_approve()
            fee.action_mark_paid()
        report, new = self._demo_intel_report(
            "intel_plan",
            "Competitor raises pump prices by 8%",
            "competitor_price",
            "shanghai",
            60000.0,
            "<p>Seen in a quotation the customer showed us.</p>",
        )
        if new:
            self._demo_evaluate(report, "b", True, "An opening for GP-20.")
            action = self._as("marketing", report).action_create_plan()
            plan = self._as("marketing", self.env["sale.intel.plan"]).browse(
                action["res_id"]
            )
            today = fields.Date.context_today(self)
            plan.write(
                {
                    "team_id": self._team().id,
                    "date_start": today,
                    "date_end": today + timedelta(days=60),
                }
            )
            plan.action_start()
        report, new = self._demo_intel_report(
            "intel_lost",
            "Crane maker tenders cylinders",
            "order_lead",
            "ningbo",
            40000.0,
            "<p>Public tender, deadline next month.</p>",
        )
        if new:
            self._demo_evaluate(report, "c", True, "Worth a quotation.")
            marketing = self._as("marketing", report)
            marketing.lost_reason = "The tender went to a local maker."
            marketing.action_mark_lost()

    def _demo_targets(self):
        """This year's targets of the team and the salesperson, confirmed by
        the sales head; the actuals come from the confirmed orders."""
        year_start = fields.Date.context_today(self).replace(month=1, day=1)
        Target = self._as("saleshead", self.env["sale.target"])
        for key, vals in [
            (
                "target_team",
                {"scope": "team", "team_id": self._team().id, "amount": 1200000.0},
            ),
            (
                "target_sales",
                {
                    "scope": "user",
                    "user_id": self._user("sales").id,
                    "team_id": self._team().id,
                    "amount": 600000.0,
                },
            ),
        ]:
            if self._demo_ref(key):
                continue
            target = Target.create(dict(vals, date_from=year_start))
            self._demo_register(key, target)
            target.action_confirm()
