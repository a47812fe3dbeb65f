# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

SALES_USER = "sales_team.group_sale_salesman"
EXPORT_GROUP = "sale_order_governance.group_export_order_data"
# the one context the archive snapshot is read in (R7.6): no language (the
# source terms of translatable names), no time zone, archived records
# included, whoever archives or verifies
SNAPSHOT_CONTEXT = {"active_test": False}
# key fields of a confirmed order, changed only through a change request
LOCKED_ORDER_FIELDS = (
    "partner_id",
    "partner_invoice_id",
    "partner_shipping_id",
    "commitment_date",
    "date_order",
    "validity_date",
    "payment_term_id",
    "pricelist_id",
    "currency_id",
    "fiscal_position_id",
    "client_order_ref",
    "company_id",
)
# values of sale.order / sale.order.line that are prices or margins besides
# their monetary fields (R7.4)
PRICE_FIELD_NAMES = {
    "price_unit",
    "technical_price_unit",
    "discount",
    "purchase_price",
    "margin_percent",
    "tax_totals",
    "amount_undiscounted",
    "amount_paid",
    "currency_rate",
}


# this half of the addon (R7.4–R7.7) extends the model in its own file, next
# to the approvals half's (R7.1–R7.3)
# pylint: disable=consider-merging-classes-inherited


class GovernancePriceGuard:
    """Prices and margins of orders hidden from the roles that have no sales
    right (warehouse, production, engineering, quality, purchasing…), at the
    level of the public ORM methods a client calls: ``read``,
    ``search_read``, search domains, ``read_group`` groupings and aggregates
    refuse them; ``web_read`` and ``onchange`` (the web client) return them
    empty; the views show them hidden. Internal code reading the
    fields as attributes (computes, stock flows run by a warehouse user) is
    not affected, which is why the fields carry no ``groups`` (R7.4)."""

    # a plain Python mixin of the two model classes below (sale.order and
    # sale.order.line): their methods come before the ones of the models
    # they extend, and ``super()`` reaches those; no instance attribute, so
    # the record classes keep their layout
    __slots__ = ()

    @api.model
    def _governance_price_fields(self):
        """Hook: names of the fields that show a price, an amount or a margin."""
        return {
            name
            for name, field in self._fields.items()
            if field.type == "monetary" or name in PRICE_FIELD_NAMES
        }

    @api.model
    def _governance_hide_prices(self):
        """Whether the current user must not see prices: not a sales user."""
        return not self.env.su and not self.env.user.has_group(SALES_USER)

    def _governance_check_price_access(self, names):
        """Refuse a request that reads, filters, groups or writes a price
        field when the user must not see prices."""
        if not names or not self._governance_hide_prices():
            return
        hidden = self._governance_price_fields().intersection(names)
        if hidden:
            # the fields' labels and the model's name in the user's language,
            # not their technical names
            raise AccessError(
                self.env._(
                    "Prices and margins of orders are confidential: your role "
                    "cannot see %(fields)s of %(model)s.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in hidden
                        )
                    ),
                    model=self.env["ir.model"].sudo()._get(self._name).name,
                )
            )

    def _governance_readable_fields(self, fields):
        """Fields asked by a read: all but the prices when none is given."""
        if fields or not self._governance_hide_prices():
            self._governance_check_price_access(fields)
            return fields
        hidden = self._governance_price_fields()
        return [
            name
            for name, field in self._fields.items()
            if name not in hidden and field.is_accessible(self.env)
        ]

    @api.model
    def _governance_domain_fields(self, domain):
        return {
            leaf[0].split(".", 1)[0]
            for leaf in domain or ()
            if isinstance(leaf, (list, tuple))
            and len(leaf) == 3
            and isinstance(leaf[0], str)
        }

    def read(self, fields=None, load="_classic_read"):
        fields = self._governance_readable_fields(fields)
        return super().read(fields=fields, load=load)

    @api.model
    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs
    ):
        fields = self._governance_readable_fields(fields)
        return super().search_read(
            domain=domain,
            fields=fields,
            offset=offset,
            limit=limit,
            order=order,
            **read_kwargs,
        )

    @api.model
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        self._governance_check_price_access(self._governance_domain_fields(domain))
        return super().search_fetch(
            domain, field_names, offset=offset, limit=limit, order=order
        )

    @api.model
    def search_count(self, domain, limit=None):
        self._governance_check_price_access(self._governance_domain_fields(domain))
        return super().search_count(domain, limit=limit)

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        names = self._governance_domain_fields(domain)
        for spec in list(fields or ()) + list(
            [groupby] if isinstance(groupby, str) else groupby or ()
        ):
            names.add(spec.split(":")[0].split(".")[0].strip())
            if "(" in spec:
                names.add(spec.split("(")[1].split(")")[0].strip())
        self._governance_check_price_access(names)
        return super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        """Every view of orders and lines shown to a role without prices is
        the same view with its price and margin fields hidden (and their
        labels removed), whatever addon added them."""
        result = super().get_view(view_id=view_id, view_type=view_type, **options)
        if self._governance_hide_prices():
            result = self._governance_strip_prices(result, view_type)
        return result

    @api.model
    def _governance_strip_prices(self, result, view_type="form"):
        """Price fields become invisible columns and fields without totals
        (other nodes refer to them in their expressions, so they stay in the
        view); ``web_read`` and ``onchange`` blank their values. Pivot and
        graph measures are removed."""
        hidden = {}

        def price_fields(model):
            # orders, lines, and the models their views embed (options…)
            if model not in hidden:
                hidden[model] = {
                    name
                    for name, field in self.env[model]._fields.items()
                    if field.type == "monetary" or name in PRICE_FIELD_NAMES
                }
            return hidden[model]

        node = etree.fromstring(result["arch"])

        def remove(element):
            parent = element.getparent()
            if element.tail:
                previous = element.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + element.tail
                else:
                    parent.text = (parent.text or "") + element.tail
            parent.remove(element)

        def walk(parent, model):
            Model = self.env[model]
            for element in list(parent):
                if element.tag == "field":
                    name = element.get("name")
                    field = Model._fields.get(name)
                    if name in price_fields(model):
                        if view_type in ("pivot", "graph"):
                            remove(element)
                            continue
                        for attribute in ("sum", "avg", "aggregator", "widget"):
                            element.attrib.pop(attribute, None)
                        element.set("invisible", "1")
                        if parent.tag == "list":
                            element.set("column_invisible", "1")
                        continue
                    walk(
                        element,
                        field.comodel_name if field and field.relational else model,
                    )
                elif element.tag == "label" and element.get("for") in price_fields(
                    model
                ):
                    remove(element)
                elif isinstance(element.tag, str):
                    walk(element, model)

        walk(node, self._name)
        result = dict(result)
        result["arch"] = etree.tostring(node, encoding="unicode")
        return result

    def _governance_mask_prices(self, values_list):
        """Price values replaced by empty ones (what a hidden field shows)."""
        names = self._governance_price_fields()
        for values in values_list:
            for name in names.intersection(values):
                values[name] = False
        return values_list

    def web_read(self, specification):
        """For the roles without prices: price fields come back empty, and
        so do the fields showing records of models they have no right on at
        all (sale options, payment transactions…),
        instead of refusing the whole order form."""
        if not self._governance_hide_prices():
            return super().web_read(specification)
        prices = self._governance_price_fields()
        blocked = {
            name
            for name in specification
            if name in self._fields and self._governance_unreadable(self._fields[name])
        }
        values_list = super().web_read(
            {
                name: spec
                for name, spec in specification.items()
                if name not in blocked and name not in prices
            }
        )
        for values in values_list:
            for name in blocked:
                values[name] = (
                    []
                    if self._fields[name].type in ("one2many", "many2many")
                    else False
                )
            values.update(dict.fromkeys(prices.intersection(specification), False))
        return values_list

    def _governance_unreadable(self, field):
        """Whether ``field`` shows records of a model the user has no right
        on: a list of them, or a value computed through a relation to them
        (as declared in the field's dependencies)."""
        if field.type in ("one2many", "many2many"):
            return not self.env[field.comodel_name].has_access("read")
        if field.store or not field.compute:
            return False
        for path in self.pool.field_depends[field]:
            first = self._fields.get(path.split(".", 1)[0])
            if (
                first
                and first.relational
                and not self.env[first.comodel_name].has_access("read")
            ):
                return True
        return False

    def onchange(self, values, field_names, fields_spec):
        result = super().onchange(values, field_names, fields_spec)
        if self._governance_hide_prices():
            self._governance_mask_price_changes(result.get("value", {}))
        return result

    def _governance_mask_price_changes(self, value):
        prices = self._governance_price_fields()
        for name in list(value):
            if name in prices:
                value[name] = False
            elif name in self._fields and self._fields[name].comodel_name in (
                "sale.order.line",
                "sale.order",
            ):
                comodel = self.env[self._fields[name].comodel_name]
                for command in value[name] if isinstance(value[name], list) else ():
                    if (
                        isinstance(command, (list, tuple))
                        and len(command) == 3
                        and isinstance(command[2], dict)
                    ):
                        comodel._governance_mask_price_changes(command[2])

    def export_data(self, fields_to_export):
        """Order data leaves the system only for the "Export Order Data" group
        (R7.4); checked here, so it holds for the web export and over RPC."""
        if not self.env.su and not self.env.user.has_group(EXPORT_GROUP):
            raise AccessError(
                self.env._(
                    "Exporting order data is reserved to the group "
                    '"Export Order Data": ask your administrator.'
                )
            )
        return super().export_data(fields_to_export)


class SaleOrder(GovernancePriceGuard, models.Model):
    _inherit = "sale.order"

    # key fields tracked on top of those sale tracks already (R7.5)
    partner_invoice_id = fields.Many2one(tracking=True)
    partner_shipping_id = fields.Many2one(tracking=True)
    commitment_date = fields.Datetime(tracking=True)
    date_order = fields.Datetime(tracking=True)
    validity_date = fields.Date(tracking=True)
    client_order_ref = fields.Char(tracking=True)
    fiscal_position_id = fields.Many2one(tracking=True)
    amount_tax = fields.Monetary(tracking=True)

    governance_archive_id = fields.Many2one(
        "sale.order.archive",
        string="Archive",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    governance_archived = fields.Boolean(
        string="Archived",
        compute="_compute_governance_archived",
        store=True,
        help="Archived with a snapshot: read-only, cannot be deleted.",
    )
    # not tracked on the order (a related field takes the archive's
    # tracking): the archive's chatter tells a change of integrity, the order
    # would only recompute it at each of its own writes
    governance_integrity = fields.Selection(
        related="governance_archive_id.integrity",
        string="Archive Integrity",
        tracking=False,
    )
    governance_can_archive = fields.Boolean(compute="_compute_governance_can_archive")
    governance_granted_to_me = fields.Boolean(
        compute="_compute_governance_granted_to_me",
        search="_search_governance_granted_to_me",
        help="The current user reads this archived order through an approved, "
        "unexpired access request.",
    )

    @api.depends("governance_archive_id")
    def _compute_governance_archived(self):
        for order in self:
            order.governance_archived = bool(order.governance_archive_id)

    @api.depends("state", "delivery_status", "governance_archive_id")
    @api.depends_context("uid")
    def _compute_governance_can_archive(self):
        allowed = self._governance_may_archive(self.env.user)
        for order in self:
            order.governance_can_archive = (
                allowed and not order._governance_archive_blocker()
            )

    @api.depends_context("uid")
    def _compute_governance_granted_to_me(self):
        # record rules check records with ``filtered_domain``, which reads
        # this value: per user, and dropped from the cache whenever an access
        # request changes (sale.order.access.request create / write)
        granted = self.search(
            [("id", "in", self.ids), ("governance_granted_to_me", "=", True)]
        )
        for order in self:
            order.governance_granted_to_me = order in granted

    def _search_governance_granted_to_me(self, operator, value):
        """Evaluated when a query is built, never cached: the record rule
        ``[('governance_granted_to_me', '=', True)]`` is a constant domain
        (ir.rule caches the evaluated domain), the expiry is compared with
        the database clock here, so an expired grant closes at its end date
        without waiting for the cron (R7.7)."""
        wanted = self._oh_search_values("governance_granted_to_me", operator, value)
        if len(wanted) != 1:
            return [(1, "=", 1)] if wanted else [(0, "=", 1)]
        # the subquery reads the table: grants written in this transaction
        # must be in it
        self.env["sale.order.access.request"].flush_model(
            ["order_id", "user_id", "state", "date_end"]
        )
        query = SQL(
            "(SELECT order_id FROM sale_order_access_request "
            "WHERE user_id = %s AND state = 'granted' "
            "AND date_end > (statement_timestamp() AT TIME ZONE 'UTC'))",
            self.env.uid,
        )
        return [("id", "in" if True in wanted else "not in", query)]

    # ------------------------------------------------------------------
    # Guards (R7.5)
    # ------------------------------------------------------------------

    def _governance_locked_fields(self):
        """Hook: key fields of a confirmed order."""
        return {name for name in LOCKED_ORDER_FIELDS if name in self._fields}

    def _governance_changes(self, name, value):
        """Whether writing ``value`` changes the field ``name`` of the order
        (a form sends unchanged values too). A value of the wrong type (over
        RPC) changes it too: refused as a change, not as an internal error."""
        self.ensure_one()
        field = self._fields[name]
        try:
            new = field.convert_to_record(field.convert_to_cache(value, self), self)
        except (TypeError, ValueError):
            return True
        return self[name] != new

    def _governance_check_write(self, vals):
        """Archived orders are read-only; the key fields of a confirmed order
        change only through an approved change request. Code running as
        superuser (system flows) is trusted: what it changes on an archived
        order is caught by the checksum."""
        if self.env.su:
            return
        for order in self:
            if order.governance_archive_id:
                raise UserError(
                    self.env._("Order %s is archived: it is read-only.", order.name)
                )
        # the change request applies its changes in sudo (above); no context
        # key opens this guard
        locked = self._governance_locked_fields().intersection(vals)
        if not locked:
            return
        for order in self.filtered(lambda o: o._governance_change_controlled()):
            changed = [
                name for name in locked if order._governance_changes(name, vals[name])
            ]
            if changed:
                raise UserError(
                    self.env._(
                        "Order %(order)s is confirmed: %(fields)s can only be "
                        "changed through an approved change request.",
                        order=order.name,
                        fields=", ".join(
                            sorted(
                                order._fields[name]._description_string(self.env)
                                for name in changed
                            )
                        ),
                    )
                )

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        self._governance_check_price_access(vals)
        self._governance_check_write(vals)
        return super().write(vals)

    def _governance_change_controlled(self):
        """A confirmed order whose company switched changes and cancellations
        by request on, in the company's regulated sales teams."""
        self.ensure_one()
        return (
            self.state == "sale"
            and self.company_id.sale_order_change_control
            and self._order_handling_regulated()
        )

    def _action_cancel(self):
        """Where the company switched on changes by request, a confirmed
        order is cancelled only by its approved cancel request (R7.3), whose
        application runs in sudo: Odoo's Cancel button and cancel wizard (and
        any RPC call) are refused for everyone else."""
        if not self.env.su:
            governed = self.filtered(lambda o: o._governance_change_controlled())
            if governed:
                raise UserError(
                    self.env._(
                        "Order %s is confirmed: it is cancelled through a cancel "
                        "request approved by the sales head and the general "
                        "manager (Request Cancellation).",
                        governed[0].name,
                    )
                )
        return super()._action_cancel()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_governed(self):
        """Approved, transferred and archived orders are records of the
        company: they cannot be deleted (R7.5)."""
        for order in self:
            reason = False
            if order.governance_archive_id:
                reason = self.env._("Order %s is archived.", order.name)
            elif order.transfer_slip_ids:
                reason = self.env._(
                    "Order %s was transferred to departments.", order.name
                )
            elif (
                "validation_status" in order._fields
                and order.validation_status == "validated"
            ):
                reason = self.env._("Order %s is approved.", order.name)
            if reason:
                raise UserError(
                    self.env._(
                        "%(reason)s It cannot be deleted: cancel it instead.",
                        reason=reason,
                    )
                )

    # ------------------------------------------------------------------
    # Confidentiality (R7.4)
    # ------------------------------------------------------------------

    def _track_filter_for_display(self, tracking_values):
        """Chatter tracking of prices and amounts (on the order and on its
        lines) is not shown to roles that must not see prices."""
        tracking_values = super()._track_filter_for_display(tracking_values)
        if not self._governance_hide_prices():
            return tracking_values
        hidden = {("sale.order", name) for name in self._governance_price_fields()} | {
            ("sale.order.line", name)
            for name in self.env["sale.order.line"]._governance_price_fields()
        }
        return tracking_values.filtered(
            lambda t: (t.field_id.model, t.field_id.name) not in hidden
        )

    def _read_format(self, fnames, load="_classic_read"):
        """Every read of an archived order through an access grant is logged
        (R7.7): one query finds the user's active grants among the records."""
        result = super()._read_format(fnames, load=load)
        if not self.env.su and self.ids:
            self.env["sale.order.access.request"]._log_reads(self)
        return result

    # ------------------------------------------------------------------
    # Archive (R7.6)
    # ------------------------------------------------------------------

    @api.model
    def _governance_may_archive(self, user):
        return any(
            user.has_group(group)
            for group in (
                "order_handling_base.group_logistics_clerk",
                "order_handling_base.group_sales_head",
                "order_handling_base.group_manager",
            )
        )

    def _governance_archive_blocker(self):
        """Why the order cannot be archived, or False. A done order is
        confirmed, fully delivered and, where the company runs the intake,
        completed by logistics."""
        self.ensure_one()
        if self.governance_archive_id:
            return self.env._("Order %s is already archived.", self.name)
        if self.state != "sale":
            return self.env._("Order %s is not confirmed.", self.name)
        if self.delivery_status != "full":
            return self.env._("Order %s is not fully delivered.", self.name)
        if (
            "intake_stage" in self._fields
            and self.company_id.intake_required
            and self.intake_stage != "done"
        ):
            return self.env._("Order %s is not completed by logistics yet.", self.name)
        return False

    def action_governance_archive(self):
        """Archive done orders with a snapshot of their documents and a
        checksum (R7.6). Over RPC: True (``_governance_archive`` gives the
        archives)."""
        self._governance_archive()
        return True

    def _governance_archive(self):
        """``action_governance_archive``, returning the archives."""
        if not self.env.su and not self._governance_may_archive(self.env.user):
            raise AccessError(
                self.env._(
                    "Only the logistics clerk, the sales head or an administrator "
                    "can archive orders."
                )
            )
        self.check_access("read")
        for order in self:
            blocker = order._governance_archive_blocker()
            if blocker:
                raise UserError(blocker)
        return self.env["sale.order.archive"].sudo()._create_for_orders(self)

    def action_governance_open_archive(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order.archive",
            "res_id": self.governance_archive_id.id,
            "view_mode": "form",
        }

    def _governance_snapshot(self):
        """The canonical snapshot of the order (R7.6):
        ``_governance_snapshot_data`` read as the superuser in
        ``SNAPSHOT_CONTEXT``, so that it is the same whoever archives or
        verifies the order, in whatever language and time zone."""
        self.ensure_one()
        env = self.env(user=SUPERUSER_ID, context=SNAPSHOT_CONTEXT, su=True)
        return self.with_env(env)._governance_snapshot_data()

    def _governance_snapshot_data(self):
        """Hook: the key data of the order stored in the archive snapshot, as
        plain JSON types (strings for dates and rounded amounts so that the
        serialisation is stable). Called through ``_governance_snapshot``,
        which fixes the context: an override keeps to canonical values
        (codes, selection keys, ids, numbers, UTC dates, names read here, in
        no language) and never reads the user, the language or the time
        zone."""
        self.ensure_one()
        currency = self.currency_id

        def amount(value):
            return "%.*f" % (currency.decimal_places, currency.round(value))

        def qty(value):
            return "%.4f" % value

        def dt(value):
            return fields.Datetime.to_string(value) if value else None

        def ref(record):
            return [record.id, record.display_name] if record else None

        pickings = self.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        ).sorted("id")
        return {
            "header": {
                "name": self.name,
                "company": ref(self.company_id),
                "partner": ref(self.partner_id),
                "partner_invoice": ref(self.partner_invoice_id),
                "partner_shipping": ref(self.partner_shipping_id),
                "client_order_ref": self.client_order_ref or None,
                "date_order": dt(self.date_order),
                "commitment_date": dt(self.commitment_date),
                "payment_term": ref(self.payment_term_id),
                "pricelist": ref(self.pricelist_id),
                "currency": currency.name,
                "salesperson": ref(self.user_id),
                "state": self.state,
            },
            "lines": [
                {
                    "id": line.id,
                    "sequence": line.sequence,
                    "display_type": line.display_type or None,
                    "product": ref(line.product_id),
                    "description": line.name,
                    "quantity": qty(line.product_uom_qty),
                    "uom": line.product_uom.name or None,
                    "price_unit": amount(line.price_unit),
                    "discount": "%.2f" % line.discount,
                    "taxes": sorted(line.tax_id.mapped("name")),
                    "subtotal": amount(line.price_subtotal),
                    "total": amount(line.price_total),
                    "delivered": qty(line.qty_delivered),
                }
                for line in self.order_line.sorted(
                    lambda line: (line.sequence, line.id)
                )
            ],
            "deliveries": [
                {
                    "name": picking.name,
                    "state": picking.state,
                    "date_done": dt(picking.date_done),
                    "partner": ref(picking.partner_id),
                    "moves": [
                        {
                            "product": ref(move.product_id),
                            "demand": qty(move.product_uom_qty),
                            "done": qty(move.quantity),
                            "state": move.state,
                        }
                        for move in picking.move_ids.sorted("id")
                    ],
                }
                for picking in pickings
            ],
            "amounts": {
                "untaxed": amount(self.amount_untaxed),
                "tax": amount(self.amount_tax),
                "total": amount(self.amount_total),
            },
        }
