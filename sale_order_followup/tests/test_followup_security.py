# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unittest

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupSecurity(FollowupCommon):
    """R5.6, R7.4: who reads and acts on sheets and notices; notices are
    price-free and stay in their company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._accepted_order()
        cls.spec = cls._fill(cls.order.followup_spec_ids)

    def _issue(self):
        self._as("clerk", self.spec).action_confirm_customer()
        return self._notices(self.order)

    def test_r5_6_clerk_role_confirms_sheets(self):
        """R5.6: the follow-up clerk (logistics clerk) or an administrator
        records the customer's confirmation; not sales, not a workshop."""
        for role in ("sales", "film", "workshop"):
            with self.assertRaises(AccessError, msg=role):
                self._as(role, self.spec).action_confirm_customer()
        for role in ("sales", "film"):
            with self.assertRaises(AccessError, msg=role):
                self._as(role, self.spec).write({"colour": "Black"})
        with self.assertRaises(AccessError):
            self._as("clerk", self.order).with_user(
                self.users["sales"]
            ).action_followup_issue_notices()
        self.assertEqual(self.spec.state, "draft")
        self._as("manager", self.spec).action_confirm_customer()
        self.assertEqual(self.spec.state, "confirmed")

    def test_r5_6_workshop_reads_only_its_issued_notices(self):
        """R5.6: a workshop reads the notices issued to it, not those of
        another workshop nor its own while they wait for the previous
        step."""
        film, printing, bag = self._issue()
        Notice = self.env["sale.followup.notice"]
        self.assertEqual(Notice.with_user(self.users["film"]).search([]), film)
        self.assertFalse(Notice.with_user(self.users["print"]).search([]))
        with self.assertRaises(AccessError):
            printing.with_user(self.users["print"]).read(["name"])
        with self.assertRaises(AccessError):
            film.with_user(self.users["print"]).read(["name"])
        # a member of another workshop does not act on the notice
        with self.assertRaises(AccessError):
            self._as("print", film).action_done()
        with self.assertRaises(AccessError):
            self._as("film", film).write({"note": "changed"})
        self._as("film", film).action_done()
        self.assertEqual(Notice.with_user(self.users["print"]).search([]), printing)
        # the workshop reads the sheet of its notice and the copy of the order
        self.assertEqual(
            self.env["sale.followup.spec"].with_user(self.users["print"]).search([]),
            self.spec,
        )
        self.assertEqual(
            printing.with_user(self.users["print"]).order_copy_id.id, self.order.id
        )
        self.assertFalse(
            self.env["sale.followup.spec"].with_user(self.users["bag"]).search([])
        )

    def test_r5_6_notice_is_price_free(self):
        """R5.6, R7.4: the notice has no price or amount; through it a
        workshop reads neither the order nor its lines."""
        film = self._issue()[0]
        Notice = self.env["sale.followup.notice"]
        for model in (Notice, self.env["sale.followup.notice.line"]):
            for name, field in model._fields.items():
                self.assertNotEqual(field.type, "monetary", name)
                self.assertNotIn("price", name)
                self.assertNotIn("amount", name)
        as_film = film.with_user(self.users["film"])
        # every field of the notice, as the workshop reads it
        values = as_film.read(list(Notice._fields))[0]
        self.assertEqual(values["order_ref"], self.order.name)
        line_values = as_film.line_ids.read(
            list(self.env["sale.followup.notice.line"]._fields)
        )
        self.assertEqual(line_values[0]["product_qty"], 5000)
        self.assertNotIn("0.12", str(values) + str(line_values))
        with self.assertRaises(AccessError):
            as_film.order_id.read(["amount_total"])
        with self.assertRaises(AccessError):
            as_film.line_ids.order_line_id.read(["price_unit"])
        self.assertFalse(
            self.env["sale.order"]
            .with_user(self.users["film"])
            .search_read([("id", "=", self.order.id)], ["amount_total"])
        )

    def test_r5_6_salesperson_reads_the_notices_of_own_orders(self):
        """R5.6: sales follow the notices of their orders without acting."""
        film, printing, __ = self._issue()
        Notice = self.env["sale.followup.notice"].with_user(self.users["sales"])
        self.assertEqual(len(Notice.search([("order_id", "=", self.order.id)])), 3)
        with self.assertRaises(AccessError):
            self._as("sales", film).action_done()
        with self.assertRaises(AccessError):
            self._as("sales", film).action_cancel("no")
        other = new_test_user(
            self.env,
            "oh_fu_sales2",
            groups="order_handling_base.group_salesperson",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.assertFalse(self.env["sale.followup.notice"].with_user(other).search([]))
        # the sheets of their orders, read-only
        Spec = self.env["sale.followup.spec"]
        self.assertEqual(Spec.with_user(self.users["sales"]).search([]), self.spec)
        self.assertFalse(Spec.with_user(other).search([]))
        with self.assertRaises(AccessError):
            self._as("sales", self.spec).write({"colour": "Green"})

    def test_r5_6_clerk_and_manager(self):
        """R5.6: the clerk and the administrators see every notice and act
        on them; the clerk completes notes and dates, not the workflow."""
        film, printing, __ = self._issue()
        clerk = self._as("clerk", printing)
        clerk.write(
            {"note": "Use the new roll", "date_needed": printing.date_planned_end}
        )
        self.assertEqual(printing.note, "Use the new roll")
        with self.assertRaisesRegex(UserError, "change only through"):
            clerk.write({"department_id": self.bag_making.id})
        self._as("manager", film).action_done()
        self.assertEqual(printing.state, "issued")

    def test_r5_6_foreign_company(self):
        """R5.6: notices, sheets and routes of another company stay there."""
        film = self._issue()[0]
        other = self.env["res.company"].create({"name": "Other Bags Ltd"})
        outsider = new_test_user(
            self.env,
            "oh_fu_outsider",
            groups="order_handling_base.group_logistics_clerk",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        for model in (
            "sale.followup.notice",
            "sale.followup.spec",
            "sale.followup.route",
        ):
            self.assertFalse(self.env[model].with_user(outsider).search([]), model)
        with self.assertRaises(AccessError):
            film.with_user(outsider).read(["name"])
        with self.assertRaises(AccessError):
            film.with_user(outsider).action_done()
        # the other company's clerk cannot put a sheet on this company's order
        with unittest.TestCase.assertRaises(self, (AccessError, UserError)):
            self.env["sale.followup.spec"].with_user(outsider).create(
                {"order_id": self.order.id, "company_id": other.id}
            )
        # a route of the other company does not apply here
        routes = self.env["sale.followup.route"]._get_routes(self.printed_bag, other)
        self.assertFalse(routes)
