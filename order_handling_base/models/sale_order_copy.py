# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order copy (订单复印件) that departments work from (R2.2, R7.4).

The regulations hand each department a *copy* of the order. Here the copy is
a read-only database view over ``sale_order`` / ``sale_order_line`` with the
same ids, in the shape of Odoo's own ``hr.employee.public``: it has only the
columns declared on it, and no price, amount or margin can be declared
(``init`` refuses them). Departments read copies, never orders: their roles
have no right on ``sale.order`` / ``sale.order.line`` at all, so no path of
Odoo (read, domain, order, report, portal token, composer, chatter) reaches
an order's prices through them.

A department reads the copy of an order while the server has given it the
order: an open transfer slip to one of its departments (here), a review of
its department, a product plan it works on, an urgency assessment (the
addons that own those add their query to ``_department_visible_queries``).
"""

from odoo import api, fields, models
from odoo.tools import SQL

from .mail_batch import schedule_activities
from .mail_queue import with_mail_queue
from .order_handling_document_mixin import searched_values

#: types a copy may not show: prices, amounts and margins are sales'
REFUSED_TYPES = {"monetary"}
REFUSED_NAMES = {
    "price_unit",
    "technical_price_unit",
    "discount",
    "purchase_price",
    "margin",
    "margin_percent",
    "tax_totals",
    "amount_undiscounted",
    "amount_paid",
    "currency_rate",
    "access_token",
    "signature",
}


def order_selection(env, name):
    """The choices of the order's field ``name`` in the user's language (a
    selection given by a function is not translated by Odoo: the copy shows
    the order's own translated labels)."""
    field = env["sale.order"]._fields[name]
    return field._description_selection(env) or field.selection


class OrderCopyViewMixin(models.AbstractModel):
    """A read-only view with the ids of its source table and the columns of
    the fields declared on the model (same names as the source's)."""

    _name = "order.handling.copy.view.mixin"
    _description = "Order Handling Read-only Copy"
    _auto = False
    #: the table the view copies
    _copy_source_table = None

    def _copy_columns(self):
        names = []
        for name, field in self._fields.items():
            if not field.store or not field.column_type or name == "id":
                continue
            if field.type in REFUSED_TYPES or name in REFUSED_NAMES:
                raise ValueError(
                    f"{self._name}.{name}: a copy given to departments shows no "
                    "price, amount, margin, token or signature"
                )
            names.append(name)
        return sorted(names)

    def init(self):
        if not self._copy_source_table:
            return
        columns = SQL(", ").join(
            SQL("src.%s", SQL.identifier(name)) for name in self._copy_columns()
        )
        self.env.cr.execute(SQL("DROP VIEW IF EXISTS %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                "CREATE VIEW %s AS (SELECT src.id, %s FROM %s src)",
                SQL.identifier(self._table),
                columns,
                SQL.identifier(self._copy_source_table),
            )
        )


class SaleOrderCopy(models.Model):
    """The departments' discussion of an order, and the notices the suite
    gives them about it (changes, cancellation, urgency), are on the copy's
    own chatter: the departments read it, and their messages stay out of
    the order's chatter, which the customer's mails are in."""

    _name = "sale.order.copy"
    # the buttons of the steps departments take on the copy (proposing the
    # date, assessing an urgent order) follow the order's rules
    _inherit = [
        "order.handling.copy.view.mixin",
        "order.handling.button.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Order Copy"
    _auto = False
    # the departments that read the copy discuss it and see its activities
    _mail_post_access = "read"
    _copy_source_table = "sale_order"
    _order = "date_order desc, id desc"

    name = fields.Char(string="Order Reference", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    partner_shipping_id = fields.Many2one(
        "res.partner", string="Delivery Address", readonly=True
    )
    client_order_ref = fields.Char(string="Customer Reference", readonly=True)
    origin = fields.Char(string="Source Document", readonly=True)
    date_order = fields.Datetime(string="Order Date", readonly=True)
    commitment_date = fields.Datetime(string="Delivery Date", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    state = fields.Selection(
        lambda self: order_selection(self.env, "state"),
        string="Status",
        readonly=True,
    )
    note = fields.Html(string="Terms and Conditions", readonly=True)
    line_ids = fields.One2many(
        "sale.order.copy.line", "order_id", string="Order Lines", readonly=True
    )
    department_visible = fields.Boolean(
        compute="_compute_department_visible",
        search="_search_department_visible",
        help="Given to one of my departments: an open transfer slip, a "
        "review, a product plan … (record rule of the departments).",
    )

    @api.depends_context("uid")
    def _compute_department_visible(self):
        visible = self.search(
            [("id", "in", self.ids), ("department_visible", "=", True)]
        )
        for copy in self:
            copy.department_visible = copy in visible

    def _search_department_visible(self, operator, value):
        """Evaluated when a query is built (the record rule is a constant
        domain): one subquery, the union of the addons' queries."""
        wanted = searched_values(self, "department_visible", operator, value)
        if len(wanted) != 1:
            return [(1, "=", 1)] if wanted else [(0, "=", 1)]
        query = SQL("(%s)", SQL(" UNION ").join(self._department_visible_queries()))
        return [("id", "in" if True in wanted else "not in", query)]

    def _department_visible_queries(self):
        """Hook: SQL queries of sale order ids given to the current user's
        departments. Here: the orders with an open transfer slip to one of
        them (a cancelled or forwarded slip gives nothing any more)."""
        self.env["order.handling.transfer"].flush_model(
            ["res_model", "res_id", "state", "department_id"]
        )
        self.env["order.handling.department"].flush_model(["manager_id", "member_ids"])
        return [
            SQL(
                "SELECT slip.res_id FROM order_handling_transfer slip "
                "WHERE slip.res_model = 'sale.order' "
                "AND slip.state IN ('sent', 'acknowledged') "
                "AND slip.department_id IN %s",
                self._my_departments_sql(),
            )
        ]

    def _my_departments_sql(self):
        """SQL of the ids of the departments the current user is a member or
        the responsible of (for the addons' queries)."""
        return SQL(
            "(SELECT dep.id FROM order_handling_department dep "
            "WHERE dep.manager_id = %(uid)s UNION "
            "SELECT rel.department_id FROM order_handling_department_user_rel rel "
            "WHERE rel.user_id = %(uid)s)",
            uid=self.env.uid,
        )

    @api.model
    def _copy_of(self, orders):
        """The copies of sale ``orders`` (same ids), in the current env."""
        return self.browse(orders.ids)

    def _notify_departments(self, departments, body, subject=None, activity=None):
        """Tell ``departments`` about their order (one copy): one message on
        the copy that notifies their people, and, with ``activity`` (a dict
        of ``schedule_activities`` arguments with ``act_type_xmlid``), one
        activity on the copy for each department's responsible user. The
        departments read the copy, not the order. ``body`` and ``subject``
        are one text for all readers (a string); the activity's ``summary``
        and ``note`` are each responsible's: give them as ``_lt(...)`` (see
        ``schedule_activities``), not as strings of the acting env."""
        self.ensure_one()
        if not departments:
            return
        copy = with_mail_queue(self.sudo()).with_context(mail_post_autofollow=False)
        partners = (departments.manager_id | departments.member_ids).partner_id
        copy.message_post(
            body=body,
            subject=subject,
            partner_ids=partners.ids,
            subtype_xmlid="mail.mt_note",
        )
        if activity:
            activity = dict(activity)
            act_type_xmlid = activity.pop("act_type_xmlid")
            schedule_activities(
                [(self, user) for user in departments.sudo().manager_id],
                act_type_xmlid,
                **activity,
            )


class SaleOrderCopyLine(models.Model):
    _name = "sale.order.copy.line"
    _inherit = ["order.handling.copy.view.mixin"]
    _description = "Order Copy Line"
    _auto = False
    _copy_source_table = "sale_order_line"
    _order = "order_id, sequence, id"

    order_id = fields.Many2one("sale.order.copy", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    sequence = fields.Integer(readonly=True)
    display_type = fields.Selection(
        [("line_section", "Section"), ("line_note", "Note")], readonly=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    name = fields.Text(string="Description", readonly=True)
    product_uom_qty = fields.Float(
        string="Quantity", digits="Product Unit of Measure", readonly=True
    )
    product_uom = fields.Many2one("uom.uom", string="Unit", readonly=True)
    qty_delivered = fields.Float(
        string="Delivered", digits="Product Unit of Measure", readonly=True
    )
    customer_lead = fields.Float(string="Lead Time (days)", readonly=True)
    is_downpayment = fields.Boolean(string="Is a Down Payment", readonly=True)


class OrderCopyHolderMixin(models.AbstractModel):
    """Documents a department works on that show the copy of their order
    (transfer slips, reviews, product plans …): ``order_copy_id`` and its
    lines, each as far as the reader may read them (a department whose slip
    was forwarded or cancelled keeps its slip, not the copy)."""

    _name = "order.handling.order.copy.holder.mixin"
    _description = "Order Handling Document with an Order Copy"

    order_copy_id = fields.Many2one(
        "sale.order.copy",
        compute="_compute_order_copy",
        compute_sudo=False,
    )
    order_copy_line_ids = fields.Many2many(
        "sale.order.copy.line",
        string="Order Lines",
        compute="_compute_order_copy",
        compute_sudo=False,
    )
    order_copy_partner_id = fields.Many2one(
        "res.partner",
        string="Customer of the Order",
        compute="_compute_order_copy",
        compute_sudo=False,
    )
    order_copy_commitment_date = fields.Datetime(
        string="Delivery Date of the Order",
        compute="_compute_order_copy",
        compute_sudo=False,
    )
    order_copy_client_order_ref = fields.Char(
        string="Customer Reference",
        compute="_compute_order_copy",
        compute_sudo=False,
    )

    def _order_copy_order_ids(self):
        """Hook: {record id: sale order id (or False)} of ``self``, read in
        sudo (a department reads no order)."""
        if "order_id" not in self._fields:
            return {}
        return {record.id: record.order_id.id for record in self.sudo()}

    @api.depends_context("uid")
    def _compute_order_copy(self):
        order_of = self._order_copy_order_ids()
        copies = self.env["sale.order.copy"].browse(
            {order_id for order_id in order_of.values() if order_id}
        )
        readable = copies._filtered_access("read")
        lines_of = {}
        if readable:
            lines = self.env["sale.order.copy.line"].search(
                [("order_id", "in", readable.ids)]
            )
            for line in lines:
                lines_of.setdefault(line.order_id.id, []).append(line.id)
        Line = self.env["sale.order.copy.line"]
        readable_ids = set(readable.ids)
        for record in self:
            order_id = order_of.get(record.id)
            copy = readable.browse(order_id) if order_id in readable_ids else False
            record.order_copy_id = copy
            record.order_copy_line_ids = Line.browse(lines_of.get(order_id, []))
            record.order_copy_partner_id = copy and copy.partner_id
            record.order_copy_commitment_date = copy and copy.commitment_date
            record.order_copy_client_order_ref = copy and copy.client_order_ref
