# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

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
    can_create_bom = fields.Boolean(compute="_compute_can_buttons")

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

    def _refuse_create_bom(self):
        """The button's rule (``order.handling.button.mixin``): the BOM
        deliverable, still to do and without its BOM, edited by who may
        edit it and create bills of materials; the plan's product is checked
        by the action."""
        self.ensure_one()
        if not self.is_bom:
            return self.env._("Only the BOM deliverable has a bill of materials.")
        if self.state == "done":
            return self.env._("%s is already done.", self.type_id.name)
        if self.bom_id:
            return self.env._(
                "%(document)s already has bill of materials %(bom)s.",
                document=self.type_id.name,
                bom=self.bom_id.display_name,
            )
        refusal = self._refuse_write_access()
        if refusal:
            return refusal
        if self.env["mrp.bom"].has_access("create"):
            return ""
        return AccessError(self.env._("You cannot create bills of materials."))

    def action_create_bom(self):
        """Open a new BOM for the plan's product, linked on save."""
        self._ensure_can("create_bom")
        self.ensure_one()
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
