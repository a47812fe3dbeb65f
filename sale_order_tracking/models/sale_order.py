# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the customer sees of the order's progress (R5.8) and its completion
after the customer confirmed the receipt (R6.3)."""

from odoo import api, fields, models

from .stock_picking import RECEIPT_ROLES

#: the order's progress as the customer is told it: no department, no
#: internal step (a return to sales, a proposed date) shows through
PORTAL_STAGES = [
    ("received", "Received, being checked"),
    ("accepted", "Accepted, delivery date being scheduled"),
    ("scheduled", "Delivery date confirmed, in preparation"),
    ("partially_shipped", "Partially shipped"),
    ("shipped", "Shipped"),
    ("delivered", "Delivered"),
    ("completed", "Completed"),
    ("cancelled", "Cancelled"),
]
#: intake stage → the customer's stage, before delivery facts are read
INTAKE_TO_PORTAL = {
    "submitted": "received",
    "returned": "received",
    "checked": "received",
    "accepted": "accepted",
    "date_proposed": "accepted",
    "date_confirmed": "scheduled",
    "done": "completed",
    "cancelled": "cancelled",
}
#: the intake stages after which the promised date is the replied one
PROMISED_STAGES = ("date_confirmed", "done")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    tracking_portal_stage = fields.Selection(
        PORTAL_STAGES,
        string="Order Progress",
        compute="_compute_tracking_portal_stage",
        help="The order's processing stage as the customer sees it on the "
        "portal (R5.8).",
    )
    receipt_state = fields.Selection(
        [
            ("none", "Nothing Delivered"),
            ("pending", "Awaiting Customer"),
            ("confirmed", "Confirmed"),
        ],
        string="Customer Receipt",
        compute="_compute_receipt_state",
        store=True,
        index=True,
        help="Whether the customer confirmed the receipt of every done "
        "delivery of the order (R6.3).",
    )
    can_receipt_record_wizard = fields.Boolean(compute="_compute_can_buttons")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends(
        "picking_ids.state",
        "picking_ids.receipt_confirmed_date",
        "picking_ids.location_dest_id",
    )
    def _compute_receipt_state(self):
        deliveries = self.picking_ids._tracking_customer_deliveries()
        for order in self:
            done = deliveries.filtered(lambda picking, o=order: picking.sale_id == o)
            if not done:
                order.receipt_state = "none"
            elif all(done.mapped("receipt_confirmed_date")):
                order.receipt_state = "confirmed"
            else:
                order.receipt_state = "pending"

    @api.depends("intake_stage", "state", "delivery_status", "receipt_state")
    def _compute_tracking_portal_stage(self):
        for order in self:
            stage = INTAKE_TO_PORTAL.get(order.intake_stage)
            if order.state == "cancel":
                stage = "cancelled"
            elif stage in ("accepted", "scheduled"):
                # the goods left: what the deliveries say
                if order.delivery_status == "full":
                    stage = (
                        "delivered" if order.receipt_state == "confirmed" else "shipped"
                    )
                elif order.delivery_status == "partial":
                    stage = "partially_shipped"
            order.tracking_portal_stage = stage or False

    # ------------------------------------------------------------------
    # Portal (R5.8)
    # ------------------------------------------------------------------

    def _tracking_portal_visible(self):
        """Does the portal show this order's progress? Where the company
        handles orders through the intake and the order went into it."""
        self.ensure_one()
        return bool(
            self.tracking_portal_stage
            and self.company_id.intake_required
            and self._order_handling_regulated()
        )

    def _tracking_promised_date(self):
        """The delivery date promised to the customer: the one the logistics
        clerk replied (R2.4), none before."""
        self.ensure_one()
        if self.intake_stage in PROMISED_STAGES:
            return self.commitment_date
        return False

    # ------------------------------------------------------------------
    # Completion after the customer's confirmation (R6.3)
    # ------------------------------------------------------------------

    def _tracking_receipt_missing(self):
        """The done deliveries of this order whose receipt the customer has
        yet to confirm, where its company asks for the confirmation."""
        self.ensure_one()
        return self.picking_ids._receipt_expected().filtered(
            lambda picking: not picking.receipt_confirmed_date
        )

    def _refuse_intake_complete(self):
        """The intake's rule, and the customer's confirmation of the
        receipt of every done delivery where the company asks for it."""
        if refusal := super()._refuse_intake_complete():
            return refusal
        missing = self._tracking_receipt_missing()
        if missing:
            return self.env._(
                "Order %(order)s is completed once the customer confirmed "
                "the receipt of delivery %(pickings)s: on the portal, or "
                "recorded with Record Receipt.",
                order=self.name,
                pickings=", ".join(missing.mapped("name")),
            )
        return ""

    def _refuse_receipt_record_wizard(self):
        """The clerk records the customer's confirmation of the order's
        done deliveries that await it."""
        self.ensure_one()
        if refusal := self._intake_refuse_group(*RECEIPT_ROLES):
            return refusal
        if not self._tracking_receipt_missing():
            return self.env._(
                "Order %s has no done delivery whose receipt awaits the "
                "customer's confirmation.",
                self.name,
            )
        return ""

    def action_receipt_record_wizard(self):
        """Record the customer's confirmation of the order's deliveries."""
        self._ensure_can("receipt_record_wizard")
        self.ensure_one()
        pickings = self._tracking_receipt_missing()
        return pickings.sudo(False).action_receipt_record_wizard()

    # ------------------------------------------------------------------
    # Shipping mail (R5.8)
    # ------------------------------------------------------------------

    def _intake_notify_shipped(self):
        """The deliveries validated now that name a carrier or a tracking
        reference get the tracking mail (per delivery, where the company
        sends status mails) instead of the intake's plain "shipped" mail of
        their order."""
        ids = self.env.context.get("tracking_shipped_picking_ids") or []
        orders = self.sudo().filtered(
            lambda order: order.intake_stage not in (False, "draft", "cancelled")
        )
        pickings = (
            self.env["stock.picking"]
            .sudo()
            .browse(ids)
            .filtered(
                lambda picking: (
                    picking.sale_id in orders
                    and picking._tracking_has_shipping_details()
                )
            )
        )._tracking_customer_deliveries()
        tracked = pickings.sale_id
        pickings.filtered(
            lambda picking: picking.sale_id.company_id.intake_customer_mails
        )._tracking_send_shipped_mail()
        return super(SaleOrder, self - tracked)._intake_notify_shipped()
