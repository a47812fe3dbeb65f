# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    intake_received_date = fields.Datetime(
        string="Received On",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When sales first handed the order to logistics (first "
        "submission). Unlike 'Submitted On' it is kept when a returned order "
        "is submitted again: the cycle-time KPIs start here.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        check_values(self, vals_list)
        if not self.env.su:
            for vals in vals_list:
                self._intake_check_protected({"intake_received_date"} & set(vals))
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        if not self.env.su:
            self._intake_check_protected({"intake_received_date"} & set(vals))
        result = super().write(vals)
        if vals.get("intake_submitted_date"):
            first = self.filtered(lambda order: not order.intake_received_date)
            if first:
                super(SaleOrder, first).write(
                    {"intake_received_date": vals["intake_submitted_date"]}
                )
        return result
