# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    followup_enabled = fields.Boolean(
        string="Production Follow-up",
        help="Orders of products whose category has a follow-up route get "
        "specification sheets confirmed by the customer and one production "
        "notice per workshop in turn (R5.6). Off on installation: nothing "
        "changes until a manager switches it on.",
    )
