# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class OrderHandlingTransferForward(models.TransientModel):
    _name = "order.handling.transfer.forward"
    _description = "Forward Transfer Slips"

    transfer_ids = fields.Many2many(
        "order.handling.transfer", string="Transfer Slips", required=True
    )
    company_id = fields.Many2one("res.company", compute="_compute_company_id")
    department_id = fields.Many2one(
        "order.handling.department",
        string="Forward To",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    note = fields.Html(string="Instructions")

    @api.depends("transfer_ids")
    def _compute_company_id(self):
        for wizard in self:
            wizard.company_id = wizard.transfer_ids.company_id[:1]

    def action_forward(self):
        self.ensure_one()
        new_slips = self.transfer_ids._forward(self.department_id, self.note)
        if len(new_slips) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "order.handling.transfer",
                "res_id": new_slips.id,
                "view_mode": "form",
            }
        return {"type": "ir.actions.act_window_close"}
