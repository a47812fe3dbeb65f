# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleCustomerPreferenceTag(models.Model):
    """A preference of a customer kept in the customer archive (R8.2), e.g.
    'delivery before 10:00', 'wooden crates', 'English documents'."""

    _name = "sale.customer.preference.tag"
    _inherit = ["order.handling.document.mixin"]
    _description = "Customer Preference"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A customer preference must be unique."),
    ]
