# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from lxml import etree

from odoo import Command, fields
from odoo.tools import SQL

from odoo.addons.sale_order_intake.tests.test_delivery_date import (
    AcceptedOrderCommon,
)

ASSESSED = {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}


def dt(text):
    return datetime.fromisoformat(text)


class DashboardCommon(AcceptedOrderCommon):
    """Orders taken through the real workflow up to shipment, and helpers
    that move their dates into the past so cycle times can be measured.

    ``_complaint`` needs sale_customer_care, ``_plan`` and ``_approve``
    sale_engineering_plan: the bridges' tests and the PDF test use them
    where those addons are installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["product.category"].create({"name": "Pumps"})
        cls.product.categ_id = cls.category
        cls.team = cls.env["crm.team"].create(
            {"name": "Team East", "user_id": cls.users["saleshead"].id}
        )
        # the pump is a regular product: shipped before, documents complete
        cls.product.product_tmpl_id._complete_tech_documents()
        cls.env["stock.move"].create(
            {
                "name": "Past delivery",
                "product_id": cls.product.id,
                "product_uom_qty": 1,
                "product_uom": cls.product.uom_id.id,
                "location_id": cls.env.ref("stock.stock_location_stock").id,
                "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                "state": "done",
                "quantity": 1,
            }
        )

    def _board_actions(self):
        """The boxes of the dashboard: {box title: (window action, node)}."""
        board = self.env.ref("order_handling_dashboard.order_handling_dashboard_action")
        view = self.env["board.board"].get_view(board.view_id.id)
        arch = etree.fromstring(view["arch"])
        return {
            node.get("string"): (
                self.env["ir.actions.act_window"].browse(int(node.get("name"))),
                node,
            )
            for node in arch.xpath("//action")
        }

    def _backdate(self, order, **dates):
        """Write technical dates (received, replied, commitment) directly:
        the workflow happens within a second in a test."""
        order.sudo().write(dates)
        self.env.flush_all()

    def _replied_order(self, regular=True):
        order = self._accepted_order(regular=regular)
        order.with_user(self.users["manager"]).action_intake_propose_date(
            fields.Datetime.now() + timedelta(days=5)
        )
        order.with_user(self.users["clerk"]).action_intake_reply_date()
        return order

    def _ship(self, order, qty=None):
        """Confirm the order and validate its delivery (``qty`` per move, all
        of it by default)."""
        if order.state != "sale":
            order.action_confirm()
        picking = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        for move in picking.move_ids:
            move.write(
                {
                    "quantity": move.product_uom_qty if qty is None else qty,
                    "picked": True,
                }
            )
        picking.with_context(skip_sms=True, skip_backorder=True).button_validate()
        return picking

    def _shipped_order(self):
        order = self._replied_order()
        self._ship(order)
        self.assertEqual(order.delivery_status, "full")
        return order

    def _complaint(self, order, category="quality"):
        return (
            self.env["sale.customer.complaint"]
            .with_user(self.users["service"])
            .create(
                {
                    "subject": "Wrong pump delivered",
                    "partner_id": order.partner_id.id,
                    "order_id": order.id,
                    "picking_id": order.picking_ids[:1].id,
                    "product_ids": [Command.set(self.product.ids)],
                    "category": category,
                }
            )
        )

    def _plan(self):
        """A non-regular order accepted by the engineering review: its plan."""
        valve = self.env["product.product"].create(
            {"name": "Custom valve CV-7", "default_code": "CV-7", "is_storable": True}
        )
        order = self._create_order(self.users["sales"])
        order.order_line.write({"product_id": valve.id})
        order.write({"commitment_date": fields.Datetime.now() + timedelta(days=30)})
        order.with_user(self.users["sales"]).action_intake_submit()
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        review = order.current_review_id.with_user(self.users["engineering"])
        review.write(dict(ASSESSED, conditions="Stainless body"))
        review.action_accept_conditions()
        return order.plan_ids

    def _approve(self, plan):
        engineering = plan.with_user(self.users["engineering"])
        engineering.request_validation()
        plan.with_user(self.users["saleshead"]).validate_tier()
        plan.with_user(self.users["gm"]).validate_tier()
        engineering.invalidate_recordset()
        engineering.action_approve()
        self.assertEqual(plan.state, "approved")


class KpiKnownDatesCommon(DashboardCommon):
    """Orders whose timestamps are moved to known dates in SQL, as a real
    database would hold them months later. The company works in Shanghai
    (UTC+8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.Kpi = cls.env["order.handling.kpi.order"]

    def _set(self, table, record, **values):
        """Write the columns of ``record`` in SQL (timestamps in UTC)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET %s WHERE id = %s",
                SQL.identifier(table),
                SQL(", ").join(
                    SQL("%s = %s", SQL.identifier(name), value)
                    for name, value in values.items()
                ),
                record.id,
            )
        )
        self.env.invalidate_all()

    def _order(self, received, replied, commitment, shipped, returned=False):
        """A regular order taken to shipment, then dated: ``commitment`` is a
        day of Shanghai (its local midnight, stored in UTC as Odoo does)."""
        order = self._replied_order()
        self._ship(order)
        self.assertEqual(order.delivery_status, "full")
        self._set(
            "sale_order",
            order,
            intake_received_date=dt(received),
            delivery_date_replied_date=dt(replied),
            commitment_date=dt(commitment),
            intake_return_count=1 if returned else 0,
        )
        for picking in order.picking_ids:
            self._set("stock_picking", picking, date_done=dt(shipped))
        return order

    def _raw(self, model, record, *names):
        """The columns of the view as PostgreSQL returns them (NULL stays
        None, where the ORM would read a float as 0.0)."""
        view = self.env[model]
        self.env.cr.execute(
            SQL(
                "SELECT %s FROM (%s) AS v WHERE v.id = %s",
                SQL(", ").join(SQL.identifier("v", name) for name in names),
                view._table_query,
                record.id,
            )
        )
        return self.env.cr.fetchone()
