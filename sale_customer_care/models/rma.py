# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class Rma(models.Model):
    _inherit = "rma"

    complaint_id = fields.Many2one(
        "sale.customer.complaint",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
        help="The delivered lot returned by the customer.",
    )

    @api.constrains("complaint_id", "partner_id")
    def _check_complaint_partner(self):
        for rma in self.filtered("complaint_id"):
            if (
                rma.partner_id.commercial_partner_id
                != rma.complaint_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "Return %(rma)s and complaint %(complaint)s are not of "
                        "the same customer.",
                        rma=rma.name,
                        complaint=rma.complaint_id.name,
                    )
                )
