# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import IntakeCommon

# Upper bounds of the queries of each step of the regular path on a 10-line
# order (issue 9, `make bench` overhead), with every suite addon installed
# (measured + 2); with fewer addons a step needs fewer. Each step is measured
# as one request: the action, the flush and the pre-commit work (tracking
# messages). Before issue 9 the same steps took 85 / 64 / 266 / 44 / 70 / 116
# queries here (in tests, e-mails sent at once counted too).
BUDGETS = {
    "submit": 65,
    "check": 59,
    "accept": 156,
    "review": 42,
    "propose_date": 48,
    "reply_date": 82,
}


@tagged("post_install", "-at_install")
class TestIntakePathQueries(IntakeCommon):
    """The query budget of each step of the regular path, so that what
    issue 9 cut cannot come back unnoticed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # as in production: field tracking on
        cls.env = cls.env(
            context={
                key: value
                for key, value in cls.env.context.items()
                if key not in ("tracking_disable", "mail_notrack")
            }
        )
        cls.partner.email = "buyer@acme.example.com"
        cls.lines_products = cls.env["product.product"].create(
            [
                {
                    "name": f"Valve V-{index}",
                    "default_code": f"V-{index}",
                    "type": "consu",
                    "is_storable": True,
                    "list_price": 50.0 + index,
                }
                for index in range(10)
            ]
        )
        cls._make_regular(cls.lines_products)

    def _order(self):
        return self._new_order(
            lines=[
                (product, 1 + index % 3)
                for index, product in enumerate(self.lines_products)
            ]
        )

    def _steps(self, order):
        date = fields.Datetime.now() + timedelta(days=20)
        manager = self.users["manager"]
        clerk = self.users["clerk"]

        def review():
            if "current_review_id" not in order._fields:
                return
            review = order.sudo().current_review_id
            review.write(
                {
                    "capacity": "ok",
                    "material": "ok",
                    "technology": "ok",
                    "delivery": "ok",
                }
            )
            review.with_user(manager)._decide("accept")

        return [
            (
                "submit",
                lambda: order.with_user(self.users["sales"]).action_intake_submit(),
            ),
            ("check", lambda: order.with_user(clerk).action_intake_check()),
            ("accept", lambda: order.with_user(clerk).action_intake_accept()),
            ("review", review),
            (
                "propose_date",
                lambda: order.with_user(manager).action_intake_propose_date(date),
            ),
            ("reply_date", lambda: order.with_user(clerk).action_intake_reply_date()),
        ]

    def _run(self, step):
        step()
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_regular_path_query_budget(self):
        # a first order fills the caches a running server has filled
        for _name, step in self._steps(self._order()):
            self._run(step)
        order = self._order()
        for name, step in self._steps(order):
            self.env.invalidate_all()  # a new request reads its records again
            with self.subTest(step=name), self.assertQueryCount(BUDGETS[name]):
                self._run(step)
        self.assertEqual(order.intake_stage, "date_confirmed")
        self.assertEqual(len(order.order_line), 10)
        self.assertEqual(order.intake_class, "regular")
        order.with_user(self.users["clerk"]).action_confirm()
        self.assertEqual(order.state, "sale")
