# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderIntakeIssue(models.Model):
    """A problem found by the last intake check of an order."""

    _name = "sale.order.intake.issue"
    _inherit = ["order.handling.document.mixin"]
    _description = "Intake Check Issue"
    _order = "order_id, blocking desc, id"

    order_id = fields.Many2one(
        "sale.order", required=True, index=True, ondelete="cascade", readonly=True
    )
    line_id = fields.Many2one(
        "sale.order.line", string="Order Line", ondelete="cascade", readonly=True
    )
    rule_id = fields.Many2one(
        "sale.order.intake.rule", string="Check", ondelete="set null", readonly=True
    )
    message = fields.Char(readonly=True)
    blocking = fields.Boolean(readonly=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
