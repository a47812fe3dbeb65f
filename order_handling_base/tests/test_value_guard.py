# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values of the wrong type for suite fields get a ValidationError
(``order.handling.document.mixin``)."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.order_handling_document_mixin import is_suite_module
from .common import OrderHandlingCommon


@tagged("post_install", "-at_install")
class TestValueGuard(OrderHandlingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.departments["quality"]
        cls.Department = cls.env["order.handling.department"].with_user(
            cls.users["manager"]
        )

    def test_wrong_types_refused_with_the_field_named(self):
        department = self.department.with_user(self.users["manager"])
        cases = [
            ("manager_id", "abc", "the id"),
            ("manager_id", 2**31, "the id"),
            ("member_ids", "abc", "list of commands"),
            ("member_ids", [Command.set(["a"])], "list of commands"),
            ("member_ids", [(9, 0, 0)], "list of commands"),
            ("name", {"a": 1}, "a text is expected"),
        ]
        for fname, value, message in cases:
            with self.subTest(field=fname, value=value):
                with self.assertRaisesRegex(ValidationError, message) as caught:
                    department.write({fname: value})
                label = department._fields[fname]._description_string(self.env)
                self.assertIn(label, str(caught.exception))

    def test_numbers_dates_selections(self):
        Policy = self.env["order.handling.sla.policy"]
        vals = {
            "name": "Guarded",
            "res_model": "order.handling.transfer",
            "stage": "sent",
            "target_hours": 4,
        }
        for fname, value, message in [
            ("target_hours", "four", "a number"),
            ("target_hours", 1e300, "finite number"),
            ("sequence", 2**31, "whole number between"),
            ("sequence", "ten", "a whole number is expected"),
            ("res_model", "no.such.model", "one of the values"),
        ]:
            with self.subTest(field=fname, value=value):
                with self.assertRaisesRegex(ValidationError, message):
                    Policy.create(dict(vals, **{fname: value}))
        # what the ORM accepts passes unchanged (a numeric string included)
        policy = Policy.create(dict(vals, sequence="7"))
        self.assertEqual(policy.sequence, 7)

    def test_overrides_check_before_using_values(self):
        """The transfer slip's create reads company_id for its sequence:
        the guard runs first (no psycopg2 error)."""
        with self.assertRaisesRegex(ValidationError, "Company"):
            self.env["order.handling.transfer"].create(
                {
                    "company_id": "abc",
                    "department_id": self.department.id,
                    "res_model": "sale.order",
                    "res_id": self.order.id,
                }
            )

    def test_no_company_without_access(self):
        other = self.env["res.company"].create({"name": "Guard Other Co"})
        department = self.department.with_user(self.users["manager"])
        with self.assertRaisesRegex(AccessError, "no access"):
            department.write({"company_id": other.id})
        self.assertEqual(self.department.company_id, self.company)
        # the superuser may (data migrations, multi-company setup)
        self.department.sudo().write(
            {
                "company_id": other.id,
                "manager_id": False,
                "member_ids": [Command.clear()],
            }
        )
        self.assertEqual(self.department.company_id, other)

    def test_long_text_in_unique_index(self):
        """A name in a unique index above 600 characters is refused before
        PostgreSQL's index row limit; a long text elsewhere is stored."""
        department = self.department.with_user(self.users["manager"])
        if department._oh_btree_indexed(department._fields["code"]):
            with self.assertRaisesRegex(ValidationError, "at most 600 characters"):
                department.write({"code": "x" * 5000})
        department.write({"name": "x" * 5000})
        self.assertEqual(len(self.department.name), 5000)

    def test_action_arguments(self):
        slip = self._transfer(["quality"])
        clerk = slip.with_user(self.users["clerk"])
        with self.assertRaisesRegex(UserError, "Give a reason"):
            clerk.action_cancel()
        with self.assertRaisesRegex(UserError, "Give a reason"):
            clerk.action_cancel({"bad": 1})
        quality = slip.with_user(self.users["quality"])
        with self.assertRaisesRegex(UserError, "Choose the department"):
            quality.action_forward("production")
        with self.assertRaisesRegex(UserError, "instructions"):
            quality.action_forward(self.departments["production"].id, note={"a": 1})
        new_slip = quality._forward(self.departments["production"].id)
        self.assertEqual(new_slip.department_id, self.departments["production"])

    def test_nothing_of_the_suite_extends_base(self):
        """No class of an addon built on the suite is in the inheritance of
        ``base`` or of a model that the suite does not extend: those run
        Odoo's code only."""
        for name in ("base", "res.partner.category", "res.country", "uom.uom"):
            modules = {
                getattr(klass, "_module", None)
                for klass in type(self.env[name]).__mro__
            }
            self.assertFalse(
                {module for module in modules if is_suite_module(module)}, name
            )
        # a value of the wrong type for such a model is Odoo's business
        self.assertFalse(hasattr(self.env["res.country"], "_oh_check_values"))
        # the suite's own models and overrides do check
        self.assertTrue(is_suite_module("sale_order_intake"))
        self.assertFalse(is_suite_module("sale"))
        self.assertFalse(is_suite_module("base_tier_validation"))
        with self.assertRaisesRegex(ValidationError, "dictionary"):
            self.env["sale.order"].create([5])
