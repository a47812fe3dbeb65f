# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class SaleTargetPeriod(models.Model):
    """One part of an annual target: a quarter, a month, or an ISO week
    (Monday to Sunday). Months belong to a quarter; weeks are a series of
    their own (no parent) that adds up to the year. Weeks made before
    18.0.1.1.0 and kept by the migration are clipped to their month and
    belong to it."""

    _name = "sale.target.period"
    _inherit = ["order.handling.document.mixin"]
    _description = "Sales Target Period"
    _order = "target_id, date_from, period_type, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    target_id = fields.Many2one(
        "sale.target",
        string="Annual Target",
        required=True,
        ondelete="cascade",
        index=True,
    )
    parent_id = fields.Many2one(
        "sale.target.period",
        string="Part Of",
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    child_ids = fields.One2many("sale.target.period", "parent_id", string="Parts")
    period_type = fields.Selection(
        [("quarter", "Quarter"), ("month", "Month"), ("week", "Week")],
        required=True,
        index=True,
    )
    sequence = fields.Integer()
    date_from = fields.Date(string="Start", required=True)
    date_to = fields.Date(string="End", required=True)
    amount = fields.Monetary(string="Target")
    company_id = fields.Many2one(related="target_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="target_id.currency_id")
    scope = fields.Selection(related="target_id.scope", store=True)
    team_id = fields.Many2one(related="target_id.team_id", store=True, index=True)
    user_id = fields.Many2one(related="target_id.user_id", store=True, index=True)
    state = fields.Selection(related="target_id.state", store=True)
    actual_amount = fields.Monetary(string="Actual", compute="_compute_actual")
    achievement = fields.Float(
        string="Achievement (%)", compute="_compute_actual", digits=(16, 1)
    )

    @api.depends(
        "period_type", "date_from", "date_to", "parent_id", "target_id.date_from"
    )
    def _compute_name(self):
        for period in self:
            start = period.date_from
            if not start:
                period.name = False
            elif period.period_type == "quarter":
                period.name = self.env._(
                    "%(year)s Q%(quarter)s",
                    year=period.target_id.year or start.year,
                    quarter=period.sequence,
                )
            elif period.period_type == "month":
                period.name = start.strftime("%Y-%m")
            else:
                # ISO 8601 week date: the ISO year of a week is that of its
                # Thursday, so 2025-12-29 to 2026-01-04 is 2026-W01
                year, week, __ = start.isocalendar()
                period.name = f"{year}-W{week:02d}"
                if period.parent_id:
                    # a month-clipped week of a breakdown kept from before
                    # 18.0.1.1.0: its dates tell its two parts apart
                    period.name += (
                        f" ({start:%m-%d}/{period.date_to:%m-%d})"
                        if period.date_to
                        else ""
                    )

    def _compute_actual(self):
        """Actuals of all periods in one grouped query on the report view,
        whatever the number of periods and people."""
        groups = (
            self.env["sale.target.report"]
            .sudo()
            ._read_group(
                [("period_id", "in", self.ids)], ["period_id"], ["actual_amount:sum"]
            )
        )
        actuals = {period.id: amount for period, amount in groups}
        for period in self:
            period.actual_amount = actuals.get(period.id, 0.0)
            period.achievement = (
                period.actual_amount / period.amount * 100.0 if period.amount else 0.0
            )

    @api.constrains("amount", "date_from", "date_to")
    def _check_amount(self):
        for period in self:
            if period.currency_id.compare_amounts(period.amount, 0.0) < 0:
                raise ValidationError(
                    self.env._(
                        "The target of %(period)s cannot be negative.",
                        period=period.name,
                    )
                )
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._("%(period)s ends before it starts.", period=period.name)
                )

    def write(self, vals):
        if self.filtered(lambda p: p.target_id.state != "draft"):
            raise UserError(
                self.env._(
                    "Set the target back to draft before changing its breakdown."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if self.filtered(lambda p: p.target_id.state == "confirmed"):
            raise UserError(
                self.env._("The breakdown of a confirmed target cannot be deleted.")
            )
