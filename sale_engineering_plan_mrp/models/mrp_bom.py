# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MrpBom(models.Model):
    _inherit = "mrp.bom"

    def _set_outdated_bom_in_productions(self):
        """Odoo flags the manufacturing orders made from a BOM as outdated
        when the BOM changes, searching and writing them with the rights of
        whoever changed it. The engineering supervisor maintains BOMs
        without any right on manufacturing orders: the flag, a consequence
        of a change they were allowed to make, is written by the server."""
        return super(MrpBom, self.sudo())._set_outdated_bom_in_productions()
