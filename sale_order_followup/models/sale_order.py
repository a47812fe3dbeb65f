# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import schedule_activities
from odoo.addons.sale_order_intake.models.sale_order import TRANSFERRED_STAGES

from .sale_followup_notice import OPEN_STATES

SPEC_ACTIVITY = "sale_order_followup.mail_activity_type_followup_spec"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    followup_spec_ids = fields.One2many(
        "sale.followup.spec", "order_id", string="Specification Sheets"
    )
    followup_notice_ids = fields.One2many(
        "sale.followup.notice", "order_id", string="Production Notices"
    )
    followup_spec_count = fields.Integer(compute="_compute_followup_counts")
    followup_notice_count = fields.Integer(compute="_compute_followup_counts")
    can_followup_prepare_specs = fields.Boolean(compute="_compute_can_buttons")
    can_followup_issue_notices = fields.Boolean(compute="_compute_can_buttons")
    followup_active = fields.Boolean(
        string="Production Follow-up",
        compute="_compute_followup_active",
        help="The company follows orders through production and a line's "
        "product has a follow-up route (R5.6).",
    )

    @api.depends("followup_spec_ids", "followup_notice_ids")
    def _compute_followup_counts(self):
        for order in self:
            order.followup_spec_count = len(order.followup_spec_ids)
            order.followup_notice_count = len(order.followup_notice_ids)

    @api.depends("company_id.followup_enabled", "order_line.product_id")
    def _compute_followup_active(self):
        for order in self:
            order.followup_active = bool(
                order.company_id.followup_enabled and order._followup_routed_lines()
            )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _followup_routed_lines(self):
        """{line: route} of the product lines of ``self`` (one company)
        whose product has a route."""
        lines = self.order_line.filtered(
            lambda line: not line.display_type and line.product_id
        )
        if not lines:
            return {}
        result = {}
        for company, company_lines in lines.grouped("company_id").items():
            routes = self.env["sale.followup.route"]._get_routes(
                company_lines.product_id, company
            )
            for line in company_lines:
                route = routes.get(line.product_id.id)
                if route and route.step_ids:
                    result[line] = route
        return result

    def _followup_accepted(self):
        """Accepted at intake (or confirmed where the company runs no
        intake): production may start."""
        self.ensure_one()
        return self.intake_stage in TRANSFERRED_STAGES or self.state == "sale"

    def _followup_lines_without_spec(self):
        """The routed lines of the order (one) without a sheet that is not
        cancelled (their own or the whole order's)."""
        self.ensure_one()
        existing = self.followup_spec_ids.filtered(lambda s: s.state != "cancelled")
        if existing.filtered(lambda s: not s.order_line_id):
            return self.env["sale.order.line"]
        lines = self.env["sale.order.line"].union(*self._followup_routed_lines())
        return lines - existing.order_line_id

    # ------------------------------------------------------------------
    # Button rules (order.handling.button.mixin)
    # ------------------------------------------------------------------

    def _followup_refuse_clerk(self):
        return self._intake_refuse_group(roles.LOGISTICS_CLERK, roles.MANAGER)

    def _followup_refuse_order(self):
        """The order does not follow production: the company's setting, a
        cancelled order, no routed product."""
        self.ensure_one()
        if not self.company_id.followup_enabled or (
            self.state == "cancel" or self.intake_stage in ("cancelled", "rejected")
        ):
            return self._followup_problem()
        if not self._followup_routed_lines():
            return self.env._(
                "No line of order %s has a product with a follow-up route.",
                self.name,
            )
        return ""

    def _refuse_followup_prepare_specs(self):
        if refusal := self._followup_refuse_clerk() or self._followup_refuse_order():
            return refusal
        if not self.sudo()._followup_lines_without_spec():
            return self.env._(
                "Every product line of order %s already has its specification sheet.",
                self.name,
            )
        return ""

    def _refuse_followup_issue_notices(self):
        return (
            self._followup_refuse_clerk()
            or self._followup_problem()
            or self.sudo()._followup_refuse_notices()
        )

    def _followup_pending_lines(self):
        """{line: route} of the routed lines of the order (one) that no
        notice (not cancelled) covers yet."""
        self.ensure_one()
        covered = self.followup_notice_ids.filtered(
            lambda n: n.state != "cancelled"
        ).line_ids.order_line_id
        return {
            line: route
            for line, route in self._followup_routed_lines().items()
            if line not in covered
        }

    def _followup_refuse_notices(self):
        """Why the notices of the order (one, accepted) cannot be issued:
        already issued, a sheet the customer has not confirmed, a printing
        plate not made; or ``""``."""
        self.ensure_one()
        pending = self._followup_pending_lines()
        if not pending:
            return self.env._(
                "The production notices of order %s are already issued.", self.name
            )
        specs = self._followup_spec_of(
            self.followup_spec_ids.filtered(lambda s: s.state == "confirmed")
        )
        for line in pending:
            if refusal := self._followup_refuse_spec(line, specs[line.id]):
                return refusal
        return ""

    def _followup_refuse_spec(self, line, spec):
        """The confirmed sheet ``spec`` of ``line`` is missing or its
        printing plate is not made: why, or ``""``."""
        if not spec:
            return self.env._(
                "Order %(order)s: the customer has not confirmed "
                "the specification sheet of %(product)s. Production "
                "notices are issued once every sheet is confirmed.",
                order=self.name,
                product=line.product_id.display_name,
            )
        if spec.plate_type != "none" and not spec.plate_ready:
            return self.env._(
                "Order %(order)s: the printing plate of "
                "specification %(spec)s is not made yet.",
                order=self.name,
                spec=spec.name,
            )
        return ""

    def _followup_spec_of(self, specs):
        """{line id: confirmed sheet} for ``specs`` (confirmed sheets of one
        order): the line's own sheet, else the sheet of the whole order."""
        order_spec = specs.filtered(lambda s: not s.order_line_id)[:1]
        result = defaultdict(lambda: order_spec)
        for spec in specs.filtered("order_line_id"):
            result[spec.order_line_id.id] = spec
        return result

    # ------------------------------------------------------------------
    # Specification sheets
    # ------------------------------------------------------------------

    def action_followup_prepare_specs(self):
        """One draft sheet per routed line without one (the clerk fills it
        in with the customer)."""
        self._ensure_can("followup_prepare_specs")
        self.sudo()._followup_prepare_specs()
        return self.action_followup_view_specs()

    def _followup_prepare_specs(self):
        vals_list = []
        for order in self:
            if not order.company_id.followup_enabled:
                continue
            existing = order.followup_spec_ids.filtered(
                lambda s: s.state != "cancelled"
            )
            if existing.filtered(lambda s: not s.order_line_id):
                continue
            covered = existing.order_line_id
            vals_list += [
                {
                    "order_id": order.id,
                    "order_line_id": line.id,
                    "company_id": order.company_id.id,
                }
                for line in order._followup_routed_lines()
                if line not in covered
            ]
        specs = self.env["sale.followup.spec"].sudo().create(vals_list)
        schedule_activities(
            [(spec, spec.order_id.intake_clerk_id or self.env.user) for spec in specs],
            SPEC_ACTIVITY,
        )
        return specs

    # ------------------------------------------------------------------
    # Production notices (R5.6)
    # ------------------------------------------------------------------

    def action_followup_issue_notices(self):
        """The clerk issues the production notices of the order: refused
        before the order is accepted and every sheet is confirmed."""
        self._ensure_can("followup_issue_notices")
        self.sudo()._followup_generate(raise_errors=True)
        return self.action_followup_view_notices()

    def _followup_auto_generate(self):
        """After acceptance or a sheet's confirmation: the notices of the
        orders that are ready, silently (nothing for the others)."""
        ready = self.filtered(
            lambda o: o.company_id.followup_enabled and o._followup_accepted()
        )
        if ready:
            ready.sudo()._followup_generate(raise_errors=False)

    def _followup_generate(self, raise_errors=True):
        """Make the notices of the routed lines of ``self`` not yet in a
        notice: per order and route, one notice per step, in a few creates
        (one per step level); the first step of each chain is issued, the
        others wait for the previous one. Returns the notices."""
        Notice = self.env["sale.followup.notice"]
        chains = []
        for order in self:
            problem = order._followup_problem()
            if problem:
                if raise_errors:
                    raise UserError(problem)
                continue
            specs = order._followup_spec_of(
                order.followup_spec_ids.filtered(lambda s: s.state == "confirmed")
            )
            by_route = defaultdict(list)
            for line, route in order._followup_pending_lines().items():
                spec = specs[line.id]
                if problem := order._followup_refuse_spec(line, spec):
                    if raise_errors:
                        raise UserError(problem)
                    by_route = None
                    break
                by_route[route].append((line, spec))
            for route, items in (by_route or {}).items():
                chains.append((order, route, items))
        if not chains:
            return Notice
        clerk_department = {}
        level_values = []
        for order, route, items in chains:
            company = order.company_id
            if company not in clerk_department:
                clerk_department[company] = (
                    self.env["order.handling.department"]
                    .sudo()
                    .search(
                        [("code", "=", "logistics"), ("company_id", "=", company.id)],
                        limit=1,
                    )
                )
            steps = route.step_ids.sorted()
            requirement = "\n".join(
                dict.fromkeys(
                    text for __, spec in items if (text := spec._requirement_text())
                )
            )
            start = fields.Date.context_today(order)
            delivery = order.commitment_date and order.commitment_date.date()
            durations = [step.duration_days for step in steps]
            vals_chain = []
            for index, step in enumerate(steps):
                planned_start = start + timedelta(days=sum(durations[:index]))
                superior = self.env["res.users"]
                if step.kind == "buy_in":
                    superior = (
                        step.department_id.manager_id
                        or clerk_department[company].manager_id
                    )
                vals = order._followup_prepare_notice_vals(
                    step,
                    items,
                    {
                        "order_id": order.id,
                        "order_ref": order.name,
                        "partner_id": order.partner_id.commercial_partner_id.id,
                        "client_order_ref": order.client_order_ref,
                        "company_id": company.id,
                        "route_id": route.id,
                        "step_id": step.id,
                        "step_name": step.name,
                        "kind": step.kind,
                        "step_index": index + 1,
                        "step_count": len(steps),
                        "department_id": step.department_id.id,
                        "requested_to_id": superior.id,
                        "clerk_id": order.intake_clerk_id.id or self.env.uid,
                        "customer_requirement": requirement,
                        "instruction": step.instruction,
                        "date_planned_start": planned_start,
                        "date_planned_end": planned_start
                        + timedelta(days=step.duration_days),
                        "date_needed": delivery
                        and delivery - timedelta(days=sum(durations[index + 1 :])),
                        "line_ids": [
                            (
                                0,
                                0,
                                {
                                    "order_line_id": line.id,
                                    "sequence": line.sequence,
                                    "product_id": line.product_id.id,
                                    "name": line.name,
                                    "product_qty": line.product_uom_qty,
                                    "product_uom_id": line.product_uom.id,
                                    "spec_id": spec.id,
                                },
                            )
                            for line, spec in items
                        ],
                    },
                )
                vals_chain.append(vals)
            level_values.append(vals_chain)
        # one create per step level: the previous step is known
        notices = Notice
        previous = [False] * len(level_values)
        level = 0
        while True:
            todo = [
                (position, chain[level])
                for position, chain in enumerate(level_values)
                if level < len(chain)
            ]
            if not todo:
                break
            vals_list = [
                dict(vals, previous_id=previous[position] and previous[position].id)
                for position, vals in todo
            ]
            created = Notice.sudo().create(vals_list)
            for (position, __), notice in zip(todo, created, strict=True):
                previous[position] = notice
            notices |= created
            level += 1
        first = notices.filtered(lambda n: not n.previous_id)
        first._issue()
        for order in self.filtered(lambda o: o in notices.order_id):
            order._message_log(
                body=self.env._(
                    "Production notices issued in turn: %s.",
                    ", ".join(
                        f"{n.name} ({n.step_name})"
                        for n in notices.filtered(lambda n, o=order: n.order_id == o)
                    ),
                )
            )
        return notices

    def _followup_prepare_notice_vals(self, step, items, vals):
        """Hook: the values of the notice of ``step`` (a route step) for
        ``items`` (``[(order line, confirmed sheet)]``) of the order
        ``self``; ``vals`` are the values the suite fills in (the MRP bridge
        adds the work centre)."""
        self.ensure_one()
        return vals

    def _followup_problem(self):
        """Why the notices of the order cannot be made now, or False."""
        self.ensure_one()
        if not self.company_id.followup_enabled:
            return self.env._(
                "Company %s does not follow orders through production: switch "
                "it on in the settings.",
                self.company_id.name,
            )
        if self.state == "cancel" or self.intake_stage in ("cancelled", "rejected"):
            return self.env._("Order %s is cancelled.", self.name)
        if not self._followup_accepted():
            return self.env._(
                "Order %s is not accepted yet: production notices are issued "
                "for accepted orders.",
                self.name,
            )
        if not self._followup_routed_lines():
            return self.env._(
                "No line of order %s has a product with a follow-up route.",
                self.name,
            )
        return False

    # ------------------------------------------------------------------
    # Odoo and intake flow
    # ------------------------------------------------------------------

    def action_intake_accept(self):
        result = super().action_intake_accept()
        self._followup_on_accept()
        return result

    def _action_confirm(self):
        result = super()._action_confirm()
        self._followup_on_accept()
        return result

    def _followup_on_accept(self):
        """Accepted: sheets to fill for the routed lines, notices for the
        orders whose sheets are already confirmed."""
        orders = self.sudo().filtered(lambda o: o.company_id.followup_enabled)
        if orders:
            orders._followup_prepare_specs()
            orders._followup_auto_generate()

    def _action_cancel(self):
        result = super()._action_cancel()
        notices = self.sudo().followup_notice_ids.filtered(
            lambda n: n.state in OPEN_STATES
        )
        if notices:
            notices._cancel(self.env._("The order was cancelled."))
        return result

    def action_followup_view_specs(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_order_followup.sale_followup_spec_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action

    def action_followup_view_notices(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_order_followup.sale_followup_notice_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
