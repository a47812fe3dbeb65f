# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import tagged

from .test_approval import BIG, ApprovalCommon


@tagged("post_install", "-at_install")
class TestTierCaches(ApprovalCommon):
    """The tier-validation lookups kept in the registry cache follow every
    change of their configuration; the approval conditions stop at the
    first one no order meets."""

    def test_exceptions_cached_and_cleared_on_change(self):
        order = self._quotation().with_user(self.users["sales"])
        note = self.env.ref("sale.field_sale_order__note")
        reference = self.env.ref("sale.field_sale_order__client_order_ref")
        self.assertNotIn("note", order._get_exception_fields())
        # cached: a second lookup costs no query
        with self.assertQueryCount(0):
            order._get_exception_fields()
        exception = self.env["tier.validation.exception"].create(
            {
                "model_id": self.env["ir.model"]._get_id("sale.order"),
                "field_ids": [(6, 0, note.ids)],
                "allowed_to_write_after_validation": True,
                "allowed_to_write_under_validation": False,
            }
        )
        self.assertIn("note", order._get_exception_fields())
        self.assertIn(
            "note",
            order._get_validation_exceptions(
                extra_domain=[("allowed_to_write_after_validation", "=", True)]
            ),
        )
        self.assertNotIn(
            "note",
            order._get_validation_exceptions(
                extra_domain=[("allowed_to_write_under_validation", "=", True)]
            ),
        )
        exception.field_ids = [(6, 0, reference.ids)]
        fields = order._get_exception_fields()
        self.assertIn("client_order_ref", fields)
        self.assertNotIn("note", fields)
        exception.unlink()
        self.assertNotIn("client_order_ref", order._get_exception_fields())

    def test_conditions_stop_at_the_company_switch(self):
        """Approvals off: the definitions' first condition (the company
        switch) fails, the new-customer lookup is not made."""
        Order = type(self.env["sale.order"])
        self.company.sale_order_approval = False
        order = self._quotation(price=BIG, partner=self.partner)
        with patch.object(
            Order,
            "_governance_known_partners",
            autospec=True,
            side_effect=AssertionError("new-customer lookup made"),
        ):
            order.invalidate_recordset(["need_validation", "governance_new_customer"])
            self.assertFalse(order.need_validation)
        # switched on, the same order needs its approval again (amount, new
        # customer): the conditions are all evaluated
        self.company.sale_order_approval = True
        order.invalidate_recordset(["need_validation", "governance_new_customer"])
        self.assertTrue(order.need_validation)
        definitions = self.env["tier.definition"].search([("model", "=", "sale.order")])
        matched = definitions.filtered(lambda d: order.evaluate_tier(d))
        self.assertIn(
            self.env.ref("sale_order_governance.tier_definition_order_new_customer"),
            matched,
        )

    def test_other_domains_as_oca(self):
        """A domain with operators is evaluated whole, as OCA does."""
        order = self._quotation(price=BIG)
        definition = self.env.ref(
            "sale_order_governance.tier_definition_order_new_customer"
        )
        big = "('amount_untaxed', '>', 50000)"
        new_customer = "('governance_new_customer', '=', True)"
        definition.definition_domain = f"['|', {big}, {new_customer}]"
        self.assertEqual(order.evaluate_tier(definition), order)
        definition.definition_domain = f"['&', {big}, {new_customer}]"
        self.assertFalse(order.evaluate_tier(definition))
