# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .governance_common import GovernanceCommon


@tagged("post_install", "-at_install")
class TestChangeTour(GovernanceCommon, HttpCase):
    def test_file_and_approve_a_change_request(self):
        order = self._confirmed_order(transfer=("warehouse",))
        for role in ("sales", "saleshead"):
            self.users[role].password = f"oh_{role}"
        self.start_tour(
            f"/odoo/action-sale.action_orders/{order.id}",
            "sale_order_governance_file_change",
            login="oh_sales",
        )
        request = order.change_request_ids
        self.assertEqual(len(request), 1)
        self.assertEqual(request.user_id, self.users["sales"])
        self.assertEqual(request.line_ids.new_qty, 7)
        self.assertTrue(request.review_ids)
        self.start_tour(
            "/odoo", "sale_order_governance_approve_change", login="oh_saleshead"
        )
        self.assertEqual(request.state, "applied")
        self.assertEqual(order.order_line[0].product_uom_qty, 7)
        self.assertEqual(request.review_ids.done_by, self.users["saleshead"])
