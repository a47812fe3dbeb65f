# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    order_handling_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Order Handling Working Schedule",
        help="Working hours in which SLA targets are counted. Defaults to the "
        "company's working schedule.",
    )
    order_handling_team_ids = fields.Many2many(
        "crm.team",
        "res_company_order_handling_team_rel",
        "company_id",
        "team_id",
        string="Regulated Sales Teams",
        help="The regulations switched on in these settings (intake before "
        "confirmation, order approvals, changes and cancellations by request) "
        "apply to the orders of these sales teams. Empty: to every order of "
        "the company.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._order_handling_create_departments()
        return companies

    def _order_handling_create_departments(self):
        """Give each company of ``self`` its own copy of the departments
        shipped by the suite (the records with an XML id of this module)."""
        templates = (
            self.env["ir.model.data"]
            .sudo()
            .search(
                [
                    ("module", "=", "order_handling_base"),
                    ("model", "=", "order.handling.department"),
                ]
            )
        )
        departments = (
            self.env["order.handling.department"]
            .sudo()
            .with_context(active_test=False)
            .browse(templates.mapped("res_id"))
            .exists()
        )
        vals_list = []
        for company in self:
            for department in departments:
                if department.company_id == company:
                    continue
                vals = department.copy_data(
                    {"company_id": company.id, "manager_id": False, "member_ids": []}
                )[0]
                vals_list.append(vals)
        if vals_list:
            self.env["order.handling.department"].sudo().create(vals_list)
