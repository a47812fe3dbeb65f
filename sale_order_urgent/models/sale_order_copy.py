# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
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
    can_urgent_assess = fields.Boolean(compute="_compute_can_buttons")

    def _refuse_urgent_assess(self):
        # the order's own rule, for the current user (it reads the order in
        # sudo: the assessor reads the copy, not the order)
        self.ensure_one()
        return self.env["sale.order"].browse(self.id)._refuse_urgent_assess()

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
        self._ensure_can("urgent_assess")
        return (
            self.env["sale.order"]
            .browse(self.ids)
            .sudo()
            ._urgent_assess(decision, assessment)
        )
