# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

STEP_KINDS = [
    ("workshop", "Workshop"),
    ("buy_in", "Buy-in (material bought)"),
]


class SaleFollowupRoute(models.Model):
    """The workshops an order of a product category (or of one product)
    goes through, in turn (R5.6): e.g. blown film → printing → bag making,
    or a buy-in of the film → bag making."""

    _name = "sale.followup.route"
    _inherit = ["order.handling.document.mixin", "mail.thread"]
    _description = "Follow-up Route"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        required=True,
        index=True,
        tracking=True,
        help="Products of this category and of its sub-categories follow this "
        "route (unless a route of their own product or of a closer category "
        "exists).",
    )
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Only for Product",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="Set to give one product its own route, before its category's.",
    )
    step_ids = fields.One2many(
        "sale.followup.route.step", "route_id", string="Steps", copy=True
    )
    step_count = fields.Integer(compute="_compute_step_count")
    note = fields.Text(translate=True)

    @api.depends("step_ids")
    def _compute_step_count(self):
        for route in self:
            route.step_count = len(route.step_ids)

    @api.constrains("categ_id", "product_tmpl_id", "company_id", "active")
    def _check_unique_scope(self):
        for route in self.filtered("active"):
            duplicate = self.search_count(
                [
                    ("id", "!=", route.id),
                    ("company_id", "=", route.company_id.id),
                    ("categ_id", "=", route.categ_id.id),
                    ("product_tmpl_id", "=", route.product_tmpl_id.id),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "Route %s: another active route of the company already "
                        "covers the same category and product.",
                        route.name,
                    )
                )

    @api.constrains("step_ids")
    def _check_steps(self):
        for route in self:
            if route.step_ids and route.step_ids.sorted()[-1].kind == "buy_in":
                raise ValidationError(
                    self.env._(
                        "Route %s ends with a buy-in: the last step is the "
                        "workshop that makes the product.",
                        route.name,
                    )
                )

    @api.model
    def _get_routes(self, products, company):
        """{product id: route} for ``products`` in ``company``: the route of
        the product itself, else of its category or the closest parent
        category. One search; products without a route are left out."""
        routes = self.search_fetch(
            [
                ("company_id", "=", company.id),
                ("categ_id", "parent_of", products.categ_id.ids),
            ],
            ["categ_id", "product_tmpl_id", "sequence"],
        )
        by_product = {}
        by_categ = {}
        for route in routes:
            if route.product_tmpl_id:
                by_product.setdefault(route.product_tmpl_id.id, route)
            else:
                by_categ.setdefault(route.categ_id.id, route)
        result = {}
        for product in products:
            route = by_product.get(product.product_tmpl_id.id)
            if not route and product.categ_id:
                # closest category first: parent_path is "1/4/9/"
                for categ_id in reversed(product.categ_id.parent_path.split("/")[:-1]):
                    route = by_categ.get(int(categ_id))
                    if route:
                        break
            if route:
                result[product.id] = route
        return result


class SaleFollowupRouteStep(models.Model):
    """One step of a route: a workshop that receives a production notice,
    or a buy-in (the material is bought: a request to the superior instead
    of a workshop notice)."""

    _name = "sale.followup.route.step"
    _inherit = ["order.handling.document.mixin"]
    _description = "Follow-up Route Step"
    _order = "route_id, sequence, id"
    _check_company_auto = True

    route_id = fields.Many2one(
        "sale.followup.route", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="route_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(
        required=True,
        translate=True,
        help="What the step makes, e.g. Blown film, Printing, Bag making.",
    )
    kind = fields.Selection(STEP_KINDS, required=True, default="workshop")
    department_id = fields.Many2one(
        "order.handling.department",
        check_company=True,
        ondelete="restrict",
        help="Workshop: the workshop that receives the production notice. "
        "Buy-in: the department whose responsible receives the request "
        "(empty: the responsible of the logistics department, the follow-up "
        "clerk's superior).",
    )
    duration_days = fields.Integer(
        string="Duration (days)",
        default=1,
        help="Planned working time of the step: the notices' planned dates "
        "and needed-by dates are counted with it.",
    )
    instruction = fields.Text(
        string="Standing Instructions",
        translate=True,
        help="Printed on every notice of this step (e.g. the printing "
        "instruction of the printing workshop).",
    )

    @api.constrains("kind", "department_id", "duration_days")
    def _check_department(self):
        for step in self:
            if step.kind == "workshop" and not step.department_id.is_workshop:
                raise ValidationError(
                    self.env._(
                        "Step %s: choose a department marked as production workshop.",
                        step.name,
                    )
                )
            if step.duration_days < 0:
                raise ValidationError(
                    self.env._("Step %s: the duration cannot be negative.", step.name)
                )
