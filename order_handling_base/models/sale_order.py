# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

from . import roles
from .order_handling_document_mixin import check_values

SALES_USER = "sales_team.group_sale_salesman"
#: what a department may still write on an order it was given: its chatter
DEPARTMENT_WRITABLE_PREFIXES = ("message_", "activity_")


def department_only(env):
    """Is the current user a department of the suite without a Sales right?
    (Users outside the suite's roles keep what Odoo gives them.)"""
    user = env.user
    return not env.su and user.has_group(roles.USER) and not user.has_group(SALES_USER)


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = [
        "sale.order",
        "order.handling.transfer.mixin",
        "order.handling.button.mixin",
    ]

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before the ORM converts them
        check_values(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, [vals])
        self._check_department_write(vals)
        return super().write(vals)

    def _order_handling_regulated(self):
        """Does a regulation the company switched on apply to this order?
        (Its sales team is one of the company's regulated teams, or the
        company regulates every order.) Each regulation asks its own switch
        too; integrators narrow the scope further by overriding this."""
        self.ensure_one()
        teams = self.company_id.sudo().order_handling_team_ids
        return not teams or self.team_id in teams

    def _check_department_write(self, vals):
        """Departments receive an order to act on it through their slip,
        review or notice; its content (customer, salesperson, lines, dates)
        is sales' (R7.4, R7.5). Odoo's stock-user right to write orders,
        which the warehouse lead holds, does not let them rewrite it."""
        if not self or not department_only(self.env):
            return
        refused = sorted(
            name for name in vals if not name.startswith(DEPARTMENT_WRITABLE_PREFIXES)
        )
        if refused:
            raise AccessError(
                self.env._(
                    "Order %(order)s: departments work from their transfer slip, "
                    "review or production notice; %(fields)s of the order are "
                    "changed by sales.",
                    order=", ".join(self.mapped("name")),
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        if name in self._fields
                        else name
                        for name in refused
                    ),
                )
            )


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self, vals_list, other_fields=("order_id",))
        if department_only(self.env):
            raise AccessError(
                self.env._(
                    "Departments do not add lines to orders: the order is changed "
                    "by sales."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, [vals])
        if self and vals and department_only(self.env):
            raise AccessError(
                self.env._(
                    "Order %(order)s: departments do not change its lines; the "
                    "order is changed by sales.",
                    order=", ".join(self.order_id.mapped("name")),
                )
            )
        return super().write(vals)
