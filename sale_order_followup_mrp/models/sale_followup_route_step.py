# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleFollowupRouteStep(models.Model):
    _inherit = "sale.followup.route.step"

    workcenter_id = fields.Many2one(
        "mrp.workcenter",
        string="Work Centre",
        check_company=True,
        help="The work centre of this workshop step: the notice is done when "
        "the work orders of the order's manufacturing orders on this work "
        "centre are done (R5.6 with MRP).",
    )
