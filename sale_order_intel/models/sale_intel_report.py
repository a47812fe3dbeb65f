# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models import roles

# written only by the workflow actions, never directly (even over RPC)
WORKFLOW_FIELDS = {
    "state",
    "submitted_date",
    "evaluated_uid",
    "evaluated_date",
    "closed_date",
}
# written by marketing planning (and administrators) only
EVALUATION_FIELDS = {"grade", "is_valuable", "evaluation_comment"}
# what the reporter reports: locked for them once submitted
CONTENT_FIELDS = {
    "title",
    "user_id",
    "provider_id",
    "date_report",
    "region",
    "channel_id",
    "intel_type",
    "partner_id",
    "expected_amount",
    "expected_date",
    "content",
    "source",
    "reliability",
    "company_id",
}


class SaleIntelReport(models.Model):
    """Intelligence report (情报报告, R9.2): what a salesperson (or an
    external provider through them) learnt about a lead, a need, the market
    or a competitor. Confidential: only its reporter, marketing planning and
    administrators see it."""

    _name = "sale.intel.report"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "order.handling.workflow.mixin",
    ]
    _workflow_state_field = "state"
    _workflow_protected_fields = tuple(WORKFLOW_FIELDS - {"state"})
    _description = "Intelligence Report"
    _order = "date_report desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Reporter",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="The employee who files the report (for an external provider, "
        "the employee in contact with them).",
    )
    provider_id = fields.Many2one(
        "res.partner",
        string="External Provider",
        tracking=True,
        check_company=True,
        help="Who gave the information when it is not an employee; rewards "
        "are paid to them (vendor bill).",
    )
    date_report = fields.Date(
        string="Report Date",
        required=True,
        default=fields.Date.context_today,
        index=True,
    )
    region = fields.Char(tracking=True)
    channel_id = fields.Many2one("sale.intel.channel", string="Intelligence Channel")
    intel_type = fields.Selection(
        [
            ("order_lead", "Order Lead"),
            ("customer_need", "Customer Need"),
            ("market_trend", "Market Trend"),
            ("competitor_product", "Competitor Product"),
            ("competitor_price", "Competitor Price"),
            ("promotion", "Promotion"),
        ],
        string="Type",
        required=True,
        default="order_lead",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Prospect / Customer",
        tracking=True,
        check_company=True,
    )
    expected_amount = fields.Monetary(string="Expected Value", tracking=True)
    expected_date = fields.Date(tracking=True)
    content = fields.Html(required=True)
    source = fields.Char(help="Where the information comes from.")
    reliability = fields.Selection(
        [
            ("confirmed", "Confirmed"),
            ("likely", "Likely"),
            ("unverified", "Unverified"),
        ],
        default="likely",
        required=True,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("evaluated", "Evaluated"),
            ("plan", "Plan"),
            ("won", "Won"),
            ("lost", "Lost"),
            ("closed", "Closed"),
        ],
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    submitted_date = fields.Datetime(readonly=True, copy=False)
    grade = fields.Selection(
        [
            ("a", "A - Decisive"),
            ("b", "B - Useful"),
            ("c", "C - Minor"),
            ("d", "D - None"),
        ],
        tracking=True,
        copy=False,
    )
    is_valuable = fields.Boolean(string="Valuable", tracking=True, copy=False)
    evaluation_comment = fields.Text(copy=False)
    evaluated_uid = fields.Many2one(
        "res.users", string="Evaluated By", readonly=True, copy=False
    )
    evaluated_date = fields.Datetime(readonly=True, copy=False)
    lost_reason = fields.Text(copy=False, tracking=True)
    closed_date = fields.Datetime(readonly=True, copy=False)
    plan_ids = fields.One2many("sale.intel.plan", "report_id", string="Marketing Plans")
    plan_count = fields.Integer(compute="_compute_counts")
    sale_order_ids = fields.One2many(
        "sale.order", "intel_report_id", string="Sale Orders"
    )
    sale_order_count = fields.Integer(compute="_compute_counts")
    reward_ids = fields.One2many("sale.intel.reward", "report_id", string="Rewards")
    reward_count = fields.Integer(compute="_compute_counts")
    can_submit = fields.Boolean(compute="_compute_can_buttons")
    can_reset_draft = fields.Boolean(compute="_compute_can_buttons")
    can_evaluate = fields.Boolean(compute="_compute_can_buttons")
    can_create_plan = fields.Boolean(compute="_compute_can_buttons")
    can_mark_won = fields.Boolean(compute="_compute_can_buttons")
    can_mark_lost = fields.Boolean(compute="_compute_can_buttons")
    can_close = fields.Boolean(compute="_compute_can_buttons")

    @api.depends("plan_ids", "sale_order_ids", "reward_ids")
    def _compute_counts(self):
        for report in self:
            report.plan_count = len(report.plan_ids)
            report.sale_order_count = len(report.sale_order_ids)
            report.reward_count = len(report.reward_ids)

    def _is_marketing(self):
        user = self.env.user
        return user.has_group(roles.MARKETING_PLANNING) or (
            user.has_group(roles.MANAGER)
        )

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        forbidden = (WORKFLOW_FIELDS | EVALUATION_FIELDS) - {"state"}
        for vals in vals_list:
            if set(vals) & forbidden or vals.get("state", "draft") != "draft":
                raise UserError(
                    self.env._("A new intelligence report starts as a draft.")
                )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("sale.intel.report") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        # the workflow fields are guarded by order.handling.workflow.mixin;
        # what users may edit themselves is checked here
        if not self._workflow_is_trusted():
            if set(vals) & EVALUATION_FIELDS:
                if not self._is_marketing():
                    raise UserError(
                        self.env._("Only marketing planning evaluates reports.")
                    )
                grading = {"grade", "is_valuable"} & set(vals)
                allowed = ("submitted",) if grading else ("submitted", "evaluated")
                if self.filtered(lambda r: r.state not in allowed):
                    raise UserError(
                        self.env._("Only a submitted report can be evaluated.")
                    )
            if (
                set(vals) & CONTENT_FIELDS
                and self.filtered(lambda r: r.state != "draft")
                and not self._is_marketing()
            ):
                raise UserError(
                    self.env._(
                        "A submitted intelligence report can no longer be "
                        "changed by its reporter; add a message instead."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("Only a draft intelligence report can be deleted.")
            )

    # ------------------------------------------------------ buttons' rules

    def _refuse_state(self, states, action):
        """The sentence refusing ``action`` on a report not in ``states``."""
        self.ensure_one()
        if self.state in states:
            return ""
        return self.env._(
            "%(report)s is %(state)s: it cannot be %(action)s.",
            report=self.name,
            state=dict(self._fields["state"]._description_selection(self.env))[
                self.state
            ],
            action=action,
        )

    def _refuse_not_marketing(self):
        if self.env.su or self._is_marketing():
            return ""
        return self.env._(
            "Only marketing planning evaluates intelligence reports and "
            "decides on them."
        )

    def _refuse_not_reporter(self, message):
        """``message`` unless the user is the reporter or marketing planning."""
        if self.env.su or self.user_id == self.env.user or self._is_marketing():
            return ""
        return message

    def _refuse_submit(self):
        return self._refuse_state(
            ["draft"], self.env._("submitted")
        ) or self._refuse_not_reporter(
            self.env._("Only its reporter submits %(report)s.", report=self.name)
        )

    def _refuse_reset_draft(self):
        return self._refuse_state(
            ["submitted"], self.env._("reset to draft")
        ) or self._refuse_not_reporter(
            self.env._("Only its reporter takes %(report)s back.", report=self.name)
        )

    def _refuse_evaluate(self):
        return self._refuse_not_marketing() or self._refuse_state(
            ["submitted"], self.env._("evaluated")
        )

    def _refuse_create_plan(self):
        refusal = self._refuse_not_marketing()
        if refusal:
            return refusal
        if self.state != "evaluated" or not self.is_valuable:
            return self.env._(
                "Only an evaluated, valuable report gets a marketing plan "
                "(%(report)s).",
                report=self.name,
            )
        return ""

    def _refuse_mark_won(self):
        return self._refuse_not_marketing() or self._refuse_state(
            ["evaluated", "plan"], self.env._("marked as won")
        )

    def _refuse_mark_lost(self):
        return self._refuse_not_marketing() or self._refuse_state(
            ["evaluated", "plan"], self.env._("marked as lost")
        )

    def _refuse_close(self):
        refusal = self._refuse_not_marketing()
        if refusal:
            return refusal
        if self.state in ("won", "lost") or (
            self.state == "evaluated" and not self.is_valuable
        ):
            return ""
        return self.env._(
            "%(report)s can be closed once won or lost, or once "
            "evaluated as not valuable.",
            report=self.name,
        )

    # --------------------------------------------------------------- actions

    def action_submit(self):
        self._ensure_can("submit")
        self._workflow_write(
            {"state": "submitted", "submitted_date": fields.Datetime.now()}
        )
        return True

    def action_evaluate(self):
        """Record the evaluation filled in by marketing planning; a valuable
        report earns its reporter the information fee (R9.4)."""
        self._ensure_can("evaluate")
        for report in self:
            if not report.grade:
                raise UserError(
                    self.env._(
                        "Grade %(report)s before recording its evaluation.",
                        report=report.name,
                    )
                )
        self._workflow_write(
            {
                "state": "evaluated",
                "evaluated_uid": self.env.uid,
                "evaluated_date": fields.Datetime.now(),
            }
        )
        valuable = self.filtered("is_valuable")
        if valuable:
            self.env["sale.intel.reward"].sudo()._create_info_fees(valuable)
        return True

    def action_create_plan(self):
        self._ensure_can("create_plan")
        self.ensure_one()
        plan = self.env["sale.intel.plan"].create(self._prepare_plan_vals())
        self._workflow_write({"state": "plan"})
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.intel.plan",
            "res_id": plan.id,
            "view_mode": "form",
        }

    def _prepare_plan_vals(self):
        self.ensure_one()
        return {
            "report_id": self.id,
            "name": self.title,
            "company_id": self.company_id.id,
            "planned_amount": self.expected_amount,
        }

    def action_mark_won(self):
        """Won once a confirmed sale order is linked to the report, whoever
        confirmed it (an order linked after its confirmation is not seen by
        ``_on_order_confirmed``). Marketing planning has no right on orders:
        the linked orders are read in sudo, once each link is checked
        (``_get_won_orders``); a valuable report then earns its reporter the
        thank-you reward of each of them (R9.4)."""
        self._ensure_can("mark_won")
        orders = self.env["sale.order"].sudo()
        for report in self:
            won = report._get_won_orders()
            if not won:
                raise UserError(
                    self.env._(
                        "Link a confirmed sale order to %(report)s before "
                        "marking it as won.",
                        report=report.name,
                    )
                )
            orders |= won
        self._workflow_write({"state": "won"})
        self.env["sale.intel.reward"]._create_thank_you_rewards(orders)
        return True

    def _get_won_orders(self):
        """Hook: the confirmed orders linked to the report that make it won,
        read in sudo: of the report's company and, when the report names a
        prospect / customer, of that partner (its commercial entity). A
        confirmed order of another customer is refused by name."""
        self.ensure_one()
        confirmed = self.sudo().sale_order_ids.filtered(
            lambda o: o.state == "sale" and o.company_id == self.sudo().company_id
        )
        prospect = self.sudo().partner_id.commercial_partner_id
        if not prospect:
            return confirmed
        won = confirmed.filtered(
            lambda o: o.partner_id.commercial_partner_id == prospect
        )
        other = confirmed - won
        if other and not won:
            raise UserError(
                self.env._(
                    "Sale order %(order)s is for %(customer)s, not for "
                    "%(prospect)s, the prospect of %(report)s: it does not "
                    "make the report won.",
                    order=other[0].name,
                    customer=other[0].partner_id.commercial_partner_id.display_name,
                    prospect=prospect.display_name,
                    report=self.name,
                )
            )
        return won

    def action_mark_lost(self):
        self._ensure_can("mark_lost")
        for report in self:
            if not report.lost_reason:
                raise UserError(
                    self.env._(
                        "Say why %(report)s was lost before marking it as lost.",
                        report=report.name,
                    )
                )
        self._workflow_write({"state": "lost"})
        return True

    def action_close(self):
        self._ensure_can("close")
        self._workflow_write({"state": "closed", "closed_date": fields.Datetime.now()})
        return True

    def action_reset_draft(self):
        self._ensure_can("reset_draft")
        self._workflow_write({"state": "draft", "submitted_date": False})
        return True

    def _on_order_confirmed(self, orders):
        """A confirmed order linked to the report: the report is won and its
        reporter earns a thank-you reward if the report was valuable."""
        reports = self.filtered(lambda r: r.state in ("evaluated", "plan"))
        reports._workflow_write({"state": "won"})
        self.env["sale.intel.reward"]._create_thank_you_rewards(
            orders.filtered(lambda o: o.intel_report_id.is_valuable)
        )

    def _open(self, res_model, records, name):
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": res_model,
            "domain": [("id", "in", records.ids)],
            "view_mode": "list,form",
        }
        if len(records) == 1:
            action.update(view_mode="form", res_id=records.id)
        return action

    def action_view_plans(self):
        self.ensure_one()
        return self._open(
            "sale.intel.plan", self.plan_ids, self.env._("Marketing Plans")
        )

    def action_view_orders(self):
        self.ensure_one()
        return self._open("sale.order", self.sale_order_ids, self.env._("Sale Orders"))

    def action_view_rewards(self):
        self.ensure_one()
        return self._open("sale.intel.reward", self.reward_ids, self.env._("Rewards"))
