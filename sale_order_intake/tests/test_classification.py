# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import Command
from odoo.tests import Form, tagged

from .common import IntakeCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestClassification(IntakeCommon):
    """Regular: shipped before and complete technical documents; otherwise
    non-regular, with the reason, per line and per order (R2.1)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.valve = cls.env["product.product"].create(
            {"name": "Custom valve CV-7", "default_code": "CV-7", "list_price": 480.0}
        )

    def _classify(self, order):
        self._as("clerk", order.order_line)._intake_classify()
        return order

    def test_shipping_service_and_display_lines_are_not_goods(self):
        """A shipping line added with *Add shipping*, a service, a section
        and a note are neither checked as products nor classified: the order
        of a shipped product with them is clean and regular."""
        self._make_regular(self.product)
        installation = self.env["product.product"].create(
            {"name": "Installation on site", "type": "service", "list_price": 90.0}
        )
        order = self._new_order(carrier_id=False)
        sales = self._as("sales", order)
        sales.write(
            {
                "order_line": [
                    Command.create({"display_type": "line_section", "name": "Goods"}),
                    Command.create(
                        {"display_type": "line_note", "name": "Fragile, upright"}
                    ),
                    Command.create(
                        {"product_id": installation.id, "product_uom_qty": 1.0}
                    ),
                ]
            }
        )
        action = sales.action_open_delivery_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.users["sales"])
            .with_context(**action["context"])
        )
        wizard.carrier_id = self.carrier
        wizard.save().button_confirm()
        freight = order.order_line.filtered("is_delivery")
        self.assertEqual(freight.product_id, self.carrier.product_id)
        self.assertFalse(freight.product_id.default_code)
        self.assertEqual(order.carrier_id, self.carrier)
        self._submit(order)
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        self.assertFalse(order.intake_issue_ids)
        self.assertEqual(order.intake_class, "regular")
        goods = order.order_line.filtered(lambda line: line.product_id == self.product)
        self.assertEqual(goods.intake_class, "regular")
        self.assertFalse((order.order_line - goods).filtered("intake_class"))
        self.assertEqual(order.order_line._intake_goods_lines(), goods)

    def test_never_shipped(self):
        self.product.product_tmpl_id._complete_tech_documents()
        order = self._classify(self._new_order())
        self.assertEqual(order.order_line.intake_class, "non_regular")
        self.assertEqual(order.order_line.intake_class_reason, "never_shipped")
        self.assertEqual(order.intake_class_computed, "non_regular")
        self.assertEqual(order.intake_class, "non_regular")
        self.assertEqual(order.intake_class_reason, "Never shipped")

    def test_shipped_but_documents_incomplete(self):
        picking = self._deliver(self.product)
        self.assertEqual(picking.state, "done")
        template = self.product.product_tmpl_id
        self.assertFalse(template.tech_docs_complete)
        order = self._classify(self._new_order())
        self.assertEqual(order.order_line.intake_class_reason, "docs_incomplete")
        self.assertEqual(order.intake_class_reason, "Technical documents incomplete")
        # some documents are not enough
        template._complete_tech_documents(type_codes=["drawing", "process"])
        self.assertFalse(template.tech_docs_complete)
        self.assertIn("Bill of materials", template.tech_docs_missing)
        self.assertNotIn("Drawing", template.tech_docs_missing)
        self._classify(order)
        self.assertEqual(order.order_line.intake_class_reason, "docs_incomplete")

    def test_shipped_and_documents_complete_is_regular(self):
        self._deliver(self.product)
        template = self.product.product_tmpl_id
        # the optional purchasing requirements are not needed
        template._complete_tech_documents(
            type_codes=["drawing", "process", "inspection", "bom", "packaging"]
        )
        self.assertTrue(template.tech_docs_complete)
        self.assertIn(
            template,
            self.env["product.template"].search([("tech_docs_complete", "=", True)]),
        )
        order = self._classify(self._new_order())
        self.assertEqual(order.order_line.intake_class, "regular")
        self.assertFalse(order.order_line.intake_class_reason)
        self.assertEqual(order.intake_class, "regular")
        self.assertFalse(order.intake_class_reason)

    def test_documents_reopened_make_it_non_regular_again(self):
        self._make_regular(self.product)
        order = self._classify(self._new_order())
        self.assertEqual(order.intake_class, "regular")
        drawing = self.product.product_tmpl_id.tech_document_ids.filtered(
            lambda doc: doc.type_id.code == "drawing"
        )
        drawing.state = "missing"
        self.assertFalse(drawing.done_uid)
        self._classify(order)
        self.assertEqual(order.intake_class, "non_regular")
        self.assertEqual(order.intake_class_reason, "Technical documents incomplete")

    def test_shipment_not_to_a_customer_does_not_count(self):
        internal = self.warehouse.lot_stock_id.location_id
        self.env["stock.move"].create(
            {
                "name": "internal",
                "product_id": self.product.id,
                "product_uom_qty": 1.0,
                "product_uom": self.product.uom_id.id,
                "location_id": self.stock_location.id,
                "location_dest_id": internal.id,
                "state": "done",
            }
        )
        self.product.product_tmpl_id._complete_tech_documents()
        order = self._classify(self._new_order())
        self.assertEqual(order.order_line.intake_class_reason, "never_shipped")

    def test_customer_change(self):
        self._make_regular(self.product)
        order = self._new_order()
        self._as("sales", order.order_line).write(
            {
                "intake_customer_change": True,
                "intake_customer_change_note": "Blue paint RAL 5015",
            }
        )
        self._classify(order)
        self.assertEqual(order.order_line.intake_class_reason, "customer_change")
        self.assertEqual(order.intake_class, "non_regular")
        self.assertEqual(order.intake_class_reason, "Customer change requested")

    def test_order_is_non_regular_if_any_line_is(self):
        self._make_regular(self.product)
        order = self._classify(
            self._new_order(lines=[(self.product, 3), (self.valve, 1)])
        )
        by_product = {line.product_id: line for line in order.order_line}
        self.assertEqual(by_product[self.product].intake_class, "regular")
        self.assertEqual(by_product[self.valve].intake_class, "non_regular")
        self.assertEqual(order.intake_class, "non_regular")
        self.assertEqual(order.intake_class_reason, "Never shipped")
        # two reasons are both named
        self.valve.product_tmpl_id._complete_tech_documents()
        by_product[self.product].intake_customer_change = True
        self._ship(self.valve)
        self.valve.product_tmpl_id.tech_document_ids[:1].state = "missing"
        self._classify(order)
        self.assertEqual(
            order.intake_class_reason,
            "Customer change requested, Technical documents incomplete",
        )

    def test_check_classifies_and_accept_routes_by_class(self):
        self._make_regular(self.product)
        order = self._submit(
            self._new_order(lines=[(self.product, 3), (self.valve, 1)])
        )
        self.assertFalse(order.intake_class, "not classified before the check")
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_stage, "checked")
        self.assertEqual(order.intake_class, "non_regular")
        self._as("clerk", order).action_intake_accept()
        self.assertEqual(
            order.transfer_slip_ids.department_id.mapped("code"), ["engineering"]
        )

    def test_clerk_overrides_the_class_with_a_reason(self):
        # never shipped: computed non-regular; the clerk knows better
        order = self._submit(self._new_order())
        clerk = self.users["clerk"]
        self._as("clerk", order).action_intake_check()
        self.assertEqual(order.intake_class, "non_regular")
        action = self._as("clerk", order).action_intake_open_classify()
        self.assertEqual(action["res_model"], "sale.order.intake.classify")
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(clerk)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard_form.computed_class, "non_regular")
        self.assertEqual(wizard_form.computed_reason, "Never shipped")
        wizard_form.order_class = "regular"
        wizard_form.reason = "Same pump as order S00042, shipped under another code"
        wizard_form.save().action_apply()
        self.assertEqual(order.intake_class_override, "regular")
        self.assertEqual(
            order.intake_class_override_reason,
            "Same pump as order S00042, shipped under another code",
        )
        self.assertEqual(order.intake_class_computed, "non_regular", "still shown")
        self.assertEqual(order.intake_class, "regular")
        # the override survives the re-classification at acceptance
        self._as("clerk", order).action_intake_accept()
        self.assertEqual(order.intake_class, "regular")
        self.assertEqual(
            sorted(order.transfer_slip_ids.department_id.mapped("code")),
            ["quality", "warehouse"],
        )
        self.assertEqual(
            set(order.transfer_slip_ids.mapped("order_class")), {"regular"}
        )

    def test_override_is_tracked(self):
        order = self._submit(self._new_order())
        self._as("clerk", order).action_intake_check()
        # close the transaction's pending tracking: a record created in the
        # same transaction is not tracked (as MailCase.flush_tracking does)
        self.env.flush_all()
        self.env.cr.flush()
        tracked_order = order.with_user(self.users["clerk"]).with_context(
            tracking_disable=False, mail_notrack=False
        )
        tracked_order._intake_override_class("regular", "Known product, new code")
        self.env.flush_all()
        self.env.cr.flush()  # runs the tracking of the transaction
        self.env.invalidate_all()
        tracked = order.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("intake_class_override", tracked)
        self.assertIn("intake_class_override_reason", tracked)
        self.assertIn("intake_class", tracked)
        message = order.message_ids.filtered(
            lambda m: (
                "intake_class_override" in m.tracking_value_ids.field_id.mapped("name")
            )
        )
        self.assertEqual(message.author_id, self.users["clerk"].partner_id)

    def test_query_count_does_not_grow_with_lines(self):
        """Classifying and checking an order costs the same number of
        queries for 10 lines as for 200 (distinct storable products), with
        the shipped checks active."""
        products = self.env["product.product"].create(
            [
                {
                    "name": f"Part {index:03d}",
                    "default_code": f"P-{index:03d}",
                    "type": "consu",
                    "is_storable": True,
                    "list_price": 10.0,
                }
                for index in range(215)
            ]
        )
        self._make_regular(products)
        warm = self._new_order(lines=[(product, 1) for product in products[:5]])
        small = self._new_order(lines=[(product, 2) for product in products[5:15]])
        large = self._new_order(lines=[(product, 2) for product in products[15:]])
        self.assertEqual(len(small.order_line), 10)
        self.assertEqual(len(large.order_line), 200)
        self._submit(warm | small | large)
        clerk = self.users["clerk"]

        def classify_and_check(order):
            order = order.with_user(clerk)
            order.order_line._intake_classify()
            order.action_intake_check()

        classify_and_check(warm)  # warm the caches once
        queries_10 = self._count_queries(lambda: classify_and_check(small))
        queries_200 = self._count_queries(lambda: classify_and_check(large))
        _logger.info(
            "intake classify + check: %s queries for 10 lines, %s for 200 lines",
            queries_10,
            queries_200,
        )
        for order in (small, large):
            self.assertEqual(order.intake_stage, "checked")
            self.assertEqual(set(order.order_line.mapped("intake_class")), {"regular"})
            self.assertEqual(order.order_line.mapped("intake_shortfall_qty")[0], 2.0)
        self.assertLessEqual(
            queries_200,
            queries_10 + 5,
            f"{queries_10} queries for 10 lines, {queries_200} for 200 lines",
        )
