# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleIntelSummary(models.TransientModel):
    """Monthly summary of order intelligence (R11.2): reports filed, how
    they were evaluated and converted, plans, rewards, policy compliance."""

    _name = "sale.intel.summary"
    _inherit = ["order.handling.document.mixin"]
    _description = "Monthly Intelligence Summary"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        string="Start", required=True, default=lambda self: self._default_month()[0]
    )
    date_to = fields.Date(
        string="End", required=True, default=lambda self: self._default_month()[1]
    )

    @api.model
    def _default_month(self):
        first = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        return first, first + relativedelta(months=1, days=-1)

    def action_print(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The summary period ends before it starts."))
        return self.env.ref(
            "sale_order_intel.action_report_intel_summary"
        ).report_action(self)

    def _get_summary(self):
        """Everything the summary prints, each figure from a grouped query."""
        self.ensure_one()
        Report = self.env["sale.intel.report"]
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date_report", ">=", self.date_from),
            ("date_report", "<=", self.date_to),
            ("state", "!=", "draft"),
        ]
        type_labels = dict(
            Report._fields["intel_type"]._description_selection(self.env)
        )
        state_labels = dict(Report._fields["state"]._description_selection(self.env))
        by_type = [
            (type_labels[intel_type], count, amount)
            for intel_type, count, amount in Report._read_group(
                domain, ["intel_type"], ["__count", "expected_amount:sum"]
            )
        ]
        by_state = [
            (state_labels[state], count)
            for state, count in Report._read_group(domain, ["state"], ["__count"])
        ]
        by_user = Report._read_group(
            domain, ["user_id"], ["__count"], order="__count desc"
        )
        total = sum(count for __, count, __ in by_type)
        valuable = Report.search_count(domain + [("is_valuable", "=", True)])
        won = Report.search_count(
            domain
            + [
                ("state", "in", ("won", "closed")),
                ("sale_order_ids.state", "=", "sale"),
            ]
        )
        Reward = self.env["sale.intel.reward"]
        reward_domain = [
            ("company_id", "=", self.company_id.id),
            ("create_date", ">=", self.date_from),
            ("create_date", "<", self.date_to + relativedelta(days=1)),
            ("state", "!=", "cancel"),
        ]
        reward_labels = dict(
            Reward._fields["reward_type"]._description_selection(self.env)
        )
        rewards = [
            (reward_labels[reward_type], count, amount)
            for reward_type, count, amount in Reward._read_group(
                reward_domain, ["reward_type"], ["__count", "amount:sum"]
            )
        ]
        return {
            "total": total,
            "valuable": valuable,
            "won": won,
            "conversion": won * 100.0 / total if total else 0.0,
            "by_type": by_type,
            "by_state": by_state,
            "by_user": by_user,
            "rewards": rewards,
            "currency": self.company_id.currency_id,
            "reports": Report.search(domain, order="date_report, id"),
        }
