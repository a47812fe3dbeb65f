# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        result = super()._action_done()
        shipped = self.filtered(
            lambda p: p.state == "done" and p.picking_type_code == "outgoing"
        ).sale_id
        shipped._intake_notify_shipped()
        return result
