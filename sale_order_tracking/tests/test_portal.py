# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools import format_date

from .common import TrackingCommon


@tagged("post_install", "-at_install")
class TestPortalProgress(TrackingCommon):
    """R5.8: the customer sees the order's processing stage, promised date
    and processing-time targets on the portal, each delivery with its
    carrier and tracking link; nothing internal."""

    def test_accepted_order_stage_and_targets(self):
        """R5.8: stage in the customer's words, the targets still ahead,
        no promised date before the clerk replied it."""
        order = self._accepted_order()
        html = self._render_portal(order)
        self.assertIn('id="tracking_progress"', html)
        self.assertIn("Accepted, delivery date being scheduled", html)
        self.assertIn("To be confirmed", html)
        # the processing-time targets of the intake's SLA policies
        self.assertIn("We confirm the delivery date of your order", html)

    def test_confirmed_order_promised_date(self):
        """R5.8: once replied, the promised date is the order's commitment
        date."""
        order = self._confirmed_order()
        html = self._render_portal(order)
        self.assertIn("Delivery date confirmed, in preparation", html)
        self.assertIn('id="tracking_promised_date"', html)
        self.assertIn(format_date(self.env, order.commitment_date), html)
        self.assertNotIn("To be confirmed", html)

    def test_no_internal_details(self):
        """R5.8, R7.4: a return to sales, its reason, a proposed date not
        yet replied, the clerk and the departments never reach the portal."""
        order = self._create_order(self.users["sales"])
        order.with_user(self.users["sales"]).action_intake_submit()
        self.env["sale.order.intake.return"].with_user(self.users["clerk"]).create(
            {"order_id": order.id, "reason": "Secret margin problem XYZ"}
        ).action_return()
        self.assertEqual(order.intake_stage, "returned")
        order.with_user(self.users["sales"]).action_intake_submit()
        html = self._render_portal(order)
        self.assertIn("Received, being checked", html)
        for internal in (
            "Returned to Sales",
            "Secret margin problem XYZ",
            self.users["clerk"].name,
            self.departments["warehouse"].name,
            self.departments["logistics"].name,
        ):
            self.assertNotIn(internal, html)
        order = self._accepted_order()
        order.with_user(self.users["manager"]).action_intake_propose_date(
            "2099-01-15 10:00:00"
        )
        html = self._render_portal(order)
        self.assertIn("To be confirmed", html)
        self.assertNotIn("01/15/2099", html)
        self.assertNotIn("Date Proposed", html)

    def test_deliveries_show_carrier_and_tracking_link(self):
        """R5.8: each delivery on the portal with its carrier and its
        tracking link; the stage follows the shipment."""
        order, picking = self._delivered_order()
        html = self._render_portal(order)
        self.assertIn(picking.name, html)
        self.assertIn("Carrier: <span>Swift Freight</span>", html)
        self.assertIn("https://track.example.com/?n=TRK-4711", html)
        self.assertIn(">Shipped<", html.replace(" ", ""))
        self.assertEqual(order.tracking_portal_stage, "shipped")

    def test_stage_in_the_customer_language(self):
        """R5.8: the stage is shown in the reader's language (Chinese)."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.skipTest("Chinese is not installed in this database")
        order = self._accepted_order()
        html = self._render_portal(order, lang="zh_CN")
        self.assertIn("已接单，正在安排交期", html)
        self.assertNotIn("Accepted, delivery date being scheduled", html)

    def test_intake_off_shows_nothing(self):
        """Compatibility: where the company does not run the intake, the
        portal page is Odoo's."""
        order = self._accepted_order()
        self.company.intake_required = False
        html = self._render_portal(order)
        self.assertNotIn("tracking_progress", html)
        self.assertNotIn("Confirm receipt", html)

    def test_quotation_with_sales_shows_nothing(self):
        """R5.8: a quotation still with sales has no processing stage."""
        self.assertFalse(self.order.tracking_portal_stage)
        self.assertNotIn("tracking_progress", self._render_portal(self.order))

    def test_portal_list_only_own_orders_in_constant_queries(self):
        """R5.8: the customer's list of orders reads the progress of its
        own orders (Odoo's portal rules) in a number of queries that does
        not grow with the orders."""
        mine = self._accepted_order()
        for __ in range(4):
            mine |= self._accepted_order()
        other = self._accepted_order(partner=self.other_partner)
        Order = self.env["sale.order"].with_user(self.portal_user)
        self.assertEqual(Order.search([]), mine.with_user(self.portal_user))
        self.assertNotIn(other.id, Order.search([]).ids)

        def read_list(orders):
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.cr.sql_log_count
            shown = [
                order.tracking_portal_stage
                for order in orders
                if order._tracking_portal_visible()
            ]
            self.assertEqual(shown, ["accepted"] * len(orders))
            return self.cr.sql_log_count - before

        read_list(Order.browse(mine[:1].ids))  # caches of the first request
        one = read_list(Order.browse(mine[:1].ids))
        many = read_list(Order.browse(mine.ids))
        self.assertEqual(many, one)
        self.env.invalidate_all()
        with self.assertQueryCount(one):
            stages = Order.browse(mine.ids).mapped("tracking_portal_stage")
            self.assertTrue(
                all(
                    order._tracking_portal_visible() for order in Order.browse(mine.ids)
                )
            )
        self.assertEqual(stages, ["accepted"] * len(mine))
