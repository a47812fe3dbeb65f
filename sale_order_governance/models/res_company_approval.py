# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sale_order_approval = fields.Boolean(
        string="Order Approvals",
        help="Quotations of this company follow the approval rules shipped "
        "with Sale Order Governance (amount, non-regular, new customer) "
        "before they are confirmed. Off on installation.",
    )
