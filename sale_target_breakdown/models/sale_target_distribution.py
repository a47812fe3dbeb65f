# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


class SaleTargetDistribution(models.Model):
    """How an annual target is spread over the calendar months (seasonality),
    as percentages that add up to 100."""

    _name = "sale.target.distribution"
    _inherit = ["order.handling.document.mixin"]
    _description = "Sales Target Distribution Template"
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the template between companies.",
    )
    line_ids = fields.One2many(
        "sale.target.distribution.line",
        "distribution_id",
        string="Months",
        copy=True,
    )
    total_percent = fields.Float(
        string="Total (%)", compute="_compute_total_percent", digits=(16, 2)
    )

    @api.depends("line_ids.percent")
    def _compute_total_percent(self):
        for distribution in self:
            distribution.total_percent = sum(distribution.line_ids.mapped("percent"))

    @api.constrains("line_ids")
    def _check_lines(self):
        for distribution in self:
            months = distribution.line_ids.mapped("month")
            if len(months) != len(set(months)):
                raise ValidationError(
                    self.env._(
                        "Distribution %(name)s gives a month more than once.",
                        name=distribution.name,
                    )
                )
            total = sum(distribution.line_ids.mapped("percent"))
            if distribution.line_ids and float_compare(total, 100.0, 2) != 0:
                raise ValidationError(
                    self.env._(
                        "The months of distribution %(name)s add up to "
                        "%(total)s%%, not 100%%.",
                        name=distribution.name,
                        total=round(total, 2),
                    )
                )

    def _get_month_percent(self):
        """{calendar month (1-12): percent}"""
        self.ensure_one()
        return {int(line.month): line.percent for line in self.line_ids}


class SaleTargetDistributionLine(models.Model):
    _name = "sale.target.distribution.line"
    _inherit = ["order.handling.document.mixin"]
    _description = "Sales Target Distribution Month"
    _order = "distribution_id, sequence, id"

    distribution_id = fields.Many2one(
        "sale.target.distribution", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(compute="_compute_sequence", store=True)
    month = fields.Selection(MONTHS, required=True)
    percent = fields.Float(string="Share (%)", digits=(16, 2), required=True)

    @api.depends("month")
    def _compute_sequence(self):
        for line in self:
            line.sequence = int(line.month or 0)

    @api.constrains("percent")
    def _check_percent(self):
        for line in self:
            if line.percent < 0 or line.percent > 100:
                raise ValidationError(
                    self.env._(
                        "A month's share must be between 0 and 100%%, "
                        "not %(percent)s%%.",
                        percent=line.percent,
                    )
                )
