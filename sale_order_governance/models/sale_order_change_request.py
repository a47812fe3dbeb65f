# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, format_datetime

from odoo.addons.order_handling_base.models.texts import note_env


class SaleOrderChangeRequest(models.Model):
    """A change of a confirmed order (R7.2): which lines and fields change,
    to what, and why; approved with tier validation, then applied to the
    order and its open pickings in one transaction, keeping the values
    before and after, and told to the departments that had the order."""

    _name = "sale.order.change.request"
    _inherit = ["sale.order.request.mixin"]
    _description = "Sale Order Change Request"
    _request_sequence_code = "sale.order.change.request"

    line_ids = fields.One2many(
        "sale.order.change.request.line", "request_id", string="Line Changes"
    )
    order_commitment_date = fields.Datetime(
        related="order_id.commitment_date", string="Current Delivery Date"
    )
    new_commitment_date = fields.Datetime(
        string="New Delivery Date", tracking=True, copy=False
    )
    old_commitment_date = fields.Datetime(
        string="Delivery Date Before", readonly=True, copy=False
    )
    order_partner_shipping_id = fields.Many2one(
        related="order_id.partner_shipping_id", string="Current Delivery Address"
    )
    new_partner_shipping_id = fields.Many2one(
        "res.partner",
        string="New Delivery Address",
        tracking=True,
        check_company=True,
        copy=False,
    )
    old_partner_shipping_id = fields.Many2one(
        "res.partner", string="Delivery Address Before", readonly=True, copy=False
    )
    spec_changed = fields.Boolean(
        string="Specification Changed",
        compute="_compute_spec_changed",
        store=True,
        help="A line description (specification) changes: the order becomes "
        "non-regular and its review is reopened when applied.",
    )
    impact_html = fields.Html(
        string="Impact", compute="_compute_impact_html", sanitize=False
    )
    impact_blocking = fields.Text(
        string="Cannot Be Applied", compute="_compute_impact_html"
    )

    @api.depends("line_ids.new_name", "line_ids.old_name")
    def _compute_spec_changed(self):
        for request in self:
            request.spec_changed = any(
                line.new_name and line.new_name != line.old_name
                for line in request.line_ids
            )

    @api.depends("order_id", "line_ids.new_qty", "line_ids.new_product_id")
    def _compute_impact_html(self):
        for request in self:
            order = request.order_id.sudo()
            request.impact_html = order and request._render_impact(order) or False
            request.impact_blocking = "\n".join(request._blocking_messages()) or False

    def _render_impact(self, order):
        """What already happened to the order: deliveries, picked quantities
        and the departments that received it."""
        rows = Markup("").join(
            Markup(
                "<tr><td>%s</td><td class='text-end'>%s</td>"
                "<td class='text-end'>%s</td><td class='text-end'>%s</td></tr>"
            )
            % (
                line.name.split("\n")[0],
                line.product_uom_qty,
                line.qty_delivered,
                self._picked_qty(line),
            )
            for line in order.order_line.filtered(lambda sol: not sol.display_type)
        )
        pickings = Markup("").join(
            Markup("<li>%s: %s</li>")
            % (
                picking.name,
                dict(picking._fields["state"]._description_selection(self.env))[
                    picking.state
                ],
            )
            for picking in order.picking_ids
        )
        slip_states = dict(
            self.env["order.handling.transfer"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        slips = Markup("").join(
            Markup("<li>%s → %s: %s</li>")
            % (slip.name, slip.department_id.name, slip_states[slip.state])
            for slip in order.transfer_slip_ids
        )
        return Markup(
            "<table class='table table-sm'><thead><tr><th>%s</th>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th></tr></thead><tbody>%s</tbody></table>"
            "<p><strong>%s</strong></p><ul>%s</ul><p><strong>%s</strong></p><ul>%s</ul>"
        ) % (
            self.env._("Line"),
            self.env._("Ordered"),
            self.env._("Delivered"),
            self.env._("Picked"),
            rows,
            self.env._("Pickings"),
            pickings or Markup("<li>-</li>"),
            self.env._("Transferred to departments"),
            slips or Markup("<li>-</li>"),
        )

    @api.model
    def _picked_qty(self, order_line):
        """Quantity prepared in open pickings (picked, not yet delivered)."""
        return sum(
            move.product_uom._compute_quantity(move.quantity, order_line.product_uom)
            for move in order_line.move_ids
            if move.picked and move.state not in ("done", "cancel")
        )

    def _blocking_messages(self):
        """Why the request cannot be applied as it stands."""
        self.ensure_one()
        messages = []
        for line in self.line_ids:
            sol = line.order_line_id
            if not sol:
                continue
            precision = sol.product_uom.rounding
            if (
                float_compare(
                    line.new_qty, sol.qty_delivered, precision_rounding=precision
                )
                < 0
            ):
                messages.append(
                    self.env._(
                        "%(product)s: %(delivered)s already delivered, the "
                        "quantity cannot go below it (asked: %(qty)s).",
                        product=sol.product_id.display_name,
                        delivered=sol.qty_delivered,
                        qty=line.new_qty,
                    )
                )
        return messages

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _check_before_approval(self):
        result = super()._check_before_approval()
        for request in self:
            if not request._has_changes():
                raise UserError(
                    self.env._(
                        "Request %s changes nothing: give the new values first.",
                        request.name,
                    )
                )
            request._check_applicable()
        return result

    def _has_changes(self):
        self.ensure_one()
        return bool(
            self.new_commitment_date
            or self.new_partner_shipping_id
            or any(line._changed_fields() for line in self.line_ids)
        )

    def _applicable_refusal(self):
        """Why the approved changes cannot be applied to the order as it
        stands (deliveries since, a locked order), or ``""``."""
        self.ensure_one()
        blocking = self._blocking_messages()
        if blocking:
            return self.env._(
                "Request %(request)s cannot be applied: %(reasons)s",
                request=self.name,
                reasons=" ".join(blocking),
            )
        if self.order_id.sudo().locked:
            return self.env._(
                "Order %s is locked: unlock it before the change is applied.",
                self.order_id.sudo().name,
            )
        return ""

    def _check_applicable(self):
        for request in self:
            refusal = request._applicable_refusal()
            if refusal:
                raise UserError(refusal)

    def _refuse_apply(self):
        return super()._refuse_apply() or self._applicable_refusal()

    # ------------------------------------------------------------------
    # Apply
    # ------------------------------------------------------------------

    def action_apply(self):
        """Apply the approved changes to the order and its open pickings, all
        or nothing, keeping the values before and after."""
        self._ensure_can("apply")
        for request in self:
            request._apply()
        self._mark_applied()
        return True

    def _apply(self):
        self.ensure_one()
        order = self.order_id.sudo()
        self._record_before(order)
        deferred = {}
        ctx = {
            # honoured in sudo only (sale_order_line_governance.py)
            "governance_deferred_procurement": deferred,
            # one before/after record of the request instead of a tracking
            # message per line
            "tracking_disable": True,
        }
        lines = self.line_ids.sudo().with_context(**ctx)
        # product replaced: the old line keeps what was delivered, a new line
        # carries the new product
        replaced = lines.filtered(lambda line: "product" in line._changed_fields())
        new_line_vals = [line._prepare_replacement_line_vals() for line in replaced]
        for line in lines:
            vals = line._prepare_order_line_vals()
            if vals:
                line.order_line_id.with_context(**ctx).write(vals)
        if new_line_vals:
            order.with_context(**ctx).write(
                {"order_line": [Command.create(vals) for vals in new_line_vals]}
            )
            for line, new_sol in zip(
                replaced, order.order_line.sorted("id")[-len(replaced) :], strict=True
            ):
                line.new_line_id = new_sol
        if deferred:
            sols = (
                self.env["sale.order.line"]
                .sudo()
                .with_context(tracking_disable=True)
                .browse(list(deferred))
            )
            sols._action_launch_stock_rule(previous_product_uom_qty=deferred)
        self._apply_order_fields(order)
        self._record_after()
        if self.spec_changed:
            order._governance_reopen_review(
                self.env._("Specification changed by request %s", self.name)
            )
        self._notify(order)

    def _record_before(self, order):
        """The values the order has now: the "before" of the record."""
        self.sudo().write(
            {
                "old_commitment_date": order.commitment_date,
                "old_partner_shipping_id": order.partner_shipping_id.id,
            }
        )
        for line in self.line_ids.sudo():
            sol = line.order_line_id
            line.write(
                {
                    "old_qty": sol.product_uom_qty,
                    "old_price": sol.price_unit,
                    "old_product_id": sol.product_id.id,
                    "old_name": sol.name,
                }
            )

    def _record_after(self):
        """Hook after the order was changed (integrators log more here)."""
        return True

    def _apply_order_fields(self, order):
        vals = {}
        if self.new_commitment_date:
            vals["commitment_date"] = self.new_commitment_date
        open_pickings = order._governance_open_pickings()
        if self.new_partner_shipping_id:
            vals["partner_shipping_id"] = self.new_partner_shipping_id.id
            warnings_before = open_pickings.activity_ids
        if vals:
            order.with_context(tracking_disable=True).write(vals)
        if self.new_commitment_date:
            open_pickings.move_ids.filtered(
                lambda m: m.state not in ("done", "cancel")
            ).write({"date": self.new_commitment_date})
            open_pickings.write({"scheduled_date": self.new_commitment_date})
        if self.new_partner_shipping_id:
            open_pickings.write({"partner_id": self.new_partner_shipping_id.id})
            # sale_stock asks to update the pickings by hand: done here
            (open_pickings.activity_ids - warnings_before).unlink()

    def _changes_table(self, prices=True):
        """Before/after of every change, as HTML, in the language and time
        zone of ``self.env`` (``note_env``). Without ``prices`` for the
        order's chatter and the departments, which may not see prices."""
        self.ensure_one()
        rows = []
        if self.new_commitment_date:
            tz = self.env.context.get("tz")
            rows.append(
                (
                    self.env._("Delivery date"),
                    format_datetime(self.env, self.old_commitment_date, tz=tz) or "-",
                    format_datetime(self.env, self.new_commitment_date, tz=tz),
                )
            )
        if self.new_partner_shipping_id:
            rows.append(
                (
                    self.env._("Delivery address"),
                    self.old_partner_shipping_id.display_name or "-",
                    self.new_partner_shipping_id.display_name,
                )
            )
        for line in self.line_ids:
            rows.extend(line._changes_rows(prices=prices))
        body = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>") % row for row in rows
        )
        return Markup(
            "<table class='table table-sm'><thead><tr><th>%s</th><th>%s</th>"
            "<th>%s</th></tr></thead><tbody>%s</tbody></table>"
        ) % (self.env._("What"), self.env._("Before"), self.env._("After"), body)

    def _notify(self, order):
        # one text for every reader: in the language of who applied the
        # change, the company's when the system did (``note_env``)
        request = self.with_env(note_env(self))
        order = order.with_env(note_env(order))
        request.sudo().message_post(
            body=request._notice_body(prices=True), subtype_xmlid="mail.mt_note"
        )
        body = request._notice_body()
        departments = order._governance_notified_departments()
        if departments:
            # the notes in ``env``'s language, each responsible's activity
            # in theirs
            order._governance_notify_departments(
                departments,
                lambda lang_env: lang_env._(
                    "Order %(order)s changed (%(request)s)",
                    order=order.name,
                    request=request.name,
                ),
                lambda lang_env: request.with_env(lang_env)._notice_body(),
            )
        else:
            order.message_post(body=body, subtype_xmlid="mail.mt_note")

    def _notice_body(self, prices=False):
        """The departments' notice of the applied change in ``self.env``'s
        language: what was applied, why, and the before/after table."""
        self.ensure_one()
        intro = Markup("<p>%s</p><p>%s</p>") % (
            self.env._("Change request %s was applied to the order.", self.name),
            self.reason,
        )
        return intro + self._changes_table(prices=prices)

    def action_print_notice(self):
        self.ensure_one()
        return self.env.ref(
            "sale_order_governance.action_report_change_notice"
        ).report_action(self)
