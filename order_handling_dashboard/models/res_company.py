# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    monthly_summary_sent_month = fields.Char(
        string="Monthly Summary Sent For",
        readonly=True,
        copy=False,
        help="The last month (YYYY-MM) whose summary the monthly job sent to "
        "the managers: it is sent once.",
    )
