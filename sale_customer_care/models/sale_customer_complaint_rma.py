# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Returns of a complaint (R8.4): the complaint's RMAs (OCA ``rma``) and the
return wizard. The complaint itself is in sale_customer_complaint.py."""

from odoo import api, fields, models
from odoo.exceptions import UserError

# pylint: disable=consider-merging-classes-inherited


class SaleCustomerComplaint(models.Model):
    _inherit = "sale.customer.complaint"

    rma_ids = fields.One2many("rma", "complaint_id", string="Returns")
    rma_count = fields.Integer(string="Returns Count", compute="_compute_rma_count")

    @api.depends("rma_ids")
    def _compute_rma_count(self):
        for complaint in self:
            complaint.rma_count = len(complaint.rma_ids)

    def action_create_return(self):
        """Open the return wizard with the delivered quantities of the order."""
        self.ensure_one()
        if not self.can_return:
            raise UserError(
                self.env._(
                    "Complaint %s needs a confirmed order and must not be closed "
                    "to return goods.",
                    self.name,
                )
            )
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
