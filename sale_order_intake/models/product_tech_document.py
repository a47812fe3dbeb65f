# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductTechDocument(models.Model):
    """One line of a product's technical-document checklist (R2.1, R4.5)."""

    _name = "product.tech.document"
    _inherit = ["order.handling.document.mixin", "mail.thread"]
    _description = "Product Technical Document"
    _order = "product_tmpl_id, sequence, id"

    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Product",
        required=True,
        index=True,
        ondelete="cascade",
    )
    type_id = fields.Many2one(
        "product.tech.document.type",
        string="Document Type",
        required=True,
        ondelete="restrict",
    )
    sequence = fields.Integer(related="type_id.sequence", store=True)
    state = fields.Selection(
        [("missing", "Missing"), ("done", "Done")],
        default="missing",
        required=True,
        tracking=True,
    )
    responsible_id = fields.Many2one("res.users")
    done_uid = fields.Many2one("res.users", string="Done By", readonly=True)
    done_date = fields.Datetime(string="Done On", readonly=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    note = fields.Text()
    company_id = fields.Many2one(related="product_tmpl_id.company_id", store=True)

    _sql_constraints = [
        (
            "product_type_uniq",
            "unique(product_tmpl_id, type_id)",
            "A product has one document of each type.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        for vals in vals_list:
            if vals.get("state") == "done":
                vals.setdefault("done_uid", self.env.uid)
                vals.setdefault("done_date", fields.Datetime.now())
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        if vals.get("state") == "done":
            vals = dict(vals, done_uid=self.env.uid, done_date=fields.Datetime.now())
        elif vals.get("state") == "missing":
            vals = dict(vals, done_uid=False, done_date=False)
        return super().write(vals)
