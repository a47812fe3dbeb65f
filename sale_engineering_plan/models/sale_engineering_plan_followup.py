# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class SaleEngineeringPlanFollowup(models.Model):
    """An entry of the rollout log kept by the process engineer (R4.4)."""

    _name = "sale.engineering.plan.followup"
    _inherit = ["order.handling.document.mixin"]
    _description = "Product Plan Rollout Log"
    _order = "date desc, id desc"

    plan_id = fields.Many2one(
        "sale.engineering.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    user_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True, readonly=True
    )
    department_id = fields.Many2one("order.handling.department")
    note = fields.Text(required=True)
    progress = fields.Integer(string="Progress (%)")

    @api.constrains("progress")
    def _check_progress(self):
        for entry in self:
            if not 0 <= entry.progress <= 100:
                raise ValidationError(
                    self.env._("Progress is a percentage between 0 and 100.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        entries = super().create(vals_list)
        entries._check_plan_issued()
        return entries

    def write(self, vals):
        if not self.env.su:
            self._check_plan_issued()
        result = super().write(vals)
        if "plan_id" in vals:
            self._check_plan_issued()
        return result

    def _check_plan_issued(self):
        for entry in self:
            if entry.plan_id.state != "issued":
                raise UserError(
                    self.env._(
                        "The rollout of plan %s is logged while the plan is issued.",
                        entry.plan_id.name,
                    )
                )
