# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import IntakeCommon


@tagged("post_install", "-at_install")
class TestIntakeChecks(IntakeCommon):
    """Each built-in check fails and passes; custom conditions; which rules
    apply to which orders (R1.2). The shipped checks are archived: each test
    creates the check under test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shipped_rules.action_archive()
        cls.order = cls._new_order()

    def _rule(self, check_type, **vals):
        values = {
            "name": f"Check {check_type}",
            "check_type": check_type,
            "message": f"Fix the {check_type}",
        }
        values.update(vals)
        return self.env["sale.order.intake.rule"].create(values)

    def _failures(self, rule, order=None, user="clerk"):
        """[(line, detail)] of ``rule`` on ``order``, evaluated as ``user``
        (the superuser when None)."""
        order = order or self.order
        self.env.invalidate_all()
        if user:
            rule = rule.with_user(self.users[user])
            order = order.with_user(self.users[user])
        result = rule._evaluate(order)
        return [
            (line.sudo(), detail)
            for failed_rule, line, detail in result.get(order.id, [])
            if failed_rule == rule
        ]

    def test_product_and_model(self):
        rule = self._rule("product")
        self.assertEqual(self._failures(rule), [])
        self.product.default_code = False
        ((line, detail),) = self._failures(rule)
        self.assertEqual(line, self.order.order_line)
        self.assertIn("has no model number", detail)
        self.product.default_code = "GP-20"
        self.product.sale_ok = False
        ((line, detail),) = self._failures(rule)
        self.assertIn("cannot be sold", detail)

    def test_quantity(self):
        rule = self._rule("quantity")
        self.assertEqual(self._failures(rule), [])
        self.order.order_line.product_uom_qty = 0
        ((line, detail),) = self._failures(rule)
        self.assertEqual(line, self.order.order_line)
        self.assertEqual(detail, "quantity must be positive")
        # an order with only a note has no line at all
        note_only = self._new_order(
            order_line=[Command.create({"display_type": "line_note", "name": "Hello"})]
        )
        ((line, detail),) = self._failures(rule, note_only)
        self.assertFalse(line)
        self.assertEqual(detail, "the order has no line")

    @freeze_time("2026-11-23 10:00:00")
    def test_delivery_date(self):
        rule = self._rule("delivery_date")
        self.order.commitment_date = False
        ((line, detail),) = self._failures(rule)
        self.assertFalse(line, "an order-level issue")
        self.assertEqual(detail, "no delivery date requested")
        self.order.commitment_date = "2026-11-20 08:00:00"
        ((line, detail),) = self._failures(rule)
        self.assertEqual(detail, "the delivery date is in the past")
        self.order.commitment_date = "2026-11-23 08:00:00"
        self.assertEqual(self._failures(rule), [], "today is fine")
        self.order.commitment_date = "2026-12-07 08:00:00"
        self.assertEqual(self._failures(rule), [])

    def test_shipping_method(self):
        rule = self._rule("shipping_method")
        self.assertEqual(self._failures(rule), [])
        self.order.carrier_id = False
        ((line, detail),) = self._failures(rule)
        self.assertEqual(detail, "no shipping method")

    def test_signoff(self):
        rule = self._rule("signoff")
        order = self._new_order(clean=False)
        ((line, detail),) = self._failures(rule, order)
        self.assertEqual(detail, "not signed off by the sales head")
        self._as("saleshead", order).action_intake_sign_off()
        self.assertEqual(self._failures(rule, order), [])

    def test_credit_limit(self):
        rule = self._rule("credit")
        self.assertEqual(self.order.amount_untaxed, 360.0)
        self.company.account_use_credit_limit = True
        partner = self.partner.with_company(self.company)
        partner.credit_limit = 100.0
        ((line, detail),) = self._failures(rule)
        self.assertIn("has reached its credit limit", detail)
        partner.credit_limit = 100000.0
        self.assertEqual(self._failures(rule), [])
        # a limit that the company does not use is not checked
        partner.credit_limit = 100.0
        self.company.account_use_credit_limit = False
        self.assertEqual(self._failures(rule), [])

    def test_price(self):
        rule = self._rule("price", max_discount=10.0)
        line = self.order.order_line
        self.assertEqual(line.price_unit, 120.0)
        self.assertEqual(self._failures(rule), [])
        line.price_unit = 110.0  # 8.3 % below the pricelist price
        self.assertEqual(self._failures(rule), [])
        line.price_unit = 100.0  # 16.7 % below
        ((failed, detail),) = self._failures(rule)
        self.assertEqual(failed, line)
        self.assertIn("16.7 % below the pricelist price (at most 10.0 %)", detail)
        line.write({"price_unit": 120.0, "discount": 15.0})
        ((failed, detail),) = self._failures(rule)
        self.assertIn("15.0 % below", detail)
        line.write({"price_unit": 0.0, "discount": 0.0})
        ((failed, detail),) = self._failures(rule)
        self.assertEqual(detail, "no price")

    def test_price_against_the_customer_pricelist(self):
        """The reference is what the order's pricelist asks for the product,
        quantity and date: 20 % off, 30 % off from ten pieces."""
        rule = self._rule("price", max_discount=10.0)
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Distributors",
                "currency_id": self.company.currency_id.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.product.id,
                            "compute_price": "percentage",
                            "percent_price": percent,
                            "min_quantity": min_quantity,
                        }
                    )
                    for percent, min_quantity in ((20.0, 0.0), (30.0, 10.0))
                ],
            }
        )
        order = self._new_order(pricelist_id=pricelist.id)
        line = order.order_line
        self.assertEqual(self.product.lst_price, 120.0)
        # 96 is the distributors' price: 20 % below the sales price is fine
        line.write({"price_unit": 96.0, "discount": 0.0})
        self.assertEqual(self._failures(rule, order), [])
        line.price_unit = 80.0  # 16.7 % below 96
        ((failed, detail),) = self._failures(rule, order)
        self.assertEqual(failed, line)
        self.assertIn("16.7 % below the pricelist price (at most 10.0 %)", detail)
        # ten pieces cost 84 each: 80 is 4.8 % below
        line.write({"product_uom_qty": 10.0, "price_unit": 80.0})
        self.assertEqual(self._failures(rule, order), [])
        # the line's discount counts: 96 less 15 % is 15 % below 96
        line.write({"product_uom_qty": 3.0, "price_unit": 96.0, "discount": 15.0})
        ((failed, detail),) = self._failures(rule, order)
        self.assertIn("15.0 % below", detail)

    def test_price_in_another_unit(self):
        """The sales price is per unit of the product: a dozen is compared
        with twelve times it."""
        rule = self._rule("price", max_discount=10.0)
        dozen = self.env.ref("uom.product_uom_dozen")
        order = self._new_order()
        line = order.order_line
        line.write(
            {"product_uom": dozen.id, "product_uom_qty": 1, "price_unit": 1400.0}
        )
        self.assertEqual(self._failures(rule, order), [], "1400 is 2.8 % below 1440")
        line.price_unit = 130.0  # 91 % below the price of a dozen
        failures = self._failures(rule, order)
        self.assertEqual(len(failures), 1, "130 for a dozen is 91 % below 1440")
        self.assertEqual(failures[0][0], line)

    def test_packaging_is_not_blocking(self):
        rule = self._rule("packaging", blocking=False)
        self.assertEqual(self._failures(rule), [], "no packaging defined")
        self.env["product.packaging"].create(
            {"name": "Box of 10", "product_id": self.product.id, "qty": 10.0}
        )
        ((line, detail),) = self._failures(rule)
        self.assertEqual(detail, "no packaging chosen")
        # an issue, but the order is not returned
        self._submit(self.order)
        self._as("clerk", self.order).action_intake_check()
        self.assertEqual(self.order.intake_stage, "checked")
        self.assertEqual(self.order.intake_issue_ids.rule_id, rule)
        self.assertFalse(self.order.intake_issue_ids.blocking)
        self.assertEqual(self.order.intake_return_count, 0)
        # twenty pieces fill two boxes: the packaging is chosen
        order = self._new_order(lines=[(self.product, 20)])
        self.assertTrue(order.order_line.product_packaging_id)
        self.assertEqual(self._failures(rule, order), [])

    def test_order_condition(self):
        rule = self._rule("domain", domain="[('client_order_ref', '!=', False)]")
        ((line, detail),) = self._failures(rule)
        self.assertFalse(line)
        self.assertEqual(detail, "")
        self.order.client_order_ref = "PO-2026-118"
        self.assertEqual(self._failures(rule), [])

    def test_line_condition(self):
        rule = self._rule("line_domain", domain="[('product_uom_qty', '>=', 5)]")
        other = self.env["product.product"].create(
            {"name": "Seal kit", "default_code": "SK-1", "list_price": 5.0}
        )
        order = self._new_order(lines=[(self.product, 3), (other, 8)])
        ((line, detail),) = self._failures(rule, order)
        self.assertEqual(line.product_id, self.product)
        line.product_uom_qty = 5
        self.assertEqual(self._failures(rule, order), [])

    def test_rules_of_another_company_or_order_type_do_not_apply(self):
        company_b = self.env["res.company"].create({"name": "Check Branch B"})
        always_fails = "[('id', '=', 0)]"
        elsewhere = self._rule("domain", domain=always_fails, company_id=company_b.id)
        stock_prep = self._rule(
            "domain", domain=always_fails, document_type="stock_preparation"
        )
        everywhere = self._rule("domain", domain=always_fails, company_id=False)
        rules = self.env["sale.order.intake.rule"].with_user(self.users["clerk"])
        found = rules._get_rules(self.order)
        self.assertNotIn(elsewhere, found, "another company's rule is not searched")
        self.assertIn(everywhere, found)
        # the clerk cannot read it; evaluated anyway, it skips this order
        self.assertEqual(self._failures(elsewhere, user=None), [])
        self.assertEqual(self._failures(stock_prep), [])
        self.assertEqual(len(self._failures(everywhere)), 1)
        self.order.intake_document_type = "stock_preparation"
        self.assertEqual(len(self._failures(stock_prep)), 1)
        # through the check: only the applicable rules are stored as issues
        self._submit(self.order)
        self._as("clerk", self.order).action_intake_check()
        self.assertEqual(self.order.intake_issue_ids.rule_id, stock_prep | everywhere)

    @mute_logger("odoo.osv.expression")
    def test_invalid_condition_is_refused(self):
        for domain in (
            "[('no_such_field', '=', 1)]",
            "[('name', '=', ",
            "not_a_name",
        ):
            with self.assertRaises(ValidationError, msg=domain):
                self._rule("domain", domain=domain)
            with self.assertRaises(ValidationError, msg=domain):
                self._rule("line_domain", domain=domain)
        rule = self._rule("domain", domain="[('client_order_ref', '!=', False)]")
        with self.assertRaises(ValidationError):
            rule.domain = "[('order_line.no_such_field', '=', 1)]"
        self.assertEqual(rule.domain, "[('client_order_ref', '!=', False)]")

    def test_check_returns_only_on_blocking_issues(self):
        blocking = self._rule(
            "domain",
            domain="[('client_order_ref', '!=', False)]",
            message="Give the customer's order number",
        )
        warning = self._rule(
            "line_domain",
            domain="[('product_uom_qty', '>=', 10)]",
            message="Small quantity",
            blocking=False,
        )
        self._submit(self.order)
        self._as("clerk", self.order).action_intake_check()
        self.assertEqual(self.order.intake_stage, "returned")
        self.assertEqual(self.order.intake_issue_ids.rule_id, blocking | warning)
        self.assertEqual(
            self.order.intake_return_reason, "Give the customer's order number"
        )
        warning_issue = self.order.intake_issue_ids.filtered(
            lambda issue: issue.rule_id == warning
        )
        self.assertEqual(warning_issue.line_id, self.order.order_line)
        self.assertEqual(
            warning_issue.message, "Small quantity — [GP-20] Gear pump GP-20"
        )
        # corrected: checked, the warning stays visible to the clerk
        self._as("sales", self.order).client_order_ref = "PO-77"
        self._submit(self.order)
        self._as("clerk", self.order).action_intake_check()
        self.assertEqual(self.order.intake_stage, "checked")
        self.assertEqual(self.order.intake_issue_ids.rule_id, warning)
        self.assertEqual(self.order.intake_return_count, 1)

    def test_clean_order_without_any_rule(self):
        self._submit(self.order)
        self._as("clerk", self.order).action_intake_check()
        self.assertEqual(self.order.intake_stage, "checked")
        self.assertFalse(self.order.intake_issue_ids)


@tagged("post_install", "-at_install")
class TestShippedChecks(IntakeCommon):
    """The checks shipped with the addon, as a company gets them."""

    def test_shipped_checks(self):
        rules = self.shipped_rules
        self.assertEqual(
            sorted(rules.mapped("check_type")),
            sorted(
                [
                    "product",
                    "quantity",
                    "delivery_date",
                    "shipping_method",
                    "signoff",
                    "credit",
                    "price",
                    "packaging",
                ]
            ),
        )
        self.assertEqual(
            rules.filtered(lambda r: not r.blocking).check_type, "packaging"
        )
        self.assertFalse(rules.company_id, "they apply to every company")

    def test_a_clean_order_passes_them_all(self):
        order = self._submit(self._new_order())
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        self.assertFalse(order.intake_issue_ids)

    def test_an_unchecked_order_fails_several(self):
        self.product.default_code = False
        order = self._new_order(clean=False)
        order.order_line.price_unit = 10.0
        self._submit(order)
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "returned")
        self.assertEqual(
            sorted(order.intake_issue_ids.rule_id.mapped("check_type")),
            ["delivery_date", "price", "product", "shipping_method", "signoff"],
        )
        self.assertEqual(len(order.intake_return_reason.splitlines()), 5)


@tagged("post_install", "-at_install")
class TestAvailabilitySnapshot(IntakeCommon):
    """At the check, what stock and forecast cannot serve is kept per line
    (R5.1); the picking time is estimated per order (R5.2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.storable = cls.env["product.product"].create(
            {
                "name": "Hydraulic motor HM-5",
                "default_code": "HM-5",
                "type": "consu",
                "is_storable": True,
                "list_price": 200.0,
                "picking_minutes_per_unit": 1.5,
            }
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.storable, cls.stock_location, 5.0
        )

    def _check(self, order):
        self._submit(order)
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")

    def test_shortfall(self):
        order = self._new_order(lines=[(self.storable, 8)])
        self.assertEqual(order.intake_picking_minutes, 12.0, "8 x 1.5 minutes")
        self.assertFalse(order.intake_shortfall)
        self._check(order)
        line = order.order_line
        self.assertEqual(line.intake_available_qty, 5.0)
        self.assertEqual(line.intake_shortfall_qty, 3.0)
        self.assertTrue(order.intake_shortfall)

    def test_served_from_stock(self):
        order = self._new_order(lines=[(self.storable, 4), (self.product, 50)])
        self.assertEqual(order.intake_picking_minutes, 4 * 1.5 + 50 * 2.0)
        self._check(order)
        storable_line = order.order_line.filtered(
            lambda line: line.product_id == self.storable
        )
        self.assertEqual(storable_line.intake_available_qty, 5.0)
        self.assertEqual(storable_line.intake_shortfall_qty, 0.0)
        self.assertEqual(
            (order.order_line - storable_line).intake_shortfall_qty,
            0.0,
            "a consumable is not counted",
        )
        self.assertFalse(order.intake_shortfall)

    def test_two_lines_share_the_stock(self):
        order = self._new_order(lines=[(self.storable, 3), (self.storable, 4)])
        self._check(order)
        self.assertEqual(order.order_line.mapped("intake_shortfall_qty"), [0.0, 2.0])
        self.assertTrue(order.intake_shortfall)

    def test_shortfall_in_the_unit_of_the_line(self):
        """Five units on hand, one dozen ordered: seven units (7/12 of a
        dozen) are missing, not 11.6 dozen."""
        dozen = self.env.ref("uom.product_uom_dozen")
        order = self._new_order(lines=[(self.storable, 1)])
        order.order_line.product_uom = dozen
        self._check(order)
        line = order.order_line
        self.assertAlmostEqual(line.intake_shortfall_qty, 7.0 / 12.0, places=2)
        self.assertTrue(order.intake_shortfall)

    def test_returned_order_gets_a_snapshot_too(self):
        order = self._new_order(lines=[(self.storable, 8)], clean=False)
        self._submit(order)
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "returned")
        self.assertEqual(order.order_line.intake_shortfall_qty, 3.0)

    def test_no_snapshot_before_the_check(self):
        order = self._new_order(lines=[(self.storable, 8)])
        self.assertEqual(order.order_line.intake_shortfall_qty, 0.0)
        with self.assertRaises(UserError):
            self._as("clerk", order).action_intake_check()
