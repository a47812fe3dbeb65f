# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ast import literal_eval
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
    searched_values,
)
from odoo.addons.order_handling_base.models.texts import note_env
from odoo.addons.order_handling_base.models.trusted_scope import is_trusted

# fields whose change makes an approval worthless: a change of one of them
# on a quotation under (or after) approval restarts its approval by itself
# (R7.1 "reset when the order is changed")
APPROVAL_FIELDS = {
    "order_line",
    "partner_id",
    "partner_invoice_id",
    "partner_shipping_id",
    "pricelist_id",
    "currency_id",
    "payment_term_id",
    "fiscal_position_id",
    "company_id",
}
# the groups with read access to change and cancel requests (all of them
# have a sales right: requests carry prices)
REQUEST_READERS = ",".join((roles.SALESPERSON, roles.LOGISTICS_CLERK, roles.MANAGER))


class SaleOrder(models.Model):
    """Approval before confirmation (R7.1) on OCA ``sale_tier_validation``,
    and the change (R7.2) and cancel (R7.3) requests of confirmed orders."""

    _inherit = "sale.order"

    governance_new_customer = fields.Boolean(
        string="New Customer",
        compute="_compute_governance_new_customer",
        search="_search_governance_new_customer",
        help="The customer has no confirmed order yet: an approval rule may "
        "ask the sales head to agree.",
    )
    # only the roles that read requests see them on the order: the other
    # departments read the orders transferred to them without these
    change_request_ids = fields.One2many(
        "sale.order.change.request",
        "order_id",
        string="Change Requests",
        groups=REQUEST_READERS,
    )
    change_request_count = fields.Integer(
        compute="_compute_governance_counts", groups=REQUEST_READERS
    )
    cancel_request_ids = fields.One2many(
        "sale.order.cancel.request",
        "order_id",
        string="Cancel Requests",
        groups=REQUEST_READERS,
    )
    cancel_request_count = fields.Integer(
        compute="_compute_governance_counts", groups=REQUEST_READERS
    )
    # the buttons that file a request (``order.handling.button.mixin``)
    can_governance_new_change_request = fields.Boolean(compute="_compute_can_buttons")
    can_governance_new_cancel_request = fields.Boolean(compute="_compute_can_buttons")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.model
    def _governance_confirmed_by_customer(self, domain=()):
        """``{commercial partner id: ids of its confirmed orders}`` for the
        orders of ``domain``: one grouped query."""
        groups = (
            self.env["sale.order"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [("state", "=", "sale"), *domain],
                groupby=["partner_id"],
                aggregates=["id:array_agg"],
            )
        )
        confirmed = defaultdict(set)
        for partner, order_ids in groups:
            confirmed[partner.commercial_partner_id.id].update(order_ids)
        return confirmed

    def _governance_known_partners(self):
        """``{commercial partner id: ids of its confirmed orders}`` for the
        customers of ``self``: one grouped query."""
        partners = self.partner_id.commercial_partner_id
        if not partners:
            return {}
        return self._governance_confirmed_by_customer(
            [("partner_id", "child_of", partners.ids)]
        )

    @api.depends("partner_id")
    def _compute_governance_new_customer(self):
        """New: the customer has no confirmed order other than this one
        (whatever other orders are computed with it)."""
        confirmed = self._governance_known_partners()
        for order in self:
            others = confirmed.get(order.partner_id.commercial_partner_id.id, set())
            order.governance_new_customer = bool(order.partner_id) and not (
                others - {order._origin.id}
            )

    def _search_governance_new_customer(self, operator, value):
        wanted = searched_values(self, "governance_new_customer", operator, value)
        if len(wanted) != 1:
            return [(1, "=", 1)] if wanted else [(0, "=", 1)]
        # as computed: a customer is new on its orders while it has no
        # confirmed order, and on its only confirmed order itself
        confirmed = self._governance_confirmed_by_customer()
        known = list(confirmed)
        only = [min(ids) for ids in confirmed.values() if len(ids) == 1]
        if True in wanted:
            return [
                "|",
                ("partner_id.commercial_partner_id", "not in", known),
                ("id", "in", only),
            ]
        return [
            ("partner_id.commercial_partner_id", "in", known),
            ("id", "not in", only),
        ]

    @api.depends("change_request_ids", "cancel_request_ids")
    def _compute_governance_counts(self):
        for order in self:
            order.change_request_count = len(order.change_request_ids)
            order.cancel_request_count = len(order.cancel_request_ids)

    # ------------------------------------------------------------------
    # Approval (R7.1)
    # ------------------------------------------------------------------

    # OCA's contract: the new reviews for Python callers; over RPC their ids
    # (a recordset cannot be marshalled)
    @api.returns("tier.review")
    def request_validation(self):
        # tier.validation computes need_validation without dependencies: a
        # value cached before the reviews existed would request them twice
        self.invalidate_recordset(["need_validation"])
        return super().request_validation()

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        restarted = self._governance_restart_approval(
            self._governance_approval_fields().intersection(vals)
        )
        result = super().write(vals)
        restarted._governance_request_approval_again()
        return result

    def _governance_restart_approval(self, names):
        """R7.1: a change of what the approvers approve, or are approving,
        restarts the approval of a quotation of a company that switched
        order approvals on by itself: its reviews go and
        a note says what changed; ``_governance_request_approval_again``
        asks for the approval again once the change is written. Returns the
        quotations restarted. The server's own writes under its trusted
        ``skip_validation_check`` restart nothing."""
        if not names or (
            self.env.context.get("skip_validation_check")
            and is_trusted("tier.validation")
        ):
            return self.browse()
        # only where the company switched order approvals on (the suite's
        # regulation): elsewhere OCA's tier validation refuses the write as
        # it does without the suite
        orders = self.filtered(
            lambda o: (
                o.state in ("draft", "sent")
                and o.review_ids
                and o.company_id.sale_order_approval
                and o._order_handling_regulated()
            )
        )
        if not orders:
            return orders
        orders.restart_validation()
        # in the language of who changed the order, the company's when the
        # system did (``note_env``)
        labels = {}
        for order in orders:
            env = note_env(order)
            if env.lang not in labels:
                labels[env.lang] = ", ".join(
                    sorted(
                        self._fields[name]._description_string(env) for name in names
                    )
                )
            order._message_log(
                body=env._(
                    "The approval was restarted: %(fields)s changed.",
                    fields=labels[env.lang],
                )
            )
        return orders

    def _governance_request_approval_again(self):
        """After a change restarted their approval, the quotations that
        still need one ask for it (the approvers get their activities)."""
        if self:
            self.invalidate_recordset(["need_validation"])
            self.filtered("need_validation").request_validation()

    def evaluate_tier(self, tier):
        """A definition domain that is a plain list of conditions (an AND,
        as the shipped ones: the company's approval switch first) is
        evaluated condition by condition and stops at the first one no
        order meets: with approvals off, the other conditions (e.g. the
        new-customer lookup) cost nothing. Other domains as OCA does."""
        if not (isinstance(tier, models.BaseModel) and tier._name == "tier.definition"):
            # over RPC the tier can only be an id or some other value
            raise UserError(self.env._("Evaluate a tier definition record."))
        domain = literal_eval(tier.definition_domain or "[]")
        if not domain or not all(isinstance(leaf, list | tuple) for leaf in domain):
            return super().evaluate_tier(tier)
        records = self
        for leaf in domain:
            records = records.filtered_domain([leaf])
            if not records:
                break
        return records

    def _validate_tier(self, tiers=False):
        """Nobody approves their own quotation."""
        if not self.env.su and self.env.user == self.user_id:
            raise UserError(
                self.env._(
                    "You are the salesperson of %s: someone else approves it.",
                    self.name,
                )
            )
        return super()._validate_tier(tiers)

    def _governance_approval_pending(self):
        """True when the order may not become effective yet: an approval rule
        applies and was not requested, or its approvals are not all given.
        Only where the company switched order approvals on: elsewhere the
        approval rules a company made itself work as OCA's
        sale_tier_validation makes them work (its own check and error)."""
        self.ensure_one()
        if not (
            self.company_id.sale_order_approval and self._order_handling_regulated()
        ):
            return False
        if self.review_ids:
            return self.validation_status != "validated"
        self.invalidate_recordset(["need_validation"])
        return self.need_validation

    def _governance_pending_reviews(self):
        self.ensure_one()
        reviews = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        return ", ".join(reviews.sorted("sequence").mapped("name")) or "-"

    def _confirmation_error_message(self):
        message = super()._confirmation_error_message()
        if message:
            return message
        for order in self:
            if not order._governance_approval_pending():
                continue
            if order.validation_status == "rejected":
                return self.env._(
                    "Order %s was rejected by its approvers: it cannot be confirmed.",
                    order.name,
                )
            if not order.review_ids:
                return self.env._(
                    "Order %s needs approval before it can be confirmed: request "
                    "the approval first.",
                    order.name,
                )
            return self.env._(
                "Order %(order)s is waiting for its approval (%(reviews)s): it "
                "can be confirmed once every approver agreed.",
                order=order.name,
                reviews=order._governance_pending_reviews(),
            )
        return False

    def _has_to_be_signed(self):
        """The customer cannot sign (and so confirm) on the portal an order
        that its approvers have not approved yet."""
        return super()._has_to_be_signed() and not self._governance_approval_pending()

    def _has_to_be_paid(self):
        """Nor pay for it online, which would confirm it as well."""
        return super()._has_to_be_paid() and not self._governance_approval_pending()

    def _send_order_confirmation_mail(self):
        self._governance_check_confirmation_mail()
        return super()._send_order_confirmation_mail()

    def _governance_check_confirmation_mail(self):
        """The customer is told an order is confirmed only once it is."""
        for order in self:
            if order.state != "sale" and order._governance_approval_pending():
                raise UserError(
                    self.env._(
                        "Order %s is not approved yet: it cannot be sent to the "
                        "customer as confirmed.",
                        order.name,
                    )
                )

    @api.model
    def _governance_approval_fields(self):
        """Hook: fields whose change needs the approval restarted."""
        return set(APPROVAL_FIELDS)

    @api.model
    def _get_under_validation_exceptions(self):
        """Under approval only the commercial content is frozen: the intake,
        review and routing workflow of the suite goes on writing its own
        fields (stages, dates, classes…) on the quotation."""
        exceptions = super()._get_under_validation_exceptions()
        guarded = self._governance_approval_fields()
        return list(
            set(exceptions).union(name for name in self._fields if name not in guarded)
        )

    # ------------------------------------------------------------------
    # Change and cancel requests (R7.2, R7.3)
    # ------------------------------------------------------------------

    def _governance_open_pickings(self):
        """Pickings of the orders that are neither done nor cancelled."""
        return self.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))

    def _governance_open_slips(self):
        return self.transfer_slip_ids.filtered(
            lambda s: s.state in ("sent", "acknowledged")
        )

    def _governance_notified_departments(self):
        """Departments that received the order: every transfer slip that was
        not cancelled (forwarded slips included: both departments know)."""
        return self.transfer_slip_ids.filtered(
            lambda s: s.state != "cancelled"
        ).department_id

    def _governance_notify_departments(self, departments, subject, body):
        """Tell ``departments`` about a change or a cancellation of the
        order: one note on the order's copy (which the departments read, not
        the order) that pings their people, and one activity there for each
        department's responsible user; the order keeps a note for sales.

        ``subject`` and ``body`` are texts, or callables ``f(env)`` building
        the text in ``env``'s language: the notes are then written in
        ``self.env``'s (``note_env``) and each activity in its responsible
        user's language."""
        self.ensure_one()
        if not departments:
            return
        activity_subject, activity_body = subject, body
        if callable(subject):
            subject = subject(self.env)
        if callable(body):
            body = body(self.env)
        names = ", ".join(departments.mapped("name"))
        self.sudo()._message_log(
            body=Markup("%s<br/>%s")
            % (body, self.env._("Departments told: %s", names)),
        )
        self.env["sale.order.copy"].browse(self.id)._notify_departments(
            departments,
            body,
            subject=subject,
            activity={
                "act_type_xmlid": (
                    "sale_order_governance.mail_activity_type_order_notice"
                ),
                "summary": activity_subject,
                "note": activity_body,
            },
        )

    def _governance_reopen_review(self, reason):
        """Hook called when an applied change alters the specification: the
        order becomes non-regular (R7.2); the bridge
        ``sale_order_governance_review`` (installed with ``sale_order_review``)
        sends it to a new review. Integrators with another review process
        override this."""
        self.sudo().write(
            {
                "intake_class_override": "non_regular",
                "intake_class_override_reason": reason,
            }
        )
        return False

    def _refuse_governance_new_request(self, model):
        """Who files a request of ``model`` about the order (its salesperson,
        a logistics clerk of its company, a sales head or an administrator),
        and when (a confirmed order, not archived)."""
        self.ensure_one()
        Request = self.env[model]
        return Request._requester_refusal(self) or Request._order_open_refusal(self)

    def _refuse_governance_new_change_request(self):
        return self._refuse_governance_new_request("sale.order.change.request")

    def _refuse_governance_new_cancel_request(self):
        return self._refuse_governance_new_request("sale.order.cancel.request")

    def action_governance_new_change_request(self):
        self._ensure_can("governance_new_change_request")
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Request"),
            "res_model": "sale.order.change.request",
            "view_mode": "form",
            "target": "current",
            "context": {"default_order_id": self.id},
        }

    def action_governance_new_cancel_request(self):
        self._ensure_can("governance_new_cancel_request")
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel Request"),
            "res_model": "sale.order.cancel.request",
            "view_mode": "form",
            "target": "current",
            "context": {"default_order_id": self.id},
        }

    def action_governance_view_change_requests(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_order_governance.sale_order_change_request_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action

    def action_governance_view_cancel_requests(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_order_governance.sale_order_cancel_request_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action
