# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import CustomerCareCommon


@tagged("post_install", "-at_install")
class TestTour(CustomerCareCommon, HttpCase):
    def test_complaint_from_visit_return_close(self):
        visit = (
            self.env["sale.customer.visit"]
            .with_user(self.service)
            .create(
                {
                    "partner_id": self.partner.id,
                    "order_id": self.delivered_order.id,
                    "comments": "Pump leaks at the flange",
                }
            )
        )
        self.start_tour(
            f"/odoo/action-sale_customer_care.sale_customer_visit_action/{visit.id}",
            "sale_customer_care_complaint",
            login=self.service.login,
        )
        complaint = visit.complaint_ids
        self.assertEqual(complaint.stage_code, "closed")
        self.assertEqual(complaint.root_cause, "Seal not pressed in")
        self.assertEqual(complaint.rma_ids.product_uom_qty, 2)
        self.assertEqual(complaint.rma_ids.complaint_id, complaint)
