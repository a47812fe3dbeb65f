# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sale_order_violation_register = fields.Boolean(
        string="Register Violations",
        help="Tampered archives, refused reads of archived orders and "
        "approvals decided outside the approval workflow are filed in the "
        "register of violations and the administrators are told (R7.8).",
    )
