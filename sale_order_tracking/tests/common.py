# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

from werkzeug.utils import redirect

from odoo import fields
from odoo.http import _request_stack
from odoo.tests import new_test_user
from odoo.tools import is_html_empty

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon
from odoo.addons.sale_order_intake.tests.common import new_carrier
from odoo.addons.sale_order_tracking.controllers.portal import TrackingCustomerPortal


class TrackingCommon(OrderHandlingCommon):
    """The intake switched on (one cheap check), a carrier with a tracking
    link, the customer's portal user and another customer's, and helpers
    that take an order to its delivery."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"intake_required": True, "intake_customer_mails": True})
        cls.env["sale.order.intake.rule"].search([]).action_archive()
        cls.env["sale.order.intake.rule"].create(
            {"name": "Quantity", "check_type": "quantity", "message": "Quantity"}
        )
        cls.partner.write({"email": "buyer@acme.example.com", "lang": "en_US"})
        cls.product.write({"default_code": "GP-20", "is_storable": True})
        cls.product.product_tmpl_id._complete_tech_documents()
        cls.stock_location = cls.env.ref("stock.stock_location_stock")
        cls.customer_location = cls.env.ref("stock.stock_location_customers")
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.stock_location, 100.0
        )
        # shipped before: the orders are regular
        cls.env["stock.move"].create(
            {
                "name": "Past delivery",
                "product_id": cls.product.id,
                "product_uom_qty": 1,
                "product_uom": cls.product.uom_id.id,
                "location_id": cls.stock_location.id,
                "location_dest_id": cls.customer_location.id,
                "state": "done",
                "quantity": 1,
            }
        )
        cls.carrier = new_carrier(
            cls.env,
            "Swift Freight",
            tracking_url="https://track.example.com/?n=<shipmenttrackingnumber>",
        )
        cls.portal_user = new_test_user(
            cls.env,
            "oh_customer",
            groups="base.group_portal",
            partner_id=cls.partner.id,
        )
        cls.other_partner = cls.env["res.partner"].create(
            {"name": "Other Customer", "email": "other@example.com"}
        )
        cls.other_portal_user = new_test_user(
            cls.env,
            "oh_other_customer",
            groups="base.group_portal",
            partner_id=cls.other_partner.id,
        )

    # ------------------------------------------------------------------
    # Data helpers
    # ------------------------------------------------------------------

    @classmethod
    def _accepted_order(cls, partner=None):
        order = cls._create_order(cls.users["sales"], partner=partner)
        order.write({"commitment_date": fields.Datetime.now() + timedelta(days=30)})
        order.with_user(cls.users["sales"]).action_intake_submit()
        clerk = order.with_user(cls.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        cls._pass_review(order)
        return order

    @classmethod
    def _confirmed_order(cls, partner=None):
        """Accepted, its date replied (promised) and the order confirmed."""
        order = cls._accepted_order(partner=partner)
        manager = order.with_user(cls.users["manager"])
        manager.action_intake_propose_date(fields.Datetime.now() + timedelta(days=5))
        manager.action_intake_reply_date()
        order.action_confirm()
        return order

    @classmethod
    def _ship(cls, order, carrier=True, tracking_ref="TRK-4711"):
        """Validate the order's delivery, with a carrier and a tracking
        reference."""
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        picking.write(
            {
                "carrier_id": cls.carrier.id if carrier else False,
                "carrier_tracking_ref": tracking_ref or False,
            }
        )
        picking.move_ids.write({"quantity": 3, "picked": True})
        picking.with_context(skip_sms=True).button_validate()
        return picking

    @classmethod
    def _delivered_order(cls, partner=None, **kwargs):
        order = cls._confirmed_order(partner=partner)
        return order, cls._ship(order, **kwargs)

    # ------------------------------------------------------------------
    # Portal helpers
    # ------------------------------------------------------------------

    @contextmanager
    def _portal_request(self, user):
        """The controller's ``request`` for ``user``: its environment, a
        redirect and a CSRF token."""
        env = self.env(user=user, su=False)
        fake = SimpleNamespace(
            env=env,
            redirect=lambda url, **kw: redirect(url, code=303),
            csrf_token=lambda *a, **kw: "csrf-token",
            session=SimpleNamespace(debug=""),
        )
        _request_stack.push(fake)
        try:
            yield fake
        finally:
            _request_stack.pop()

    def _portal_confirm(self, user, order, picking, access_token=None):
        """POST the portal button as ``user``; the URL it redirects to."""
        with self._portal_request(user):
            response = TrackingCustomerPortal().portal_order_confirm_receipt(
                order.id, picking.id, access_token=access_token
            )
        self.assertEqual(response.status_code, 303)
        return response.headers["Location"]

    def _render_portal(self, order, lang="en_US"):
        """The order's portal content, as Odoo's portal route renders it:
        the order in sudo, in the reader's language."""
        order_sudo = order.sudo().with_context(lang=lang)
        return str(
            self.env["ir.qweb"]
            .with_context(lang=lang)
            ._render(
                "sale.sale_order_portal_content",
                {
                    "sale_order": order_sudo,
                    "report_type": "html",
                    "keep_query": lambda *a, **kw: "",
                    "is_html_empty": is_html_empty,
                },
            )
        )
