# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


class SaleOrderCopy(models.Model):
    """What the departments read of an urgent order, and the assessor's way
    to it: the person named to assess an urgent order reads its copy, not
    the order (R6.1, R7.4)."""

    _inherit = "sale.order.copy"

    intake_urgent = fields.Boolean(string="Urgent", readonly=True)
    urgency_level = fields.Selection([("1", "High"), ("2", "Critical")], readonly=True)
    urgent_deadline = fields.Datetime(string="Needed By", readonly=True)
    urgency_assessor_id = fields.Many2one(
        "res.users", string="Feasibility Assessed By", readonly=True
    )
    urgency_decision = fields.Selection(
        [("accepted", "Feasible: accepted"), ("refused", "Not feasible")],
        readonly=True,
    )
    intake_can_assess_urgency = fields.Boolean(
        compute="_compute_intake_can_assess_urgency"
    )

    @api.depends_context("uid")
    def _compute_intake_can_assess_urgency(self):
        # the order's own rule, for the current user, read in sudo (the
        # assessor reads the copy, not the order)
        orders = self.env["sale.order"].sudo().browse(self.ids)
        can = {order.id: order.intake_can_assess_urgency for order in orders}
        for copy in self:
            copy.intake_can_assess_urgency = can.get(copy.id, False)

    def _department_visible_queries(self):
        """The person named to assess an urgent order reads its copy (R6.1)."""
        self.env["sale.order"].flush_model(["urgency_assessor_id"])
        return super()._department_visible_queries() + [
            SQL(
                "SELECT so.id FROM sale_order so WHERE so.urgency_assessor_id = %s",
                self.env.uid,
            )
        ]

    def action_urgent_assess(self, decision=None, assessment=None):
        """The named assessor decides from the copy (R6.1)."""
        return (
            self.env["sale.order"]
            .browse(self.ids)
            .action_urgent_assess(decision, assessment)
        )
