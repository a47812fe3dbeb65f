# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrderArchive(models.Model):
    _inherit = "sale.order.archive"

    def _alert_tampered(self):
        """Every tampered archive the verification reports (R7.6) is also an
        entry of the register of violations (R7.8), all in one create."""
        result = super()._alert_tampered()
        self.env["sale.order.violation"]._register_tampered_archives(self)
        return result
