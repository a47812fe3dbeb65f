# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.sale.controllers.portal import CustomerPortal


class TrackingCustomerPortal(CustomerPortal):
    @http.route(
        ["/my/orders/<int:order_id>/receipt/<int:picking_id>"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_order_confirm_receipt(
        self, order_id, picking_id, access_token=None, **kwargs
    ):
        """The customer confirms the receipt of a done delivery of their
        order (R6.3). Access as on Odoo's order page: the portal user who
        may read the order, or whoever holds its access token; the delivery
        must be one of that order's. A POST (Odoo's CSRF check); confirming
        twice changes nothing."""
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        picking = order_sudo.picking_ids.filtered(lambda p: p.id == picking_id)
        if not picking or picking not in picking._receipt_expected():
            raise NotFound()
        user = request.env.user
        partner = order_sudo.partner_id if user._is_public() else user.partner_id
        picking.with_user(user)._receipt_confirm_by_customer(partner)
        return request.redirect(
            order_sudo.get_portal_url(query_string="&message=receipt_confirmed")
        )
