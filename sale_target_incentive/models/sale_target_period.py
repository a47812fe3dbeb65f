# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleTargetPeriod(models.Model):
    """The incentive of a period beside its achievement (R10.3)."""

    _inherit = "sale.target.period"

    incentive_id = fields.Many2one(
        "sale.target.incentive", compute="_compute_incentive"
    )
    incentive_band_id = fields.Many2one(
        "sale.target.incentive.band", string="Band", compute="_compute_incentive"
    )
    incentive_amount = fields.Monetary(string="Bonus", compute="_compute_incentive")
    incentive_state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
        ],
        string="Incentive Status",
        compute="_compute_incentive",
    )

    def _compute_incentive(self):
        """The incentives the user may read, in one query for all periods."""
        Incentive = self.env["sale.target.incentive"]
        incentives = {}
        if Incentive.has_access("read"):
            incentives = {
                incentive.period_id.id: incentive
                for incentive in Incentive.search(
                    [("period_id", "in", self._origin.ids)]
                )
            }
        for period in self:
            incentive = incentives.get(period._origin.id, Incentive)
            period.incentive_id = incentive
            period.incentive_band_id = incentive.band_id
            period.incentive_amount = incentive.bonus_amount
            period.incentive_state = incentive.state

    @api.ondelete(at_uninstall=False)
    def _unlink_except_incentive_sent(self):
        """A breakdown computed again drops the draft incentives of its
        periods; an incentive sent for approval or approved keeps them."""
        incentives = (
            self.env["sale.target.incentive"]
            .sudo()
            .search([("period_id", "in", self.ids)])
        )
        sent = incentives.filtered(lambda i: i.state != "draft")
        if sent:
            raise UserError(
                self.env._(
                    "The periods of %(target)s have incentives sent for approval "
                    "or approved: the breakdown can no longer change.",
                    target=sent[:1].target_id.name,
                )
            )
        incentives.unlink()
