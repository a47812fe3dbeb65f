# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

BOM_CODE = "bom"


class SaleEngineeringPlanDeliverable(models.Model):
    _inherit = "sale.engineering.plan.deliverable"

    is_bom = fields.Boolean(compute="_compute_is_bom")
    bom_id = fields.Many2one(
        "mrp.bom",
        string="Bill of Materials",
        tracking=True,
        domain="[('product_tmpl_id', 'in', product_tmpl_ids)]",
        help="The bill of materials this deliverable stands for (R4.2).",
    )
    product_tmpl_ids = fields.Many2many(
        "product.template", compute="_compute_product_tmpl_ids"
    )

    @api.depends("type_id.code")
    def _compute_is_bom(self):
        for deliverable in self:
            deliverable.is_bom = deliverable.type_id.code == BOM_CODE

    @api.depends("plan_id.product_ids")
    def _compute_product_tmpl_ids(self):
        for deliverable in self:
            deliverable.product_tmpl_ids = (
                deliverable.plan_id.product_ids.product_tmpl_id
            )

    def _check_can_be_done(self):
        """The BOM deliverable is done when its BOM exists and is active;
        the other documents still need their files."""
        boms = self.filtered("is_bom")
        for deliverable in boms:
            if not deliverable.bom_id:
                raise UserError(
                    self.env._("Link or create the bill of materials first.")
                )
            if not deliverable.bom_id.active:
                raise UserError(
                    self.env._(
                        "Bill of materials %s is archived: activate it first.",
                        deliverable.bom_id.display_name,
                    )
                )
        return super(SaleEngineeringPlanDeliverable, self - boms)._check_can_be_done()

    def action_create_bom(self):
        """Open a new BOM for the plan's product, linked on save."""
        self.ensure_one()
        if not self.is_bom:
            raise UserError(
                self.env._("Only the BOM deliverable has a bill of materials.")
            )
        template = self.plan_id.product_ids.product_tmpl_id[:1]
        if not template:
            raise UserError(self.env._("The plan names no product to make."))
        bom = self.env["mrp.bom"].create(
            {"product_tmpl_id": template.id, "company_id": self.company_id.id}
        )
        self.bom_id = bom
        return {
            "type": "ir.actions.act_window",
            "res_model": "mrp.bom",
            "res_id": bom.id,
            "view_mode": "form",
        }
