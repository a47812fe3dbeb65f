# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare
from odoo.tools.safe_eval import safe_eval

CHECK_TYPES = [
    ("product", "Product and model"),
    ("quantity", "Quantity"),
    ("delivery_date", "Delivery date"),
    ("shipping_method", "Shipping method"),
    ("signoff", "Sales-head sign-off"),
    ("credit", "Customer credit"),
    ("price", "Price"),
    ("packaging", "Packaging"),
    ("domain", "Order condition"),
    ("line_domain", "Line condition"),
]


class SaleOrderIntakeRule(models.Model):
    """A check the logistics clerk runs on every order at intake (R1.2).

    Built-in checks cover what the regulations list; *Order condition* and
    *Line condition* rules let a company add its own as a domain. Every check
    works on a whole batch of orders in a constant number of queries."""

    _name = "sale.order.intake.rule"
    _inherit = ["order.handling.document.mixin"]
    _description = "Intake Check"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Leave empty to check the orders of every company.",
    )
    document_type = fields.Selection(
        [
            ("shipping_notice", "Shipping notice"),
            ("stock_preparation", "Stock-preparation order"),
        ],
        string="Order Type",
        help="Leave empty to check every type of order.",
    )
    check_type = fields.Selection(CHECK_TYPES, required=True, default="domain")
    domain = fields.Char(
        string="Condition",
        default="[]",
        help="Orders (or lines) that do NOT match this domain fail the check.",
    )
    max_discount = fields.Float(
        string="Max Discount (%)",
        default=0.0,
        help="Price check: lines below the pricelist price by more than this "
        "discount fail.",
    )
    message = fields.Char(
        required=True,
        translate=True,
        help="What sales reads when the order is returned.",
    )
    blocking = fields.Boolean(
        default=True,
        help="A failing blocking check returns the order to sales; a "
        "non-blocking one is only shown to the clerk.",
    )

    @api.constrains("check_type", "domain")
    def _check_condition(self):
        for rule in self.filtered(lambda r: r.check_type in ("domain", "line_domain")):
            model = "sale.order" if rule.check_type == "domain" else "sale.order.line"
            try:
                # in a savepoint: a domain that fails in SQL must not leave
                # the transaction aborted behind the error
                with self.env.cr.savepoint():
                    self.env[model].search_count(rule._get_domain(), limit=1)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The condition of check %(check)s is not valid: %(error)s",
                        check=rule.name,
                        error=error,
                    )
                ) from error

    def _get_domain(self):
        self.ensure_one()
        return safe_eval(self.domain or "[]", {"context": self.env.context})

    @api.model
    def _get_rules(self, orders):
        """Active rules that apply to at least one of ``orders``."""
        return self.search(
            [
                "|",
                ("company_id", "=", False),
                ("company_id", "in", orders.company_id.ids),
            ]
        )

    def _applies_to(self, order):
        self.ensure_one()
        if self.company_id and self.company_id != order.company_id:
            return False
        return (
            not self.document_type or self.document_type == order.intake_document_type
        )

    def _evaluate(self, orders):
        """Run the rules of ``self`` on ``orders``.

        Returns ``{order id: [(rule, line or empty, detail)]}``."""
        failures = defaultdict(list)
        for rule in self:
            targets = orders.filtered(rule._applies_to)
            if not targets:
                continue
            method = getattr(rule, f"_intake_check_{rule.check_type}")
            for order, line, detail in method(targets):
                failures[order.id].append((rule, line, detail))
        return failures

    # ------------------------------------------------------------------
    # Built-in checks: each yields (order, line or empty, detail)
    # ------------------------------------------------------------------

    def _lines(self, orders):
        return orders.order_line._intake_goods_lines()

    def _intake_check_product(self, orders):
        for line in self._lines(orders):
            product = line.product_id
            if not product:
                yield line.order_id, line, self.env._("no product")
            elif not (product.active and product.sale_ok):
                yield (
                    line.order_id,
                    line,
                    self.env._("%s cannot be sold", product.display_name),
                )
            elif not product.default_code:
                yield (
                    line.order_id,
                    line,
                    self.env._(
                        "%s has no model number (internal reference)",
                        product.display_name,
                    ),
                )

    def _intake_check_quantity(self, orders):
        for line in self._lines(orders):
            rounding = line.product_uom.rounding or 0.01
            if (
                float_compare(line.product_uom_qty, 0.0, precision_rounding=rounding)
                <= 0
            ):
                yield line.order_id, line, self.env._("quantity must be positive")
        for order in orders:
            if not self._lines(order):
                yield (
                    order,
                    order.order_line.browse(),
                    self.env._("the order has no line"),
                )

    def _intake_check_delivery_date(self, orders):
        today = fields.Date.context_today(self)
        for order in orders:
            date = order.commitment_date
            if not date:
                yield (
                    order,
                    order.order_line.browse(),
                    self.env._("no delivery date requested"),
                )
            elif fields.Date.to_date(date) < today:
                yield (
                    order,
                    order.order_line.browse(),
                    self.env._("the delivery date is in the past"),
                )

    def _intake_check_shipping_method(self, orders):
        for order in orders.filtered(lambda o: not o.carrier_id):
            yield order, order.order_line.browse(), self.env._("no shipping method")

    def _intake_check_signoff(self, orders):
        for order in orders.filtered(lambda o: not o.sales_signoff_uid):
            yield (
                order,
                order.order_line.browse(),
                self.env._("not signed off by the sales head"),
            )

    def _intake_check_credit(self, orders):
        # Odoo's own credit-limit warning (receivables + this order vs limit)
        for order in orders:
            if order.partner_credit_warning:
                yield order, order.order_line.browse(), order.partner_credit_warning

    def _intake_check_price(self, orders):
        lines = self._lines(orders).filtered("product_id")
        references = self._get_reference_prices(lines)
        for line in lines:
            reference = references[line.id]
            if line.price_unit <= 0 and not reference <= 0:
                yield line.order_id, line, self.env._("no price")
                continue
            discount = line.discount
            if reference > 0:
                # the price the customer pays, after the line's discount
                net_price = line.price_unit * (1 - (line.discount or 0.0) / 100.0)
                discount = (1 - net_price / reference) * 100
            if float_compare(discount, self.max_discount, precision_digits=2) > 0:
                yield (
                    line.order_id,
                    line,
                    self.env._(
                        "%(discount).1f %% below the pricelist price "
                        "(at most %(max).1f %%)",
                        discount=discount,
                        max=self.max_discount,
                    ),
                )

    @api.model
    def _get_reference_prices(self, lines):
        """``{line id: price}``: what the order's pricelist asks for the
        line's product, quantity and unit on the order date (the product's
        sales price where the order has no pricelist), in the order's
        currency. Computed once per pricelist, unit, quantity and date for
        all the products that share them (a query for the pricelist rules
        of each group, not of each line)."""
        groups = defaultdict(lambda: self.env["product.product"])
        key_of = {}
        for line in lines:
            order = line.order_id
            key = (
                order.pricelist_id,
                order.currency_id,
                line.product_uom or line.product_id.uom_id,
                line.product_uom_qty or 1.0,
                order.date_order or fields.Datetime.now(),
            )
            key_of[line.id] = key
            groups[key] |= line.product_id
        # the sales prices of the products without pricelist in one compute
        # (not one per quantity group)
        self.env["product.product"].union(
            *(products for key, products in groups.items() if not key[0])
        ).mapped("lst_price")
        prices = {}
        for key, products in groups.items():
            pricelist, currency, uom, qty, date = key
            if pricelist:
                prices[key] = pricelist._get_products_price(
                    products, qty, currency=currency, uom=uom, date=date
                )
            else:
                prices[key] = {
                    product.id: product.uom_id._compute_price(product.lst_price, uom)
                    for product in products
                }
        return {line.id: prices[key_of[line.id]][line.product_id.id] for line in lines}

    def _intake_check_packaging(self, orders):
        lines = self._lines(orders).filtered(
            lambda line: line.product_id.packaging_ids and not line.product_packaging_id
        )
        for line in lines:
            yield line.order_id, line, self.env._("no packaging chosen")

    def _intake_check_domain(self, orders):
        matching = orders.filtered_domain(self._get_domain())
        for order in orders - matching:
            yield order, order.order_line.browse(), ""

    def _intake_check_line_domain(self, orders):
        lines = self._lines(orders)
        matching = lines.filtered_domain(self._get_domain())
        for line in lines - matching:
            yield line.order_id, line, ""
