# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

#: the models whose refused records name an order
ORDER_MODELS = {"sale.order": "id", "sale.order.line": "order_id"}


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """A record rule refusing an archived order (or its lines) to a user
        is registered as a violation (R7.7 → R7.8). Odoo makes this error
        only to raise it: reading the records (``fetch``) and
        ``check_access``; the access tests (``has_access``,
        ``_filtered_access``) never call it. Only the order models are
        looked at; the message is Odoo's (or order_handling_base's)."""
        error = super()._make_access_error(operation, records)
        field = ORDER_MODELS.get(records._name)
        if field and not self.env.su:
            orders = records.sudo().exists()
            if field != "id":
                orders = orders[field]
            self.env["sale.order.violation"]._register_refused_access(
                orders._violation_archived_orders(), operation
            )
        return error
