# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    customer_visit_delay_days = fields.Integer(
        string="Follow-up Visit After Delivery (days)",
        default=7,
        help="A follow-up visit is planned this many days after a delivery to "
        "a customer is done. 0 disables visits after delivery.",
    )
    customer_visit_period_days = fields.Integer(
        string="Periodic Visit Every (days)",
        default=90,
        help="Each customer with confirmed orders gets a follow-up visit when "
        "their last visit is older than this. 0 disables periodic visits.",
    )
    customer_visit_low_score = fields.Integer(
        string="Low Score Threshold",
        default=2,
        help="A visit score (1-5) at or below this value opens a complaint.",
    )
    complaint_resolution_hours = fields.Float(
        string="Complaint Resolution Target (working hours)",
        default=40.0,
        help="Working hours from acknowledgement to the solution being "
        "confirmed by the customer.",
    )
