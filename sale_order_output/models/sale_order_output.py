# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.order_handling_base.models.trusted_scope import is_trusted

#: what the server computes or the sheet's buttons set
PROTECTED_FIELDS = {"qty_counted", "state"}


class SaleOrderOutput(models.Model):
    """One day's finished output of one order line (R5.7): specification,
    quantity and/or weight, as the follow-up clerk copied them from the
    workshop. It counts against the ordered quantity once its sheet is
    recorded."""

    _name = "sale.order.output"
    _inherit = ["order.handling.document.mixin"]
    _description = "Daily Output"
    _order = "date desc, sheet_id, sequence, id"
    _check_company_auto = True
    _rec_name = "order_line_id"

    sheet_id = fields.Many2one(
        "sale.order.output.sheet",
        string="Output Sheet",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    sequence = fields.Integer(default=10)
    date = fields.Date(related="sheet_id.date", store=True, index=True)
    state = fields.Selection(related="sheet_id.state", store=True, index=True)
    user_id = fields.Many2one(
        related="sheet_id.user_id", string="Follow-up Clerk", store=True
    )
    company_id = fields.Many2one(
        related="sheet_id.company_id", store=True, index=True, precompute=True
    )
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        index=True,
        compute="_compute_order_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('state', '=', 'sale')]",
    )
    order_line_id = fields.Many2one(
        "sale.order.line",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('order_id', '=', order_id), ('display_type', '=', False)]",
    )
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", store=True
    )
    product_id = fields.Many2one(
        related="order_line_id.product_id", store=True, index=True
    )
    product_uom = fields.Many2one(
        related="order_line_id.product_uom", string="Unit", store=True
    )
    specification = fields.Char(
        compute="_compute_specification",
        store=True,
        readonly=False,
        precompute=True,
        help="Product specification as finished (size, gauge, colour…); by "
        "default the product's reference and name.",
    )
    quantity = fields.Float(
        digits="Product Unit of Measure",
        help="Finished quantity in the unit of the order line. Empty for a "
        "product sold by weight: the weight counts then.",
    )
    weight = fields.Float(string="Weight (kg)", digits="Stock Weight")
    qty_counted = fields.Float(
        string="Output Quantity",
        compute="_compute_qty_counted",
        store=True,
        digits="Product Unit of Measure",
        help="What counts against the ordered quantity: the quantity, or the "
        "weight for a line sold in a unit of weight.",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "quantities_positive",
            "CHECK(quantity >= 0 AND weight >= 0)",
            "Output quantities and weights cannot be negative.",
        ),
    ]

    @api.depends("order_line_id")
    def _compute_order_id(self):
        for output in self:
            if output.order_line_id:
                output.order_id = output.order_line_id.order_id

    @api.depends("order_line_id")
    def _compute_specification(self):
        for output in self:
            if output.order_line_id and not output.specification:
                output.specification = output.order_line_id.product_id.display_name

    @api.depends("quantity", "weight", "order_line_id.product_uom")
    def _compute_qty_counted(self):
        kg = self.env.ref("uom.product_uom_kgm")
        for output in self:
            uom = output.order_line_id.product_uom
            if output.quantity or not output.weight:
                output.qty_counted = output.quantity
            elif uom and uom.category_id == kg.category_id:
                output.qty_counted = kg._compute_quantity(output.weight, uom)
            else:
                output.qty_counted = 0.0

    @api.constrains("order_id", "order_line_id")
    def _check_order_line(self):
        for output in self:
            if output.order_line_id.order_id != output.order_id:
                raise ValidationError(
                    self.env._(
                        "Output line of %(product)s: the order line belongs to "
                        "order %(line_order)s, not %(order)s.",
                        product=output.order_line_id.product_id.display_name,
                        line_order=output.order_line_id.order_id.name,
                        order=output.order_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        self.env["sale.order.output.sheet"]._output_check_recorder()
        for vals in vals_list:
            self._output_check_protected(vals)
        sheets = self.env["sale.order.output.sheet"].browse(
            {vals["sheet_id"] for vals in vals_list if vals.get("sheet_id")}
        )
        self._output_check_draft(sheets)
        return super().create(vals_list)

    def write(self, vals):
        self._oh_check_values([vals])
        self.env["sale.order.output.sheet"]._output_check_recorder()
        self._output_check_protected(vals)
        sheets = self.sheet_id
        if vals.get("sheet_id"):
            sheets |= sheets.browse(vals["sheet_id"])
        self._output_check_draft(sheets)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        # a cancelled sheet may be deleted with its lines
        self._output_check_draft(
            self.sheet_id.filtered(lambda sheet: sheet.state == "done")
        )

    def _output_check_protected(self, vals):
        if self.env.su or is_trusted("sale.order.output.sheet"):
            return
        names = PROTECTED_FIELDS.intersection(vals)
        if names:
            raise UserError(
                self.env._(
                    "%(fields)s of a daily output line are set by the server.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in names
                        )
                    ),
                )
            )

    def _output_check_draft(self, sheets):
        """Lines change only while their sheet is a draft: a recorded
        sheet is the record of the day."""
        if self.env.su or is_trusted("sale.order.output.sheet"):
            return
        for sheet in sheets:
            if sheet.state != "draft":
                raise UserError(
                    self.env._(
                        "Output sheet %s is recorded: its lines cannot change.",
                        sheet.name,
                    )
                )

    def _output_check_recordable(self):
        """Each line names a confirmed order's product line and some
        output (quantity or weight)."""
        for output in self:
            order = output.order_id
            if order.state != "sale":
                raise UserError(
                    self.env._(
                        "Order %s is not confirmed: no output is recorded for it.",
                        order.name,
                    )
                )
            if output.order_line_id.display_type or not output.product_id:
                raise UserError(
                    self.env._(
                        "Order %s: output is recorded for a product line.",
                        order.name,
                    )
                )
            if not output.quantity and not output.weight:
                raise UserError(
                    self.env._(
                        "Order %(order)s, %(product)s: give the finished quantity "
                        "or weight.",
                        order=order.name,
                        product=output.product_id.display_name,
                    )
                )
