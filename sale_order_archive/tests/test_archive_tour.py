# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .test_archive import ArchiveCommon


@tagged("post_install", "-at_install")
class TestArchiveTour(ArchiveCommon, HttpCase):
    browser_size = "1920x1080"

    def test_archive_request_and_grant(self):
        order = self._done_order()
        order.name = "ARCH-TOUR-1"
        for role in ("clerk", "sales2", "saleshead"):
            self.users[role].password = f"oh_{role}"
        self.start_tour(
            f"/odoo/action-sale.action_orders/{order.id}",
            "sale_order_archive_archive_order",
            login="oh_clerk",
        )
        self.assertTrue(order.governance_archive_id)
        self.assertEqual(order.governance_archive_id.integrity, "intact")
        self.start_tour(
            "/odoo/action-sale_order_archive.sale_order_access_request_action",
            "sale_order_archive_request_access",
            login="oh_sales2",
        )
        request = self.env["sale.order.access.request"].search(
            [("order_id", "=", order.id)]
        )
        self.assertEqual(request.user_id, self.users["sales2"])
        self.assertEqual(request.state, "to_approve")
        self.start_tour(
            "/odoo/action-sale_order_archive.sale_order_access_request_action_review",
            "sale_order_archive_grant_access",
            login="oh_saleshead",
        )
        self.assertEqual(request.state, "granted")
        self.assertTrue(order.with_user(self.users["sales2"]).read(["name"]))

    def test_warehouse_opens_order_without_prices(self):
        """The warehouse works from its slip and the order copy (R7.4)."""
        order = self._confirmed_order(transfer=("warehouse",))
        slip = order.transfer_slip_ids
        self.users["warehouse"].password = "oh_warehouse"
        self.start_tour(
            "/odoo/action-order_handling_base.order_handling_transfer_action/"
            f"{slip.id}",
            "sale_order_archive_order_without_prices",
            login="oh_warehouse",
        )
