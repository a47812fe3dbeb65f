# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleTarget(models.Model):
    """The incentives beside the achievement of a target (R10.3)."""

    _inherit = "sale.target"

    incentive_ids = fields.One2many(
        "sale.target.incentive", "target_id", string="Incentives", readonly=True
    )
    incentive_count = fields.Integer(compute="_compute_incentive_totals")
    incentive_amount = fields.Monetary(
        string="Bonus", compute="_compute_incentive_totals"
    )

    def _compute_incentive_totals(self):
        """Count and approved bonus of the incentives the user may read, in
        one grouped query for all targets."""
        Incentive = self.env["sale.target.incentive"]
        totals = {}
        if Incentive.has_access("read"):
            groups = Incentive._read_group(
                [("target_id", "in", self._origin.ids)],
                ["target_id", "state"],
                ["__count", "bonus_amount:sum"],
            )
            for target, state, count, amount in groups:
                count_sum, amount_sum = totals.get(target.id, (0, 0.0))
                totals[target.id] = (
                    count_sum + count,
                    amount_sum + (amount if state == "approved" else 0.0),
                )
        for target in self:
            target.incentive_count, target.incentive_amount = totals.get(
                target._origin.id, (0, 0.0)
            )

    def action_view_incentives(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_target_incentive.sale_target_incentive_action"
        )
        action["domain"] = [("target_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.ondelete(at_uninstall=False)
    def _unlink_except_incentive_sent(self):
        """A deleted target takes its draft incentives along, never one sent
        for approval or approved."""
        incentives = (
            self.env["sale.target.incentive"]
            .sudo()
            .search([("target_id", "in", self.ids)])
        )
        if incentives.filtered(lambda i: i.state != "draft"):
            raise UserError(
                self.env._(
                    "A target with incentives sent for approval or approved "
                    "cannot be deleted."
                )
            )
        incentives.unlink()
