# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, format_list

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

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
    "intake_received_date",
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
}

# fields of an order whose change leaves its intake check valid: the
# workflow's own, the clerk, SLA, chatter and portal bookkeeping
CHECK_NEUTRAL_FIELDS = PROTECTED_FIELDS | {
    "intake_clerk_id",
    "stage_start",
    "access_token",
}
CHECK_NEUTRAL_PREFIXES = ("sla_", "message_", "activity_", "website_message")


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
    intake_received_date = fields.Datetime(
        string="Received On",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When sales first handed the order to logistics (first "
        "submission). Unlike 'Submitted On' it is kept when a returned order "
        "is submitted again: the cycle-time KPIs start here.",
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
        help="Minutes: the standard picking time of every line, its quantity "
        "converted to the product's unit of measure. The intake queue puts "
        "the shortest picking first among orders of the same urgency and "
        "promised date (R5.2).",
    )
    # the buttons of the intake (``order.handling.button.mixin``): each flag
    # is its ``_refuse_<step>`` rule, which ``action_<step>`` enforces
    can_intake_submit = fields.Boolean(compute="_compute_can_buttons")
    can_intake_check = fields.Boolean(compute="_compute_can_buttons")
    can_intake_return = fields.Boolean(compute="_compute_can_buttons")
    can_intake_accept = fields.Boolean(compute="_compute_can_buttons")
    can_intake_recheck = fields.Boolean(compute="_compute_can_buttons")
    can_intake_sign_off = fields.Boolean(compute="_compute_can_buttons")
    can_intake_propose_date = fields.Boolean(compute="_compute_can_buttons")
    can_intake_reply_date = fields.Boolean(compute="_compute_can_buttons")
    can_intake_complete = fields.Boolean(compute="_compute_can_buttons")

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
        "order_line.product_uom",
        "order_line.product_id.uom_id",
        "order_line.product_id.product_tmpl_id.picking_minutes_per_unit",
    )
    def _compute_intake_picking_minutes(self):
        """Standard picking time of the order (R5.2): each line's quantity
        in the product's unit of measure (12 for a dozen sold in dozens)
        times the product's minutes per unit."""
        for order in self:
            minutes = 0.0
            for line in order.order_line:
                product = line.product_id
                if not product.picking_minutes_per_unit:
                    continue
                quantity = line.product_uom_qty
                if line.product_uom and line.product_uom != product.uom_id:
                    quantity = line.product_uom._compute_quantity(
                        quantity, product.uom_id, round=False
                    )
                minutes += quantity * product.picking_minutes_per_unit
            order.intake_picking_minutes = minutes

    @api.depends(
        "state",
        "intake_stage",
        "intake_class",
        "intake_important",
        "intake_checked_uid",
        "intake_recheck_uid",
        "intake_submitted_uid",
        "user_id",
        "sales_signoff_uid",
        "delivery_status",
    )
    def _compute_can_buttons(self):
        # what the intake's rules read: a flag read again after a step is
        # computed anew (the mixin's compute depends on the user only)
        return super()._compute_can_buttons()

    def _compute_intake_priority(self):
        """Hook: "1" puts an order first in every queue (``sale_order_urgent``
        sets it for an accepted urgent order, with its dependencies)."""
        for order in self:
            order.intake_priority = "0"

    def _intake_protected_fields(self):
        """Hook: order fields written only through the intake's actions."""
        return PROTECTED_FIELDS

    def _intake_check_neutral(self, name):
        """A change of field ``name`` leaves the intake check valid."""
        return (
            name in CHECK_NEUTRAL_FIELDS
            or name in self._intake_protected_fields()
            or name.startswith(CHECK_NEUTRAL_PREFIXES)
        )

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
        # values of the wrong type are refused before they are used below
        check_values(self, vals_list)
        if not self.env.su:
            for vals in vals_list:
                # a new order starts with sales: the workflow fields may only
                # be given empty (or the stage as "draft")
                self._intake_check_protected(
                    name
                    for name in self._intake_protected_fields().intersection(vals)
                    if vals[name] and (name, vals[name]) != ("intake_stage", "draft")
                )
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, [vals])
        if not self.env.su:
            self._intake_check_protected(
                self._intake_protected_fields().intersection(vals)
            )
        result = super().write(vals)
        if set(self._intake_deadline_cap_fields()).intersection(vals):
            self._intake_recompute_slip_deadlines()
        if vals.get("intake_submitted_date"):
            # received once: the first submission, kept when a returned order
            # is submitted again
            first = self.filtered(lambda order: not order.intake_received_date)
            if first:
                super(SaleOrder, first).write(
                    {"intake_received_date": vals["intake_submitted_date"]}
                )
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

    def _intake_refuse_stage(self, allowed, message):
        """The stage rule of a step for one order: ``message`` (with
        ``%(order)s`` and ``%(stage)s``) when its intake stage is not in
        ``allowed``, else ``""``."""
        self.ensure_one()
        current = self.intake_stage or "draft"
        if current in allowed:
            return ""
        stage = dict(self._fields["intake_stage"]._description_selection(self.env))
        return message % {"order": self.name, "stage": stage[current]}

    def _intake_check_stage(self, allowed, message):
        for order in self:
            refusal = order._intake_refuse_stage(allowed, message)
            if refusal:
                raise UserError(refusal)

    def _intake_refuse_group(self, *groups):
        """The role rule of a step: an ``AccessError`` naming the roles
        (xml ids of groups) unless the user has one of them, else ``""``.
        The superuser (the server's own steps) passes."""
        if self.env.su or any(self.env.user.has_group(group) for group in groups):
            return ""
        # the roles as the guides name them: each group's own name, in the
        # user's language, without its category ("Order Handling / …"),
        # joined as the language joins alternatives ("A or B", "A或B")
        names = [self.env.ref(group).name for group in groups]
        return AccessError(
            self.env._(
                "Only %(roles)s can do this on order %(orders)s.",
                roles=format_list(self.env, names, style="or"),
                # read in sudo: a role that cannot read the order gets this
                # sentence, not Odoo's generic access error
                orders=", ".join(self.sudo().mapped("name")),
            )
        )

    def _intake_check_group(self, *groups):
        refusal = self._intake_refuse_group(*groups)
        if refusal:
            raise refusal

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
