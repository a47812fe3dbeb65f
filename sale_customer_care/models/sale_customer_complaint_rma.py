# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Returns of a complaint (R8.4): the complaint's RMAs (OCA ``rma``) and the
return wizard. The complaint itself is in sale_customer_complaint.py."""

from odoo import api, fields, models

from odoo.addons.order_handling_base.models import roles

# pylint: disable=consider-merging-classes-inherited


class SaleCustomerComplaint(models.Model):
    _inherit = "sale.customer.complaint"

    rma_ids = fields.One2many("rma", "complaint_id", string="Returns")
    rma_count = fields.Integer(string="Returns Count", compute="_compute_rma_count")
    can_create_return = fields.Boolean(compute="_compute_can_buttons")

    @api.depends("rma_ids")
    def _compute_rma_count(self):
        for complaint in self:
            complaint.rma_count = len(complaint.rma_ids)

    def _refuse_create_return(self):
        """Customer service returns the goods of a complaint on a confirmed
        order that is not closed (R8.4)."""
        self.ensure_one()
        refusal = self._refuse_unless_groups(roles.CUSTOMER_SERVICE)
        if refusal:
            return refusal
        if self.stage_code != "closed" and self.order_id.state == "sale":
            return ""
        return self.env._(
            "Complaint %s needs a confirmed order and must not be closed "
            "to return goods.",
            self.name,
        )

    def action_create_return(self):
        """Open the return wizard with the delivered quantities of the order."""
        self._ensure_can("create_return")
        self.ensure_one()
        wizard = self.env["sale.customer.complaint.return"].create(
            {"complaint_id": self.id}
        )
        wizard._load_lines()
        return {
            "name": self.env._("Return Goods"),
            "type": "ir.actions.act_window",
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_view_rmas(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("rma.rma_action")
        action["domain"] = [("complaint_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
