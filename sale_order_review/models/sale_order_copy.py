# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class SaleOrderCopy(models.Model):
    _inherit = "sale.order.copy"

    def _department_visible_queries(self):
        """The reviewing department reads the copy of the orders it reviews;
        the attendees and invited departments of a review meeting read the
        copy of the order the meeting is about (R3.1, R3.2)."""
        self.env["sale.order.review"].flush_model(["order_id", "department_id"])
        self.env["sale.order.review.meeting"].flush_model(
            ["review_id", "department_ids", "attendee_ids"]
        )
        departments = self._my_departments_sql()
        return super()._department_visible_queries() + [
            SQL(
                "SELECT review.order_id FROM sale_order_review review "
                "WHERE review.department_id IN %s",
                departments,
            ),
            SQL(
                "SELECT review.order_id FROM sale_order_review review "
                "JOIN sale_order_review_meeting meeting "
                "ON meeting.review_id = review.id "
                "WHERE EXISTS (SELECT 1 FROM res_users_sale_order_review_meeting_rel a "
                "WHERE a.sale_order_review_meeting_id = meeting.id "
                "AND a.res_users_id = %s) "
                "OR EXISTS (SELECT 1 FROM "
                "order_handling_department_sale_order_review_meeting_rel d "
                "WHERE d.sale_order_review_meeting_id = meeting.id "
                "AND d.order_handling_department_id IN %s)",
                self.env.uid,
                departments,
            ),
        ]
