# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OrderHandlingDepartment(models.Model):
    _inherit = "order.handling.department"

    is_workshop = fields.Boolean(
        string="Production Workshop",
        tracking=True,
        help="A workshop of production (blown film, printing, bag making …): "
        "it can be a step of a follow-up route and receives production "
        "notices (R5.6).",
    )
