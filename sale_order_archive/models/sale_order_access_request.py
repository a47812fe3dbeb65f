# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models.mail_batch import schedule_activities

_lt = LazyTranslate(__name__)

MAX_DAYS = 30


class SaleOrderAccessRequest(models.Model):
    """A request to read an archived order one cannot see (R7.7): approved by
    a sales head or general manager (OCA tier validation), it becomes a grant
    until ``date_end``. The record rule on ``sale.order`` reads the grants
    when a query is built, so a grant closes at its end without any cron;
    the cron only marks expired grants and logs it."""

    _name = "sale.order.access.request"
    _inherit = [
        "order.handling.document.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "order.handling.button.mixin",
    ]
    _description = "Archived Order Access Request"
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["to_approve"]
    _state_to = ["granted"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    order_name = fields.Char(
        string="Order Reference",
        required=True,
        help="Reference of the archived order, e.g. S00042.",
    )
    order_id = fields.Many2one(
        "sale.order",
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested by",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    reason = fields.Text(required=True, tracking=True)
    duration_days = fields.Integer(
        string="Days Needed", default=7, required=True, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("granted", "Granted"),
            ("refused", "Refused"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_start = fields.Datetime(string="Granted from", readonly=True, copy=False)
    date_end = fields.Datetime(
        string="Granted until", readonly=True, copy=False, index=True
    )
    granted_uid = fields.Many2one(
        "res.users", string="Granted by", readonly=True, copy=False
    )
    log_ids = fields.One2many(
        "sale.order.access.log", "request_id", string="Access Log"
    )
    log_count = fields.Integer(compute="_compute_log_count")
    is_active_grant = fields.Boolean(
        string="Active Grant", compute="_compute_is_active_grant"
    )
    can_submit = fields.Boolean(compute="_compute_can_buttons")
    can_revoke = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")

    _sql_constraints = [
        (
            "duration_range",
            f"CHECK(duration_days > 0 AND duration_days <= {MAX_DAYS})",
            f"An access is granted for 1 to {MAX_DAYS} days.",
        ),
    ]

    def _get_under_validation_exceptions(self):
        # the state moves only through the actions below (guarded in write)
        return super()._get_under_validation_exceptions() + ["state"]

    def _compute_log_count(self):
        counts = dict(
            self.env["sale.order.access.log"]._read_group(
                [("request_id", "in", self.ids)], ["request_id"], ["__count"]
            )
        )
        for request in self:
            request.log_count = counts.get(request, 0)

    @api.depends("state", "date_end")
    def _compute_is_active_grant(self):
        now = fields.Datetime.now()
        for request in self:
            request.is_active_grant = (
                request.state == "granted"
                and request.date_end
                and request.date_end > now
            )

    # ------------------------------------------------------------------
    # Creation: the order is found by its reference, in sudo
    # ------------------------------------------------------------------

    @api.model
    def _find_archived_order(self, order_name, company):
        order = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("name", "=", (order_name or "").strip()),
                    ("company_id", "=", company.id),
                    ("governance_archived", "=", True),
                ],
                limit=1,
            )
        )
        if not order:
            raise ValidationError(
                self.env._(
                    "There is no archived order %(order)s in %(company)s.",
                    order=order_name,
                    company=company.name,
                )
            )
        return order

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        for vals in vals_list:
            # the order is looked up by its reference: a text (the ORM would
            # store ``str()`` of a number)
            if not isinstance(vals.get("order_name"), str):
                raise ValidationError(
                    self.env._(
                        "Give the reference of the archived order as a text, "
                        "e.g. S00042."
                    )
                )
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            if not self.env.su:
                # one asks for oneself, in a company of one's own
                vals["user_id"] = self.env.uid
                if company not in self.env.user.company_ids:
                    raise ValidationError(
                        self.env._("You can only ask for orders of your companies.")
                    )
                for name in ("state", "date_start", "date_end", "granted_uid"):
                    vals.pop(name, None)
            vals["order_id"] = self._find_archived_order(
                vals.get("order_name"), company
            ).id
            vals["order_name"] = vals["order_name"].strip()
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("sale.order.access.request")
                    or "/"
                )
        requests = super().create(vals_list)
        # the orders' access depends on the grants (record rule, per user)
        self.env["sale.order"].invalidate_model(["governance_granted_to_me"])
        return requests

    def write(self, vals):
        self._oh_check_values([vals])
        if not self.env.su:
            protected = {
                "state",
                "order_id",
                "order_name",
                "user_id",
                "date_start",
                "date_end",
                "granted_uid",
                "company_id",
            }.intersection(vals)
            if protected:
                raise UserError(
                    self.env._(
                        "An access request changes only through its actions "
                        "(submit, approve, refuse, revoke)."
                    )
                )
            if any(request.state != "draft" for request in self) and (
                {"reason", "duration_days"}.intersection(vals)
            ):
                raise UserError(
                    self.env._("Only a draft access request can be edited.")
                )
        result = super().write(vals)
        self.env["sale.order"].invalidate_model(["governance_granted_to_me"])
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        for request in self:
            if request.state != "draft":
                raise UserError(
                    self.env._(
                        "Access request %s was submitted: it cannot be deleted.",
                        request.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    # the buttons' rules (``order.handling.button.mixin``): state, then role

    def _refuse_submit(self):
        """Submit: a draft, by its requester, about an order they cannot read
        yet."""
        self.ensure_one()
        if self.state != "draft":
            return self.env._(
                "Access request %(request)s was already submitted.", request=self.name
            )
        if self.user_id != self.env.user and not self.env.su:
            return self.env._("Only the requester submits request %s.", self.name)
        if self.order_id.sudo().with_user(self.user_id).has_access("read"):
            return self.env._(
                "You can already read order %s: no request is needed.",
                self.order_name,
            )
        return ""

    def _refuse_revoke(self):
        """Revoke: a granted request, by an access approver."""
        self.ensure_one()
        if self.state != "granted":
            return self.env._(
                "Access request %(request)s is not granted.", request=self.name
            )
        if not self.env.su and not self.env.user.has_group(
            "sale_order_archive.group_access_approver"
        ):
            return self.env._("Only an access approver revokes a grant.")
        return ""

    def _refuse_cancel(self):
        """Cancel: a draft or submitted request, by its requester."""
        self.ensure_one()
        if self.state not in ("draft", "to_approve"):
            return self.env._(
                "Access request %(request)s can no longer be cancelled.",
                request=self.name,
            )
        if self.user_id != self.env.user and not self.env.su:
            return self.env._("Only the requester cancels request %s.", self.name)
        return ""

    def action_submit(self):
        """The requester asks the approvers (tier validation)."""
        self._ensure_can("submit")
        self.sudo().write({"state": "to_approve"})
        # tier.validation computes need_validation without dependencies
        self.invalidate_recordset(["need_validation"])
        self.request_validation()
        for request in self:
            if not request.review_ids:
                raise UserError(
                    self.env._(
                        "No approval rule applies to access request %s: ask an "
                        "administrator to configure the tier definitions.",
                        request.name,
                    )
                )
        return True

    # OCA's contract: the new reviews for Python callers; over RPC their ids
    # (a recordset cannot be marshalled)
    @api.returns("tier.review")
    def request_validation(self):
        return super().request_validation()

    def validate_tier(self):
        """Nobody approves their own request; a fully approved request becomes
        a grant at once."""
        self._check_not_own_request()
        for request in self:
            if request.state != "to_approve":
                raise UserError(
                    self.env._(
                        "Access request %s is not waiting for approval.", request.name
                    )
                )
        result = super().validate_tier()
        self.invalidate_recordset(["validation_status", "validated"])
        self.filtered(lambda r: r.validation_status == "validated")._grant()
        return result

    def _check_not_own_request(self):
        """Nobody approves their own access request."""
        if self.env.su:
            return
        for request in self:
            if request.user_id == self.env.user:
                raise UserError(
                    self.env._(
                        "You asked for access request %s: someone else approves it.",
                        request.name,
                    )
                )

    def _validate_tier(self, tiers=False):
        # every way to approve comes here (OCA's comment wizard too), not
        # only the Validate button
        self._check_not_own_request()
        return super()._validate_tier(tiers)

    def reject_tier(self):
        for request in self:
            if request.user_id == self.env.user:
                raise UserError(
                    self.env._(
                        "You asked for access request %s: someone else decides on it.",
                        request.name,
                    )
                )
        result = super().reject_tier()
        self.invalidate_recordset(["validation_status", "rejected"])
        refused = self.filtered(lambda r: r.validation_status == "rejected")
        refused.sudo().write({"state": "refused"})
        return result

    def _grant(self):
        now = fields.Datetime.now()
        for request in self:
            request.sudo().write(
                {
                    "state": "granted",
                    "date_start": now,
                    "date_end": now + timedelta(days=request.duration_days),
                    "granted_uid": self.env.uid,
                }
            )
        # the requesters' to-do, one create for all requests
        schedule_activities(
            [
                (
                    request,
                    request.user_id,
                    {
                        "summary": _lt(
                            "Access to order %s granted", request.order_name
                        ),
                        "note": _lt(
                            "You can read archived order %(order)s until %(end)s.",
                            order=request.order_name,
                            end=request.date_end,
                        ),
                    },
                )
                for request in self
            ],
            "mail.mail_activity_data_todo",
            notify=True,
            follow=True,
        )
        self.env["sale.order.access.log"]._log(self, "grant")

    def action_revoke(self):
        self._ensure_can("revoke")
        self.sudo().write({"state": "cancelled", "date_end": fields.Datetime.now()})
        self.env["sale.order.access.log"]._log(self, "revoke")
        return True

    def action_cancel(self):
        self._ensure_can("cancel")
        self.sudo().write({"state": "cancelled"})
        self.sudo().review_ids.unlink()
        return True

    def action_open_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.order_id.id,
            "view_mode": "form",
        }

    def action_open_log(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Access Log"),
            "res_model": "sale.order.access.log",
            "view_mode": "list",
            "domain": [("request_id", "=", self.id)],
        }

    @api.model
    def _cron_expire(self):
        """Mark the grants past their end as expired and log it. The access
        itself already closed at ``date_end`` (record rule). Safe to run
        twice."""
        expired = self.search(
            [("state", "=", "granted"), ("date_end", "<=", fields.Datetime.now())]
        )
        expired.sudo().write({"state": "expired"})
        self.env["sale.order.access.log"]._log(expired, "expire")
        return expired

    # ------------------------------------------------------------------
    # Read log
    # ------------------------------------------------------------------

    @api.model
    def _log_reads(self, orders):
        """Log a read of ``orders`` by the current user through an active
        grant: one query, one insert."""
        self.flush_model(["order_id", "user_id", "state", "date_end"])
        self.env.cr.execute(
            SQL(
                "SELECT id, order_id FROM sale_order_access_request "
                "WHERE user_id = %s AND state = 'granted' "
                "AND date_end > (statement_timestamp() AT TIME ZONE 'UTC') "
                "AND order_id IN %s",
                self.env.uid,
                tuple(orders.ids),
            )
        )
        request_ids = [request_id for request_id, __ in self.env.cr.fetchall()]
        if not request_ids:
            return
        if not self.env.cr.readonly:
            self.env["sale.order.access.log"]._log(self.browse(request_ids), "read")
            return
        # a read-only request (possibly on a replica) writes nothing: the
        # trace is written on the primary once the read is done, instead of
        # failing the read and having Odoo retry it read/write (issue 19)
        registry, uid = self.env.registry, self.env.uid

        @self.env.cr.postcommit.add
        def _log_on_primary():
            with registry.cursor() as cr:
                env = api.Environment(cr, uid, {})
                env["sale.order.access.log"]._log(
                    env["sale.order.access.request"].browse(request_ids), "read"
                )
