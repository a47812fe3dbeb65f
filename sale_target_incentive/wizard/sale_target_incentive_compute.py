# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.sale_target_incentive_scale import PERIOD_TYPES


class SaleTargetIncentiveCompute(models.TransientModel):
    """Compute the incentives of a period for every salesperson (R10.3): one
    button for the sales head at the end of a month, quarter or year."""

    _name = "sale.target.incentive.compute"
    _inherit = ["order.handling.document.mixin"]
    _description = "Compute Incentives"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period_type = fields.Selection(
        PERIOD_TYPES, string="Period", required=True, default="month"
    )
    date_from = fields.Date(
        string="Periods From",
        required=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        ),
        help="The periods that start on or after this day and end on or "
        "before the next are computed.",
    )
    date_to = fields.Date(
        string="Periods To",
        required=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1) - relativedelta(days=1)
        ),
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Salespeople",
        domain="[('share', '=', False)]",
        help="Empty: every salesperson with a confirmed target.",
    )

    @api.model
    def _get_targets(self, company, users):
        domain = [
            ("company_id", "=", company.id),
            ("state", "=", "confirmed"),
            ("scope", "=", "user"),
        ]
        if users:
            domain.append(("user_id", "in", users.ids))
        return self.env["sale.target"].search(domain)

    def action_compute(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The periods end before they start."))
        Incentive = self.env["sale.target.incentive"].with_company(self.company_id)
        incentives = Incentive._compute_incentives(
            self._get_targets(self.company_id, self.user_ids),
            self.period_type,
            self.date_from,
            self.date_to,
        )
        if not incentives:
            raise UserError(
                self.env._(
                    "No incentive to compute: no confirmed salesperson target "
                    "has a period of this type in these dates with an approved "
                    "incentive scale covering it."
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_target_incentive.sale_target_incentive_action"
        )
        action["domain"] = [("id", "in", incentives.ids)]
        action["context"] = {}
        return action
