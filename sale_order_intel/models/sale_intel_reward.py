# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.order_handling_base.models import roles


class SaleIntelReward(models.Model):
    """Reward ledger (奖励, R9.4): the information fee of a valuable report and
    the thank-you reward of a confirmed order linked to a report. Approved
    through tier validation (tier definitions ship as data), then paid; an
    external provider is paid through a vendor bill."""

    _name = "sale.intel.reward"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "order.handling.workflow.mixin",
    ]
    _workflow_state_field = "state"
    _workflow_protected_fields = ("approved_date", "paid_date", "bill_id")
    _description = "Intelligence Reward"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    report_id = fields.Many2one(
        "sale.intel.report",
        string="Intelligence Report",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    reward_type = fields.Selection(
        [("info_fee", "Information Fee"), ("thank_you", "Thank-you Reward")],
        string="Type",
        required=True,
        tracking=True,
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Rewarded Order",
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users", string="Reporter", related="report_id.user_id", store=True
    )
    provider_id = fields.Many2one(
        "res.partner",
        string="External Provider",
        related="report_id.provider_id",
        store=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Beneficiary",
        compute="_compute_partner_id",
        store=True,
    )
    amount = fields.Monetary(required=True, tracking=True)
    can_approve = fields.Boolean(compute="_compute_can_buttons")
    can_create_bill = fields.Boolean(compute="_compute_can_buttons")
    can_mark_paid = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")
    state = fields.Selection(
        [
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="to_approve",
        copy=False,
        index=True,
        tracking=True,
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    paid_date = fields.Date(readonly=True, copy=False)
    bill_id = fields.Many2one(
        "account.move", string="Vendor Bill", readonly=True, copy=False
    )
    note = fields.Text()

    @api.returns("tier.review")  # over RPC: the ids of the new reviews
    def request_validation(self):
        # tier.validation computes need_validation without dependencies: a
        # value cached before the reviews existed would request them twice
        self.invalidate_recordset(["need_validation"])
        return super().request_validation()

    @api.depends("user_id", "provider_id")
    def _compute_partner_id(self):
        for reward in self:
            reward.partner_id = reward.provider_id or reward.user_id.partner_id

    @api.constrains("amount")
    def _check_amount(self):
        for reward in self:
            if reward.currency_id.compare_amounts(reward.amount, 0.0) <= 0:
                raise ValidationError(
                    self.env._(
                        "A reward must be a positive amount (%(reward)s).",
                        reward=reward.name,
                    )
                )

    @api.constrains("report_id", "reward_type", "sale_order_id", "state")
    def _check_rules(self):
        """Only valuable reports earn rewards; a thank-you reward needs a
        confirmed order linked to the report; one reward per order and one
        information fee per report."""
        for reward in self.filtered(lambda r: r.state != "cancel"):
            report = reward.report_id
            if not report.is_valuable:
                raise ValidationError(
                    self.env._(
                        "%(report)s was not evaluated as valuable: it earns no reward.",
                        report=report.name,
                    )
                )
            if reward.reward_type == "thank_you":
                order = reward.sale_order_id
                if (
                    not order
                    or order.intel_report_id != report
                    or order.state != "sale"
                ):
                    raise ValidationError(
                        self.env._(
                            "A thank-you reward needs a confirmed sale order "
                            "linked to %(report)s.",
                            report=report.name,
                        )
                    )
                domain = [("sale_order_id", "=", order.id)]
            else:
                domain = [
                    ("report_id", "=", report.id),
                    ("reward_type", "=", "info_fee"),
                ]
            duplicate = self.sudo().search_count(
                domain + [("id", "!=", reward.id), ("state", "!=", "cancel")], limit=1
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "%(what)s already has a reward.",
                        what=order.name
                        if reward.reward_type == "thank_you"
                        else report.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("sale.intel.reward") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        if "amount" in vals and self.filtered(lambda r: r.state != "to_approve"):
            raise UserError(
                self.env._("The amount of an approved reward cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_cancelled(self):
        if self.filtered(lambda r: r.state != "cancel"):
            raise UserError(self.env._("Cancel a reward before deleting it."))

    # --------------------------------------------------------------- creation

    @api.model
    def _create_info_fees(self, reports):
        vals_list = [
            {
                "report_id": report.id,
                "company_id": report.company_id.id,
                "reward_type": "info_fee",
                "amount": report.company_id.intel_info_fee_amount,
            }
            for report in reports
            if report.company_id.currency_id.compare_amounts(
                report.company_id.intel_info_fee_amount, 0.0
            )
            > 0
        ]
        rewards = self.create(vals_list)
        rewards.request_validation()
        return rewards

    @api.model
    def _prepare_thank_you_amount(self, order):
        company = order.company_id
        untaxed = order.currency_id._convert(
            order.amount_untaxed, company.currency_id, company, order.date_order
        )
        amount = company.currency_id.round(untaxed * company.intel_reward_rate / 100.0)
        if company.intel_reward_max_amount:
            amount = min(amount, company.intel_reward_max_amount)
        return amount

    @api.model
    def _create_thank_you_rewards(self, orders):
        """One reward per confirmed order linked to a valuable report; an
        order that already has one is skipped (confirming twice, or an order
        re-confirmed after a cancel, pays once)."""
        orders = orders.filtered(
            lambda o: o.state == "sale" and o.intel_report_id.is_valuable
        )
        rewarded = set(
            self.sudo()
            .search([("sale_order_id", "in", orders.ids), ("state", "!=", "cancel")])
            .sale_order_id.ids
        )
        vals_list = []
        for order in orders:
            amount = self._prepare_thank_you_amount(order)
            if order.id in rewarded or amount <= 0:
                continue
            vals_list.append(
                {
                    "report_id": order.intel_report_id.id,
                    "company_id": order.company_id.id,
                    "reward_type": "thank_you",
                    "sale_order_id": order.id,
                    "amount": amount,
                }
            )
        rewards = self.sudo().create(vals_list)
        rewards.request_validation()
        return rewards

    # ------------------------------------------------------ buttons' rules

    def _refuse_state(self, states):
        self.ensure_one()
        if self.state in states:
            return ""
        return self.env._(
            "Reward %(reward)s is %(state)s: this step is not possible now.",
            reward=self.name,
            state=dict(self._fields["state"]._description_selection(self.env))[
                self.state
            ],
        )

    def _refuse_not_payer(self):
        user = self.env.user
        if (
            self.env.su
            or user.has_group(roles.MARKETING_PLANNING)
            or user.has_group(roles.MANAGER)
        ):
            return ""
        return self.env._("Only marketing planning or an administrator pays rewards.")

    def _refuse_approve(self):
        refusal = self._refuse_not_payer() or self._refuse_state(["to_approve"])
        if refusal or self.validation_status == "validated":
            return refusal
        return self.env._(
            "Reward %(reward)s needs its approvals first: request "
            "validation and wait for the reviewers.",
            reward=self.name,
        )

    def _refuse_create_bill(self):
        refusal = self._refuse_state(["approved"]) or self._refuse_not_payer()
        if refusal:
            return refusal
        if not self.provider_id:
            return self.env._(
                "Reward %(reward)s goes to an employee: pay it with the "
                "payroll and mark it as paid.",
                reward=self.name,
            )
        if self.bill_id:
            return self.env._(
                "Reward %(reward)s already has a vendor bill.", reward=self.name
            )
        return ""

    def _refuse_mark_paid(self):
        refusal = self._refuse_state(["approved"]) or self._refuse_not_payer()
        if refusal or not self.provider_id or self.bill_id:
            return refusal
        return self.env._(
            "Create the vendor bill of %(reward)s before marking it as paid.",
            reward=self.name,
        )

    def _refuse_cancel(self):
        return self._refuse_state(["to_approve", "approved"]) or (
            self._refuse_not_payer()
        )

    # ---------------------------------------------------------------- actions

    def action_approve(self):
        """Approve once the tier validation is complete (tier.validation
        refuses the state change while reviews are pending)."""
        self._ensure_can("approve")
        self._workflow_write(
            {"state": "approved", "approved_date": fields.Datetime.now()}
        )
        return True

    def action_create_bill(self):
        """Vendor bill for an external provider's approved reward."""
        self._ensure_can("create_bill")
        moves = self.env["account.move"]
        for reward in self:
            move = moves.sudo().create(reward._prepare_bill_vals())
            reward._workflow_write({"bill_id": move.id})
            moves |= move
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "domain": [("id", "in", moves.ids)],
            "view_mode": "list,form",
        }

    def _prepare_bill_vals(self):
        self.ensure_one()
        return {
            "move_type": "in_invoice",
            "partner_id": self.provider_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.name,
            "ref": self.report_id.name,
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": self.env._(
                            "%(type)s for intelligence report %(report)s",
                            type=dict(
                                self._fields["reward_type"]._description_selection(
                                    self.env
                                )
                            )[self.reward_type],
                            report=self.report_id.name,
                        ),
                        "quantity": 1.0,
                        "price_unit": self.amount,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }

    def action_mark_paid(self):
        self._ensure_can("mark_paid")
        self._workflow_write(
            {"state": "paid", "paid_date": fields.Date.context_today(self)}
        )
        return True

    def action_cancel(self):
        self._ensure_can("cancel")
        self._workflow_write({"state": "cancel"})
        return True
