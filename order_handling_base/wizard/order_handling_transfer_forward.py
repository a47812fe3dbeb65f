# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class OrderHandlingTransferForward(models.TransientModel):
    _name = "order.handling.transfer.forward"
    _inherit = ["order.handling.document.mixin"]
    _description = "Forward Transfer Slips"

    transfer_ids = fields.Many2many(
        "order.handling.transfer", string="Transfer Slips", required=True
    )
    company_id = fields.Many2one("res.company", compute="_compute_company_id")
    allowed_department_ids = fields.Many2many(
        "order.handling.department",
        compute="_compute_company_id",
        help="Where the slips' departments may forward them (May Forward To).",
    )
    department_id = fields.Many2one(
        "order.handling.department",
        string="Forward To",
        required=True,
        domain="[('id', 'in', allowed_department_ids)]",
    )
    note = fields.Html(string="Instructions")

    @api.depends("transfer_ids")
    def _compute_company_id(self):
        Department = self.env["order.handling.department"]
        for wizard in self:
            slips = wizard.transfer_ids
            wizard.company_id = slips.company_id[:1]
            # the departments every slip may go to (the server checks the
            # same rule in ``_forward``), never the slip's own department
            allowed = Department.search([("company_id", "=", wizard.company_id.id)])
            for source in slips.sudo().department_id:
                allowed = allowed.filtered(source._may_forward_to)
            wizard.allowed_department_ids = allowed - slips.department_id

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
