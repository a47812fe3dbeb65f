# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.order_handling_base.models.mail_batch import (
    post_notes_deferred,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.mail_queue import (
    mail_queued,
    with_mail_queue,
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    intake_stage = fields.Selection(
        selection_add=[("rejected", "Rejected at Review"), ("cancelled",)],
        ondelete={
            "rejected": lambda orders: orders.write({"intake_stage": "cancelled"})
        },
    )
    # not `review_ids`: that name belongs to OCA tier.validation (tier reviews),
    # which sale_order_governance puts on sale.order through sale_tier_validation
    order_review_ids = fields.One2many(
        "sale.order.review", "order_id", string="Reviews"
    )
    # not tracked on the order (a related field takes the review's
    # tracking): the review's own chatter and the order's "Review …:
    # accepted" note tell it
    review_state = fields.Selection(
        related="current_review_id.state", string="Review Status", tracking=False
    )
    current_review_id = fields.Many2one(
        "sale.order.review",
        compute="_compute_current_review_id",
        store=True,
        string="Review",
    )

    @api.depends("order_review_ids.state")
    def _compute_current_review_id(self):
        for order in self:
            reviews = order.order_review_ids.filtered(lambda r: r.state != "cancelled")
            order.current_review_id = reviews.sorted("id")[-1:] if reviews else False

    def _action_cancel(self):
        result = super()._action_cancel()
        self.sudo().order_review_ids._cancel_with_order()
        return result

    def _review_department_code(self):
        """Hook: the department that reviews the order (R3.1)."""
        self.ensure_one()
        return "engineering" if self.intake_class == "non_regular" else "production"

    def _intake_transfer(self):
        # the review is opened with the transfer, so that the transfer
        # message tells the reviewing department too (one message, one
        # activity)
        self._create_reviews()
        return super()._intake_transfer()

    def _transfer_message_extra(self):
        lines, partners = super()._transfer_message_extra()
        review = self.sudo().order_review_ids.filtered(
            lambda r: r.state == "to_review"
        )[-1:]
        if review:
            department = review.department_id
            lines.append(
                self.env._(
                    "Review %(review)s → %(department)s",
                    review=review.name,
                    department=department.name,
                )
            )
            partners |= (department.manager_id | department.member_ids).partner_id
        return lines, partners

    @mail_queued
    def _create_reviews(self):
        """One review per accepted order, for the supervisor of its class;
        the reviewing department's responsible user gets an activity."""
        Department = self.env["order.handling.department"]
        vals_list = []
        for order in self:
            department = Department._get_by_code(
                order._review_department_code(), order.company_id
            )
            vals_list.append(
                {
                    "order_id": order.id,
                    "company_id": order.company_id.id,
                    "order_class": order.intake_class or "regular",
                    "department_id": department.id,
                }
            )
        # the reviewing department works the review: whoever accepted the
        # order is not made a follower of it, and no "created" note is
        # logged (the order's transfer message announces it), as for slips
        reviews = (
            self.env["sale.order.review"]
            .sudo()
            .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
            .create(vals_list)
        )
        # one create for all, no assignment e-mail: a message on the review
        # tells the reviewing department (the transfer note of the order,
        # which departments do not read, lists it: ``_transfer_message_extra``)
        schedule_activities(
            [(review, review.reviewer_id) for review in reviews],
            "sale_order_review.mail_activity_type_review",
        )
        # one note per review for its department, notified by the cron, in
        # one batch
        post_notes_deferred(
            [
                (
                    review,
                    self.env._(
                        "Order %(order)s is to be reviewed by %(department)s.",
                        order=review.order_id.name,
                        department=review.department_id.name,
                    ),
                    (
                        review.department_id.manager_id
                        | review.department_id.member_ids
                    ).partner_id,
                )
                for review in with_mail_queue(reviews)
            ]
        )
        return reviews

    @api.depends("current_review_id.state")
    def _compute_can_buttons(self):
        return super()._compute_can_buttons()

    def _review_blocks_delivery_date(self):
        """Hook: the delivery date is proposed once the review accepted the
        order (R3.1, R2.4)."""
        self.ensure_one()
        return self.current_review_id.state != "accepted"

    def _refuse_intake_propose_date(self):
        # the Propose Delivery Date button waits for the review; read in
        # sudo, from the order and from its copy (the supervisor reads no
        # order)
        refusal = super()._refuse_intake_propose_date()
        if not refusal and self.sudo()._review_blocks_delivery_date():
            refusal = self.env._(
                "Order %s must pass its review before its delivery date is proposed.",
                self.sudo().name,
            )
        return refusal

    def action_view_reviews(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reviews"),
            "res_model": "sale.order.review",
            "view_mode": "list,form",
            "domain": [("order_id", "=", self.id)],
            "context": {"create": False},
        }
