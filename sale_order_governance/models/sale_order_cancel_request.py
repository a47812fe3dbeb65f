# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models.texts import note_env


class SaleOrderCancelRequest(models.Model):
    """The cancellation of a confirmed order (R7.3): a reason from the
    configured list (customer's or company's side), approval with tier
    validation, then the order, its open pickings and its transfer slips are
    cancelled and the departments told. What was already delivered or
    invoiced cannot be undone: such an order is refused, with the list."""

    _name = "sale.order.cancel.request"
    _inherit = ["sale.order.request.mixin"]
    _description = "Sale Order Cancel Request"
    _request_sequence_code = "sale.order.cancel.request"

    reason_id = fields.Many2one(
        "sale.order.cancel.reason",
        string="Cancel Reason",
        required=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    party = fields.Selection(related="reason_id.party", store=True)
    irreversible = fields.Text(
        string="Cannot Be Undone",
        compute="_compute_irreversible",
        help="Deliveries and invoices of the order that a cancellation would "
        "not undo: while there are any, the request cannot be approved nor "
        "applied.",
    )
    open_picking_count = fields.Integer(compute="_compute_irreversible")
    open_slip_count = fields.Integer(compute="_compute_irreversible")

    @api.depends("order_id")
    def _compute_irreversible(self):
        for request in self:
            order = request.order_id.sudo()
            request.irreversible = (
                "\n".join(request._irreversible_items(order)) or False
            )
            request.open_picking_count = len(order._governance_open_pickings())
            request.open_slip_count = len(order._governance_open_slips())

    def _irreversible_items(self, order):
        items = []
        for line in order.order_line.filtered(lambda sol: sol.qty_delivered > 0):
            items.append(
                self.env._(
                    "%(qty)s %(uom)s of %(product)s delivered",
                    qty=line.qty_delivered,
                    uom=line.product_uom.name,
                    product=line.product_id.display_name,
                )
            )
        for invoice in order.invoice_ids.filtered(lambda inv: inv.state == "posted"):
            items.append(self.env._("invoice %s posted", invoice.name))
        return items

    def _check_before_approval(self):
        result = super()._check_before_approval()
        self._check_reversible()
        return result

    def _reversible_refusal(self):
        """Why the order cannot simply be cancelled (deliveries, posted
        invoices, a locked order), or ``""``."""
        self.ensure_one()
        order = self.order_id.sudo()
        items = self._irreversible_items(order)
        if items:
            return self.env._(
                "Order %(order)s cannot simply be cancelled: %(items)s. "
                "Return the goods and credit the invoices first (or file "
                "a change request for what is left).",
                order=order.name,
                items="; ".join(items),
            )
        if order.locked:
            return self.env._(
                "Order %s is locked: unlock it before it is cancelled.",
                order.name,
            )
        return ""

    def _check_reversible(self):
        for request in self:
            refusal = request._reversible_refusal()
            if refusal:
                raise UserError(refusal)

    def _refuse_apply(self):
        return super()._refuse_apply() or self._reversible_refusal()

    def action_apply(self):
        """Cancel the order, its open pickings and open transfer slips, and
        tell the departments; all or nothing."""
        self._ensure_can("apply")
        for request in self:
            request._apply()
        self._mark_applied()
        return True

    def _apply(self):
        self.ensure_one()
        order = self.order_id.sudo()
        departments = order._governance_notified_departments()
        pickings = order._governance_open_pickings()
        slips = order._governance_open_slips()
        # one text for every reader: in the language of who applied the
        # request, the company's when the system did (``note_env``)
        env = note_env(self)
        if slips:
            slips.action_cancel(self.with_env(env)._cancel_reason_text())
        # sale_stock cancels the open pickings with the order
        order.with_context(disable_cancel_warning=True)._action_cancel()
        counts = {"pickings": len(pickings), "slips": len(slips)}
        body = self.with_env(env)._notice_body(counts)
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
        order = order.with_env(note_env(order))
        if departments:
            # the notes in ``env``'s language, each responsible's activity
            # in theirs
            order._governance_notify_departments(
                departments,
                lambda lang_env: lang_env._("Order %s cancelled", order.name),
                lambda lang_env: self.with_env(lang_env)._notice_body(counts),
            )
        else:
            order.message_post(body=body, subtype_xmlid="mail.mt_note")

    def _cancel_reason_text(self):
        """Why the order was cancelled, in ``self.env``'s language."""
        self.ensure_one()
        return self.env._(
            "Order cancelled by request %(request)s: %(reason)s",
            request=self.name,
            reason=self.reason_id.with_context(lang=self.env.lang).name,
        )

    def _notice_body(self, counts):
        """The notice of the cancellation in ``self.env``'s language."""
        self.ensure_one()
        return Markup("<p>%s</p><p>%s</p><p>%s</p>") % (
            self._cancel_reason_text(),
            self.reason,
            self.env._(
                "Cancelled with it: %(pickings)s pickings, %(slips)s transfer slips.",
                **counts,
            ),
        )


class SaleOrderCancelReason(models.Model):
    """Why orders are cancelled, on the customer's or the company's side."""

    _name = "sale.order.cancel.reason"
    _inherit = ["order.handling.document.mixin"]
    _description = "Order Cancel Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    party = fields.Selection(
        [("customer", "Customer"), ("company", "Company")],
        string="On Whose Side",
        required=True,
        default="customer",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Empty: used by every company."
    )
