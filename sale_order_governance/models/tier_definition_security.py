# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


# the approvals half of the addon registers its requests in
# sale_order_request_mixin.py; this half keeps its own registration
# pylint: disable=consider-merging-classes-inherited
class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        res = super()._get_tier_validation_model_names()
        res.append("sale.order.access.request")
        return res
