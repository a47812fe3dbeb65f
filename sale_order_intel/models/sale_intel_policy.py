# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.order_handling_base.models import roles


class SaleIntelPolicy(models.Model):
    """Activity policy (活动方针, R9.1): for a period, the regions and channels
    each salesperson investigates and the number of intelligence reports
    expected of them. Decided (approved) by the sales head."""

    _name = "sale.intel.policy"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "order.handling.workflow.mixin",
    ]
    _workflow_state_field = "state"
    _workflow_protected_fields = ("approved_uid", "approved_date")
    _description = "Intelligence Activity Policy"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_from = fields.Date(string="Start", required=True, tracking=True)
    date_to = fields.Date(string="End", required=True, tracking=True)
    can_approve = fields.Boolean(compute="_compute_can_buttons")
    can_close = fields.Boolean(compute="_compute_can_buttons")
    can_draft = fields.Boolean(compute="_compute_can_buttons")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("closed", "Closed"),
        ],
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    approved_uid = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many(
        "sale.intel.policy.line", "policy_id", string="Assignments", copy=True
    )
    guidance = fields.Html(help="What to look for in this period.")
    expected_count = fields.Integer(
        string="Expected Reports", compute="_compute_counts"
    )
    filed_count = fields.Integer(string="Filed Reports", compute="_compute_counts")

    @api.depends("line_ids.expected_count")
    def _compute_counts(self):
        for policy in self:
            policy.expected_count = sum(policy.line_ids.mapped("expected_count"))
            policy.filed_count = sum(policy.line_ids.mapped("filed_count"))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for policy in self:
            if policy.date_to < policy.date_from:
                raise ValidationError(
                    self.env._(
                        "The policy %(policy)s ends before it starts.",
                        policy=policy.name,
                    )
                )

    # ------------------------------------------------------ buttons' rules

    def _refuse_approve(self):
        if not (self.env.su or self.env.user.has_group(roles.SALES_HEAD)):
            return self.env._(
                "Only the head of the sales department approves a policy."
            )
        if self.state != "draft":
            return self.env._(
                "Only a draft policy can be approved (%(policy)s).", policy=self.name
            )
        return ""

    def _refuse_close(self):
        refusal = self._refuse_unless_groups(roles.SALES_HEAD, roles.MANAGER)
        if refusal or self.state == "approved":
            return refusal
        return self.env._(
            "Only an approved policy can be closed (%(policy)s).", policy=self.name
        )

    def _refuse_draft(self):
        refusal = self._refuse_unless_groups(roles.SALES_HEAD, roles.MANAGER)
        if refusal or self.state != "draft":
            return refusal
        return self.env._("%(policy)s is already a draft.", policy=self.name)

    # --------------------------------------------------------------- actions

    def action_approve(self):
        self._ensure_can("approve")
        for policy in self:
            if not policy.line_ids:
                raise UserError(
                    self.env._(
                        "Assign regions and channels to at least one salesperson "
                        "before approving %(policy)s.",
                        policy=policy.name,
                    )
                )
        self._workflow_write(
            {
                "state": "approved",
                "approved_uid": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    def action_close(self):
        self._ensure_can("close")
        self._workflow_write({"state": "closed"})
        return True

    def action_draft(self):
        self._ensure_can("draft")
        self._workflow_write(
            {"state": "draft", "approved_uid": False, "approved_date": False}
        )
        return True

    @api.model
    def _cron_remind_salespeople(self):
        """Monthly: one 'Intelligence report' activity per salesperson of every
        approved policy running today. A line remembers the month it was
        reminded for, so a second run in the same month does nothing."""
        today = fields.Date.context_today(self)
        month = today.strftime("%Y-%m")
        lines = self.env["sale.intel.policy.line"].search(
            [
                ("policy_id.state", "=", "approved"),
                ("policy_id.date_from", "<=", today),
                ("policy_id.date_to", ">=", today),
                ("user_id", "!=", False),
                "|",
                ("last_reminder_month", "=", False),
                ("last_reminder_month", "!=", month),
            ]
        )
        activity_type = self.env.ref(
            "sale_order_intel.mail_activity_type_intel_report",
            raise_if_not_found=False,
        )
        model_id = self.env["ir.model"]._get_id("sale.intel.policy")
        vals_list = [
            line._prepare_reminder_activity_vals(month, activity_type, model_id)
            for line in lines
        ]
        self.env["mail.activity"].sudo().create(vals_list)
        lines.write({"last_reminder_month": month})
        return lines

    def _get_reports_domain(self):
        return [
            ("company_id", "in", self.company_id.ids),
            ("state", "!=", "draft"),
        ]


class SaleIntelPolicyLine(models.Model):
    _name = "sale.intel.policy.line"
    _inherit = ["order.handling.document.mixin"]
    _description = "Intelligence Activity Assignment"
    _order = "policy_id, user_id, id"
    _check_company_auto = True

    policy_id = fields.Many2one(
        "sale.intel.policy", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="policy_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        check_company=True,
        domain="[('share', '=', False)]",
    )
    region = fields.Char(required=True)
    channel_ids = fields.Many2many(
        "sale.intel.channel", string="Channels", help="Channels to investigate."
    )
    expected_count = fields.Integer(string="Expected Reports", default=1)
    filed_count = fields.Integer(string="Filed Reports", compute="_compute_filed")
    compliance = fields.Float(
        string="Compliance (%)", compute="_compute_filed", digits=(16, 1)
    )
    last_reminder_month = fields.Char(readonly=True, copy=False)

    _sql_constraints = [
        (
            "user_policy_uniq",
            "unique(policy_id, user_id)",
            "A salesperson appears once per policy.",
        ),
    ]

    @api.constrains("expected_count")
    def _check_expected_count(self):
        for line in self:
            if line.expected_count < 0:
                raise ValidationError(
                    self.env._("The expected number of reports cannot be negative.")
                )

    def _compute_filed(self):
        """Filed reports of all lines in one grouped query."""
        groups = (
            self.env["sale.intel.compliance.report"]
            .sudo()
            ._read_group(
                [("line_id", "in", self.ids)], ["line_id"], ["filed_count:sum"]
            )
        )
        filed = {line.id: count for line, count in groups}
        for line in self:
            line.filed_count = filed.get(line.id, 0)
            line.compliance = (
                min(line.filed_count * 100.0 / line.expected_count, 100.0)
                if line.expected_count
                else 100.0
            )

    def _prepare_reminder_activity_vals(self, month, activity_type, model_id):
        self.ensure_one()
        # the salesperson's to-do, in the salesperson's language (not the
        # cron's)
        env = self.with_context(lang=self.user_id.lang or self.env.lang).env
        return {
            "res_model_id": model_id,
            "res_id": self.policy_id.id,
            "activity_type_id": activity_type.id if activity_type else False,
            "user_id": self.user_id.id,
            "summary": env._(
                "Intelligence reports for %(month)s: %(count)s expected",
                month=month,
                count=self.expected_count,
            ),
            "note": env._(
                "Region: %(region)s. File your intelligence reports of the month.",
                region=self.region,
            ),
            "date_deadline": fields.Date.end_of(
                fields.Date.context_today(self), "month"
            ),
        }


class SaleIntelChannel(models.Model):
    _name = "sale.intel.channel"
    _inherit = ["order.handling.document.mixin"]
    _description = "Intelligence Channel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
