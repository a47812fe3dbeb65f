# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

STAGE_CODES = [
    ("new", "New"),
    ("acknowledged", "Acknowledged"),
    ("investigating", "Investigating"),
    ("solution", "Solution Proposed"),
    ("confirmed", "Customer Confirmed"),
    ("closed", "Closed"),
]


class SaleCustomerComplaintStage(models.Model):
    """A column of the complaint kanban. ``code`` is the step of the
    regulation the stage stands for: the guards and SLA policies read it, so
    stages can be renamed or re-ordered freely."""

    _name = "sale.customer.complaint.stage"
    _inherit = ["order.handling.document.mixin"]
    _description = "Complaint Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    code = fields.Selection(STAGE_CODES, required=True)
    fold = fields.Boolean(string="Folded in Kanban")
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Each step of a complaint has one stage."),
    ]
