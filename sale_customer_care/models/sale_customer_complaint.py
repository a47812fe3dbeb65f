# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.order_handling_base.models.trusted_scope import (
    is_trusted,
    trusted_scope,
)

from .sale_customer_complaint_stage import STAGE_CODES

CATEGORIES = [
    ("quality", "Quality"),
    ("late_delivery", "Late Delivery"),
    ("wrong_item", "Wrong Item"),
    ("damaged", "Damaged"),
    ("service", "Service"),
    ("other", "Other"),
]
SEVERITIES = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("critical", "Critical"),
]
CHANNELS = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("portal", "Portal"),
    ("visit", "Follow-up Visit"),
    ("other", "Other"),
]
# the customer's answer to the solution: written only by the steps
# (``_move_to`` and the portal answer, R8.3)
CONFIRMATION_FIELDS = {
    "customer_confirmed_date",
    "customer_confirmed_uid",
    "customer_confirmed_via",
    "customer_confirmed_partner_id",
    "customer_rejected_date",
    "customer_rejection_comment",
}
# the steps a complaint may go to from each step (forward one step, or back
# to investigating when the customer rejects the solution)
TRANSITIONS = {
    "new": {"acknowledged"},
    "acknowledged": {"investigating"},
    "investigating": {"solution"},
    "solution": {"confirmed", "investigating"},
    "confirmed": {"closed", "investigating"},
    "closed": set(),
}


class SaleCustomerComplaint(models.Model):
    """A customer complaint (客诉, R8.3) handled the 8D way: acknowledged,
    investigated by the responsible department, solved, confirmed by the
    customer, closed. Response and resolution deadlines come from the SLA
    policies of the base addon; returns are OCA ``rma`` records."""

    _name = "sale.customer.complaint"
    _inherit = [
        "portal.mixin",
        "mail.thread.cc",
        "mail.activity.mixin",
        "order.handling.sla.mixin",
        "order.handling.transfer.mixin",
        "order.handling.button.mixin",
    ]
    _description = "Customer Complaint"
    _order = "priority desc, id desc"
    _check_company_auto = True
    _stage_field = "stage_code"
    _sla_class_fields = ["severity", "resolution_deadline"]
    _mail_post_access = "read"
    _primary_email = "email_from"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    subject = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    email_from = fields.Char(string="E-mail")
    order_id = fields.Many2one(
        "sale.order",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
    )
    salesperson_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        index="btree_not_null",
        check_company=True,
        domain="[('sale_id', '=', order_id), ('picking_type_code', '=', 'outgoing')]",
    )
    product_ids = fields.Many2many(
        "product.product",
        string="Products",
        check_company=True,
    )
    lot_ids = fields.Many2many(
        "stock.lot",
        string="Lots/Serial Numbers",
        check_company=True,
        domain="[('product_id', 'in', product_ids)]",
    )
    category = fields.Selection(
        CATEGORIES, required=True, default="quality", tracking=True, index=True
    )
    severity = fields.Selection(
        SEVERITIES, required=True, default="medium", tracking=True
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")],
        compute="_compute_priority",
        store=True,
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone")
    description = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "sale_customer_complaint_attachment_rel",
        "complaint_id",
        "attachment_id",
        string="Attachments",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        tracking=True,
        index=True,
        default=lambda self: self.env.user if not self.env.user.share else False,
        domain="[('share', '=', False)]",
    )
    visit_id = fields.Many2one(
        "sale.customer.visit",
        string="Follow-up Visit",
        index="btree_not_null",
        readonly=True,
        check_company=True,
    )
    stage_id = fields.Many2one(
        "sale.customer.complaint.stage",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        group_expand="_read_group_expand_stage",
        default=lambda self: self._get_stage("new"),
    )
    stage_code = fields.Selection(
        STAGE_CODES, readonly=True, copy=False, index=True, default="new"
    )
    color = fields.Integer()
    # 8D
    team_note = fields.Text(string="Team (D1)")
    containment_action = fields.Text(string="Containment Action (D3)")
    root_cause = fields.Text(string="Root Cause (D4)")
    department_id = fields.Many2one(
        "order.handling.department",
        string="Responsible Department",
        tracking=True,
        check_company=True,
    )
    corrective_action = fields.Text(string="Corrective Action (D5/D6)")
    preventive_action = fields.Text(string="Preventive Action (D7)")
    closing_note = fields.Text(string="Closing Note (D8)")
    # dates
    acknowledged_date = fields.Datetime(readonly=True, copy=False)
    acknowledged_uid = fields.Many2one(
        "res.users", string="Acknowledged By", readonly=True, copy=False
    )
    resolution_deadline = fields.Datetime(readonly=True, copy=False)
    customer_confirmed_date = fields.Datetime(readonly=True, copy=False)
    customer_confirmed_uid = fields.Many2one(
        "res.users", string="Confirmation Recorded By", readonly=True, copy=False
    )
    customer_confirmed_via = fields.Selection(
        [
            ("portal", "By the customer on the portal"),
            ("staff", "By staff on the customer's behalf"),
        ],
        string="Confirmed",
        readonly=True,
        copy=False,
    )
    customer_confirmed_partner_id = fields.Many2one(
        "res.partner",
        string="Confirmed By (Customer)",
        readonly=True,
        copy=False,
        help="The customer's contact who accepted the solution on the portal.",
    )
    customer_rejected_date = fields.Datetime(
        string="Solution Rejected On", readonly=True, copy=False
    )
    customer_rejection_comment = fields.Text(
        string="Why the Customer Rejected the Solution", readonly=True, copy=False
    )
    closed_date = fields.Datetime(readonly=True, copy=False, index=True)
    closed_uid = fields.Many2one(
        "res.users", string="Closed By", readonly=True, copy=False
    )
    response_hours = fields.Float(
        string="Response Time (h)", readonly=True, copy=False, aggregator="avg"
    )
    resolution_hours = fields.Float(
        string="Resolution Time (h)", readonly=True, copy=False, aggregator="avg"
    )

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------

    @api.model
    def _get_stage(self, code):
        return self.env["sale.customer.complaint.stage"].search(
            [("code", "=", code)], limit=1
        )

    @api.model
    def _read_group_expand_stage(self, stages, domain):
        return stages.search([])

    @api.depends("severity")
    def _compute_priority(self):
        for complaint in self:
            complaint.priority = (
                "1" if complaint.severity in ("high", "critical") else "0"
            )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"
        return result

    # ------------------------------------------------------------------
    # SLA hooks
    # ------------------------------------------------------------------

    def _sla_order_class(self):
        self.ensure_one()
        return "urgent" if self.severity == "critical" else False

    def _sla_fixed_deadline(self):
        """After acknowledgement, the resolution target (R8.3) is the deadline
        of every working stage."""
        self.ensure_one()
        if self.stage_code in ("acknowledged", "investigating", "solution"):
            return self.resolution_deadline
        return False

    def _sla_escalation_user(self):
        self.ensure_one()
        if self.department_id.manager_id:
            return self.department_id.manager_id
        return (
            self.env["order.handling.department"]._get_customer_service_manager(
                self.company_id
            )
            or self.user_id
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("sale.customer.complaint")
                    or "/"
                )
            if vals.get("stage_id"):
                vals["stage_code"] = (
                    self.env["sale.customer.complaint.stage"]
                    .browse(vals["stage_id"])
                    .code
                )
        complaints = super().create(vals_list)
        complaints._check_order_company()
        complaints._subscribe_customer()
        return complaints

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        trusted = self.env.su or is_trusted(self._name)
        if CONFIRMATION_FIELDS.intersection(vals) and not trusted:
            raise UserError(
                self.env._(
                    "The customer's confirmation is recorded only by the "
                    "complaint's buttons or by the customer on the portal."
                )
            )
        if "stage_id" in vals:
            stage = self.env["sale.customer.complaint.stage"].browse(vals["stage_id"])
            # a step's own write (``_move_to``) checked the transition;
            # a write from a client is checked here, whatever its context
            if not trusted:
                self._check_transition(stage.code)
            vals = dict(vals, stage_code=stage.code)
            vals.update(self._prepare_stage_vals(stage.code))
        result = super().write(vals)
        if {"order_id", "company_id"} & set(vals):
            self._check_order_company()
        return result

    def _subscribe_customer(self):
        for complaint in self:
            if complaint.partner_id:
                complaint.message_subscribe(partner_ids=complaint.partner_id.ids)

    def _check_order_company(self):
        for complaint in self.sudo():
            order = complaint.order_id
            if order and order.company_id != complaint.company_id:
                raise ValidationError(
                    self.env._(
                        "Order %(order)s belongs to %(company)s: a complaint "
                        "of %(other)s cannot refer to it.",
                        order=order.name,
                        company=order.company_id.name,
                        other=complaint.company_id.name,
                    )
                )

    @api.constrains("order_id", "partner_id")
    def _check_order_partner(self):
        for complaint in self:
            order = complaint.order_id
            if (
                order
                and order.partner_id.commercial_partner_id
                != complaint.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "Order %(order)s is not an order of %(customer)s.",
                        order=order.name,
                        customer=complaint.partner_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_handled(self):
        if any(complaint.stage_code != "new" for complaint in self):
            raise UserError(
                self.env._(
                    "Only new complaints can be deleted; the others are kept "
                    "as records of what the customer reported."
                )
            )

    # ------------------------------------------------------------------
    # Stages
    # ------------------------------------------------------------------

    def _stage_labels(self):
        return dict(self._fields["stage_code"]._description_selection(self.env))

    def _refuse_stage(self, code):
        """The state part of a step to stage ``code`` (TRANSITIONS), for one
        complaint: why it cannot move there from its stage, or ``""``."""
        self.ensure_one()
        if code in TRANSITIONS.get(self.stage_code, set()):
            return ""
        labels = self._stage_labels()
        if self.stage_code == code:
            # a step asked twice is out of turn: refused, not ignored (its
            # who and when, deadlines and hours are not written again)
            return self.env._(
                "Complaint %(complaint)s is already %(stage)s.",
                complaint=self.name,
                stage=labels.get(code),
            )
        return self.env._(
            "Complaint %(complaint)s is %(stage)s: it cannot move to %(target)s.",
            complaint=self.name,
            stage=labels.get(self.stage_code),
            target=labels.get(code),
        )

    def _check_transition(self, code):
        """Refuse a stage change the regulation does not allow, whatever the
        way it is asked (kanban drag, import); the buttons refuse theirs by
        their rules (``_refuse_<step>``)."""
        moving = self.filtered(lambda c: c.stage_code != code)
        for complaint in moving:
            refusal = complaint._refuse_stage(code)
            if refusal:
                raise UserError(refusal)
        moving._check_missing(code)

    def _check_missing(self, code):
        """Refuse to enter step ``code`` while something is to be filled in
        first (``_missing_for``): the button stays visible and says what."""
        labels = self._stage_labels()
        for complaint in self:
            missing = complaint._missing_for(code)
            if missing:
                raise UserError(
                    self.env._(
                        "Complaint %(complaint)s cannot move to %(target)s: "
                        "%(missing)s.",
                        complaint=complaint.name,
                        target=labels.get(code),
                        missing=", ".join(missing),
                    )
                )

    def _missing_for(self, code):
        """Hook: what the complaint lacks to enter step ``code``."""
        self.ensure_one()
        missing = []
        if code == "investigating" and not self.user_id:
            missing.append(self.env._("assign the complaint to someone"))
        if code in ("solution", "confirmed", "closed"):
            if not self._text_filled(self.root_cause):
                missing.append(self.env._("record the root cause"))
            if not self._text_filled(self.corrective_action):
                missing.append(self.env._("record the corrective action"))
        if code == "closed":
            if not self.customer_confirmed_date:
                missing.append(
                    self.env._("the customer has not confirmed the solution")
                )
            if not self._text_filled(self.preventive_action):
                missing.append(self.env._("record the preventive action"))
        return missing

    @staticmethod
    def _text_filled(value):
        return bool(value and value.strip())

    def _prepare_stage_vals(self, code):
        """Hook: who and when of entering step ``code``."""
        now = fields.Datetime.now()
        if code == "acknowledged":
            return {"acknowledged_date": now, "acknowledged_uid": self.env.uid}
        if code == "confirmed":
            # the staff's button; the portal answer says it was the customer
            return {
                "customer_confirmed_date": now,
                "customer_confirmed_uid": self.env.uid,
                "customer_confirmed_via": "staff",
                "customer_confirmed_partner_id": False,
            }
        if code == "closed":
            return {"closed_date": now, "closed_uid": self.env.uid}
        if code == "investigating":
            return {
                "customer_confirmed_date": False,
                "customer_confirmed_uid": False,
                "customer_confirmed_via": False,
                "customer_confirmed_partner_id": False,
            }
        return {}

    def _move_to(self, code):
        """Move to step ``code`` from a step of the server (the customer's
        answer on the portal), which checks the stage here; the buttons
        check their rules first and call ``_enter_stage``."""
        for complaint in self:
            refusal = complaint._refuse_stage(code)
            if refusal:
                raise UserError(refusal)
        return self._enter_stage(code)

    def _enter_stage(self, code):
        """Write step ``code`` (its stage, who and when, deadlines and
        hours) once the state is checked, if nothing is missing for it."""
        self.check_access("write")
        self._check_missing(code)
        stage = self._get_stage(code)
        if not stage:
            raise UserError(self.env._("No complaint stage stands for this step."))
        with trusted_scope(self._name):
            self.write({"stage_id": stage.id})
        if code == "acknowledged":
            self._set_resolution_deadline()
            self._set_response_hours()
        if code == "closed":
            for complaint in self:
                complaint.resolution_hours = complaint._hours_since_creation(
                    complaint.closed_date
                )
        return True

    def _hours_since_creation(self, date):
        self.ensure_one()
        return round((date - self.create_date).total_seconds() / 3600.0, 2)

    def _set_response_hours(self):
        for complaint in self:
            complaint.response_hours = complaint._hours_since_creation(
                complaint.acknowledged_date
            )

    def _set_resolution_deadline(self):
        """Plan the resolution target in the company's working hours."""
        for complaint in self:
            company = complaint.company_id
            calendar = (
                company.order_handling_calendar_id or company.resource_calendar_id
            )
            hours = company.complaint_resolution_hours
            start = complaint.acknowledged_date or fields.Datetime.now()
            complaint.resolution_deadline = (
                calendar.plan_hours(hours, start, compute_leaves=True)
                if calendar and hours
                else False
            )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("8D Report %s", self.name)
