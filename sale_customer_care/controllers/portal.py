# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
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
        return self._complaint_page(
            complaint, access_token, answered=kw.get("answered")
        )

    def _complaint_page(self, complaint, access_token, answered=None, error=None):
        values = self._get_page_view_values(
            complaint,
            access_token,
            {
                "complaint": complaint,
                "page_name": "complaint",
                "answered": answered,
                "answer_error": error,
                "can_answer_solution": complaint.stage_code == "solution"
                and self._complaint_may_answer(complaint),
            },
            "my_complaints_history",
            False,
        )
        return request.render("sale_customer_care.portal_my_complaint", values)

    def _complaint_may_answer(self, complaint):
        try:
            complaint._portal_answering_partner(request.env.user)
        except AccessError:
            return False
        return True

    @http.route(
        ["/my/complaints/<int:complaint_id>/accept"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_complaint_accept(self, complaint_id, access_token=None, **kw):
        """The customer accepts the proposed solution (R8.3)."""
        return self._complaint_answer(complaint_id, access_token, accept=True)

    @http.route(
        ["/my/complaints/<int:complaint_id>/reject"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_complaint_reject(
        self, complaint_id, access_token=None, comment=None, **kw
    ):
        """The customer says the solution does not solve the problem, with
        a comment (R8.3)."""
        return self._complaint_answer(
            complaint_id, access_token, accept=False, comment=comment
        )

    def _complaint_answer(self, complaint_id, access_token, accept, comment=None):
        """Like Odoo's own portal routes: the complaint's customer (record
        rule) or the holder of its link (token), by a form with its CSRF
        token (Odoo's check of a POST); the model checks the stage and that
        the user answers for the complaint's customer."""
        try:
            complaint = self._document_check_access(
                "sale.customer.complaint", complaint_id, access_token
            )
        except (AccessError, MissingError) as exc:
            raise NotFound() from exc
        user = request.env.user
        try:
            if accept:
                complaint._portal_accept_solution(user)
            else:
                complaint._portal_reject_solution(user, comment)
        except AccessError as exc:
            raise Forbidden() from exc
        except UserError as exc:
            # refused before anything is written: the page says why
            return self._complaint_page(complaint, access_token, error=exc.args[0])
        answered = "accepted" if accept else "rejected"
        return request.redirect(
            complaint.get_portal_url(query_string=f"&answered={answered}")
        )

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
