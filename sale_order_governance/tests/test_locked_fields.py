# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .governance_common import GovernanceCommon

ORDER_FIELDS = ["commitment_date", "partner_shipping_id", "order_line", "state"]


@tagged("post_install", "-at_install")
class TestLockedFields(GovernanceCommon):
    """The key fields of a confirmed order change only through an approved
    change request (R7.2, R7.5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sale_order_approval = False
        cls.order = cls._confirmed_order()
        cls.line = cls.order.order_line[0]
        cls.address = cls.env["res.partner"].create(
            {"name": "Acme plant 2", "parent_id": cls.partner.id, "type": "delivery"}
        )

    def test_key_fields_of_confirmed_order_refused_over_rpc(self):
        """Key fields of a confirmed order cannot be silently edited over RPC (R7.5)."""
        line = self._as("sales", self.line)
        for vals in (
            {"product_uom_qty": 9},
            {"price_unit": 1.0},
            {"product_id": self.product3.id},
            {"discount": 10},
        ):
            self.assertRefused(
                UserError,
                self.order,
                lambda vals=vals: line.write(vals),
                ORDER_FIELDS,
                regex="change request",
            )
            self.assertEqual(self.line.product_uom_qty, 5)
        order = self._as("sales", self.order)
        for vals in (
            {"commitment_date": fields.Datetime.now() + timedelta(days=40)},
            {"partner_shipping_id": self.address.id},
        ):
            self.assertRefused(
                UserError,
                self.order,
                lambda vals=vals: order.write(vals),
                ORDER_FIELDS,
                regex="change request",
            )
        # through the order form's one2many commands as well
        self.assertRefused(
            UserError,
            self.order,
            lambda: order.write(
                {"order_line": [Command.update(self.line.id, {"product_uom_qty": 1})]}
            ),
            ORDER_FIELDS,
        )
        # a new product on the confirmed order
        self.assertRefused(
            UserError,
            self.order,
            lambda: order.write(
                {
                    "order_line": [
                        Command.create(
                            {"product_id": self.product3.id, "product_uom_qty": 1}
                        )
                    ]
                }
            ),
            ORDER_FIELDS,
            regex="change request",
        )

    def test_unchanged_values_and_other_fields_pass(self):
        order = self._as("sales", self.order)
        # a form saving the same value, and fields that are not key fields
        order.write(
            {"partner_shipping_id": self.order.partner_shipping_id.id, "note": "Gate 3"}
        )
        self._as("sales", self.line).write({"product_uom_qty": 5, "customer_lead": 3})
        self.assertEqual(self.line.customer_lead, 3)

    def test_context_keys_open_nothing(self):
        """The old apply key, Odoo's UI keys and the procurement key of the
        change request sent by a client: the lock holds, nothing changes."""
        keys = {
            "governance_change_request_apply": True,
            "tracking_disable": True,
            "mail_notrack": True,
            "governance_deferred_procurement": {},
            "skip_validation_check": True,
        }
        qty, shipping = self.line.product_uom_qty, self.order.partner_shipping_id
        for role in ("sales", "saleshead"):
            with self.assertRaisesRegex(UserError, "change request"):
                self._as(role, self.line).with_context(**keys).write(
                    {"product_uom_qty": 7}
                )
            with self.assertRaisesRegex(UserError, "change request"):
                self._as(role, self.order).with_context(**keys).write(
                    {"partner_shipping_id": self.address.id}
                )
        self.assertEqual(self.line.product_uom_qty, qty)
        self.assertEqual(self.order.partner_shipping_id, shipping)

    def test_lock_only_for_the_regulated_sales_teams(self):
        self.company.order_handling_team_ids = self.env["crm.team"].create(
            {"name": "Another team"}
        )
        self.assertNotIn(self.order.team_id, self.company.order_handling_team_ids)
        self._as("sales", self.line).write({"product_uom_qty": 7})
        self.assertEqual(self.line.product_uom_qty, 7)
        self.company.order_handling_team_ids |= self.order.team_id
        with self.assertRaisesRegex(UserError, "change request"):
            self._as("sales", self.line).write({"product_uom_qty": 8})

    def test_lock_only_where_switched_on(self):
        """Installing changes nothing: without changes by request, confirmed
        orders are edited as in plain Odoo."""
        self.order.company_id.sale_order_change_control = False
        self._as("sales", self.line).write({"product_uom_qty": 7})
        self.assertEqual(self.line.product_uom_qty, 7)

    def test_draft_orders_stay_editable(self):
        order = self._create_order(self.users["sales"])
        order.order_line.with_user(self.users["sales"]).write({"product_uom_qty": 8})
        self.assertEqual(order.order_line.product_uom_qty, 8)
