# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, http
from odoo.http import request

from odoo.addons.sale.controllers.portal import CustomerPortal


class IntakeCustomerPortal(CustomerPortal):
    @http.route()
    def portal_quote_accept(
        self, order_id, access_token=None, name=None, signature=None
    ):
        """Only the customer signs a quotation. Odoo's route signs in sudo
        for whoever holds the link: an employee (a salesperson opening the
        customer's link while logged in) would make the order look accepted
        by the customer, and the intake would take it from the portal
        channel. The portal users and the public (the customer with the
        link) sign as before; so does everyone where the intake regulation
        is off (plain Odoo)."""
        order = request.env["sale.order"].sudo().browse(order_id).exists()
        if (
            order
            and request.env.user._is_internal()
            and order.company_id.intake_required
            and order._order_handling_regulated()
        ):
            return {
                "error": _(
                    "Only the customer signs a quotation: open the link "
                    "logged out, or as the customer's portal user."
                )
            }
        return super().portal_quote_accept(
            order_id, access_token=access_token, name=name, signature=signature
        )
