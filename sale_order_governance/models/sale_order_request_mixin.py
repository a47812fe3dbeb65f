# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.base_tier_validation.models.tier_validation import (
    BASE_EXCEPTION_FIELDS,
)
from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    feedback_activities,
    schedule_activities,
)

_lt = LazyTranslate(__name__)

STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("applied", "Applied"),
    ("cancelled", "Cancelled"),
]
# written by the request's own actions (in sudo), or by mail / tier validation
WORKFLOW_FIELDS = {"state", "applied_uid", "applied_date", "name"}


def _archived(order):
    """Whether ``order`` was archived by ``sale_order_archive`` (R7.6), when
    that addon is installed: an archived order no longer changes. The two
    addons are independent; the archive's field is read where it exists."""
    return "governance_archive_id" in order._fields and bool(
        order.sudo().governance_archive_id
    )


class SaleOrderRequestMixin(models.AbstractModel):
    """What change (R7.2) and cancel (R7.3) requests share: the order they
    are about, a numbered, tracked life cycle approved with OCA tier
    validation, and the rules on who files, approves, edits and deletes.

    draft → (tier reviews) → approved → applied, or cancelled. The
    requester never approves their own request; approved and applied
    requests are neither edited nor deleted.
    """

    _name = "sale.order.request.mixin"
    _inherit = [
        "order.handling.document.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "order.handling.button.mixin",
    ]
    _description = "Sale Order Request"
    _order = "id desc"
    _check_company_auto = True
    _state_field = "state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False
    # the ir.sequence code of the request numbers
    _request_sequence_code = False

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        index="trigram",
        default="/",
    )
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        domain="[('state', '=', 'sale')]",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    order_user_id = fields.Many2one(
        related="order_id.user_id", string="Order Salesperson"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    reason = fields.Text(required=True, tracking=True)
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    applied_uid = fields.Many2one(
        "res.users", string="Applied By", readonly=True, copy=False
    )
    applied_date = fields.Datetime(string="Applied On", readonly=True, copy=False)
    can_apply = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")

    @api.model
    def _is_privileged(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group(roles.SALES_HEAD)
            or user.has_group(roles.MANAGER)
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # refuse ill-typed values before they are used (order_handling_base)
        self._oh_check_values(vals_list)
        for vals in vals_list:
            if vals.get("order_id"):
                order = self.env["sale.order"].browse(vals["order_id"])
                vals.setdefault("company_id", order.company_id.id)
            if not self.env.su and (
                vals.get("state", "draft") != "draft" or vals.get("applied_uid")
            ):
                raise UserError(
                    self.env._("A request is created as a draft by its requester.")
                )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(vals.get("company_id") or self.env.company.id)
                    .next_by_code(self._request_sequence_code)
                    or "/"
                )
        requests = super(
            SaleOrderRequestMixin, self.with_context(mail_create_nosubscribe=True)
        ).create(vals_list)
        requests._check_requester()
        requests._check_order_open()
        return requests

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        if not self.env.su:
            protected = WORKFLOW_FIELDS.intersection(vals)
            if protected:
                raise UserError(
                    self.env._(
                        "A request changes state only through its buttons "
                        "(request approval, approve, apply, cancel)."
                    )
                )
            if not set(vals) <= set(BASE_EXCEPTION_FIELDS):
                self._check_editable()
        result = super().write(vals)
        if "order_id" in vals or "user_id" in vals:
            self._check_requester()
            self._check_order_open()
        return result

    def _check_editable(self):
        """Only a draft whose approval was not requested is edited."""
        for request in self:
            if request.state != "draft" or request.review_ids:
                raise UserError(
                    self.env._(
                        "Request %s is under approval or decided: it can no "
                        "longer be edited. Cancel it and file a new one.",
                        request.name,
                    )
                )

    def unlink(self):
        # tier.validation deletes the reviews before the ondelete checks run
        self._unlink_only_drafts()
        return super().unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        for request in self:
            if request.state in ("approved", "applied") or (
                request.state == "draft" and request.review_ids
            ):
                raise UserError(
                    self.env._(
                        "Request %s is approved or under approval: it is kept as "
                        "a record and cannot be deleted.",
                        request.name,
                    )
                )

    def _check_requester(self):
        """The order's owners file the request: its salesperson, or a
        logistics clerk of its company (the order owner, 订单负责人, of the
        regulations); a sales head or an administrator may file it for
        them."""
        for request in self:
            refusal = self._requester_refusal(request.order_id)
            if refusal:
                raise refusal

    @api.model
    def _requester_refusal(self, order):
        """Why the current user may not file a request about ``order`` (an
        ``AccessError`` to raise), or ``""``."""
        if self._is_privileged():
            return ""
        user = self.env.user
        order = order.sudo()
        if order.user_id == user or (
            user.has_group(roles.LOGISTICS_CLERK)
            and order.company_id in user.company_ids
        ):
            return ""
        return AccessError(
            self.env._(
                "Only the salesperson of order %s, a logistics clerk of its "
                "company, a sales head or an administrator can file a "
                "request about it.",
                order.name,
            )
        )

    @api.model
    def _order_open_refusal(self, order):
        """Why no request is filed on ``order`` now, or ``""``."""
        order = order.sudo()
        if _archived(order):
            return self.env._("Order %s is archived: it no longer changes.", order.name)
        if order.state != "sale":
            return self.env._(
                "Order %s is not a confirmed order: requests are filed "
                "on confirmed orders only.",
                order.name,
            )
        return ""

    def _check_order_open(self):
        for request in self.filtered(lambda r: r.state == "draft"):
            refusal = self._order_open_refusal(request.order_id)
            if refusal:
                raise UserError(refusal)

    # ------------------------------------------------------------------
    # Approval (tier validation)
    # ------------------------------------------------------------------

    # OCA's contract: the new reviews for Python callers; over RPC their ids
    # (a recordset cannot be marshalled)
    @api.returns("tier.review")
    def request_validation(self):
        self._check_editable()
        self._check_before_approval()
        # need_validation is computed without dependencies: drop a stale value
        self.invalidate_recordset(["need_validation"])
        for request in self:
            if not request.need_validation:
                raise UserError(
                    self.env._(
                        "No approval rule applies to request %s: configure the "
                        "tier definitions of the order requests.",
                        request.name,
                    )
                )
        return super().request_validation()

    def _check_before_approval(self):
        """Hook: refuse a request that could never be applied."""
        self._check_order_open()
        return True

    def _validate_tier(self, tiers=False):
        if not self.env.su and self.env.user == self.user_id:
            raise UserError(
                self.env._("You filed request %s: someone else approves it.", self.name)
            )
        result = super()._validate_tier(tiers)
        if self.state == "draft" and self.validation_status == "validated":
            # need_validation is computed without dependencies: drop a value
            # cached before the reviews existed
            self.invalidate_recordset(["need_validation"])
            self.sudo().write({"state": "approved"})
            schedule_activities(
                [(self, self.user_id)],
                "mail.mail_activity_data_todo",
                notify=True,
                follow=True,
                summary=_lt("Apply the approved request"),
            )
        return result

    def _rejected_tier(self, tiers=False):
        if not self.env.su and self.env.user == self.user_id:
            raise UserError(
                self.env._(
                    "You filed request %s: someone else decides on it.", self.name
                )
            )
        return super()._rejected_tier(tiers)

    # ------------------------------------------------------------------
    # Apply / cancel
    # ------------------------------------------------------------------

    # the buttons' rules (``order.handling.button.mixin``)

    def _refuse_apply(self):
        """Apply: an approved request, by its requester, a sales head or an
        administrator, on an order still confirmed and not archived."""
        self.ensure_one()
        if self.state != "approved" or self.validation_status != "validated":
            return self.env._(
                "Request %s is not approved: it cannot be applied.", self.name
            )
        if not (self._is_privileged() or self.user_id == self.env.user):
            return AccessError(
                self.env._(
                    "Only the requester, a sales head or an administrator can "
                    "apply request %s.",
                    self.name,
                )
            )
        order = self.order_id.sudo()
        if order.state != "sale":
            return self.env._(
                "Order %(order)s is no longer confirmed: request "
                "%(request)s cannot be applied.",
                order=order.name,
                request=self.name,
            )
        # approved before the order was archived: the archive is the record
        # of the done order, nothing is applied to it any more
        if _archived(order):
            return self.env._(
                "Order %(order)s is archived: request %(request)s can no "
                "longer be applied.",
                order=order.name,
                request=self.name,
            )
        return ""

    def _refuse_cancel(self):
        """Cancel: a draft or approved request, by its requester, a sales
        head or an administrator."""
        self.ensure_one()
        mine = self._is_privileged() or self.user_id == self.env.user
        if mine and self.state in ("draft", "approved"):
            return ""
        return self.env._(
            "Request %s cannot be cancelled: only a draft or approved "
            "request is cancelled, by its requester, a sales head or "
            "an administrator.",
            self.name,
        )

    def _mark_applied(self):
        self.sudo().write(
            {
                "state": "applied",
                "applied_uid": self.env.uid,
                "applied_date": fields.Datetime.now(),
            }
        )
        feedback_activities(self, ["mail.mail_activity_data_todo"])

    def action_cancel(self):
        self._ensure_can("cancel")
        self.sudo().write({"state": "cancelled"})
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_open_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.order_id.id,
            "view_mode": "form",
        }


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        result = super()._get_tier_validation_model_names()
        result += ["sale.order.change.request", "sale.order.cancel.request"]
        return result
