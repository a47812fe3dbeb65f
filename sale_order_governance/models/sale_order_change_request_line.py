# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class SaleOrderChangeRequestLine(models.Model):
    """One order line of a change request: its values before (kept when
    applied) and the new ones asked for."""

    _name = "sale.order.change.request.line"
    _inherit = ["order.handling.document.mixin"]
    _description = "Sale Order Change Request Line"
    _order = "request_id, id"
    _check_company_auto = True

    request_id = fields.Many2one(
        "sale.order.change.request",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    order_id = fields.Many2one(related="request_id.order_id")
    order_line_id = fields.Many2one(
        "sale.order.line",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('order_id', '=', order_id), ('display_type', '=', False)]",
    )
    product_uom = fields.Many2one(related="order_line_id.product_uom")
    qty_delivered = fields.Float(
        related="order_line_id.qty_delivered", digits="Product Unit of Measure"
    )
    qty_picked = fields.Float(
        string="Picked",
        compute="_compute_qty_picked",
        digits="Product Unit of Measure",
    )
    old_qty = fields.Float(
        string="Quantity Before",
        compute="_compute_old",
        store=True,
        digits="Product Unit of Measure",
    )
    old_price = fields.Float(
        string="Price Before",
        compute="_compute_old",
        store=True,
        digits="Product Price",
    )
    old_product_id = fields.Many2one(
        "product.product", string="Product Before", compute="_compute_old", store=True
    )
    old_name = fields.Text(
        string="Specification Before", compute="_compute_old", store=True
    )
    new_qty = fields.Float(
        string="New Quantity",
        compute="_compute_new",
        store=True,
        readonly=False,
        precompute=True,
        digits="Product Unit of Measure",
    )
    new_price = fields.Float(
        compute="_compute_new",
        store=True,
        readonly=False,
        precompute=True,
        digits="Product Price",
    )
    new_product_id = fields.Many2one(
        "product.product",
        compute="_compute_new",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('sale_ok', '=', True)]",
    )
    new_name = fields.Text(
        string="New Specification",
        compute="_compute_new",
        store=True,
        readonly=False,
        precompute=True,
    )
    new_line_id = fields.Many2one(
        "sale.order.line",
        string="Replacement Line",
        readonly=True,
        help="The order line created for the new product.",
    )

    @api.depends("order_line_id")
    def _compute_old(self):
        for line in self:
            sol = line.order_line_id
            line.old_qty = sol.product_uom_qty
            line.old_price = sol.price_unit
            line.old_product_id = sol.product_id
            line.old_name = sol.name

    @api.depends("order_line_id")
    def _compute_new(self):
        for line in self:
            sol = line.order_line_id
            line.new_qty = sol.product_uom_qty
            line.new_price = sol.price_unit
            line.new_product_id = sol.product_id
            line.new_name = sol.name

    def _compute_qty_picked(self):
        Request = self.env["sale.order.change.request"]
        for line in self:
            line.qty_picked = Request._picked_qty(line.order_line_id.sudo())

    @api.constrains("new_qty", "new_price")
    def _check_values(self):
        for line in self:
            if line.new_qty < 0 or line.new_price < 0:
                raise ValidationError(
                    self.env._("New quantities and prices cannot be negative.")
                )

    @api.constrains("order_line_id", "request_id")
    def _check_order_line(self):
        for line in self:
            if line.order_line_id.order_id != line.request_id.order_id:
                raise ValidationError(
                    self.env._(
                        "Line %(line)s does not belong to order %(order)s.",
                        line=line.order_line_id.display_name,
                        order=line.request_id.order_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        requests = self.env["sale.order.change.request"].browse(
            {vals["request_id"] for vals in vals_list if vals.get("request_id")}
        )
        if not self.env.su:
            requests._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.request_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_editable(self):
        if not self.env.su:
            self.request_id._check_editable()

    def _changed_fields(self):
        """Which of quantity, price, product, specification change."""
        self.ensure_one()
        sol = self.order_line_id
        changed = set()
        rounding = sol.product_uom.rounding or 0.01
        if float_compare(
            self.new_qty, sol.product_uom_qty, precision_rounding=rounding
        ):
            changed.add("quantity")
        if sol.currency_id.compare_amounts(self.new_price, sol.price_unit):
            changed.add("price")
        if self.new_product_id and self.new_product_id != sol.product_id:
            changed.add("product")
        if self.new_name and self.new_name != sol.name:
            changed.add("specification")
        return changed

    def _prepare_order_line_vals(self):
        """What to write on the order line itself."""
        self.ensure_one()
        changed = self._changed_fields()
        vals = {}
        if "product" in changed:
            # the delivered part stays on the old product
            vals["product_uom_qty"] = self.order_line_id.qty_delivered
            return vals
        if "quantity" in changed:
            vals["product_uom_qty"] = self.new_qty
        if "price" in changed:
            vals["price_unit"] = self.new_price
        if "specification" in changed:
            vals["name"] = self.new_name
        return vals

    def _prepare_replacement_line_vals(self):
        self.ensure_one()
        sol = self.order_line_id
        vals = {
            "product_id": self.new_product_id.id,
            "product_uom_qty": self.new_qty - sol.qty_delivered,
            "price_unit": self.new_price,
            "sequence": sol.sequence,
        }
        if self.new_name and self.new_name != sol.name:
            vals["name"] = self.new_name
        return vals

    def _changes_rows(self, prices=True):
        self.ensure_one()
        product = self.old_product_id.display_name or self.order_line_id.display_name
        rows = []
        if float_compare(self.old_qty, self.new_qty, precision_digits=4):
            rows.append(
                (self.env._("%s: quantity", product), self.old_qty, self.new_qty)
            )
        if prices and float_compare(self.old_price, self.new_price, precision_digits=4):
            rows.append(
                (self.env._("%s: price", product), self.old_price, self.new_price)
            )
        if self.new_product_id and self.new_product_id != self.old_product_id:
            rows.append(
                (
                    self.env._("%s: product", product),
                    product,
                    self.new_product_id.display_name,
                )
            )
        if self.new_name and self.new_name != self.old_name:
            rows.append(
                (self.env._("%s: specification", product), self.old_name, self.new_name)
            )
        return rows
