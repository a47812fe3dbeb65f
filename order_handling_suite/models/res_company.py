# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _order_handling_demo_scenario(self):
        """The demo scenario in the current company
        (``demo/order_handling_demo.xml``); the orders by key. The scenario
        is plain Python (``demo/scenario.py``), imported here only when
        called: databases without demo data load none of it."""
        # pylint: disable=import-outside-toplevel
        from ..demo.scenario import generate

        return generate(self.env)
