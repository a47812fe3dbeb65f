# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon


class CustomerCareCommon(OrderHandlingCommon):
    """A delivered order of the salesperson's customer, a customer-service
    department led by the customer-service user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # customer care does not need the intake workflow; where it is
        # installed too, orders are confirmed directly here (a documented
        # setting): sale_order_intake tests its own workflow
        if "intake_required" in cls.company._fields:
            cls.company.intake_required = False
        cls.service = cls.users["service"]
        cls.departments["customer_service"].manager_id = cls.service
        cls.partner.write(
            {"email": "buyer@acme.example.com", "user_id": cls.users["sales"].id}
        )
        cls.delivered_order = cls._deliver(cls._create_order(cls.users["sales"]))
        cls.picking = cls.delivered_order.picking_ids

    @classmethod
    def _deliver(cls, order):
        order = order.sudo()
        if "current_review_id" in order._fields and order.current_review_id:
            cls._pass_review(order)
        order.action_confirm()
        for picking in order.picking_ids:
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            picking.button_validate()
        return order.sudo(False)

    def _complaint(self, user=None, **vals):
        values = {
            "subject": "Pump leaks",
            "partner_id": self.partner.id,
            "order_id": self.delivered_order.id,
            "picking_id": self.picking.id,
            "product_ids": [Command.set(self.product.ids)],
            "category": "quality",
        }
        values.update(vals)
        return (
            self.env["sale.customer.complaint"]
            .with_user(user or self.service)
            .create(values)
        )

    def _solve(self, complaint):
        complaint.action_acknowledge()
        complaint.action_investigate()
        complaint.write(
            {
                "root_cause": "Seal not pressed in",
                "corrective_action": "Replace the seal",
                "preventive_action": "Press-fit check at assembly",
            }
        )
        complaint.action_propose_solution()
        return complaint
