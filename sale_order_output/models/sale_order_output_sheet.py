# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.order_handling_base.models import roles

from .stock_picking import PREPARERS

#: who records output (跟单员) and who may correct it
RECORDERS = (roles.LOGISTICS_CLERK, roles.MANAGER)


class SaleOrderOutputSheet(models.Model):
    """The output sheet (产量统计) of one day: each morning the follow-up
    clerk copies what the workshops finished the day before, one line per
    order line (specification, quantity and/or weight), and records the sheet
    (R5.7). Recorded output counts against the ordered quantity and is what
    deliveries are prepared from."""

    _name = "sale.order.output.sheet"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Daily Output Sheet"
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_state_field = "state"
    _workflow_protected_fields = ("recorded_uid", "recorded_date")
    _workflow_transitions = {
        "draft": ("done", "cancelled"),
        "done": ("cancelled",),
    }
    _workflow_locked_states = ("done", "cancelled")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    date = fields.Date(
        string="Output Date",
        required=True,
        index=True,
        default=lambda self: self._default_date(),
        tracking=True,
        help="The day the workshops finished this output (by default "
        "yesterday: the sheet is written the next morning).",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Follow-up Clerk",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        check_company=True,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    workshop = fields.Char(
        help="Workshop the output was copied from (e.g. blown film).",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Recorded"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "sale.order.output", "sheet_id", string="Output Lines", copy=True
    )
    recorded_uid = fields.Many2one(
        "res.users", string="Recorded By", readonly=True, copy=False
    )
    recorded_date = fields.Datetime(string="Recorded On", readonly=True, copy=False)
    note = fields.Text()
    line_count = fields.Integer(compute="_compute_totals")
    total_weight = fields.Float(
        string="Total Weight (kg)", compute="_compute_totals", digits="Stock Weight"
    )
    order_count = fields.Integer(string="Orders", compute="_compute_totals")
    can_done = fields.Boolean(compute="_compute_can_buttons")
    can_prepare_deliveries = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")

    @api.model
    def _default_date(self):
        return fields.Date.context_today(self) - timedelta(days=1)

    @api.depends("line_ids.weight", "line_ids.order_id")
    def _compute_totals(self):
        for sheet in self:
            sheet.line_count = len(sheet.line_ids)
            sheet.total_weight = sum(sheet.line_ids.mapped("weight"))
            sheet.order_count = len(sheet.line_ids.order_id)

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        self._output_check_recorder()
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    sequence._oh_next_by_code(
                        "sale.order.output.sheet", vals.get("company_id")
                    )
                    or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        self._oh_check_values([vals])
        if not self._workflow_is_trusted():
            self._output_check_recorder()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        if any(sheet.state == "done" for sheet in self):
            raise UserError(
                self.env._(
                    "A recorded output sheet cannot be deleted: cancel it instead."
                )
            )

    @api.model
    def _output_refuse_recorder(self):
        """Output is recorded by the follow-up clerk (or the suite's
        administrator): a salesperson or a department cannot."""
        if self.env.su or any(self.env.user.has_group(g) for g in RECORDERS):
            return ""
        return AccessError(
            self.env._(
                "Daily output is recorded by the logistics clerk (跟单员) or the "
                "order-handling administrator."
            )
        )

    @api.model
    def _output_check_recorder(self):
        if refusal := self._output_refuse_recorder():
            raise refusal

    # ------------------------------------------------------------------
    # Button rules (order.handling.button.mixin)
    # ------------------------------------------------------------------

    def _refuse_done(self):
        self.ensure_one()
        if refusal := self._output_refuse_recorder():
            return refusal
        if self.state != "draft":
            return self.env._("Output sheet %s is already recorded.", self.name)
        return ""

    def _refuse_cancel(self):
        return self._output_refuse_recorder() or self._refuse_unless_state(
            "draft", "done"
        )

    def _refuse_prepare_deliveries(self):
        self.ensure_one()
        if refusal := self._refuse_unless_groups(*PREPARERS):
            return refusal
        if self.state != "done":
            return self.env._(
                "Record output sheet %s first: deliveries are prepared from "
                "recorded output.",
                self.name,
            )
        return ""

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_done(self):
        """Record the sheet: its output counts for its orders (R5.7)."""
        self._ensure_can("done")
        for sheet in self:
            if not sheet.line_ids:
                raise UserError(
                    self.env._("Output sheet %s has no output lines.", sheet.name)
                )
        self.line_ids._output_check_recordable()
        self._workflow_write(
            {
                "state": "done",
                "recorded_uid": self.env.uid,
                "recorded_date": fields.Datetime.now(),
            }
        )
        return True

    def action_cancel(self):
        """Cancel a sheet entered by mistake: its output no longer counts
        (the deliveries already validated stay as they are)."""
        self._ensure_can("cancel")
        self._workflow_write({"state": "cancelled"})
        return True

    def action_prepare_deliveries(self):
        """Prepare the deliveries of the sheet's orders from their recorded,
        not yet delivered output (R5.7): those of its orders that have a
        delivery to prepare."""
        self._ensure_can("prepare_deliveries")
        self.ensure_one()
        orders = self.line_ids.order_id
        ready = orders.filtered(
            lambda order: not order._button_refusal("output_prepare_delivery")
        )
        # none is ready: the first order's reason
        (ready or orders)._ensure_can("output_prepare_delivery")
        return ready.action_output_prepare_delivery()
