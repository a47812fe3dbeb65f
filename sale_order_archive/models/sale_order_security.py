# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
    searched_values,
)

EXPORT_GROUP = "sale_order_archive.group_export_order_data"
# the one context the archive snapshot is read in (R7.6): no language (the
# source terms of translatable names), no time zone, archived records
# included, whoever archives or verifies
SNAPSHOT_CONTEXT = {"active_test": False}


class GovernanceExportGuard:
    """Order data leaves the system only for the "Export Order Data" group
    (R7.4). Prices need no guard of their own: the roles that must not see
    them (the departments) read no order at all, only the order copy
    (``sale.order.copy``, order_handling_base), which has no price column."""

    # a plain Python mixin of the two model classes below (sale.order and
    # sale.order.line): its method comes before the ones of the models they
    # extend, and ``super()`` reaches those; no instance attribute
    __slots__ = ()

    def export_data(self, fields_to_export):
        """Checked here, so it holds for the web export and over RPC."""
        if not self.env.su and not self.env.user.has_group(EXPORT_GROUP):
            raise AccessError(
                self.env._(
                    "Exporting order data is reserved to the group "
                    '"Export Order Data": ask your administrator.'
                )
            )
        return super().export_data(fields_to_export)


class SaleOrder(GovernanceExportGuard, models.Model):
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
    can_governance_archive = fields.Boolean(compute="_compute_can_buttons")
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
        wanted = searched_values(self, "governance_granted_to_me", operator, value)
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

    def _archive_check_write(self):
        """Archived orders are read-only (R7.5). Code running as superuser
        (system flows) is trusted: what it changes on an archived order is
        caught by the checksum."""
        if self.env.su:
            return
        for order in self:
            if order.governance_archive_id:
                raise UserError(
                    self.env._("Order %s is archived: it is read-only.", order.name)
                )

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        check_values(self, [vals])
        self._archive_check_write()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_archived(self):
        """Archived and transferred orders are records of the company: they
        cannot be deleted (R7.5; sale_order_governance adds approved
        orders)."""
        for order in self:
            reason = False
            if order.governance_archive_id:
                reason = self.env._("Order %s is archived.", order.name)
            elif order.transfer_slip_ids:
                reason = self.env._(
                    "Order %s was transferred to departments.", order.name
                )
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
                roles.LOGISTICS_CLERK,
                roles.SALES_HEAD,
                roles.MANAGER,
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

    def _refuse_governance_archive(self):
        """Archive: the logistics clerk, the sales head or an administrator,
        on a done order (``_governance_archive_blocker``)."""
        self.ensure_one()
        if not self.env.su and not self._governance_may_archive(self.env.user):
            return AccessError(
                self.env._(
                    "Only the logistics clerk, the sales head or an administrator "
                    "can archive orders."
                )
            )
        return self._governance_archive_blocker() or ""

    def action_governance_archive(self):
        """Archive done orders with a snapshot of their documents and a
        checksum (R7.6). Over RPC: True (``_governance_archive`` gives the
        archives)."""
        self._ensure_can("governance_archive")
        self._governance_archive_allowed()
        return True

    def _governance_archive(self):
        """``action_governance_archive``, returning the archives."""
        self._ensure_can("governance_archive")
        return self._governance_archive_allowed()

    def _governance_archive_allowed(self):
        """Archive ``self``, whose rule was checked (``_ensure_can``)."""
        self.check_access("read")
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
