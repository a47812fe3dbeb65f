# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTechDocumentType(models.Model):
    """A kind of technical document a product needs before it can be made as
    a regular order: drawing, process, inspection standard, BOM, packaging…"""

    _name = "product.tech.document.type"
    _inherit = ["order.handling.document.mixin"]
    _description = "Technical Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Stable key used by other addons.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    required = fields.Boolean(
        default=True,
        help="Products missing a done document of a required type are "
        "classified non-regular.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a document type must be unique.")
    ]
