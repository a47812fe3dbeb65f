# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    feedback_activities,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.texts import set_generated_names

_lt = LazyTranslate(__name__)

# a change of these after approval resets the approvals (R4.1)
PLAN_CONTENT_FIELDS = {"solution", "product_ids", "resolution", "supervisor_id"}
ISSUE_DEPARTMENTS = ["purchasing", "quality", "production", "general_office"]
# what a process engineer saves from the form of the plan they roll out (R4.4)
ROLLOUT_FIELDS = {"followup_ids"}


class SaleEngineeringPlan(models.Model):
    """The product plan (产品方案) of a non-regular order (R4.1–R4.5):
    drafted by engineering from the review resolution, agreed by the sales
    head and approved by the general manager (OCA tier validation), then
    completed with its technical package, issued to the departments and rolled
    out by a process engineer."""

    _name = "sale.engineering.plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "order.handling.transfer.mixin",
        "order.handling.sla.mixin",
        "order.handling.order.copy.holder.mixin",
        "order.handling.button.mixin",
    ]
    _description = "Product Plan"
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False
    _stage_field = "state"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    # generated in every active language (``_create_from_reviews``)
    title = fields.Char(required=True, tracking=True, translate=True)
    order_id = fields.Many2one(
        "sale.order", required=True, readonly=True, index=True, check_company=True
    )
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    review_id = fields.Many2one(
        "sale.order.review", readonly=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    resolution = fields.Text(
        help="What the review decided to make: the basis of the plan.",
        tracking=True,
    )
    solution = fields.Html(string="Plan", help="The product and how to make it.")
    product_ids = fields.Many2many(
        "product.product", string="Products", check_company=True
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Engineering Supervisor",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        help="Answers for the correctness and completeness of the plan (R4.4).",
    )
    process_engineer_id = fields.Many2one(
        "res.users",
        tracking=True,
        help="Answers for the correct and timely rollout of the plan (R4.4).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("issued", "Issued"),
            ("done", "Rolled Out"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    deliverable_ids = fields.One2many(
        "sale.engineering.plan.deliverable", "plan_id", string="Technical Package"
    )
    deliverable_done_count = fields.Integer(compute="_compute_deliverable_counts")
    deliverable_count = fields.Integer(compute="_compute_deliverable_counts")
    followup_ids = fields.One2many(
        "sale.engineering.plan.followup", "plan_id", string="Rollout Log"
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    issued_date = fields.Datetime(readonly=True, copy=False)
    done_date = fields.Datetime(string="Rolled Out On", readonly=True, copy=False)
    can_approve = fields.Boolean(compute="_compute_can_buttons")
    can_issue = fields.Boolean(compute="_compute_can_buttons")
    can_done = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")

    @api.depends("deliverable_ids.state")
    def _compute_deliverable_counts(self):
        for plan in self:
            plan.deliverable_count = len(plan.deliverable_ids)
            plan.deliverable_done_count = len(
                plan.deliverable_ids.filtered(lambda d: d.state == "done")
            )

    def _sla_escalation_user(self):
        self.ensure_one()
        return self.supervisor_id

    def _get_transfer_order_class(self):
        return "non_regular"

    def _get_transfer_priority(self):
        self.ensure_one()
        return self.order_id.intake_priority or "0"

    # ------------------------------------------------------------------
    # CRUD and guards
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "sale.engineering.plan"
                )
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        if "state" in vals and not self.env.su:
            raise UserError(
                self.env._("A product plan changes state only through its buttons.")
            )
        self._check_rollout_write(vals)
        if not self.env.su and any(
            p.state in ("issued", "done", "cancelled") for p in self
        ):
            if PLAN_CONTENT_FIELDS.intersection(vals):
                raise UserError(
                    self.env._("An issued product plan can no longer be changed.")
                )
        reset = self.browse()
        if PLAN_CONTENT_FIELDS.intersection(vals):
            reset = self.filtered(lambda p: p.state == "approved")
        result = super().write(vals)
        if reset:
            # a change after approval sends the plan back for approval; the
            # tier reviews are removed by tier.validation on the way back
            super(SaleEngineeringPlan, reset.sudo()).write({"state": "draft"})
            for plan in reset:
                plan.message_post(
                    body=self.env._(
                        "The plan changed after its approval: approvals reset, "
                        "request them again."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return result

    def _check_rollout_write(self, vals):
        """A process engineer writes the plan they roll out (record rule) to
        log its rollout from the plan form, and changes nothing else of it:
        the plan belongs to engineering."""
        user = self.env.user
        if (
            self.env.su
            or not user.has_group(roles.PROCESS_ENGINEER)
            or user.has_group(roles.ENGINEERING_SUPERVISOR)
            or user.has_group(roles.MANAGER)
        ):
            return
        other = sorted(set(vals) - ROLLOUT_FIELDS)
        if other:
            raise UserError(
                self.env._(
                    "As process engineer you only log the rollout of a product "
                    "plan; ask the engineering supervisor to change: %s.",
                    ", ".join(
                        self._fields[name]._description_string(self.env)
                        if name in self._fields
                        else name
                        for name in other
                    ),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(plan.state != "draft" or plan.review_ids for plan in self):
            raise UserError(
                self.env._("Only a draft plan never sent for approval can be deleted.")
            )

    def _refuse_engineering(self):
        """The rule "engineering supervisors only": an ``AccessError``, or
        ``""``."""
        if self.env.su:
            return ""
        user = self.env.user
        if user.has_group(roles.ENGINEERING_SUPERVISOR) or user.has_group(
            roles.MANAGER
        ):
            return ""
        return AccessError(
            self.env._("Only engineering supervisors act on product plans.")
        )

    # the buttons' rules (``order.handling.button.mixin``): the role, then
    # the state (the rollout: the state, then its engineer); what must be
    # done first (the package, the process engineer, the rollout log) is
    # checked by the actions

    def _refuse_approve(self):
        self.ensure_one()
        refusal = self._refuse_engineering()
        if refusal:
            return refusal
        if self.state != "draft":
            return self.env._(
                "Plan %(plan)s is not a draft waiting for approval.", plan=self.name
            )
        if self.validation_status != "validated":
            return self.env._(
                "Plan %s is not approved yet: the sales head agrees, then the "
                "general manager approves.",
                self.name,
            )
        return ""

    def _refuse_issue(self):
        self.ensure_one()
        refusal = self._refuse_engineering()
        if refusal or self.state == "approved":
            return refusal
        return self.env._(
            "Plan %(plan)s must be approved to be issued.", plan=self.name
        )

    def _refuse_done(self):
        self.ensure_one()
        if self.state != "issued":
            return self.env._("Plan %(plan)s is not being rolled out.", plan=self.name)
        user = self.env.user
        if (
            self.env.su
            or user in (self.process_engineer_id | self.supervisor_id)
            or user.has_group(roles.MANAGER)
        ):
            return ""
        return AccessError(
            self.env._("Only the plan's process engineer closes its rollout.")
        )

    def _refuse_cancel(self):
        self.ensure_one()
        refusal = self._refuse_engineering()
        if refusal or self.state in ("draft", "approved"):
            return refusal
        return self.env._(
            "Plan %(plan)s is issued: it cannot be cancelled.", plan=self.name
        )

    # ------------------------------------------------------------------
    # Approval (R4.1) on OCA tier validation
    # ------------------------------------------------------------------

    # OCA's contract: the new reviews for Python callers; over RPC their ids
    # (a recordset cannot be marshalled)
    @api.returns("tier.review")
    def request_validation(self):
        # tier.validation computes need_validation without dependencies: a
        # value cached before the reviews existed would request them twice
        self.invalidate_recordset(["need_validation"])
        return super().request_validation()

    def validate_tier(self):
        """Nobody approves their own plan, and nobody out of turn: the sales
        head agrees before the general manager approves.

        A plan is its supervisor's and whoever asked for its approval, not
        whoever's action drafted it: the general manager approving a review
        meeting's resolution drafts the plan (``_create_from_reviews``) and
        approves it later."""
        self._check_not_own_plan()
        for plan in self:
            if not plan._get_sequences_to_approve(self.env.user):
                raise UserError(
                    self.env._(
                        "Plan %(plan)s is not yours to approve now; waiting for: "
                        "%(next)s.",
                        plan=plan.name,
                        next=", ".join(
                            plan.review_ids.filtered(
                                lambda r: r.status in ("waiting", "pending")
                            )
                            .sorted("sequence")[:1]
                            .mapped("name")
                        )
                        or "-",
                    )
                )
        return super().validate_tier()

    def _check_not_own_plan(self):
        """Nobody approves their own plan (its supervisor, or whoever asked
        for its approval)."""
        if self.env.su:
            return
        for plan in self:
            authors = plan.supervisor_id | plan.sudo().review_ids.requested_by
            if self.env.user in authors:
                raise UserError(
                    self.env._(
                        "You drafted plan %s: someone else approves it.", plan.name
                    )
                )

    def _validate_tier(self, tiers=False):
        # every way to approve comes here (OCA's comment wizard too), not
        # only the Validate button
        self._check_not_own_plan()
        return super()._validate_tier(tiers)

    def action_approve(self):
        """Mark the plan approved once every tier validated it; the technical
        package is prepared from the document types."""
        self._ensure_can("approve")
        # need_validation is computed without dependencies: drop a stale value
        self.invalidate_recordset(["need_validation"])
        self.sudo().write({"state": "approved", "approved_date": fields.Datetime.now()})
        self._prepare_deliverables()
        return True

    def _prepare_deliverables(self):
        """One deliverable per technical-document type not yet planned."""
        types = self.env["product.tech.document.type"].search([])
        vals_list = []
        for plan in self:
            planned = plan.deliverable_ids.type_id
            vals_list += [
                {
                    "plan_id": plan.id,
                    "type_id": doc_type.id,
                    "responsible_id": plan.supervisor_id.id,
                }
                for doc_type in types - planned
            ]
        return self.env["sale.engineering.plan.deliverable"].sudo().create(vals_list)

    # ------------------------------------------------------------------
    # Issue (R4.3, R4.5) and rollout (R4.4)
    # ------------------------------------------------------------------

    def action_issue(self):
        """Issue a complete plan: transfer slips to purchasing, quality,
        production and general office carry the order, the plan and its
        documents; the products' technical documents become complete."""
        self._ensure_can("issue")
        for plan in self:
            missing = plan.deliverable_ids.filtered(lambda d: d.state != "done")
            if missing or not plan.deliverable_ids:
                raise UserError(
                    self.env._(
                        "Plan %(plan)s cannot be issued: %(missing)s not done.",
                        plan=plan.name,
                        missing=", ".join(missing.mapped("display_name"))
                        or self.env._("no deliverable"),
                    )
                )
            if not plan.process_engineer_id:
                raise UserError(
                    self.env._(
                        "Assign the process engineer who rolls out %s.", plan.name
                    )
                )
        self.sudo().write({"state": "issued", "issued_date": fields.Datetime.now()})
        Department = self.env["order.handling.department"]
        for plan in self.sudo():
            # files uploaded by each author: read them as the issuing system
            note = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    "Product plan %(plan)s for order %(order)s, documents:",
                    plan=plan.name,
                    order=plan.order_id.name,
                ),
                Markup("").join(
                    Markup("<li>%s (%s)</li>")
                    % (d.type_id.name, ", ".join(d.attachment_ids.mapped("name")))
                    for d in plan.deliverable_ids
                ),
            )
            plan._transfer_to_departments(
                Department._get_by_code(ISSUE_DEPARTMENTS, plan.company_id), note=note
            )
            attachments = plan.deliverable_ids.attachment_ids
            plan.product_ids.product_tmpl_id._complete_tech_documents(
                plan.deliverable_ids.type_id.mapped("code"), attachments
            )
        # one create for all plans; the process engineers get Odoo's
        # assignment notice and follow their plan, as ``activity_schedule``
        schedule_activities(
            [(plan, plan.process_engineer_id) for plan in self.sudo()],
            "sale_engineering_plan.mail_activity_type_rollout",
            notify=True,
            follow=True,
        )
        return True

    def action_done(self):
        """The process engineer closes the rollout."""
        self._ensure_can("done")
        for plan in self:
            if not plan.followup_ids:
                raise UserError(
                    self.env._("Log the rollout of %s before closing it.", plan.name)
                )
        self.sudo().write({"state": "done", "done_date": fields.Datetime.now()})
        feedback_activities(self, ["sale_engineering_plan.mail_activity_type_rollout"])
        return True

    def action_cancel(self):
        self._ensure_can("cancel")
        self.sudo().write({"state": "cancelled"})
        return True

    def _cancel_with_order(self):
        """The order is cancelled: its plans not yet issued stop (R7.3).
        They become cancelled, which has no processing-time target (they
        and their deliverables leave the overdue work), and their
        activities are removed."""
        plans = self.sudo().filtered(lambda p: p.state in ("draft", "approved"))
        if not plans:
            return plans
        plans.write({"state": "cancelled"})
        (plans.activity_ids | plans.deliverable_ids.activity_ids).unlink()
        for plan in plans:
            plan._message_log(
                body=self.env._(
                    "Order %s was cancelled: the product plan is cancelled.",
                    plan.order_id.name,
                )
            )
        return plans

    @api.model
    def _create_from_reviews(self, reviews):
        """Draft a plan for each accepted non-regular review (R3.3)."""
        vals_list, titles = [], []
        for review in reviews:
            order = review.order_id
            meeting = review.meeting_ids.filtered(lambda m: m.state == "approved")[:1]
            irregular = order.order_line.filtered(
                lambda line: line.intake_class == "non_regular"
            )
            # the title in every language: each reader sees their own
            titles.append(_lt("Product plan for %s", order.name))
            vals_list.append(
                {
                    "title": titles[-1]._translate("en_US"),
                    "order_id": order.id,
                    "review_id": review.id,
                    "company_id": order.company_id.id,
                    "resolution": meeting.what_to_make or review.conditions or False,
                    "product_ids": [Command.set(irregular.product_id.ids)],
                    "supervisor_id": review.reviewer_id.id or self.env.uid,
                }
            )
        plans = self.sudo().create(vals_list)
        set_generated_names(plans, "title", titles)
        schedule_activities(
            [(plan, plan.supervisor_id) for plan in plans],
            "sale_engineering_plan.mail_activity_type_draft_plan",
            notify=True,
            follow=True,
        )
        return plans
