# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.trusted_scope import is_trusted

CALLERS = (roles.LOGISTICS_CLERK, roles.MANAGER)


class SaleOrderCalloff(models.Model):
    """The customer's call-off (提货 / 要货) from a stock-preparation order
    (备货单, R5.7): what the customer wants shipped now. Confirming it
    releases that quantity of the held delivery (creating the delivery when
    the order has none open any more)."""

    _name = "sale.order.calloff"
    _inherit = ["order.handling.workflow.mixin", "mail.thread"]
    _description = "Call-off of a Stock-preparation Order"
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_state_field = "state"
    _workflow_protected_fields = ("picking_id", "confirmed_uid")
    _workflow_transitions = {"draft": ("done",)}
    _workflow_locked_states = ("done",)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Stock-preparation Order",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('intake_document_type', '=', 'stock_preparation'), "
        "('state', '=', 'sale')]",
    )
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    date = fields.Datetime(
        string="Called Off On", required=True, default=fields.Datetime.now
    )
    customer_reference = fields.Char(
        help="The customer's reference of the call-off (fax, e-mail, phone)."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Released")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "sale.order.calloff.line",
        "calloff_id",
        string="Lines",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        precompute=True,
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Released Delivery",
        readonly=True,
        copy=False,
        check_company=True,
    )
    confirmed_uid = fields.Many2one(
        "res.users", string="Released By", readonly=True, copy=False
    )

    @api.depends("order_id")
    def _compute_line_ids(self):
        for calloff in self:
            if calloff.line_ids or not calloff.order_id:
                continue
            lines = calloff.order_id.order_line.filtered(
                lambda line: (
                    not line.display_type
                    and line.product_id.type == "consu"
                    and line._output_calloff_open_qty() > 0
                )
            )
            calloff.line_ids = [
                Command.create(
                    {
                        "order_line_id": line.id,
                        "quantity": line._output_calloff_open_qty(),
                    }
                )
                for line in lines
            ]

    can_done = fields.Boolean(compute="_compute_can_buttons")

    @api.model
    def _output_refuse_caller(self):
        if self.env.su or any(self.env.user.has_group(g) for g in CALLERS):
            return ""
        return AccessError(
            self.env._(
                "Call-offs are recorded by the logistics clerk (接单员) or the "
                "order-handling administrator."
            )
        )

    @api.model
    def _output_check_caller(self):
        if refusal := self._output_refuse_caller():
            raise refusal

    def _refuse_done(self):
        """The clerk releases a draft call-off of a confirmed
        stock-preparation order."""
        self.ensure_one()
        if refusal := self._output_refuse_caller():
            return refusal
        if self.state != "draft":
            return self.env._("Call-off %s is already released.", self.name)
        return self.order_id._output_refuse_stock_preparation()

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        self._output_check_caller()
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence._oh_next_by_code("sale.order.calloff") or "/"
        return super().create(vals_list)

    def write(self, vals):
        self._oh_check_values([vals])
        if not self._workflow_is_trusted():
            self._output_check_caller()
            if "order_id" in vals and any(
                calloff.order_id.id != vals["order_id"] for calloff in self
            ):
                # the order decides the company: a call-off stays with it
                raise UserError(
                    self.env._("The order of a call-off cannot change: create another.")
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_released(self):
        if any(calloff.state == "done" for calloff in self):
            raise UserError(self.env._("A released call-off cannot be deleted."))

    def _output_check_draft(self):
        if self.env.su or is_trusted("sale.order.calloff"):
            return
        if any(calloff.state != "draft" for calloff in self):
            raise UserError(
                self.env._("A released call-off is a record: it cannot change.")
            )

    def action_done(self):
        """Release the called-off quantities: the held delivery of the order
        is prepared with them (R5.7)."""
        self._ensure_can("done")
        self.ensure_one()
        order = self.order_id
        lines = self.line_ids.filtered("quantity")
        if not lines:
            raise UserError(
                self.env._("Call-off %s: give the quantities to ship.", self.name)
            )
        for line in lines:
            sale_line = line.order_line_id
            if sale_line.order_id != order:
                raise UserError(
                    self.env._(
                        "Call-off %s: every line is a line of its order.", self.name
                    )
                )
            open_qty = sale_line._output_calloff_open_qty()
            if (
                float_compare(
                    line.quantity, open_qty, precision_rounding=sale_line._rounding()
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "Call-off %(calloff)s: %(qty)s %(unit)s of %(product)s "
                        "called off, only %(open)s left on order %(order)s.",
                        calloff=self.name,
                        qty=line.quantity,
                        unit=sale_line.product_uom.name,
                        product=sale_line.product_id.display_name,
                        open=open_qty,
                        order=order.name,
                    )
                )
        (self.line_ids - lines).unlink()
        self._workflow_write({"state": "done", "confirmed_uid": self.env.uid})
        pickings = order.sudo()._output_ready_pickings()
        if not pickings:
            # everything open was shipped or cancelled: a new delivery for
            # what is still ordered
            order.sudo().order_line._action_launch_stock_rule()
            pickings = order.sudo()._output_ready_pickings()
            pickings.write({"output_calloff_hold": True})
            pickings.action_assign()
        pickings._output_set_quantities()
        pickings.write(
            {
                "output_prepared_uid": self.env.uid,
                "output_prepared_date": fields.Datetime.now(),
                "output_recheck_uid": False,
                "output_recheck_date": False,
                "output_recheck_signature": False,
            }
        )
        pickings._output_request_recheck()
        picking = pickings[:1]
        self._workflow_write({"picking_id": picking.id})
        self.message_post(
            body=self.env._(
                "Released to delivery %s.", ", ".join(pickings.mapped("name"))
            ),
            subtype_xmlid="mail.mt_note",
        )
        return order._output_open_pickings(pickings.with_env(self.env))


class SaleOrderCalloffLine(models.Model):
    _name = "sale.order.calloff.line"
    _inherit = ["order.handling.document.mixin"]
    _description = "Call-off Line"
    _order = "calloff_id, id"
    _check_company_auto = True

    calloff_id = fields.Many2one(
        "sale.order.calloff",
        string="Call-off",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="calloff_id.company_id", store=True, precompute=True
    )
    state = fields.Selection(related="calloff_id.state", store=True)
    order_line_id = fields.Many2one(
        "sale.order.line",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    product_id = fields.Many2one(related="order_line_id.product_id")
    product_uom = fields.Many2one(related="order_line_id.product_uom", string="Unit")
    ordered_qty = fields.Float(
        related="order_line_id.product_uom_qty", string="Ordered"
    )
    called_off_qty = fields.Float(
        related="order_line_id.output_calloff_qty", string="Called Off Before"
    )
    quantity = fields.Float(digits="Product Unit of Measure", string="Call Off Now")

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity >= 0)",
            "A called-off quantity cannot be negative.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        self.env["sale.order.calloff"]._output_check_caller()
        calloffs = self.env["sale.order.calloff"].browse(
            {vals["calloff_id"] for vals in vals_list if vals.get("calloff_id")}
        )
        calloffs._output_check_draft()
        return super().create(vals_list)

    def write(self, vals):
        self._oh_check_values([vals])
        self.env["sale.order.calloff"]._output_check_caller()
        self.calloff_id._output_check_draft()
        if "state" in vals and not self.env.su:
            raise UserError(self.env._("A call-off is released only by its button."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_released(self):
        self.calloff_id._output_check_draft()
