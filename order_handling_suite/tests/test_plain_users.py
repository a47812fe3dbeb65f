# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Installing the suite keeps Odoo working for the users outside it.

A company already on Odoo has Sales and Inventory users who get none of the
suite's roles. With every suite addon installed in its defaults (no
regulation switched on), they open the standard screens as before: the
suite's parts of those views are hidden from them (``groups=``), never an
AccessError, and they confirm and cancel orders as in plain Odoo.

The screens are opened the way the web client opens them: ``get_views`` as
the user (which drops what the user's groups may not see), then
``web_read`` / ``web_search_read`` with the specification of every field the
returned arch shows, sub-views of one2many/many2many fields included.
"""

from lxml import etree

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged

X2MANY = ("one2many", "many2many")


def view_spec(arch, fields_by_model, model):
    """The ``web_read`` specification of the fields shown by ``arch``."""
    spec = {}

    def walk(node, model, spec):
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "field" and child.get("name") in fields_by_model.get(
                model, {}
            ):
                name = child.get("name")
                field = fields_by_model[model][name]
                entry = spec.setdefault(name, {})
                if field["type"] in X2MANY:
                    sub = {}
                    for subview in child:
                        if isinstance(subview.tag, str):
                            walk(subview, field["relation"], sub)
                    if sub:
                        entry.setdefault("fields", {}).update(sub)
                elif field["type"] == "many2one":
                    entry.setdefault("fields", {"display_name": {}})
                continue
            walk(child, model, spec)

    walk(etree.fromstring(arch), model, spec)
    return spec


@tagged("post_install", "-at_install")
class TestPlainOdooUsers(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # what the suite ships: every regulation off (not what the suite's
        # own tests switch on)
        for name in ("intake_required", "sale_order_approval"):
            if name in cls.company._fields:
                cls.company[name] = False
        cls.salesman = new_test_user(
            cls.env,
            "plain_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.sales_manager = new_test_user(
            cls.env,
            "plain_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        cls.stock_user = new_test_user(
            cls.env,
            "plain_stock_user",
            groups="base.group_user,stock.group_stock_user",
        )
        cls.customer = cls.env["res.partner"].create({"name": "Plain customer"})
        cls.product = cls.env["product.product"].create(
            {"name": "Plain product", "is_storable": True, "list_price": 10.0}
        )

    def _new_order(self, user):
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 3}
                        )
                    ],
                }
            )
        )

    def _open(self, user, records, view_types=("form", "list")):
        """Open ``records`` in each view type as ``user``, as the web client
        does; fail on any exception."""
        Model = records.with_user(user).browse(records.ids)
        views = Model.get_views([(False, view_type) for view_type in view_types])
        fields_by_model = {
            name: data["fields"] for name, data in views["models"].items()
        }
        for view_type in view_types:
            arch = views["views"][view_type]["arch"]
            spec = view_spec(arch, fields_by_model, Model._name)
            self.assertTrue(spec, f"{Model._name} {view_type} view shows no field")
            if view_type == "form":
                for record in Model:
                    record.web_read(spec)
            else:
                Model.web_search_read([("id", "in", Model.ids)], spec)

    def test_salesman_works_as_in_plain_odoo(self):
        order = self._new_order(self.salesman)
        self._open(self.salesman, order)
        self._open(self.salesman, order.order_line, ("list",))
        # no regulation switched on: Odoo's own confirmation and cancel
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertTrue(order.picking_ids)
        self._open(self.salesman, order)
        self._open(self.sales_manager, order)
        wizard_action = order.with_user(self.sales_manager).action_cancel()
        if isinstance(wizard_action, dict) and wizard_action.get("res_model"):
            wizard = (
                self.env[wizard_action["res_model"]]
                .with_user(self.sales_manager)
                .with_context(**wizard_action.get("context", {}))
                .create({"order_id": order.id})
            )
            wizard.action_cancel()
        self.assertEqual(order.state, "cancel")

    def test_stock_user_works_as_in_plain_odoo(self):
        order = self._new_order(self.sales_manager)
        order.with_user(self.sales_manager).action_confirm()
        picking = order.picking_ids
        self.assertTrue(picking)
        self._open(self.stock_user, picking)
        self._open(self.stock_user, self.product.product_tmpl_id)
        self._open(self.stock_user, self.customer)
        picking = picking.with_user(self.stock_user)
        picking.move_ids.quantity = 3
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.order_line.qty_delivered, 3)

    def test_plain_users_open_partners_and_products(self):
        for user in (self.salesman, self.sales_manager):
            self._open(user, self.customer)
            self._open(user, self.product.product_tmpl_id)

    def test_orders_inserted_without_the_orm_are_valid(self):
        """A row that another module inserts without the suite's values
        (``_create`` skips the ORM defaults) gets the columns' database
        defaults: not handled by the suite, a draft for its intake."""
        self.env.cr.execute(
            """
            INSERT INTO sale_order (name, partner_id, partner_invoice_id,
                partner_shipping_id, company_id, date_order, state,
                pricelist_id, currency_id, picking_policy, warehouse_id)
            SELECT 'RAW-1', %(partner)s, %(partner)s, %(partner)s, %(company)s,
                   now(), 'draft', NULL, %(currency)s, 'direct', %(warehouse)s
            RETURNING id
            """,
            {
                "partner": self.customer.id,
                "company": self.company.id,
                "currency": self.company.currency_id.id,
                "warehouse": self.env["stock.warehouse"]
                .search([("company_id", "=", self.company.id)], limit=1)
                .id,
            },
        )
        order = self.env["sale.order"].browse(self.env.cr.fetchone()[0])
        self.assertEqual(order.intake_stage, "draft")
        self.assertEqual(order.intake_document_type, "shipping_notice")
        self._open(self.sales_manager, order)
