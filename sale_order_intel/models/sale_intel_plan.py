# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models.mail_batch import schedule_activities

_lt = LazyTranslate(__name__)


class SaleIntelPlan(models.Model):
    """Marketing plan (R9.3) for a valuable intelligence report: assigned by
    marketing planning to a sales team with a schedule; the team reports its
    results; marketing planning evaluates planned against actual."""

    _name = "sale.intel.plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "order.handling.workflow.mixin",
    ]
    _workflow_state_field = "state"
    _description = "Intelligence Marketing Plan"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Plan", required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, default="/")
    report_id = fields.Many2one(
        "sale.intel.report",
        string="Intelligence Report",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        tracking=True,
        check_company=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        check_company=True,
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    actions = fields.Html(string="Planned Actions")
    planned_amount = fields.Monetary(string="Planned Revenue", tracking=True)
    actual_amount = fields.Monetary(
        string="Actual Revenue",
        tracking=True,
        help="Reported by the team; the confirmed orders linked to the report "
        "are shown next to it.",
    )
    order_amount = fields.Monetary(
        string="Confirmed Orders", compute="_compute_order_amount"
    )
    variance_amount = fields.Monetary(
        string="Actual - Planned", compute="_compute_variance"
    )
    result_note = fields.Html(string="Results")
    plan_evaluation = fields.Selection(
        [
            ("exceeded", "Exceeded"),
            ("met", "Met"),
            ("partly", "Partly Met"),
            ("failed", "Failed"),
        ],
        string="Evaluation",
        tracking=True,
        copy=False,
    )
    evaluation_comment = fields.Text(copy=False)
    can_start = fields.Boolean(compute="_compute_can_buttons")
    can_report_results = fields.Boolean(compute="_compute_can_buttons")
    can_evaluate = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_progress", "In Progress"),
            ("reported", "Results Reported"),
            ("done", "Evaluated"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )

    @api.depends("team_id")
    def _compute_user_id(self):
        for plan in self:
            if plan.team_id.user_id:
                plan.user_id = plan.team_id.user_id

    @api.depends("report_id")
    def _compute_order_amount(self):
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("intel_report_id", "in", self.report_id.ids),
                    ("state", "=", "sale"),
                ],
                ["intel_report_id"],
                ["amount_untaxed:sum"],
            )
        )
        amounts = {report.id: amount for report, amount in groups}
        for plan in self:
            plan.order_amount = amounts.get(plan.report_id.id, 0.0)

    @api.depends("planned_amount", "actual_amount")
    def _compute_variance(self):
        for plan in self:
            plan.variance_amount = plan.actual_amount - plan.planned_amount

    @api.constrains("date_start", "date_end", "planned_amount", "actual_amount")
    def _check_values(self):
        for plan in self:
            if plan.date_start and plan.date_end and plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s ends before it starts.", plan=plan.name
                    )
                )
            if plan.planned_amount < 0 or plan.actual_amount < 0:
                raise ValidationError(
                    self.env._(
                        "Plan amounts cannot be negative (%(plan)s).", plan=plan.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = (
                    self.env["ir.sequence"].next_by_code("sale.intel.plan") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        if {"plan_evaluation", "evaluation_comment"} & set(vals) and not (
            self._is_marketing()
        ):
            raise UserError(self.env._("Only marketing planning evaluates a plan."))
        return super().write(vals)

    def _is_marketing(self):
        return self.env["sale.intel.report"]._is_marketing()

    def _is_team_member(self):
        self.ensure_one()
        user = self.env.user
        return user == self.user_id or user in self.team_id.member_ids

    # ------------------------------------------------------ buttons' rules

    def _refuse_state(self, states):
        self.ensure_one()
        if self.state in states:
            return ""
        return self.env._(
            "The marketing plan %(plan)s is %(state)s: this step is not possible now.",
            plan=self.name,
            state=dict(self._fields["state"]._description_selection(self.env))[
                self.state
            ],
        )

    def _refuse_start(self):
        if not (self.env.su or self._is_marketing()):
            return self.env._("Only marketing planning starts a plan.")
        return self._refuse_state(["draft"])

    def _refuse_report_results(self):
        refusal = self._refuse_state(["in_progress"])
        if refusal or self.env.su or self._is_team_member() or self._is_marketing():
            return refusal
        return self.env._(
            "Only the team of %(plan)s reports its results.", plan=self.name
        )

    def _refuse_evaluate(self):
        if not (self.env.su or self._is_marketing()):
            return self.env._("Only marketing planning evaluates a plan.")
        return self._refuse_state(["reported"])

    def _refuse_cancel(self):
        if not (self.env.su or self._is_marketing()):
            return self.env._("Only marketing planning cancels a plan.")
        return self._refuse_state(["draft", "in_progress", "reported"])

    # --------------------------------------------------------------- actions

    def action_start(self):
        self._ensure_can("start")
        for plan in self:
            if not (plan.team_id and plan.date_start and plan.date_end):
                raise UserError(
                    self.env._(
                        "Assign %(plan)s to a sales team with a schedule (start and "
                        "end) before starting it.",
                        plan=plan.name,
                    )
                )
        self._workflow_write({"state": "in_progress"})
        # one create for all plans, due at each plan's end
        schedule_activities(
            [(plan, plan.user_id, {"date_deadline": plan.date_end}) for plan in self],
            "mail.mail_activity_data_todo",
            notify=True,
            follow=True,
            summary=_lt("Carry out the marketing plan and report results"),
        )
        return True

    def action_report_results(self):
        self._ensure_can("report_results")
        for plan in self:
            if not plan.result_note:
                raise UserError(
                    self.env._(
                        "Describe the results of %(plan)s before reporting them.",
                        plan=plan.name,
                    )
                )
        self._workflow_write({"state": "reported"})
        return True

    def action_evaluate(self):
        self._ensure_can("evaluate")
        for plan in self:
            if not plan.plan_evaluation:
                raise UserError(
                    self.env._(
                        "Choose an evaluation for %(plan)s first.", plan=plan.name
                    )
                )
        self._workflow_write({"state": "done"})
        return True

    def action_cancel(self):
        self._ensure_can("cancel")
        self._workflow_write({"state": "cancel"})
        return True
