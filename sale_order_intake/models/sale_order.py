# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_datetime, format_list

from odoo.addons.order_handling_base.models.mail_batch import (
    feedback_activities,
    post_template,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.mail_queue import mail_queued

INTAKE_STAGES = [
    ("draft", "With Sales"),
    ("submitted", "To Check"),
    ("returned", "Returned to Sales"),
    ("checked", "Checked"),
    ("accepted", "Accepted"),
    ("date_proposed", "Date Proposed"),
    ("date_confirmed", "Date Confirmed"),
    ("done", "Completed"),
    ("cancelled", "Cancelled"),
]
# stages in which nothing waits any more (folded in the intake queue)
CLOSED_STAGES = ("done", "cancelled", "rejected")
# stages after acceptance: the order has been transferred
TRANSFERRED_STAGES = ("accepted", "date_proposed", "date_confirmed", "done")
# stages in which the sales head signs the order off: up to its acceptance
SIGN_OFF_STAGES = ("draft", "submitted", "returned", "checked")
CLASSES = [("regular", "Regular"), ("non_regular", "Non-regular")]
# written only by the intake actions (in sudo, after their checks)
PROTECTED_FIELDS = {
    "intake_stage",
    "intake_submitted_uid",
    "intake_submitted_date",
    "intake_checked_uid",
    "intake_checked_date",
    "intake_check_valid",
    "intake_return_count",
    "intake_return_reason",
    "sales_signoff_uid",
    "sales_signoff_date",
    "intake_recheck_uid",
    "intake_recheck_date",
    "intake_class_override",
    "intake_class_override_reason",
    "intake_accepted_uid",
    "intake_accepted_date",
    "delivery_date_proposed",
    "delivery_date_proposed_uid",
    "delivery_date_replied_uid",
    "delivery_date_replied_date",
    "intake_delay_notified",
    "urgency_decision",
    "urgency_assessment",
    "urgency_decision_uid",
    "urgency_decision_date",
    "urgent_escalated",
}

# fields of an order whose change leaves its intake check valid: the
# workflow's own, the clerk, SLA, chatter and portal bookkeeping
CHECK_NEUTRAL_FIELDS = PROTECTED_FIELDS | {
    "intake_clerk_id",
    "stage_start",
    "access_token",
}
CHECK_NEUTRAL_PREFIXES = ("sla_", "message_", "activity_", "website_message")


def _check_neutral(name):
    return name in CHECK_NEUTRAL_FIELDS or name.startswith(CHECK_NEUTRAL_PREFIXES)


CLERK = "order_handling_base.group_logistics_clerk"
MANAGER = "order_handling_base.group_manager"
SALES_HEAD = "order_handling_base.group_sales_head"
WORKSHOP = "order_handling_base.group_workshop_supervisor"
ENGINEERING = "order_handling_base.group_engineering_supervisor"


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "order.handling.sla.mixin"]

    _stage_field = "intake_stage"
    _sla_class_fields = ["intake_class", "intake_priority"]

    # not ``required``: rows that other modules insert without the ORM get
    # the column's database default (``init``); empty means "not handled by
    # the suite" and is read as draft
    intake_stage = fields.Selection(
        INTAKE_STAGES,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
        readonly=True,
        group_expand="_group_expand_intake_stage",
    )
    intake_channel = fields.Selection(
        [
            ("sales", "Entered by sales"),
            ("fax", "Fax / scan"),
            ("email", "E-mail"),
            ("phone", "Phone"),
            ("portal", "Portal"),
            ("edi", "EDI"),
        ],
        string="Channel",
        default="sales",
        tracking=True,
    )
    intake_document_type = fields.Selection(
        [
            ("shipping_notice", "Shipping notice"),
            ("stock_preparation", "Stock-preparation order"),
        ],
        string="Order Type",
        default="shipping_notice",
        tracking=True,
        help="Shipping notice (发货通知单): ship from stock or production; "
        "stock-preparation order (备货单): prepare stock ahead of a call-off.",
    )
    intake_source_document_ids = fields.Many2many(
        "ir.attachment",
        "sale_order_intake_source_rel",
        "order_id",
        "attachment_id",
        string="Source Documents",
        copy=False,
        help="The order as received: fax, scan, e-mail attachment.",
    )
    intake_mail_id = fields.Many2one(
        "sale.order.intake.mail", string="Received Document", readonly=True, copy=False
    )
    intake_clerk_id = fields.Many2one(
        "res.users",
        string="Logistics Clerk",
        tracking=True,
        copy=False,
        index="btree_not_null",
        help="Order owner (跟单员): checks, routes and tracks the order.",
    )
    intake_submitted_uid = fields.Many2one(
        "res.users", string="Submitted By", readonly=True, copy=False
    )
    intake_submitted_date = fields.Datetime(
        string="Submitted On", readonly=True, copy=False
    )
    intake_checked_uid = fields.Many2one(
        "res.users", string="Checked By", readonly=True, copy=False
    )
    intake_checked_date = fields.Datetime(
        string="Checked On", readonly=True, copy=False
    )
    intake_check_valid = fields.Boolean(
        string="Check Still Valid",
        readonly=True,
        copy=False,
        help="Set by a clean intake check, cleared when the order or its lines "
        "change before acceptance: acceptance checks again only an order "
        "whose check is no longer valid.",
    )
    intake_return_count = fields.Integer(
        string="Returns to Sales",
        readonly=True,
        copy=False,
        help="How many times the intake check returned the order (first-pass "
        "accuracy KPI).",
    )
    intake_return_reason = fields.Text(
        string="Last Return Reason", readonly=True, copy=False
    )
    intake_issue_ids = fields.One2many(
        "sale.order.intake.issue", "order_id", string="Check Issues", readonly=True
    )
    sales_signoff_uid = fields.Many2one(
        "res.users", string="Signed Off By", readonly=True, copy=False, tracking=True
    )
    sales_signoff_date = fields.Datetime(
        string="Signed Off On", readonly=True, copy=False
    )
    intake_important_flag = fields.Boolean(
        string="Flagged Important",
        tracking=True,
        help="Needs a re-check by a second person whatever its amount.",
    )
    intake_important = fields.Boolean(
        string="Important",
        compute="_compute_intake_important",
        store=True,
        help="Flagged, or at least the company's important-order amount.",
    )
    intake_recheck_uid = fields.Many2one(
        "res.users", string="Re-checked By", readonly=True, copy=False, tracking=True
    )
    intake_recheck_date = fields.Datetime(
        string="Re-checked On", readonly=True, copy=False
    )
    intake_class_computed = fields.Selection(
        CLASSES,
        string="Computed Class",
        compute="_compute_intake_class_computed",
        store=True,
    )
    intake_class_override = fields.Selection(
        CLASSES, string="Class Set By Clerk", readonly=True, copy=False, tracking=True
    )
    intake_class_override_reason = fields.Text(
        string="Reason for Class Change", readonly=True, copy=False, tracking=True
    )
    intake_class = fields.Selection(
        CLASSES,
        string="Order Class",
        compute="_compute_intake_class",
        store=True,
        index=True,
        tracking=True,
    )
    intake_class_reason = fields.Char(
        string="Why Non-regular", compute="_compute_intake_class_computed", store=True
    )
    intake_accepted_uid = fields.Many2one(
        "res.users", string="Accepted By", readonly=True, copy=False
    )
    intake_accepted_date = fields.Datetime(
        string="Accepted On", readonly=True, copy=False
    )
    delivery_date_proposed = fields.Datetime(
        string="Proposed Delivery Date",
        readonly=True,
        copy=False,
        tracking=True,
        help="Entered by the workshop supervisor (regular orders) or the "
        "engineering supervisor (non-regular orders), R2.4.",
    )
    delivery_date_proposed_uid = fields.Many2one(
        "res.users", string="Date Proposed By", readonly=True, copy=False
    )
    delivery_date_replied_uid = fields.Many2one(
        "res.users", string="Date Replied By", readonly=True, copy=False
    )
    delivery_date_replied_date = fields.Datetime(
        string="Date Replied On", readonly=True, copy=False
    )
    intake_delay_notified = fields.Boolean(
        string="Delay Notified",
        readonly=True,
        copy=False,
        help="The customer was told the order is late.",
    )
    intake_urgent = fields.Boolean(
        string="Urgent",
        tracking=True,
        copy=False,
        help="The customer needs the order urgently: it is assessed for "
        "feasibility and, once accepted, handled first everywhere (R6).",
    )
    urgency_level = fields.Selection(
        [("1", "High"), ("2", "Critical")], default="1", tracking=True, copy=False
    )
    urgent_deadline = fields.Datetime(
        string="Needed By", tracking=True, copy=False, index="btree_not_null"
    )
    urgency_assessor_id = fields.Many2one(
        "res.users",
        string="Feasibility Assessed By",
        tracking=True,
        copy=False,
        domain="[('share', '=', False)]",
        help="The person named to assess urgency and feasibility (resources, "
        "capacity).",
    )
    urgency_decision = fields.Selection(
        [("accepted", "Feasible: accepted"), ("refused", "Not feasible")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    urgency_assessment = fields.Text(
        string="Feasibility Assessment", readonly=True, copy=False
    )
    urgency_decision_uid = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False
    )
    urgency_decision_date = fields.Datetime(
        string="Decided On", readonly=True, copy=False
    )
    urgent_escalated = fields.Boolean(readonly=True, copy=False)
    intake_priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")],
        string="Priority",
        compute="_compute_intake_priority",
        store=True,
        index=True,
    )
    intake_shortfall = fields.Boolean(
        string="Stock Shortfall",
        compute="_compute_intake_shortfall",
        store=True,
        help="At the intake check, at least one line could not be served from "
        "stock and forecast.",
    )
    intake_picking_minutes = fields.Float(
        string="Estimated Picking Time (min)",
        compute="_compute_intake_picking_minutes",
        store=True,
    )
    intake_can_submit = fields.Boolean(compute="_compute_intake_can")
    intake_can_check = fields.Boolean(compute="_compute_intake_can")
    intake_can_accept = fields.Boolean(compute="_compute_intake_can")
    intake_can_recheck = fields.Boolean(compute="_compute_intake_can")
    intake_can_sign_off = fields.Boolean(compute="_compute_intake_can")
    intake_can_propose_date = fields.Boolean(compute="_compute_intake_can")
    intake_can_reply_date = fields.Boolean(compute="_compute_intake_can")
    intake_can_complete = fields.Boolean(compute="_compute_intake_can")
    intake_can_assess_urgency = fields.Boolean(compute="_compute_intake_can")

    # ------------------------------------------------------------------
    # Queue columns
    # ------------------------------------------------------------------

    @api.model
    def _group_expand_intake_stage(self, values, domain):
        """The intake queue's columns in the order of the process (not of
        the stage keys); the closed stages only when they hold orders."""
        return [
            key
            for key, __ in self._fields["intake_stage"]._description_selection(self.env)
            if key not in CLOSED_STAGES or key in values
        ]

    @api.model
    def _read_group_fill_results(
        self,
        domain,
        groupby,
        annoted_aggregates,
        read_group_result,
        read_group_order=None,
    ):
        result = super()._read_group_fill_results(
            domain, groupby, annoted_aggregates, read_group_result, read_group_order
        )
        if groupby.split(":")[0] == "intake_stage":
            # finished and refused orders fold away: what waits stays in view
            for line in result:
                line["__fold"] = line.get("intake_stage") in CLOSED_STAGES
        return result

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends(
        "intake_important_flag",
        "amount_untaxed",
        "currency_id",
        "company_id.intake_important_amount",
    )
    def _compute_intake_important(self):
        for order in self:
            threshold = order.company_id.intake_important_amount
            order.intake_important = order.intake_important_flag or bool(
                threshold
                and order.currency_id.compare_amounts(order.amount_untaxed, threshold)
                >= 0
            )

    @api.depends("order_line.intake_class", "order_line.intake_class_reason")
    def _compute_intake_class_computed(self):
        reasons = dict(
            self.env["sale.order.line"]
            ._fields["intake_class_reason"]
            ._description_selection(self.env)
        )
        for order in self:
            lines = order.order_line.filtered("intake_class")
            if not lines:
                order.intake_class_computed = False
                order.intake_class_reason = False
                continue
            irregular = lines.filtered(lambda line: line.intake_class == "non_regular")
            order.intake_class_computed = "non_regular" if irregular else "regular"
            order.intake_class_reason = (
                ", ".join(
                    sorted({reasons[line.intake_class_reason] for line in irregular})
                )
                or False
            )

    @api.depends("intake_class_computed", "intake_class_override")
    def _compute_intake_class(self):
        for order in self:
            order.intake_class = (
                order.intake_class_override or order.intake_class_computed
            )

    @api.depends("order_line.intake_shortfall_qty")
    def _compute_intake_shortfall(self):
        for order in self:
            order.intake_shortfall = any(
                line.intake_shortfall_qty > 0 for line in order.order_line
            )

    @api.depends(
        "order_line.product_uom_qty",
        "order_line.product_id.product_tmpl_id.picking_minutes_per_unit",
    )
    def _compute_intake_picking_minutes(self):
        for order in self:
            order.intake_picking_minutes = sum(
                line.product_uom_qty * line.product_id.picking_minutes_per_unit
                for line in order.order_line
            )

    @api.depends(
        "intake_stage",
        "intake_important",
        "intake_recheck_uid",
        "delivery_status",
        "intake_urgent",
        "urgency_decision",
        "urgency_assessor_id",
    )
    @api.depends_context("uid")
    def _compute_intake_can(self):
        user = self.env.user
        is_clerk = user.has_group(CLERK) or user.has_group(MANAGER)
        is_head = user.has_group(SALES_HEAD)
        for order in self:
            stage = order.intake_stage or "draft"
            order.intake_can_submit = stage in (
                "draft",
                "returned",
            ) and order.state in (
                "draft",
                "sent",
            )
            order.intake_can_check = is_clerk and stage == "submitted"
            order.intake_can_accept = is_clerk and stage == "checked"
            order.intake_can_recheck = (
                (is_clerk or is_head)
                and stage == "checked"
                and order.intake_important
                and not order.intake_recheck_uid
                and user not in order._intake_entered_by() | order.intake_checked_uid
            )
            order.intake_can_sign_off = (
                is_head and not order.sales_signoff_uid and stage in SIGN_OFF_STAGES
            )
            order.intake_can_propose_date = stage in (
                "accepted",
                "date_proposed",
            ) and order._intake_may_propose_date(user)
            order.intake_can_reply_date = is_clerk and stage == "date_proposed"
            order.intake_can_assess_urgency = (
                order.intake_urgent
                and not order.urgency_decision
                and stage not in ("done", "cancelled")
                and (user == order.urgency_assessor_id or user.has_group(MANAGER))
            )
            order.intake_can_complete = (
                is_clerk
                and stage == "date_confirmed"
                and order.delivery_status == "full"
            )

    @api.depends("intake_urgent", "urgency_decision")
    def _compute_intake_priority(self):
        for order in self:
            urgent = order.intake_urgent and order.urgency_decision == "accepted"
            order.intake_priority = "1" if urgent else "0"

    def _sla_order_class(self):
        self.ensure_one()
        return "urgent" if self.intake_priority == "1" else self.intake_class

    def _get_transfer_priority(self):
        self.ensure_one()
        return self.intake_priority or "0"

    def _sla_escalation_user(self):
        self.ensure_one()
        return self.intake_clerk_id or self.user_id

    def _get_transfer_order_class(self):
        self.ensure_one()
        return self.intake_class

    def init(self):
        """Database defaults of the columns the intake adds to
        ``sale_order``: rows inserted by other modules without the ORM
        (``_create``, SQL, imports) are valid as they are."""
        result = super().init()
        self.env.cr.execute(
            SQL(
                "ALTER TABLE sale_order ALTER COLUMN intake_stage SET DEFAULT 'draft',"
                " ALTER COLUMN intake_document_type SET DEFAULT 'shipping_notice',"
                " ALTER COLUMN intake_channel SET DEFAULT 'sales'"
            )
        )
        return result

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                # a new order starts with sales: the workflow fields may only
                # be given empty (or the stage as "draft")
                self._intake_check_protected(
                    name
                    for name in PROTECTED_FIELDS.intersection(vals)
                    if vals[name] and (name, vals[name]) != ("intake_stage", "draft")
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._intake_check_protected(PROTECTED_FIELDS.intersection(vals))
        result = super().write(vals)
        self._intake_invalidate_check(vals)
        return result

    def _intake_check_protected(self, names):
        protected = set(names)
        if protected:
            raise UserError(
                self.env._(
                    "The intake of an order changes only through its actions "
                    "(submit, check, re-check, accept…); %(fields)s cannot be "
                    "written directly.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in protected
                        )
                    ),
                )
            )

    def _intake_entered_by(self):
        self.ensure_one()
        return self.create_uid | self.user_id | self.intake_submitted_uid

    def _intake_check_stage(self, allowed, message):
        for order in self:
            current = order.intake_stage or "draft"
            if current not in allowed:
                stage = dict(
                    self._fields["intake_stage"]._description_selection(self.env)
                )
                raise UserError(
                    message % {"order": order.name, "stage": stage[current]}
                )

    def _intake_check_group(self, *groups):
        if self.env.su or any(self.env.user.has_group(group) for group in groups):
            return
        # the roles as the guides name them: each group's own name, in the
        # user's language, without its category ("Order Handling / …"),
        # joined as the language joins alternatives ("A or B", "A或B")
        names = [self.env.ref(group).name for group in groups]
        raise AccessError(
            self.env._(
                "Only %(roles)s can do this on order %(orders)s.",
                roles=format_list(self.env, names, style="or"),
                # read in sudo: a role that cannot read the order gets this
                # sentence, not Odoo's generic access error
                orders=", ".join(self.sudo().mapped("name")),
            )
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @mail_queued
    def action_intake_submit(self):
        """Sales hands the order to logistics (R1.1); a returned order comes
        back corrected."""
        self.check_access("write")
        self._intake_check_stage(
            ["draft", "returned"],
            self.env._(
                "Order %(order)s is %(stage)s: only an order with sales can be "
                "submitted."
            ),
        )
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "Order %s is already confirmed or cancelled.", order.name
                    )
                )
            if not order.order_line._intake_goods_lines():
                raise UserError(
                    self.env._("Order %s has no line to deliver.", order.name)
                )
        now = fields.Datetime.now()
        self.sudo().write(
            {
                "intake_stage": "submitted",
                "intake_submitted_uid": self.env.uid,
                "intake_submitted_date": now,
            }
        )
        feedback_activities(
            self, ["sale_order_intake.mail_activity_type_intake_correct"]
        )
        logistics = self.env["order.handling.department"]._get_by_code(
            "logistics", self.company_id[:1]
        )
        # the clerk's activity is the notice (no "assigned to you" e-mail)
        schedule_activities(
            [(order, order.intake_clerk_id or logistics.manager_id) for order in self],
            "sale_order_intake.mail_activity_type_intake_check",
        )
        return True

    def action_intake_check(self):
        """Run the intake checks (R1.2): a clean order becomes checked and is
        classified; a failing one goes back to sales with the reasons (R1.3)."""
        self._intake_check_group(CLERK, MANAGER)
        self._intake_check_stage(
            ["submitted"],
            self.env._(
                "Order %(order)s is %(stage)s: only a submitted order can be checked."
            ),
        )
        failures = self._intake_run_checks()
        clean = self.filtered(
            lambda order: (
                not any(blocking for _r, _l, _d, blocking in failures.get(order.id, []))
            )
        )
        # the stage first, then the class: the deadline of the new stage is
        # computed once, with the class (and the stay in "to check" is logged
        # with the deadline it had). Who checked it and when, the clerk who
        # takes an order that has none, and whether the check holds (a change
        # of the order or its lines before acceptance clears it): one write
        # per distinct set of values, usually one in all
        now = fields.Datetime.now()
        clean_ids = set(clean.ids)
        by_values = defaultdict(lambda: self.browse())
        for order in self:
            values = {
                "intake_checked_uid": self.env.uid,
                "intake_checked_date": now,
                "intake_check_valid": order.id in clean_ids,
            }
            if order.id in clean_ids:
                values["intake_stage"] = "checked"
            if not order.intake_clerk_id:
                values["intake_clerk_id"] = self.env.uid
            by_values[tuple(sorted(values.items()))] |= order
        for values, orders in by_values.items():
            orders.sudo().write(dict(values))
        self.order_line._intake_classify()
        self.order_line._intake_snapshot_availability()
        feedback_activities(
            clean, ["sale_order_intake.mail_activity_type_intake_check"]
        )
        for order in self - clean:
            reasons = [
                self._intake_issue_text(rule, line, detail)
                for rule, line, detail, blocking in failures[order.id]
                if blocking
            ]
            order._intake_return("\n".join(reasons))
        return True

    def _intake_run_checks(self):
        """Evaluate the rules and store the issues; one batch for all orders.

        Returns ``{order id: [(rule, line, detail, blocking)]}``."""
        Rule = self.env["sale.order.intake.rule"]
        rules = Rule._get_rules(self)
        evaluated = rules._evaluate(self)
        self.sudo().intake_issue_ids.unlink()
        issue_vals = []
        failures = {}
        for order in self:
            for rule, line, detail in evaluated.get(order.id, []):
                failures.setdefault(order.id, []).append(
                    (rule, line, detail, rule.blocking)
                )
                issue_vals.append(
                    {
                        "order_id": order.id,
                        "line_id": line.id or False,
                        "rule_id": rule.id,
                        "message": self._intake_issue_text(rule, line, detail),
                        "blocking": rule.blocking,
                    }
                )
        self.env["sale.order.intake.issue"].sudo().create(issue_vals)
        return failures

    @api.model
    def _intake_issue_text(self, rule, line, detail):
        values = {
            "check": rule.message,
            "line": line and (line.product_id.display_name or line.name),
            "detail": detail,
        }
        if line and detail:
            return self.env._("%(check)s — %(line)s: %(detail)s", **values)
        if line:
            return self.env._("%(check)s — %(line)s", **values)
        if detail:
            return self.env._("%(check)s: %(detail)s", **values)
        return rule.message

    @mail_queued
    def _intake_return(self, reason):
        """Back to sales with the reasons: message and activity for the
        salesperson; the return is counted (R1.3)."""
        for order in self:
            order.sudo().write(
                {
                    "intake_stage": "returned",
                    "intake_return_count": order.intake_return_count + 1,
                    "intake_return_reason": reason,
                    "intake_recheck_uid": False,
                    "intake_recheck_date": False,
                }
            )
            body = Markup("<p>%s</p><pre>%s</pre>") % (
                self.env._("Returned to sales by the intake check:"),
                reason,
            )
            salesperson = order.user_id
            order.sudo().message_post(
                body=body,
                partner_ids=salesperson.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            feedback_activities(
                order, ["sale_order_intake.mail_activity_type_intake_check"]
            )
            # the message above tells the salesperson: no assignment e-mail
            schedule_activities(
                [(order, salesperson)],
                "sale_order_intake.mail_activity_type_intake_correct",
                note=reason,
            )

    def action_intake_return(self, reason=None):
        """The clerk returns an order by hand, with reasons the checks do
        not cover."""
        self._intake_check_group(CLERK, MANAGER)
        self._intake_check_stage(
            ["submitted", "checked"],
            self.env._(
                "Order %(order)s is %(stage)s: only an order at intake can be returned."
            ),
        )
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Say why the order goes back to sales."))
        self._intake_return(reason.strip())
        return True

    def action_intake_sign_off(self):
        """The sales head signs the order off (R1.2)."""
        self._intake_check_group(SALES_HEAD)
        self.check_access("read")
        for order in self:
            if order.sales_signoff_uid:
                raise UserError(
                    self.env._("Order %s is already signed off.", order.name)
                )
            if order.intake_stage not in SIGN_OFF_STAGES:
                raise UserError(
                    self.env._(
                        "Order %s is past intake: no sign-off needed.", order.name
                    )
                )
        self.sudo().write(
            {
                "sales_signoff_uid": self.env.uid,
                "sales_signoff_date": fields.Datetime.now(),
            }
        )
        return True

    def action_intake_recheck(self):
        """Second person's re-check of an important order (R1.4)."""
        self._intake_check_group(CLERK, MANAGER, SALES_HEAD)
        self._intake_check_stage(
            ["checked"],
            self.env._(
                "Order %(order)s is %(stage)s: only a checked order can be re-checked."
            ),
        )
        user = self.env.user
        for order in self:
            if not order.intake_important:
                raise UserError(self.env._("Order %s needs no re-check.", order.name))
            if order.intake_recheck_uid:
                raise UserError(
                    self.env._("Order %s is already re-checked.", order.name)
                )
            if user in order._intake_entered_by() | order.intake_checked_uid:
                raise UserError(
                    self.env._(
                        "Order %s must be re-checked by someone who neither entered "
                        "nor checked it.",
                        order.name,
                    )
                )
        self.sudo().write(
            {
                "intake_recheck_uid": user.id,
                "intake_recheck_date": fields.Datetime.now(),
            }
        )
        return True

    @mail_queued
    def action_intake_accept(self):
        """Accept a clean order and transfer it (R2.2): regular orders to
        quality and the warehouse, non-regular ones to engineering."""
        self._intake_check_group(CLERK, MANAGER)
        self._intake_check_stage(
            ["checked"],
            self.env._(
                "Order %(order)s is %(stage)s: only a checked order can be accepted."
            ),
        )
        for order in self:
            if order.intake_important and not order.intake_recheck_uid:
                raise UserError(
                    self.env._(
                        "Order %s is important: a second person must re-check it "
                        "first.",
                        order.name,
                    )
                )
        # an order changed since its check is checked again, and refused on
        # any blocking issue (nothing is written then); one accepted as it
        # was checked keeps its check (and its class)
        changed = self._intake_changed_since_check()
        failures = (
            self.env["sale.order.intake.rule"]._get_rules(changed)._evaluate(changed)
            if changed
            else {}
        )
        for order in changed:
            blocking = [
                self._intake_issue_text(rule, line, detail)
                for rule, line, detail in failures.get(order.id, [])
                if rule.blocking
            ]
            if blocking:
                raise UserError(
                    self.env._(
                        "Order %(order)s changed since its check and is no longer "
                        "clean:\n%(issues)s",
                        order=order.name,
                        issues="\n".join(blocking),
                    )
                )
        changed.order_line._intake_classify()
        self.sudo().write(
            {
                "intake_stage": "accepted",
                "intake_check_valid": False,
                "intake_accepted_uid": self.env.uid,
                "intake_accepted_date": fields.Datetime.now(),
            }
        )
        self._intake_transfer()
        self._intake_send_mail("sale_order_intake.mail_template_intake_accepted")
        self._intake_confirm_customer_orders()
        return True

    def _intake_changed_since_check(self):
        """The orders of ``self`` changed since their check (their flag was
        cleared by a write of the order or of a line)."""
        return self.filtered(lambda order: not order.intake_check_valid)

    def _intake_invalidate_check(self, names=None):
        """Clear the check of the checked orders of ``self`` when fields
        other than workflow ones change (``names``: the order fields
        written; None: a line changed, was added or removed)."""
        if names is not None and all(_check_neutral(name) for name in names):
            return
        stale = self.filtered(
            lambda order: order.intake_check_valid and order.intake_stage == "checked"
        )
        if stale:
            stale.sudo().write({"intake_check_valid": False})

    def _intake_routing_codes(self):
        """Hook: department codes an accepted order is transferred to."""
        self.ensure_one()
        if self.intake_class == "non_regular":
            return ["engineering"]
        return ["quality", "warehouse"]

    def _intake_transfer(self):
        """Transfer the orders in one batch per set of departments."""
        by_codes = {}
        for order in self:
            key = (order.company_id, tuple(order._intake_routing_codes()))
            by_codes[key] = by_codes.get(key, self.browse()) | order
        slips = self.env["order.handling.transfer"]
        Department = self.env["order.handling.department"]
        for (company, codes), orders in by_codes.items():
            departments = Department._get_by_code(list(codes), company)
            slips |= orders._transfer_to_departments(departments)
        return slips

    def action_intake_open_classify(self):
        self.ensure_one()
        self._intake_check_group(CLERK, MANAGER)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Order Class"),
            "res_model": "sale.order.intake.classify",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_intake_open_return(self):
        self.ensure_one()
        self._intake_check_group(CLERK, MANAGER)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to Sales"),
            "res_model": "sale.order.intake.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _intake_override_class(self, order_class, reason):
        """The clerk sets the class by hand, with a tracked reason (R2.1)."""
        self._intake_check_group(CLERK, MANAGER)
        self._intake_check_stage(
            ["submitted", "checked"],
            self.env._(
                "Order %(order)s is %(stage)s: its class can only change before it "
                "is accepted."
            ),
        )
        if order_class not in dict(CLASSES):
            raise UserError(self.env._("Choose regular or non-regular."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the class change."))
        self.sudo().write(
            {
                "intake_class_override": order_class,
                "intake_class_override_reason": reason.strip(),
            }
        )
        return True

    # ------------------------------------------------------------------
    # Urgent orders (R6)
    # ------------------------------------------------------------------

    @api.constrains("intake_urgent", "urgent_deadline")
    def _check_urgent_deadline(self):
        for order in self.filtered("intake_urgent"):
            if not order.urgent_deadline:
                raise ValidationError(
                    self.env._("An urgent order needs the date it is needed by.")
                )

    def action_urgent_assess(self, decision=None, assessment=None):
        """The named person decides whether the urgent order is feasible
        (R6.1); an accepted one alerts the departments at once (R6.2). The
        assessor (often a supervisor) reads the order's copy, not the order
        (R7.4): the caller must read the copy; the checks below are the
        caller's (``self`` may be sudo, the user stays the caller)."""
        self.env["sale.order.copy"].browse(self.ids).check_access("read")
        return self.sudo()._urgent_assess(decision, assessment)

    def _urgent_assess(self, decision=None, assessment=None):
        """``action_urgent_assess`` once the caller may read the copy."""
        if not isinstance(decision, str) or decision not in ("accepted", "refused"):
            raise UserError(self.env._("Decide: feasible (accepted) or not."))
        if not isinstance(assessment, str) or not assessment.strip():
            raise UserError(
                self.env._("Write the assessment: resources, capacity, risks.")
            )
        is_manager = self.env.user.has_group(MANAGER)
        for order in self:
            if not order.intake_urgent:
                raise UserError(self.env._("Order %s is not urgent.", order.name))
            if order.urgency_decision:
                raise UserError(
                    self.env._(
                        "The urgency of order %s is already decided.", order.name
                    )
                )
            if order.intake_stage in ("done", "cancelled"):
                raise UserError(self.env._("Order %s is closed.", order.name))
            if not is_manager and self.env.user != order.urgency_assessor_id:
                raise AccessError(
                    self.env._(
                        "Only %(user)s, named to assess order %(order)s, can "
                        "decide its urgency.",
                        user=order.urgency_assessor_id.name or "?",
                        order=order.name,
                    )
                )
        self.sudo().write(
            {
                "urgency_decision": decision,
                "urgency_assessment": assessment.strip(),
                "urgency_decision_uid": self.env.uid,
                "urgency_decision_date": fields.Datetime.now(),
            }
        )
        accepted = self.filtered(lambda o: o.urgency_decision == "accepted")
        accepted._urgent_alert_departments()
        for order in self - accepted:
            order.sudo().message_post(
                body=self.env._(
                    "Urgent handling refused: %s", order.urgency_assessment
                ),
                partner_ids=order.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _urgent_department_codes(self):
        """Hook: departments alerted when an urgent order is accepted."""
        self.ensure_one()
        return ["logistics", "quality", "warehouse", "production", "engineering"]

    def _urgent_alert_departments(self):
        """Message and activity for the departments' responsible users, and
        urgent priority on the slips already sent."""
        Department = self.env["order.handling.department"]
        for order in self:
            departments = Department.sudo().search(
                [
                    ("company_id", "=", order.company_id.id),
                    ("code", "in", order._urgent_department_codes()),
                ]
            )
            body = self.env._(
                "URGENT order accepted: needed by %(deadline)s. %(note)s",
                deadline=format_datetime(order.env, order.urgent_deadline),
                note=order.urgency_assessment,
            )
            # sales on the order; the departments, who read no order, on its
            # copy (message and activity; no assignment e-mail)
            order.sudo().message_post(
                body=body,
                partner_ids=order.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            self.env["sale.order.copy"].browse(order.id)._notify_departments(
                departments,
                body,
                activity={
                    "act_type_xmlid": (
                        "sale_order_intake.mail_activity_type_intake_urgent"
                    ),
                    "date_deadline": fields.Date.to_date(order.urgent_deadline),
                },
            )
            order.transfer_slip_ids.filtered(
                lambda s: s.state in ("sent", "acknowledged")
            ).sudo().write({"priority": "1"})
        self._urgent_prioritise_pickings()

    def _urgent_prioritise_pickings(self):
        """Open pickings of accepted urgent orders are picked first (R5.2,
        R6.2); Odoo orders pickings by priority, then scheduled date."""
        self.sudo().filtered(lambda o: o.intake_priority == "1").picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        ).sudo().write({"priority": "1"})

    @api.model
    def _cron_urgent_monitor(self):
        """Escalate accepted urgent orders whose deadline passed before they
        were completed: once per order (safe to run twice)."""
        late = self.search(
            [
                ("intake_priority", "=", "1"),
                ("urgent_deadline", "<", fields.Datetime.now()),
                ("intake_stage", "not in", ("done", "cancelled")),
                ("urgent_escalated", "=", False),
            ]
        )
        late.sudo().write({"urgent_escalated": True})
        for order in late:
            users = order.intake_clerk_id | order.team_id.user_id
            order.sudo().message_post(
                body=self.env._("Urgent order past its deadline and not completed."),
                partner_ids=users.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            # the message above tells them: no assignment e-mail
            schedule_activities(
                [(order, user) for user in users],
                "order_handling_base.mail_activity_type_sla_escalation",
            )
        return late

    # ------------------------------------------------------------------
    # Delivery date (R2.4), completion and customer mails (R5.4)
    # ------------------------------------------------------------------

    def _intake_may_propose_date(self, user):
        """The workshop supervisor answers for regular orders, the
        engineering supervisor for non-regular ones."""
        self.ensure_one()
        if user.has_group(MANAGER):
            return True
        group = ENGINEERING if self.intake_class == "non_regular" else WORKSHOP
        return user.has_group(group)

    def action_intake_propose_date(self, date=None):
        """The responsible supervisor enters the delivery date the factory can
        keep; the clerk is asked to reply it. The supervisor reads no order,
        only its copy (R7.4): the caller must read the copy (the order's
        readers read it too); the role and stage checks are the caller's."""
        self.env["sale.order.copy"].browse(self.ids).check_access("read")
        return self.sudo()._intake_propose_date(date)

    @mail_queued
    def _intake_propose_date(self, date=None):
        """``action_intake_propose_date`` once the caller may read the order
        or its copy; the role is the current user's (``self`` may be sudo)."""
        self._intake_check_stage(
            ["accepted", "date_proposed"],
            self.env._(
                "Order %(order)s is %(stage)s: a delivery date can be proposed "
                "once the order is accepted and transferred."
            ),
        )
        try:
            date = fields.Datetime.to_datetime(date)
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._(
                    "Enter the delivery date as a date and time (YYYY-MM-DD HH:MM:SS)."
                )
            ) from error
        if date:
            date = date.replace(microsecond=0)
        if not date:
            raise UserError(self.env._("Enter the delivery date."))
        if date < fields.Datetime.now():
            raise UserError(self.env._("The delivery date cannot be in the past."))
        for order in self:
            if not order._intake_may_propose_date(self.env.user):
                raise AccessError(
                    self.env._(
                        "Only the %(role)s proposes the delivery date of order "
                        "%(order)s.",
                        role=self.env.ref(
                            ENGINEERING
                            if order.intake_class == "non_regular"
                            else WORKSHOP
                        ).name,
                        order=order.name,
                    )
                )
        self.sudo().write(
            {
                "intake_stage": "date_proposed",
                "delivery_date_proposed": date,
                "delivery_date_proposed_uid": self.env.uid,
            }
        )
        # the clerk's activity is the notice (no "assigned to you" e-mail)
        schedule_activities(
            [(order, order.intake_clerk_id) for order in self],
            "sale_order_intake.mail_activity_type_intake_reply_date",
        )
        return True

    @mail_queued
    def action_intake_reply_date(self):
        """The clerk replies the date to sales and the customer: the order's
        commitment date is set and the customer gets the mail."""
        self._intake_check_group(CLERK, MANAGER)
        self._intake_check_stage(
            ["date_proposed"],
            self.env._(
                "Order %(order)s is %(stage)s: only a proposed delivery date can "
                "be replied."
            ),
        )
        for order in self:
            order.sudo().write(
                {
                    "intake_stage": "date_confirmed",
                    "commitment_date": order.delivery_date_proposed,
                    "delivery_date_replied_uid": self.env.uid,
                    "delivery_date_replied_date": fields.Datetime.now(),
                }
            )
        self._intake_send_mail(
            "sale_order_intake.mail_template_intake_delivery_date", force=True
        )
        # last: removing the activity empties the ORM cache (``unlink``), and
        # the mail would read the order, customer and company again
        feedback_activities(
            self, ["sale_order_intake.mail_activity_type_intake_reply_date"]
        )
        return True

    @mail_queued
    def action_intake_complete(self):
        """Delivered and confirmed with the customer: close the order and
        thank the customer (R5.4, R6.3)."""
        self._intake_check_group(CLERK, MANAGER)
        self._intake_check_stage(
            ["date_confirmed"],
            self.env._(
                "Order %(order)s is %(stage)s: only an order with a confirmed "
                "date can be completed."
            ),
        )
        for order in self:
            if order.delivery_status != "full":
                raise UserError(
                    self.env._("Order %s is not fully delivered yet.", order.name)
                )
        self.sudo().write({"intake_stage": "done"})
        self._intake_send_mail("sale_order_intake.mail_template_intake_completed")
        return True

    def _intake_send_mail(self, template_xmlid, force=False):
        """Post a customer status mail from a template (editable in
        Settings › Technical › Email Templates); ``force`` sends it even when
        the company switched status mails off (the date reply is the
        regulation's own answer to the customer)."""
        template_id = self.env["ir.model.data"]._xmlid_to_res_id(
            template_xmlid, raise_if_not_found=False
        )
        if not template_id:
            return
        template = self.env["mail.template"].browse(template_id)
        # rendered once for all orders, in each customer's language, and
        # posted without the composer wizard (same message and e-mail)
        post_template(
            self.filtered(
                lambda order: force or order.company_id.intake_customer_mails
            ).sudo(),
            template.sudo(),
        )

    def _intake_notify_shipped(self):
        """Orders that went through the intake tell their customer; the others
        (confirmed as in plain Odoo) are left as Odoo leaves them."""
        # read in sudo: whoever validates the delivery (a stock user of
        # plain Odoo included) may have no right on the order itself
        self.sudo().filtered(
            lambda order: order.intake_stage not in (False, "draft", "cancelled")
        )._intake_send_mail("sale_order_intake.mail_template_intake_shipped")

    @api.model
    def _cron_intake_notify_delays(self):
        """Tell customers once when their confirmed delivery date passed
        before the order was fully delivered. Safe to run twice."""
        late = self.search(
            [
                ("intake_stage", "=", "date_confirmed"),
                ("commitment_date", "<", fields.Datetime.now()),
                ("delivery_status", "!=", "full"),
                ("intake_delay_notified", "=", False),
            ]
        )
        late.sudo().write({"intake_delay_notified": True})
        late._intake_send_mail("sale_order_intake.mail_template_intake_delayed")
        return late

    # ------------------------------------------------------------------
    # Odoo flow
    # ------------------------------------------------------------------

    def _confirmation_error_message(self):
        message = super()._confirmation_error_message()
        if message:
            return message
        for order in self:
            # an order the customer confirmed (portal channel) is confirmed
            # when logistics accepts it; others once the date is replied
            allowed = ("date_confirmed", "done")
            if order.intake_channel == "portal":
                allowed += ("accepted", "date_proposed")
            if (
                order.company_id.intake_required
                and order._order_handling_regulated()
                and order.intake_stage not in allowed
            ):
                return self.env._(
                    "Order %s can be confirmed once logistics accepted it and "
                    "replied its delivery date.",
                    order.name,
                )
        return False

    def _action_confirm(self):
        result = super()._action_confirm()
        self._urgent_prioritise_pickings()
        return result

    def _action_cancel(self):
        result = super()._action_cancel()
        self.filtered(lambda o: o.intake_stage != "done").sudo().write(
            {"intake_stage": "cancelled"}
        )
        return result

    def action_draft(self):
        result = super().action_draft()
        self.filtered(lambda o: o.intake_stage == "cancelled").sudo().write(
            {"intake_stage": "draft"}
        )
        return result
