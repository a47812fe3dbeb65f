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
    sale_order_change_control = fields.Boolean(
        string="Changes and Cancellations by Request",
        help="The key fields and lines of this company's confirmed orders "
        "change only through an approved change request, and a confirmed order "
        "is cancelled only through an approved cancel request (R7.2, R7.3). "
        "Off on installation: confirmed orders are edited and cancelled as in "
        "plain Odoo.",
    )
