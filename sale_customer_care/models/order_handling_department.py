# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class OrderHandlingDepartment(models.Model):
    _inherit = "order.handling.department"

    @api.model
    def _get_customer_service_manager(self, company=None):
        """Responsible user of the customer-service department of ``company``
        (empty when the department or its responsible is missing)."""
        try:
            department = self._get_by_code("customer_service", company=company)
        except UserError:
            return self.env["res.users"]
        return department.sudo().manager_id
