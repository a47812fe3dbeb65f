# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class CustomerCarePortal(CustomerPortal):
    """Customers file and follow their own complaints (R8.3)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            Complaint = request.env["sale.customer.complaint"]
            values["complaint_count"] = (
                Complaint.search_count([]) if Complaint.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, **kw):
        Complaint = request.env["sale.customer.complaint"]
        count = Complaint.search_count([])
        pager = portal_pager(
            url="/my/complaints", total=count, page=page, step=self._items_per_page
        )
        complaints = Complaint.search(
            [], order="id desc", limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaints": complaints,
                "page_name": "complaint",
                "pager": pager,
                "default_url": "/my/complaints",
            }
        )
        return request.render("sale_customer_care.portal_my_complaints", values)

    @http.route(
        ["/my/complaints/<int:complaint_id>"], type="http", auth="public", website=True
    )
    def portal_my_complaint(self, complaint_id, access_token=None, **kw):
        try:
            complaint = self._document_check_access(
                "sale.customer.complaint", complaint_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            complaint,
            access_token,
            {"complaint": complaint, "page_name": "complaint"},
            "my_complaints_history",
            False,
        )
        return request.render("sale_customer_care.portal_my_complaint", values)

    @http.route(["/my/complaints/new"], type="http", auth="user", website=True)
    def portal_complaint_new(self, **kw):
        partner = request.env.user.partner_id.commercial_partner_id
        orders = request.env["sale.order"].search(
            [("partner_id", "child_of", partner.id), ("state", "=", "sale")]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "orders": orders,
                "categories": request.env["sale.customer.complaint"]
                ._fields["category"]
                ._description_selection(request.env),
                "page_name": "complaint",
            }
        )
        return request.render("sale_customer_care.portal_complaint_new", values)

    @http.route(
        ["/my/complaints/submit"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_complaint_submit(self, subject=None, description=None, **kw):
        complaint = self._portal_create_complaint(
            request.env.user,
            subject=subject,
            description=description,
            order_id=kw.get("order_id"),
            category=kw.get("category"),
        )
        return request.redirect(complaint.get_portal_url())

    def _portal_create_complaint(self, user, subject, description, order_id, category):
        """Create the complaint of a portal user: only on their own orders."""
        partner = user.partner_id
        order = request.env["sale.order"]
        if order_id and str(order_id).isdigit():
            order = order.search(
                [
                    ("id", "=", int(order_id)),
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                ]
            )
        return (
            request.env["sale.customer.complaint"]
            .sudo()
            ._portal_create(partner, subject, description, order, category)
        )
