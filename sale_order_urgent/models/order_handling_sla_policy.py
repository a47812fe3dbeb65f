# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .sale_order import CRITICAL_CLASS


class OrderHandlingSlaPolicy(models.Model):
    """Targets of critical urgent orders (R6.2): a policy of class
    *Urgent: critical* applies to an accepted critical order; where a stage
    has none, the *Urgent* policy applies, then the policy of any class."""

    _inherit = "order.handling.sla.policy"

    order_class = fields.Selection(
        selection_add=[(CRITICAL_CLASS, "Urgent: critical")],
        ondelete={CRITICAL_CLASS: "cascade"},
    )

    def _match_row(self, rows, company_id, stage, order_class):
        best = super()._match_row(rows, company_id, stage, order_class)
        if order_class == CRITICAL_CLASS and (best is None or not best.order_class):
            urgent = super()._match_row(rows, company_id, stage, "urgent")
            if urgent is not None:
                best = urgent
        return best

    def _match(self, company, stage, order_class):
        best = super()._match(company, stage, order_class)
        if order_class == CRITICAL_CLASS and not best.order_class:
            best = super()._match(company, stage, "urgent") or best
        return best
