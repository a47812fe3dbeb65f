# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import schedule_activities

_lt = LazyTranslate(__name__)

SCORE_FIELDS = ("score_product", "score_delivery", "score_service")
# the complaint category a low score stands for
SCORE_CATEGORY = {
    "score_product": "quality",
    "score_delivery": "late_delivery",
    "score_service": "service",
}


class SaleCustomerVisit(models.Model):
    """A follow-up visit (客户回访, R8.1): planned after a delivery or
    periodically, done by customer service by phone, visit, e-mail or online,
    with satisfaction scores. The customer can also rate it from an e-mail
    link (Odoo ratings)."""

    _name = "sale.customer.visit"
    _inherit = [
        "order.handling.workflow.mixin",
        "rating.mixin",
        "mail.activity.mixin",
    ]
    _description = "Customer Follow-up Visit"
    _order = "date_planned desc, id desc"
    _check_company_auto = True
    # done and cancelled only through the buttons (RPC writes refused)
    _workflow_state_field = "state"
    _workflow_protected_fields = ("date_done",)
    _workflow_transitions = {"planned": ("done", "cancelled")}

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
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
    customer_preference_ids = fields.Many2many(
        related="commercial_partner_id.customer_preference_ids",
        string="Customer Preferences",
    )
    order_id = fields.Many2one(
        "sale.order",
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        index="btree_not_null",
        check_company=True,
        readonly=True,
    )
    origin = fields.Selection(
        [
            ("delivery", "After Delivery"),
            ("periodic", "Periodic"),
            ("manual", "Manual"),
        ],
        required=True,
        default="manual",
        readonly=True,
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("visit", "On-site Visit"),
            ("email", "E-mail"),
            ("online", "Online"),
        ],
        required=True,
        default="phone",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Customer Service",
        tracking=True,
        index=True,
        check_company=True,
        domain="[('share', '=', False)]",
        default=lambda self: self._default_user_id(),
    )
    date_planned = fields.Date(
        string="Planned On",
        required=True,
        default=fields.Date.context_today,
        index=True,
    )
    date_done = fields.Datetime(string="Done On", readonly=True, copy=False)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    score_product = fields.Integer(string="Product Score", tracking=True)
    score_delivery = fields.Integer(string="Delivery Score", tracking=True)
    score_service = fields.Integer(string="Service Score", tracking=True)
    score_avg = fields.Float(
        string="Satisfaction",
        compute="_compute_score_avg",
        store=True,
        aggregator="avg",
        digits=(3, 2),
    )
    comments = fields.Text()
    next_actions = fields.Text()
    complaint_ids = fields.One2many(
        "sale.customer.complaint", "visit_id", string="Complaints"
    )
    complaint_count = fields.Integer(compute="_compute_complaint_count")
    can_done = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")
    can_open_complaint = fields.Boolean(compute="_compute_can_buttons")

    _sql_constraints = [
        (
            "picking_uniq",
            "unique(picking_id)",
            "A delivery has one follow-up visit.",
        ),
    ]

    @api.model
    def _default_user_id(self):
        manager = self.env["order.handling.department"]._get_customer_service_manager(
            self.env.company
        )
        return manager or (self.env.user if not self.env.user.share else False)

    @api.depends(*SCORE_FIELDS)
    def _compute_score_avg(self):
        for visit in self:
            scores = [visit[name] for name in SCORE_FIELDS if visit[name]]
            visit.score_avg = sum(scores) / len(scores) if scores else 0.0

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        for visit in self:
            visit.complaint_count = len(visit.complaint_ids)

    @api.depends("state")
    def _compute_can_buttons(self):
        # the flags follow a step written in the same transaction
        return super()._compute_can_buttons()

    @api.constrains(*SCORE_FIELDS)
    def _check_scores(self):
        for visit in self:
            for name in SCORE_FIELDS:
                value = visit[name]
                if value and not 1 <= value <= 5:
                    raise ValidationError(
                        self.env._(
                            "%(score)s of visit %(visit)s must be between 1 and "
                            "5 (got %(value)s).",
                            score=self._fields[name]._description_string(self.env),
                            visit=visit.name,
                            value=value,
                        )
                    )

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
                    .next_by_code("sale.customer.visit")
                    or "/"
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Rating
    # ------------------------------------------------------------------

    def _rating_get_operator(self):
        self.ensure_one()
        return self.user_id.partner_id

    def _rating_get_partner(self):
        self.ensure_one()
        return self.partner_id

    def rating_apply(
        self,
        rate,
        token=None,
        rating=None,
        feedback=None,
        subtype_xmlid=None,
        notify_delay_send=False,
    ):
        """The customer's rating lands on the visit; a dissatisfied rating
        opens a complaint, as a low score does."""
        rating = super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )
        visit = self.sudo()
        if rating.rating and rating.rating <= 2 and not visit.complaint_ids:
            visit._open_complaints(
                "service",
                self.env._(
                    "The customer rated follow-up visit %(visit)s as "
                    "dissatisfied: %(feedback)s",
                    visit=visit.name,
                    feedback=feedback or "-",
                ),
            )
        return rating

    def action_send_rating_request(self):
        template = self.env.ref("sale_customer_care.mail_template_visit_rating")
        for visit in self:
            if not visit.partner_id.email:
                raise UserError(
                    self.env._(
                        "Customer %s has no e-mail address to send the rating "
                        "request to.",
                        visit.partner_id.display_name,
                    )
                )
            visit.rating_send_request(
                template, lang=visit.partner_id.lang, force_send=False
            )
        return True

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    # the buttons' rules (``order.handling.button.mixin``): customer service
    # (and the administrators) record, cancel and raise complaints from the
    # visits, others read them

    def _refuse_done(self):
        self.ensure_one()
        refusal = self._refuse_unless_groups(roles.CUSTOMER_SERVICE)
        if refusal or self.state == "planned":
            return refusal
        return self.env._(
            "Visit %s is not planned: it cannot be recorded again.", self.name
        )

    def _refuse_cancel(self):
        self.ensure_one()
        refusal = self._refuse_unless_groups(roles.CUSTOMER_SERVICE)
        if refusal or self.state == "planned":
            return refusal
        return self.env._("Only planned visits can be cancelled.")

    def _refuse_open_complaint(self):
        self.ensure_one()
        refusal = self._refuse_unless_groups(roles.CUSTOMER_SERVICE)
        if refusal or self.state != "cancelled":
            return refusal
        return self.env._("Visit %s is cancelled: reopen it first.", self.name)

    def action_done(self):
        """Record the visit as done; a low score opens a complaint."""
        self._ensure_can("done")
        for visit in self:
            missing = [
                self._fields[name]._description_string(self.env)
                for name in SCORE_FIELDS
                if not visit[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Give the scores of visit %(visit)s first: %(scores)s.",
                        visit=visit.name,
                        scores=", ".join(missing),
                    )
                )
        self._workflow_write({"state": "done", "date_done": fields.Datetime.now()})
        for visit in self:
            low = visit._low_scores()
            if low and not visit.complaint_ids:
                visit._open_complaints(
                    SCORE_CATEGORY[low[0]],
                    self.env._(
                        "Low scores in follow-up visit %(visit)s: %(comments)s",
                        visit=visit.name,
                        comments=visit.comments or "-",
                    ),
                )
        return True

    def action_cancel(self):
        self._ensure_can("cancel")
        self._workflow_write({"state": "cancelled"})
        return True

    def _low_scores(self):
        """Names of the score fields at or below the company threshold,
        lowest first."""
        self.ensure_one()
        threshold = self.company_id.customer_visit_low_score
        low = [name for name in SCORE_FIELDS if self[name] and self[name] <= threshold]
        return sorted(low, key=lambda name: self[name])

    def _prepare_complaint_vals(self, category, description):
        """Hook: values of the complaint a negative visit result opens."""
        self.ensure_one()
        return {
            "subject": self.env._("Follow-up visit %s", self.name),
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "order_id": self.order_id.id,
            "picking_id": self.picking_id.id,
            "product_ids": [
                fields.Command.set(self.order_id.order_line.product_id.ids)
            ],
            "category": category,
            "channel": "visit",
            "description": description,
            "visit_id": self.id,
            "user_id": self.user_id.id or self.env.uid,
        }

    def _open_complaints(self, category, description):
        complaints = self.env["sale.customer.complaint"].create(
            [visit._prepare_complaint_vals(category, description) for visit in self]
        )
        for visit, complaint in zip(self, complaints, strict=True):
            visit.message_post(
                body=self.env._("Complaint %s opened.", complaint.name),
                subtype_xmlid="mail.mt_note",
            )
        return complaints

    def action_open_complaint(self):
        """Open a complaint from the visit (customer service's own call)."""
        self._ensure_can("open_complaint")
        self.ensure_one()
        complaint = self._open_complaints(
            "other", self.comments or self.env._("Raised during a follow-up visit.")
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": complaint._name,
            "res_id": complaint.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_customer_care.sale_customer_complaint_action"
        )
        action["domain"] = [("visit_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------
    # Planning (cron)
    # ------------------------------------------------------------------

    @api.model
    def _cron_plan_visits(self):
        """Plan the visits after delivery and the periodic visits of every
        company. Safe to run twice: a delivery gets one visit (unique
        constraint and search), a customer with a planned visit gets no
        second one."""
        for company in self.env["res.company"].search([]):
            visits = self.with_company(company).sudo()
            visits._plan_after_delivery(company)
            visits._plan_periodic(company)
        return True

    @api.model
    def _plan_after_delivery(self, company):
        delay = company.customer_visit_delay_days
        if delay <= 0:
            return self.browse()
        limit_date = fields.Datetime.now() - timedelta(days=delay)
        pickings = self.env["stock.picking"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("picking_type_code", "=", "outgoing"),
                ("sale_id", "!=", False),
                ("date_done", "<=", limit_date),
                ("customer_visit_ids", "=", False),
                ("location_dest_id.usage", "=", "customer"),
            ]
        )
        user = self.env["order.handling.department"]._get_customer_service_manager(
            company
        )
        today = fields.Date.context_today(self)
        vals_list = [
            {
                "company_id": company.id,
                "partner_id": picking.sale_id.partner_id.id,
                "order_id": picking.sale_id.id,
                "picking_id": picking.id,
                "origin": "delivery",
                "user_id": user.id,
                "date_planned": today,
            }
            for picking in pickings
        ]
        visits = self.create(vals_list)
        visits._schedule_activities()
        return visits

    @api.model
    def _plan_periodic(self, company):
        period = company.customer_visit_period_days
        if period <= 0:
            return self.browse()
        today = fields.Date.context_today(self)
        customers = self.env["sale.order"]._read_group(
            [("company_id", "=", company.id), ("state", "=", "sale")],
            groupby=["partner_id"],
        )
        partners = self.env["res.partner"].union(
            *(partner.commercial_partner_id for (partner,) in customers)
        )
        if not partners:
            return self.browse()
        last = dict(
            self._read_group(
                [
                    ("company_id", "=", company.id),
                    ("commercial_partner_id", "in", partners.ids),
                    ("state", "!=", "cancelled"),
                ],
                groupby=["commercial_partner_id"],
                aggregates=["date_planned:max"],
            )
        )
        limit = today - timedelta(days=period)
        due = partners.filtered(lambda p: not last.get(p) or last[p] <= limit)
        user = self.env["order.handling.department"]._get_customer_service_manager(
            company
        )
        visits = self.create(
            [
                {
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "origin": "periodic",
                    "user_id": user.id,
                    "date_planned": today,
                }
                for partner in due
            ]
        )
        visits._schedule_activities()
        return visits

    def _schedule_activities(self):
        """A to-do for the assigned user of each planned visit."""
        schedule_activities(
            [(visit, visit.user_id) for visit in self],
            "mail.mail_activity_data_todo",
            follow=True,
            date_deadline=fields.Date.context_today(self),
            summary=_lt("Follow-up visit to make"),
        )
