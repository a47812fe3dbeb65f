# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

# the module, not its test class: a class imported here would run again
from odoo.addons.sale_order_governance.tests import test_change_request
from odoo.addons.sale_order_governance.tests.governance_common import (
    GovernanceCommon,
)


@tagged("post_install", "-at_install")
class TestChangeReview(GovernanceCommon):
    _file = test_change_request.TestChangeRequest._file
    _approve = test_change_request.TestChangeRequest._approve

    def test_specification_change_is_reviewed_again(self):
        """R7.2: an approved change of a line's product and specification
        makes the order non-regular and sends it to a new review."""
        order = self._confirmed_order()
        line = order.order_line[0]
        request = self._file(
            order,
            line_values={
                line: {"new_product_id": self.product3, "new_name": "GP-60, 316L body"}
            },
            reason="The customer needs the larger pump in stainless steel.",
        )
        request.with_user(self.users["sales"]).request_validation()
        self._approve(request)
        reviews_before = order.sudo().order_review_ids
        request.with_user(self.users["sales"]).action_apply()
        self.assertEqual(order.intake_class, "non_regular")
        new_review = order.sudo().order_review_ids - reviews_before
        self.assertEqual(len(new_review), 1)
        self.assertEqual(order.sudo().current_review_id, new_review)
        self.assertEqual(new_review.order_class, "non_regular")

    def test_price_change_is_not_reviewed(self):
        """A change of price alone leaves the specification: no new review."""
        order = self._confirmed_order()
        line = order.order_line[0]
        request = self._file(
            order,
            line_values={line: {"new_price": 90.0}},
            reason="Discount agreed with the customer.",
        )
        request.with_user(self.users["sales"]).request_validation()
        self._approve(request)
        reviews_before = order.sudo().order_review_ids
        request.with_user(self.users["sales"]).action_apply()
        self.assertEqual(order.sudo().order_review_ids, reviews_before)
