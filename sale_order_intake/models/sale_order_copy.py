# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.order_handling_base.models.sale_order_copy import order_selection

from .sale_order import CLASSES


class SaleOrderCopy(models.Model):
    """What intake adds to the order copy of the departments: order type,
    class, clerk and acceptance, read from the order's own columns (the copy
    is a database view, rebuilt with these columns when this addon is
    installed or updated). The production notice (R5.3) is printed from it."""

    _inherit = "sale.order.copy"

    intake_document_type = fields.Selection(
        lambda self: order_selection(self.env, "intake_document_type"),
        string="Order Type",
        readonly=True,
    )
    intake_class = fields.Selection(CLASSES, string="Order Class", readonly=True)
    intake_class_reason = fields.Char(string="Why Non-regular", readonly=True)
    intake_clerk_id = fields.Many2one(
        "res.users", string="Logistics Clerk", readonly=True
    )
    intake_accepted_date = fields.Datetime(string="Accepted On", readonly=True)
    intake_priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")], string="Priority", readonly=True
    )

    intake_stage = fields.Selection(
        lambda self: order_selection(self.env, "intake_stage"),
        readonly=True,
    )
    delivery_date_proposed = fields.Datetime(
        string="Proposed Delivery Date", readonly=True
    )
    can_intake_propose_date = fields.Boolean(compute="_compute_can_buttons")

    def _refuse_intake_propose_date(self):
        # the order's own rule, for the current user (it reads the order in
        # sudo: the supervisor who answers reads the copy, not the order)
        self.ensure_one()
        return self.env["sale.order"].browse(self.id)._refuse_intake_propose_date()

    def action_intake_propose_date(self, date=None):
        """The supervisor who answers for the order (R2.4) proposes the
        delivery date from the copy of the order given to it: the order's
        rule (copy readable, stage, role) runs for the same user."""
        self._ensure_can("intake_propose_date")
        return self.env["sale.order"].browse(self.ids).sudo()._intake_propose_date(date)

    def action_print_production_notice(self):
        return self.env.ref(
            "sale_order_intake.action_report_production_notice_copy"
        ).report_action(self)


class SaleOrderCopyLine(models.Model):
    _inherit = "sale.order.copy.line"

    intake_class = fields.Selection(
        [("regular", "Regular"), ("non_regular", "Non-regular")],
        string="Class",
        readonly=True,
    )
    intake_customer_change_note = fields.Char(string="Requested Change", readonly=True)
