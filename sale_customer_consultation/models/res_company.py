# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    consultation_report_enabled = fields.Boolean(
        string="Monthly Consultation Report to Departments",
        help="Once a month, the consultations of the past month are counted "
        "by topic and each department concerned by a topic receives its "
        "figures (a message and an activity for its people). Off: nobody "
        "is sent anything.",
    )
