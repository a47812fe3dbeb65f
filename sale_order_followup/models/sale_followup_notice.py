# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    feedback_activities,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.mail_queue import (
    deferred_notification,
    with_mail_queue,
)

from .sale_followup_route import STEP_KINDS
from .sale_followup_spec import followup_is_clerk

STATES = [
    ("waiting", "Waiting for Previous Step"),
    ("issued", "Issued"),
    ("started", "In Production"),
    ("requested", "Material Requested"),
    ("received", "Material Received"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
#: a step is finished: the next one is issued
FINISHED_STATES = ("done", "received")
OPEN_STATES = ("waiting", "issued", "started", "requested")
# written only by the notice's actions (after their checks)
PROTECTED_FIELDS = (
    "order_id",
    "company_id",
    "route_id",
    "step_id",
    "kind",
    "department_id",
    "requested_to_id",
    "previous_id",
    "step_index",
    "step_count",
    "issued_uid",
    "issued_date",
    "started_uid",
    "started_date",
    "done_uid",
    "done_date",
    "cancel_reason",
)
NOTICE_ACTIVITY = "sale_order_followup.mail_activity_type_followup_notice"
BUY_IN_ACTIVITY = "sale_order_followup.mail_activity_type_followup_buy_in"


class SaleFollowupNotice(models.Model):
    """A production notice (生产通知单) of one workshop step of an order
    (R5.3, R5.6): the lines of the order that follow one route, with the
    customer's requirements, notes and dates, and no price. The notices of a
    route are issued one after the other: the next when the previous is
    done. A buy-in step is a request to the clerk's superior instead (the
    material is bought, 如材料需外购,则向上级申报)."""

    _name = "sale.followup.notice"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "order.handling.order.copy.holder.mixin",
    ]
    _description = "Production Notice"
    _order = "order_id desc, route_id, step_index, id"
    _check_company_auto = True
    # the workshop discusses the notice in its chatter and sees its
    # activities, without a write right on it
    _mail_post_access = "read"
    _workflow_state_field = "state"
    _workflow_protected_fields = PROTECTED_FIELDS
    _workflow_transitions = {
        "waiting": ("issued", "requested", "cancelled"),
        "issued": ("started", "done", "cancelled"),
        "started": ("done", "cancelled"),
        "requested": ("received", "cancelled"),
    }
    _workflow_locked_states = ("done", "received", "cancelled")

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    order_ref = fields.Char(string="Order Reference", readonly=True, index="trigram")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", readonly=True, index=True
    )
    client_order_ref = fields.Char(string="Customer's Reference", readonly=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    route_id = fields.Many2one(
        "sale.followup.route", readonly=True, index=True, check_company=True
    )
    step_id = fields.Many2one(
        "sale.followup.route.step", readonly=True, ondelete="restrict"
    )
    step_name = fields.Char(readonly=True)
    kind = fields.Selection(
        STEP_KINDS, readonly=True, required=True, default="workshop"
    )
    step_index = fields.Integer(string="Step No.", readonly=True)
    step_count = fields.Integer(string="Steps", readonly=True)
    department_id = fields.Many2one(
        "order.handling.department",
        string="Workshop",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    requested_to_id = fields.Many2one(
        "res.users",
        string="Requested From",
        readonly=True,
        index="btree_not_null",
        help="Buy-in: the superior who decides the purchase of the material.",
    )
    clerk_id = fields.Many2one(
        "res.users", string="Follow-up Clerk", readonly=True, index="btree_not_null"
    )
    previous_id = fields.Many2one(
        "sale.followup.notice",
        string="Previous Step",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    next_ids = fields.One2many(
        "sale.followup.notice", "previous_id", string="Next Step", readonly=True
    )
    state = fields.Selection(
        STATES,
        default="waiting",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "sale.followup.notice.line", "notice_id", string="Products", readonly=True
    )
    customer_requirement = fields.Text(
        string="Customer Requirements",
        help="From the confirmed specification sheets, when the notice was "
        "made; the clerk completes it before it is issued.",
    )
    instruction = fields.Text(string="Instructions of the Step")
    note = fields.Text(string="Notes", help="Points to watch (注意事项).")
    date_planned_start = fields.Date(string="Planned Start")
    date_planned_end = fields.Date(string="Planned End")
    date_needed = fields.Date(
        string="Needed By",
        help="Latest end of this step for the order's delivery date.",
    )
    issued_uid = fields.Many2one("res.users", string="Issued By", readonly=True)
    issued_date = fields.Datetime(string="Issued On", readonly=True)
    started_uid = fields.Many2one("res.users", string="Started By", readonly=True)
    started_date = fields.Datetime(string="Started On", readonly=True)
    done_uid = fields.Many2one("res.users", string="Finished By", readonly=True)
    done_date = fields.Datetime(string="Finished On", readonly=True)
    cancel_reason = fields.Text(readonly=True)
    can_start = fields.Boolean(compute="_compute_can_buttons")
    can_done = fields.Boolean(compute="_compute_can_buttons")
    can_receive_material = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")

    def _followup_is_clerk(self):
        return followup_is_clerk(self.env)

    def _compute_display_name(self):
        for notice in self:
            name = notice.name
            notice.display_name = (
                f"{name} ({notice.step_name})" if notice.step_name else name
            )

    # ------------------------------------------------------------------
    # CRUD and guards
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        Sequence = self.env["ir.sequence"]
        for vals in vals_list:
            vals.setdefault("company_id", self.env.company.id)
            if vals.get("name", "/") == "/":
                code = "sale.followup.notice"
                vals["name"] = (
                    Sequence._oh_next_by_code(code, vals["company_id"]) or "/"
                )
        return super(
            SaleFollowupNotice,
            self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True),
        ).create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_cancelled(self):
        if any(notice.state != "cancelled" for notice in self):
            raise UserError(
                self.env._(
                    "Production notices are records of what the workshops were "
                    "told: cancel a notice instead of deleting it."
                )
            )

    def _check_state(self, allowed, message):
        for notice in self:
            if notice.state not in allowed:
                states = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    message % {"notice": notice.name, "state": states[notice.state]}
                )

    # ------------------------------------------------------------------
    # Button rules (order.handling.button.mixin)
    # ------------------------------------------------------------------

    def _state_label(self):
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _refuse_workshop(self):
        """The workshop's people (or the clerk, an administrator) act on a
        workshop notice."""
        if refusal := self._refuse_unless_access("read"):
            return refusal
        if self._followup_is_clerk():
            return ""
        if not self.department_id or not self.department_id._is_member():
            return AccessError(
                self.env._(
                    "Production notice %(notice)s is for %(workshop)s: only "
                    "its people act on it.",
                    notice=self.sudo().name,
                    workshop=self.sudo().department_id.name or "-",
                )
            )
        return ""

    def _refuse_start(self):
        if refusal := self._refuse_workshop():
            return refusal
        if self.kind != "workshop" or self.state != "issued":
            return self.env._(
                "Production notice %(notice)s is %(state)s: only an issued "
                "notice can be started.",
                notice=self.name,
                state=self._state_label(),
            )
        return ""

    def _refuse_done(self):
        if refusal := self._refuse_workshop():
            return refusal
        if self.kind != "workshop" or self.state not in ("issued", "started"):
            return self.env._(
                "Production notice %(notice)s is %(state)s: only an issued "
                "notice can be finished.",
                notice=self.name,
                state=self._state_label(),
            )
        return ""

    def _refuse_receive_material(self):
        if refusal := self._refuse_unless_access("read"):
            return refusal
        if self.state != "requested":
            return self.env._(
                "Buy-in request %(notice)s is %(state)s: only a requested "
                "material can be received.",
                notice=self.name,
                state=self._state_label(),
            )
        if not self._followup_is_clerk() and self.requested_to_id != self.env.user:
            return AccessError(
                self.env._(
                    "Only the follow-up clerk or %(user)s records the "
                    "material of %(notice)s as received.",
                    user=self.sudo().requested_to_id.name or "-",
                    notice=self.sudo().name,
                )
            )
        return ""

    def _refuse_cancel(self):
        self.ensure_one()
        if not self._followup_is_clerk():
            return AccessError(
                self.env._(
                    "Only the %(role)s or an administrator does this on production "
                    "notice %(notice)s.",
                    role=self.env.ref(roles.LOGISTICS_CLERK).name,
                    notice=self.sudo().name,
                )
            )
        if refusal := self._refuse_unless_access("write"):
            return refusal
        if self.state not in OPEN_STATES:
            return self.env._(
                "Production notice %(notice)s is %(state)s: it can no longer "
                "be cancelled.",
                notice=self.name,
                state=self._state_label(),
            )
        return ""

    # ------------------------------------------------------------------
    # Issue (R5.6: one workshop after the other)
    # ------------------------------------------------------------------

    def _issue(self):
        """Issue waiting notices: a workshop notice is sent to its workshop
        (message and activity for its people); a buy-in step becomes a
        request to the superior (message and activity)."""
        notices = with_mail_queue(self.sudo()).with_context(
            mail_post_autofollow=False, mail_create_nosubscribe=True
        )
        notices._check_state(
            ["waiting"],
            self.env._(
                "Production notice %(notice)s is %(state)s: only a waiting "
                "notice is issued."
            ),
        )
        now = fields.Datetime.now()
        workshop = notices.filtered(lambda n: n.kind == "workshop")
        buy_in = notices - workshop
        values = {"issued_uid": self.env.uid, "issued_date": now}
        if workshop:
            workshop._workflow_write({"state": "issued", **values})
        if buy_in:
            buy_in._workflow_write({"state": "requested", **values})
        assignments = {NOTICE_ACTIVITY: [], BUY_IN_ACTIVITY: []}
        for notice in notices:
            if notice.kind == "workshop":
                department = notice.department_id
                users = department.manager_id | department.member_ids
                body = self.env._(
                    "Production notice %(notice)s (%(step)s) of order %(order)s "
                    "is issued to %(workshop)s.",
                    notice=notice.name,
                    step=notice.step_name,
                    order=notice.order_ref,
                    workshop=department.name,
                )
                act_type = NOTICE_ACTIVITY
            else:
                users = notice.requested_to_id
                body = self.env._(
                    "Order %(order)s: the material for %(step)s is to be bought "
                    "in. Please decide the purchase (buy-in request %(notice)s).",
                    notice=notice.name,
                    step=notice.step_name,
                    order=notice.order_ref,
                )
                act_type = BUY_IN_ACTIVITY
            notice.message_post(
                body=body,
                partner_ids=users.partner_id.ids,
                subtype_xmlid="mail.mt_note",
                **deferred_notification(self.env),
            )
            deadline = notice.date_planned_start or fields.Date.context_today(notice)
            assignments[act_type] += [
                (notice, user, {"date_deadline": deadline}) for user in users
            ]
        # the message above tells the people: no assignment e-mail
        for act_type, items in assignments.items():
            schedule_activities(items, act_type)
        return True

    def _finish(self, values):
        """Close the step and issue the next one of each chain."""
        feedback_activities(self, [NOTICE_ACTIVITY, BUY_IN_ACTIVITY])
        self.sudo()._workflow_write(values)
        following = (
            self.env["sale.followup.notice"]
            .sudo()
            .search([("previous_id", "in", self.ids), ("state", "=", "waiting")])
        )
        if following:
            following._issue()
        finished = self.sudo().order_id.filtered(
            lambda order: (
                not order.followup_notice_ids.filtered(lambda n: n.state in OPEN_STATES)
            )
        )
        for order in finished:
            order._message_log(
                body=self.env._(
                    "Every production notice of the order is done: the products "
                    "are made."
                )
            )
        return True

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_start(self):
        """The workshop starts the notice."""
        self._ensure_can("start")
        self.sudo()._workflow_write(
            {
                "state": "started",
                "started_uid": self.env.uid,
                "started_date": fields.Datetime.now(),
            }
        )
        return True

    def action_done(self):
        """The workshop finished its step: the next workshop's notice is
        issued (R5.6)."""
        self._ensure_can("done")
        now = fields.Datetime.now()
        values = {"state": "done", "done_uid": self.env.uid, "done_date": now}
        not_started = self.filtered(lambda n: n.state == "issued")
        if not_started:
            not_started.sudo()._workflow_write(
                {"started_uid": self.env.uid, "started_date": now}
            )
        return self._finish(values)

    def action_receive_material(self):
        """The bought material arrived (buy-in step): the next workshop's
        notice is issued."""
        self._ensure_can("receive_material")
        return self._finish(
            {
                "state": "received",
                "done_uid": self.env.uid,
                "done_date": fields.Datetime.now(),
            }
        )

    def action_cancel(self, reason=None):
        """Withdraw a notice and the waiting steps after it."""
        self._ensure_can("cancel")
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give a reason to cancel a production notice."))
        self._cancel(reason.strip())
        return True

    def _cancel(self, reason):
        notices = self.sudo()
        following = notices
        while following:
            following = following.next_ids.filtered(lambda n: n.state == "waiting")
            notices |= following
        notices = notices.filtered(lambda n: n.state in OPEN_STATES)
        notices.activity_unlink([NOTICE_ACTIVITY, BUY_IN_ACTIVITY])
        notices._workflow_write({"state": "cancelled", "cancel_reason": reason})
        return notices

    def action_open_cancel(self):
        self._ensure_can("cancel")
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel Production Notice"),
            "res_model": "sale.followup.notice.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"default_notice_ids": self.ids},
        }

    def action_print(self):
        self.check_access("read")
        return self.env.ref(
            "sale_order_followup.action_report_followup_notice"
        ).report_action(self)


class SaleFollowupNoticeLine(models.Model):
    """A product of a production notice: what to make and how much, with
    the specification the customer confirmed; no price."""

    _name = "sale.followup.notice.line"
    _inherit = ["order.handling.document.mixin"]
    _description = "Production Notice Line"
    _order = "notice_id, sequence, id"
    _check_company_auto = True

    notice_id = fields.Many2one(
        "sale.followup.notice", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    order_line_id = fields.Many2one(
        "sale.order.line", readonly=True, index=True, ondelete="set null"
    )
    sequence = fields.Integer(readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    name = fields.Text(string="Description", readonly=True)
    product_qty = fields.Float(
        string="Quantity", digits="Product Unit of Measure", readonly=True
    )
    product_uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    spec_id = fields.Many2one(
        "sale.followup.spec",
        string="Specification",
        readonly=True,
        index="btree_not_null",
    )
    # the sheet as the workshop reads it (related fields are read as the
    # server: a workshop reads the sheets of its notices)
    spec_material_form = fields.Char(
        related="spec_id.material_form", string="Material Form"
    )
    spec_colour = fields.Char(related="spec_id.colour", string="Colour")
    spec_print_content = fields.Text(
        related="spec_id.print_content", string="Print Content"
    )
    spec_print_colours = fields.Char(
        related="spec_id.print_colours", string="Print Colours"
    )
    spec_print_position = fields.Char(
        related="spec_id.print_position", string="Print Position"
    )
    spec_plate_type = fields.Selection(
        related="spec_id.plate_type", string="Printing Plate"
    )
