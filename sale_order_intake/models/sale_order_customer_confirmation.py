# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Orders the customer confirms (portal signature, online payment) while the
company runs the intake (R1.1: the portal is one of the order's channels).

Odoo confirms such a quotation by itself (``sale`` portal controller,
``payment.transaction._check_amount_and_confirm_order``). Where the intake is
required, the confirmation is not refused (the customer's payment or
signature must not be lost): the order enters the intake instead, on the
*portal* channel, the customer is told that it is received and being
checked, and it is confirmed when logistics accepts it.

The signature is trusted as the customer's only because no employee can set
it: Odoo's portal controller (``/my/orders/<id>/accept``) writes it in sudo
for the customer; an internal user writing it over RPC (``write``,
``create``, or its attachment) is refused.
"""

from collections.abc import Iterator

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import format_list

from odoo.addons.order_handling_base.models.mail_batch import schedule_activities
from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

#: the customer's acceptance of a quotation, set by the portal only
CUSTOMER_SIGNATURE_FIELDS = ("signature", "signed_by", "signed_on")
#: attachment values that can make an attachment the order's signature or
#: change its content
SIGNATURE_ATTACHMENT_KEYS = {
    "res_model",
    "res_field",
    "res_id",
    "datas",
    "raw",
    "db_datas",
}


def _refuse_customer_signature(env, names, orders=None):
    """Refuse an internal user (outside sudo) setting the customer's
    signature fields ``names`` of ``sale.order``, where the intake regulation
    applies (the signature is then the customer's acceptance): on
    ``orders``, or, for a new order, in the current company. Elsewhere Odoo
    is unchanged (the regulation is off)."""
    if not names or env.su or env.user.share:
        return
    if orders is not None:
        regulated = any(
            order.company_id.intake_required and order._order_handling_regulated()
            for order in orders.sudo()
        )
    else:
        regulated = env.company.intake_required
    if not regulated:
        return
    Order = env["sale.order"]
    labels = [Order._fields[name]._description_string(env) for name in names]
    raise AccessError(
        env._(
            "Only the customer signs a quotation, by accepting it on the "
            "customer portal: %(fields)s cannot be set by an internal user.",
            fields=format_list(env, labels),
        )
    )


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model_create_multi
    def create(self, vals_list):
        if isinstance(vals_list, Iterator):
            vals_list = list(vals_list)  # read here and by the ORM
        check_values(self, vals_list)
        for vals in vals_list:
            self._check_customer_signature_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, [vals])
        self._check_customer_signature_vals(vals)
        return super().write(vals)

    @api.model
    def _check_customer_signature_vals(self, vals):
        """Refuse ``vals`` that set the customer's signature, unless written
        in sudo (Odoo's portal controller) or by a portal/public user.
        Clearing it stays allowed (``action_draft`` does)."""
        _refuse_customer_signature(
            self.env,
            [name for name in CUSTOMER_SIGNATURE_FIELDS if vals.get(name)],
            self or None,
        )

    def action_confirm(self):
        received = self._intake_customer_confirmed()
        if received:
            received._intake_receive_from_customer()
        others = self - received
        if not others:
            return True
        return super(SaleOrder, others).action_confirm()

    def _intake_customer_confirmed(self):
        """The quotations of ``self`` that their customer confirmed (signed or
        paid online: facts on the order, not a context key) and that must go
        through the intake first."""
        return self.filtered(
            lambda order: (
                order.company_id.intake_required
                and order._order_handling_regulated()
                and order.state in ("draft", "sent")
                and (order.intake_stage or "draft") in ("draft", "returned")
                and (
                    order.signature
                    or order.sudo().transaction_ids.filtered(
                        lambda tx: tx.state in ("authorized", "done")
                    )
                )
            )
        )

    def _intake_receive_from_customer(self):
        """Hand the customer's orders to logistics (the sales step of
        ``action_intake_submit``, done by the system) and tell the customer."""
        orders = self.sudo()
        orders.write(
            {
                "intake_stage": "submitted",
                "intake_channel": "portal",
                "intake_submitted_date": fields.Datetime.now(),
            }
        )
        Department = self.env["order.handling.department"].sudo()
        clerks = {
            company: Department._get_by_code("logistics", company).manager_id
            for company in orders.company_id
        }
        schedule_activities(
            [
                (order, order.intake_clerk_id or clerks[order.company_id])
                for order in orders
            ],
            "sale_order_intake.mail_activity_type_intake_check",
        )
        for order in orders:
            customer = order.partner_id.with_context(lang=order.partner_id.lang)
            body = Markup("<p>%s</p>") % customer.env._(
                "We received your order %s. Our logistics team checks it and "
                "confirms it to you with its delivery date.",
                order.name,
            )
            order.message_post(
                body=body,
                partner_ids=order.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def _intake_confirm_customer_orders(self):
        """Confirm the accepted orders that their customer had confirmed
        (portal channel), where nothing else holds them (e.g. approvals)."""
        pending = self.filtered(
            lambda order: (
                order.intake_channel == "portal" and order.state in ("draft", "sent")
            )
        ).sudo()
        ready = pending.filtered(lambda order: not order._confirmation_error_message())
        if ready:
            ready.action_confirm()
            ready._send_order_confirmation_mail()
        return ready

    def _send_order_confirmation_mail(self):
        # a quotation the customer paid that waits at intake is not confirmed
        # yet: no "order confirmed" mail for it (the intake told the customer)
        return super(
            SaleOrder, self.filtered(lambda order: order.state == "sale")
        )._send_order_confirmation_mail()


class IrAttachment(models.Model):
    """The signature is stored as an attachment of the order: creating or
    re-targeting that attachment is setting the signature."""

    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        if isinstance(vals_list, Iterator):
            vals_list = list(vals_list)  # read here and by the ORM
        check_values(self, vals_list)
        for vals in vals_list:
            self._check_customer_signature_attachment(vals)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, [vals])
        if (
            self
            and SIGNATURE_ATTACHMENT_KEYS.intersection(vals)
            and not self.env.su
            and not self.env.user.share
        ):
            # what each attachment becomes: an order's signature whose
            # content changes, or an attachment moved onto one (other writes
            # of attachments, the many of mail, read nothing more)
            current_values = self.sudo().read(
                ["res_model", "res_field", "res_id"], load=None
            )
            for current in current_values:
                self._check_customer_signature_attachment({**current, **vals})
        return super().write(vals)

    @api.model
    def _check_customer_signature_attachment(self, vals):
        if vals.get("res_model") == "sale.order" and (
            vals.get("res_field") in CUSTOMER_SIGNATURE_FIELDS
        ):
            order = self.env["sale.order"].sudo().browse(vals.get("res_id") or [])
            _refuse_customer_signature(
                self.env, [vals["res_field"]], order.exists() or None
            )
