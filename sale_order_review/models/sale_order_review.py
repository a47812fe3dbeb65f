# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    feedback_activities,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.mail_queue import mail_queued

ASSESSMENTS = [("ok", "OK"), ("risk", "At risk"), ("not_ok", "Not feasible")]
#: what a reviewer assesses before deciding (R3.2)
ASSESSED_FIELDS = ("capacity", "material", "technology", "delivery")
DECISIONS = [
    ("accept", "Accept"),
    ("accept_conditions", "Accept with conditions"),
    ("reject", "Reject"),
]
# written only by the review's actions (in sudo, after their checks)
PROTECTED_FIELDS = {
    "state",
    "decision",
    "decision_uid",
    "decision_date",
    "order_id",
    "department_id",
    "company_id",
}


class SaleOrderReview(models.Model):
    """The review (评审) of a transferred order (R3.1): regular orders by the
    workshop supervisor, non-regular ones by the engineering supervisor, on
    capacity, material, technology and delivery date, ending in a decision."""

    _name = "sale.order.review"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "order.handling.sla.mixin",
        "order.handling.order.copy.holder.mixin",
    ]
    _description = "Order Review"
    _order = "priority desc, id desc"
    _check_company_auto = True
    _stage_field = "state"
    _sla_class_fields = ["order_class", "priority"]
    # the review changes state only through its decision buttons (in sudo,
    # after their checks); a decided review is a record
    _workflow_state_field = "state"
    _workflow_protected_fields = tuple(sorted(PROTECTED_FIELDS - {"state"}))
    _workflow_transitions = {
        "to_review": ("meeting", "accepted", "rejected", "cancelled"),
        "meeting": ("accepted", "rejected", "cancelled"),
    }
    _workflow_locked_states = ("accepted", "rejected", "cancelled")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    order_class = fields.Selection(
        [("regular", "Regular"), ("non_regular", "Non-regular")],
        required=True,
        readonly=True,
    )
    priority = fields.Selection(related="order_id.intake_priority", store=True)
    department_id = fields.Many2one(
        "order.handling.department",
        string="Reviewing Department",
        required=True,
        readonly=True,
        check_company=True,
    )
    reviewer_id = fields.Many2one(
        related="department_id.manager_id", string="Reviewer", store=True
    )
    state = fields.Selection(
        [
            ("to_review", "To Review"),
            ("meeting", "In Review Meeting"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="to_review",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    capacity = fields.Selection(ASSESSMENTS, tracking=True)
    capacity_note = fields.Text()
    material = fields.Selection(ASSESSMENTS, tracking=True)
    material_note = fields.Text()
    technology = fields.Selection(ASSESSMENTS, tracking=True)
    technology_note = fields.Text()
    delivery = fields.Selection(ASSESSMENTS, string="Delivery Date", tracking=True)
    delivery_note = fields.Text()
    decision = fields.Selection(DECISIONS, readonly=True, copy=False, tracking=True)
    conditions = fields.Text(help="What the acceptance depends on.")
    comments = fields.Text()
    decision_uid = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False
    )
    decision_date = fields.Datetime(string="Decided On", readonly=True, copy=False)
    meeting_ids = fields.One2many(
        "sale.order.review.meeting", "review_id", string="Review Meetings"
    )
    meeting_count = fields.Integer(compute="_compute_meeting_count")
    can_accept = fields.Boolean(compute="_compute_can_buttons")
    can_accept_conditions = fields.Boolean(compute="_compute_can_buttons")
    can_reject = fields.Boolean(compute="_compute_can_buttons")
    can_call_meeting = fields.Boolean(compute="_compute_can_buttons")
    assessed = fields.Boolean(
        compute="_compute_assessed",
        help="Capacity, material, technology and delivery date are all "
        "assessed: the decision buttons ask for confirmation only then (else "
        "they say at once what is missing).",
    )

    @api.depends("meeting_ids")
    def _compute_meeting_count(self):
        for review in self:
            review.meeting_count = len(review.meeting_ids)

    @api.depends(*ASSESSED_FIELDS)
    def _compute_assessed(self):
        for review in self:
            review.assessed = all(review[name] for name in ASSESSED_FIELDS)

    def _sla_order_class(self):
        self.ensure_one()
        return "urgent" if self.priority == "1" else self.order_class

    # ------------------------------------------------------------------
    # CRUD and guards
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence._oh_next_by_code(
                    "sale.order.review", vals.get("company_id")
                )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(review.state not in ("to_review", "cancelled") for review in self):
            raise UserError(self.env._("Decided reviews cannot be deleted."))

    def _is_reviewer(self, user):
        """The reviewer is decided by role and department: the supervisor
        role of the order's class, in the reviewing department."""
        self.ensure_one()
        if user.has_group(roles.MANAGER):
            return True
        group = (
            roles.ENGINEERING_SUPERVISOR
            if self.order_class == "non_regular"
            else roles.WORKSHOP_SUPERVISOR
        )
        return user.has_group(group) and self.department_id._is_member(user)

    def _refuse_reviewer(self):
        """The rule "only the reviewer" (``_is_reviewer``), for one review:
        an ``AccessError`` naming the role and the department, or ``""``."""
        self.ensure_one()
        if self.env.su or self._is_reviewer(self.env.user):
            return ""
        return AccessError(
            self.env._(
                "Only the %(role)s of %(department)s reviews %(review)s.",
                role=self.env.ref(
                    roles.ENGINEERING_SUPERVISOR
                    if self.order_class == "non_regular"
                    else roles.WORKSHOP_SUPERVISOR
                ).name,
                department=self.department_id.name,
                review=self.name,
            )
        )

    def _refuse_open(self):
        """The rule "not decided yet", for one review, or ``""``."""
        self.ensure_one()
        if self.state in ("to_review", "meeting"):
            return ""
        return self.env._("Review %s is already decided.", self.name)

    # the buttons' rules (``order.handling.button.mixin``): open, then the
    # reviewer (R3.1); the assessments and texts are checked by ``_decide``

    def _review_refusal(self):
        return self._refuse_open() or self._refuse_reviewer()

    def _refuse_accept(self):
        return self._review_refusal()

    def _refuse_accept_conditions(self):
        return self._review_refusal()

    def _refuse_reject(self):
        return self._review_refusal()

    def _refuse_call_meeting(self):
        """Meetings are held for non-regular orders only (R3.2)."""
        refusal = self._review_refusal()
        if refusal or self.order_class == "non_regular":
            return refusal
        return self.env._("Review meetings are held for non-regular orders.")

    # ------------------------------------------------------------------
    # Decision (R3.1, R3.3)
    # ------------------------------------------------------------------

    def action_accept(self):
        self._ensure_can("accept")
        return self._decide("accept")

    def action_accept_conditions(self):
        self._ensure_can("accept_conditions")
        return self._decide("accept_conditions")

    def action_reject(self):
        self._ensure_can("reject")
        return self._decide("reject")

    @mail_queued
    def _decide(self, decision):
        """Decide the reviews, whose rule the caller checked (the buttons,
        or an approved meeting resolution): what must be written first."""
        self.check_access("read")
        for review in self:
            missing = [
                review._fields[name]._description_string(self.env)
                for name in ASSESSED_FIELDS
                if not review[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Assess %(aspects)s before deciding on %(review)s.",
                        aspects=", ".join(missing),
                        review=review.name,
                    )
                )
            if (
                decision == "accept_conditions"
                and not (review.conditions or "").strip()
            ):
                raise UserError(self.env._("Write the conditions of the acceptance."))
            if decision == "reject" and not (review.comments or "").strip():
                raise UserError(
                    self.env._("Say in the comments why the order is rejected.")
                )
        self.sudo().write(
            {
                "decision": decision,
                "state": "rejected" if decision == "reject" else "accepted",
                "decision_uid": self.env.uid,
                "decision_date": fields.Datetime.now(),
            }
        )
        rejected = self.filtered(lambda r: r.state == "rejected")
        # the decision is checked: what it opens on the order runs in sudo
        # (the reviewing department reads no order, only its copy; the
        # current user stays the decider)
        rejected.sudo()._on_rejected()
        (self - rejected).sudo()._on_accepted()
        # last: removing the activity empties the ORM cache (``unlink``), and
        # the hooks above would read the orders again
        feedback_activities(self, ["sale_order_review.mail_activity_type_review"])
        return True

    def _on_rejected(self):
        """A rejection stops the order and tells sales why (R3.3)."""
        for review in self:
            order = review.order_id.sudo()
            order.write({"intake_stage": "rejected"})
            order.transfer_slip_ids.filtered(
                lambda s: s.state in ("sent", "acknowledged")
            ).action_cancel(self.env._("Order rejected at review %s", review.name))
            body = Markup("<p>%s</p><p>%s</p>") % (
                self.env._("Order rejected at review %s:", review.name),
                review.comments,
            )
            order.message_post(
                body=body,
                partner_ids=(order.user_id | order.intake_clerk_id).partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            # the message above tells sales: no assignment e-mail
            schedule_activities(
                [(order, order.user_id)],
                "sale_order_review.mail_activity_type_review_rejected",
                note=review.comments,
            )

    def _on_accepted(self):
        """Hook: what an accepted review opens (a product plan for
        non-regular orders, in sale_engineering_plan)."""
        for review in self:
            # a note for the history that notifies nobody: logged
            review.order_id.sudo()._message_log(
                body=self.env._(
                    "Review %(review)s: %(decision)s.",
                    review=review.name,
                    decision=dict(
                        self._fields["decision"]._description_selection(self.env)
                    )[review.decision],
                ),
            )

    def _sla_depends(self):
        return super()._sla_depends() + [
            f"order_id.{name}"
            for name in self.env["sale.order"]._intake_deadline_cap_fields()
        ]

    def _sla_deadline_caps(self):
        """A review is never due after its order's own deadline (e.g. an
        accepted urgent order's "needed by", R6.2)."""
        caps = super()._sla_deadline_caps()
        for review in self:
            deadline = review.order_id.sudo()._intake_deadline_cap()
            if deadline:
                caps[review.id] = min(deadline, caps.get(review.id) or deadline)
        return caps

    def _cancel_with_order(self):
        """The order is cancelled: its open reviews stop (R7.3). They become
        cancelled, which has no processing-time target (they leave the
        overdue work), their open meetings are called off — including a
        meeting whose resolution awaits the general manager's approval — and
        their activities (the general manager's among them) removed. Meetings
        already decided (resolution approved) stay as they are."""
        reviews = self.sudo().filtered(lambda r: r.state in ("to_review", "meeting"))
        if not reviews:
            return reviews
        meetings = reviews.meeting_ids.filtered(
            lambda m: m.state in ("draft", "scheduled", "resolved")
        )
        meetings.calendar_event_id.unlink()
        meetings.write({"state": "cancelled"})
        reviews.write({"state": "cancelled"})
        (reviews.activity_ids | meetings.activity_ids).unlink()
        for review in reviews:
            body = self.env._(
                "Order %s was cancelled: the review is cancelled.",
                review.order_id.name,
            )
            review._message_log(body=body)
        for meeting in meetings:
            meeting._message_log(
                body=self.env._(
                    "Order %s was cancelled: the review meeting is cancelled.",
                    meeting.order_id.name,
                )
            )
        return reviews

    def action_call_meeting(self):
        """The engineering supervisor calls a review meeting (R3.2)."""
        self._ensure_can("call_meeting")
        self.ensure_one()
        meeting = self.env["sale.order.review.meeting"].create({"review_id": self.id})
        if self.state == "to_review":
            self.sudo().write({"state": "meeting"})
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order.review.meeting",
            "res_id": meeting.id,
            "view_mode": "form",
        }

    def action_view_meetings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Review Meetings"),
            "res_model": "sale.order.review.meeting",
            "view_mode": "list,form",
            "domain": [("review_id", "=", self.id)],
            "context": {"create": False},
        }
