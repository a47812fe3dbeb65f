# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery date (R2.4), completion and the customer's mails (R5.4)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    feedback_activities,
    post_template,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.mail_queue import mail_queued

# one concern of the regulations per file (the order's intake fields and
# guards are in sale_order.py)
# pylint: disable=consider-merging-classes-inherited


class SaleOrder(models.Model):
    _inherit = "sale.order"

    delivery_date_proposed = fields.Datetime(
        string="Proposed Delivery Date",
        readonly=True,
        copy=False,
        tracking=True,
        help="Entered by the workshop supervisor (regular orders) or the "
        "engineering supervisor (non-regular orders), R2.4.",
    )
    delivery_date_proposed_uid = fields.Many2one(
        "res.users", string="Date Proposed By", readonly=True, copy=False
    )
    delivery_date_replied_uid = fields.Many2one(
        "res.users", string="Date Replied By", readonly=True, copy=False
    )
    delivery_date_replied_date = fields.Datetime(
        string="Date Replied On", readonly=True, copy=False
    )
    intake_delay_notified = fields.Boolean(
        string="Delay Notified",
        readonly=True,
        copy=False,
        help="The customer was told the order is late.",
    )

    # ------------------------------------------------------------------
    # Delivery date (R2.4), completion and customer mails (R5.4)
    # ------------------------------------------------------------------

    def _intake_may_propose_date(self, user):
        """The workshop supervisor answers for regular orders, the
        engineering supervisor for non-regular ones."""
        self.ensure_one()
        if user.has_group(roles.MANAGER):
            return True
        group = (
            roles.ENGINEERING_SUPERVISOR
            if self.intake_class == "non_regular"
            else roles.WORKSHOP_SUPERVISOR
        )
        return user.has_group(group)

    def _refuse_intake_propose_date(self):
        """The supervisor reads no order, only its copy (R7.4): the caller
        must read the copy (the order's readers read it too); the order is
        read in sudo, the role is the current user's, even in sudo (the
        copy's button runs this rule in sudo)."""
        self.ensure_one()
        try:
            self.env["sale.order.copy"].browse(self.ids).check_access("read")
        except AccessError as error:
            return error
        order = self.sudo()
        refusal = order._intake_refuse_stage(
            ("accepted", "date_proposed"),
            self.env._(
                "Order %(order)s is %(stage)s: a delivery date can be proposed "
                "once the order is accepted and transferred."
            ),
        )
        if refusal or order._intake_may_propose_date(self.env.user):
            return refusal
        return AccessError(
            self.env._(
                "Only the %(role)s proposes the delivery date of order %(order)s.",
                role=self.env.ref(
                    roles.ENGINEERING_SUPERVISOR
                    if order.intake_class == "non_regular"
                    else roles.WORKSHOP_SUPERVISOR
                ).name,
                order=order.name,
            )
        )

    def action_intake_propose_date(self, date=None):
        """The responsible supervisor enters the delivery date the factory can
        keep; the clerk is asked to reply it."""
        self._ensure_can("intake_propose_date")
        return self.sudo()._intake_propose_date(date)

    @mail_queued
    def _intake_propose_date(self, date=None):
        """``action_intake_propose_date`` once its rule passed for the
        caller (``self`` may be sudo, the user stays the caller)."""
        try:
            date = fields.Datetime.to_datetime(date)
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._(
                    "Enter the delivery date as a date and time (YYYY-MM-DD HH:MM:SS)."
                )
            ) from error
        if date:
            date = date.replace(microsecond=0)
        if not date:
            raise UserError(self.env._("Enter the delivery date."))
        if date < fields.Datetime.now():
            raise UserError(self.env._("The delivery date cannot be in the past."))
        self.sudo().write(
            {
                "intake_stage": "date_proposed",
                "delivery_date_proposed": date,
                "delivery_date_proposed_uid": self.env.uid,
            }
        )
        # the clerk's activity is the notice (no "assigned to you" e-mail)
        schedule_activities(
            [(order, order.intake_clerk_id) for order in self],
            "sale_order_intake.mail_activity_type_intake_reply_date",
        )
        return True

    def _refuse_intake_reply_date(self):
        return self._intake_refuse_group(
            roles.LOGISTICS_CLERK, roles.MANAGER
        ) or self._intake_refuse_stage(
            ("date_proposed",),
            self.env._(
                "Order %(order)s is %(stage)s: only a proposed delivery date can "
                "be replied."
            ),
        )

    @mail_queued
    def action_intake_reply_date(self):
        """The clerk replies the date to sales and the customer: the order's
        commitment date is set and the customer gets the mail."""
        self._ensure_can("intake_reply_date")
        for order in self:
            order.sudo().write(
                {
                    "intake_stage": "date_confirmed",
                    "commitment_date": order.delivery_date_proposed,
                    "delivery_date_replied_uid": self.env.uid,
                    "delivery_date_replied_date": fields.Datetime.now(),
                }
            )
        self._intake_send_mail(
            "sale_order_intake.mail_template_intake_delivery_date", force=True
        )
        # last: removing the activity empties the ORM cache (``unlink``), and
        # the mail would read the order, customer and company again
        feedback_activities(
            self, ["sale_order_intake.mail_activity_type_intake_reply_date"]
        )
        return True

    def _refuse_intake_complete(self):
        self.ensure_one()
        refusal = self._intake_refuse_group(
            roles.LOGISTICS_CLERK, roles.MANAGER
        ) or self._intake_refuse_stage(
            ("date_confirmed",),
            self.env._(
                "Order %(order)s is %(stage)s: only an order with a confirmed "
                "date can be completed."
            ),
        )
        if not refusal and self.delivery_status != "full":
            refusal = self.env._("Order %s is not fully delivered yet.", self.name)
        return refusal

    @mail_queued
    def action_intake_complete(self):
        """Delivered and confirmed with the customer: close the order and
        thank the customer (R5.4, R6.3)."""
        self._ensure_can("intake_complete")
        self.sudo().write({"intake_stage": "done"})
        self._intake_send_mail("sale_order_intake.mail_template_intake_completed")
        return True

    def _intake_send_mail(self, template_xmlid, force=False):
        """Post a customer status mail from a template (editable in
        Settings › Technical › Email Templates); ``force`` sends it even when
        the company switched status mails off (the date reply is the
        regulation's own answer to the customer)."""
        template_id = self.env["ir.model.data"]._xmlid_to_res_id(
            template_xmlid, raise_if_not_found=False
        )
        if not template_id:
            return
        template = self.env["mail.template"].browse(template_id)
        # rendered once for all orders, in each customer's language, and
        # posted without the composer wizard (same message and e-mail)
        post_template(
            self.filtered(
                lambda order: force or order.company_id.intake_customer_mails
            ).sudo(),
            template.sudo(),
        )

    def _intake_notify_shipped(self):
        """Orders that went through the intake tell their customer; the others
        (confirmed as in plain Odoo) are left as Odoo leaves them."""
        # read in sudo: whoever validates the delivery (a stock user of
        # plain Odoo included) may have no right on the order itself
        self.sudo().filtered(
            lambda order: order.intake_stage not in (False, "draft", "cancelled")
        )._intake_send_mail("sale_order_intake.mail_template_intake_shipped")

    @api.model
    def _cron_intake_notify_delays(self):
        """Tell customers once when their confirmed delivery date passed
        before the order was fully delivered. Safe to run twice."""
        late = self.search(
            [
                ("intake_stage", "=", "date_confirmed"),
                ("commitment_date", "<", fields.Datetime.now()),
                ("delivery_status", "!=", "full"),
                ("intake_delay_notified", "=", False),
            ]
        )
        late.sudo().write({"intake_delay_notified": True})
        late._intake_send_mail("sale_order_intake.mail_template_intake_delayed")
        return late
