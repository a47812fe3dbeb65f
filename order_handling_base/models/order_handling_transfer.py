# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, create_index
from odoo.tools.translate import LazyTranslate

from . import roles
from .mail_batch import feedback_activities, schedule_activities

_lt = LazyTranslate(__name__)

STATES = [
    ("sent", "Sent"),
    ("acknowledged", "Acknowledged"),
    ("forwarded", "Forwarded"),
    ("cancelled", "Cancelled"),
]

# Fields that only the slip's own actions may change (they run in sudo).
PROTECTED_FIELDS = {
    "state",
    "department_id",
    "res_model",
    "res_id",
    "company_id",
    "sent_uid",
    "sent_date",
    "acknowledged_uid",
    "acknowledged_date",
    "forwarded_uid",
    "forwarded_date",
    "forward_slip_id",
    "previous_slip_id",
    "cancelled_uid",
    "cancelled_date",
    "cancel_reason",
}


class OrderHandlingTransfer(models.Model):
    """A transfer slip (转单): hands one source document — a sale order, a
    product plan, a complaint … — to one department (R2.2, R2.3).

    sent → acknowledged → forwarded (creates the next department's slip),
    or cancelled. Only members of the receiving department, or order-handling
    administrators, acknowledge and forward; who and when are kept for each
    step. Slips are created in batch by ``order.handling.transfer.mixin``.
    """

    _name = "order.handling.transfer"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "order.handling.sla.mixin",
        "order.handling.order.copy.holder.mixin",
    ]
    _description = "Transfer Slip"
    _order = "priority desc, sent_date desc, id desc"
    _check_company_auto = True
    _stage_field = "state"
    _sla_class_fields = ["priority", "order_class"]
    # department members may discuss a slip (and see its activities) in the
    # chatter although they never write the slip itself
    _mail_post_access = "read"
    # the slip changes only through its actions (acknowledge, forward,
    # cancel), which write in sudo after their checks
    _workflow_state_field = "state"
    _workflow_protected_fields = tuple(sorted(PROTECTED_FIELDS - {"state"}))
    _workflow_transitions = {
        "sent": ("acknowledged", "forwarded", "cancelled"),
        "acknowledged": ("forwarded", "cancelled"),
    }
    _workflow_locked_states = ("forwarded", "cancelled")

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        index="trigram",
        default="/",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    department_id = fields.Many2one(
        "order.handling.department",
        string="To Department",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    department_manager_id = fields.Many2one(
        related="department_id.manager_id", string="Department Responsible"
    )
    res_model = fields.Char(
        string="Document Model", required=True, readonly=True, index=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, readonly=True
    )
    origin = fields.Char(
        string="Document",
        readonly=True,
        index="trigram",
        help="Reference of the transferred document when the slip was sent.",
    )
    order_class = fields.Selection(
        [("regular", "Regular"), ("non_regular", "Non-regular")],
        readonly=True,
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")],
        default="0",
        readonly=True,
        index=True,
    )
    note = fields.Html(string="Instructions", readonly=True)
    state = fields.Selection(
        STATES,
        default="sent",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    sent_uid = fields.Many2one(
        "res.users",
        string="Sent By",
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    sent_date = fields.Datetime(
        string="Sent On", readonly=True, default=fields.Datetime.now
    )
    acknowledged_uid = fields.Many2one(
        "res.users", string="Acknowledged By", readonly=True, copy=False
    )
    acknowledged_date = fields.Datetime(
        string="Acknowledged On", readonly=True, copy=False
    )
    forwarded_uid = fields.Many2one(
        "res.users", string="Forwarded By", readonly=True, copy=False
    )
    forwarded_date = fields.Datetime(string="Forwarded On", readonly=True, copy=False)
    forward_slip_id = fields.Many2one(
        "order.handling.transfer",
        string="Forwarded As",
        readonly=True,
        copy=False,
        check_company=True,
    )
    previous_slip_id = fields.Many2one(
        "order.handling.transfer",
        string="Forwarded From",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    cancelled_uid = fields.Many2one(
        "res.users", string="Cancelled By", readonly=True, copy=False
    )
    cancelled_date = fields.Datetime(string="Cancelled On", readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False)
    is_own_order = fields.Boolean(
        string="Slip of My Order",
        compute="_compute_is_own_order",
        search="_search_is_own_order",
        help="A slip of a sale order of mine (its salesperson): sales follow "
        "where their orders went.",
    )
    can_acknowledge = fields.Boolean(compute="_compute_can_buttons")
    can_forward = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")

    def init(self):
        create_index(
            self.env.cr,
            "order_handling_transfer_res_idx",
            self._table,
            ["res_model", "res_id"],
        )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends_context("uid")
    def _compute_is_own_order(self):
        mine = self.search([("id", "in", self.ids), ("is_own_order", "=", True)])
        for slip in self:
            slip.is_own_order = slip in mine

    def _search_is_own_order(self, operator, value):
        """Evaluated when a query is built (the record rule is constant)."""
        wanted = self._oh_search_values("is_own_order", operator, value)
        if len(wanted) != 1:
            return [(1, "=", 1)] if wanted else [(0, "=", 1)]
        self.env["sale.order"].flush_model(["user_id"])
        query = SQL(
            "(SELECT slip.id FROM order_handling_transfer slip "
            "JOIN sale_order so ON so.id = slip.res_id "
            "WHERE slip.res_model = 'sale.order' AND so.user_id = %s)",
            self.env.uid,
        )
        return [("id", "in" if True in wanted else "not in", query)]

    def _order_copy_order_ids(self):
        """The order of a slip: the document itself, or the document's
        ``order_id`` (a product plan, a complaint …), read in sudo."""
        result = {}
        by_model = {}
        for slip in self.sudo():
            by_model.setdefault(slip.res_model, self.browse())
            by_model[slip.res_model] |= slip
        for model_name, slips in by_model.items():
            if model_name == "sale.order":
                result.update((slip.id, slip.res_id) for slip in slips)
                continue
            Document = self.env.get(model_name)
            field = Document is not None and Document._fields.get("order_id")
            if not field or field.comodel_name != "sale.order":
                continue
            documents = Document.sudo().browse(slips.mapped("res_id"))
            order_of = {doc.id: doc.order_id.id for doc in documents.exists()}
            result.update((slip.id, order_of.get(slip.res_id, False)) for slip in slips)
        return result

    def _sla_order_class(self):
        self.ensure_one()
        return "urgent" if self.priority == "1" else self.order_class

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below;
        # a client gives no guarded field (the workflow mixin), and has no
        # create right anyway: the steps that send documents create slips
        self._oh_check_values(vals_list)
        Sequence = self.env["ir.sequence"]
        for vals in vals_list:
            vals.setdefault("company_id", self.env.company.id)
            if vals.get("name", "/") == "/":
                vals["name"] = Sequence._oh_next_by_code(
                    "order.handling.transfer", vals["company_id"]
                )
                if not vals["name"]:
                    raise UserError(
                        self.env._("The sequence of transfer slips is missing.")
                    )
        slips = super(
            OrderHandlingTransfer,
            self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True),
        ).create(vals_list)
        slips._check_documents()
        slips._invalidate_documents()
        slips._notify_departments()
        return slips

    def _invalidate_documents(self):
        """The documents' ``transfer_slip_ids`` read before these slips
        existed are read again (the one2many's inverse is a reference, which
        the ORM's cache does not follow)."""
        by_model = {}
        for slip in self:
            by_model.setdefault(slip.res_model, set()).add(slip.res_id)
        for model_name, ids in by_model.items():
            documents = self.env[model_name].browse(ids)
            if "transfer_slip_ids" in documents._fields:
                documents.invalidate_recordset(
                    ["transfer_slip_ids", "transfer_slip_count"]
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_cancelled(self):
        if any(slip.state != "cancelled" for slip in self):
            raise UserError(
                self.env._(
                    "Transfer slips are kept as records of who received what: "
                    "cancel a slip instead of deleting it."
                )
            )

    def _check_documents(self):
        """The document must exist and belong to the slip's company."""
        by_model = {}
        for slip in self:
            by_model.setdefault(slip.res_model, set()).add(slip.res_id)
        for model_name, ids in by_model.items():
            if model_name not in self.env:
                raise UserError(self.env._("Unknown document type %s.", model_name))
            documents = self.env[model_name].sudo().browse(ids).exists()
            if len(documents) != len(ids):
                raise UserError(
                    self.env._("The document to transfer no longer exists.")
                )
            if "company_id" in documents._fields:
                company_of = {doc.id: doc.company_id for doc in documents}
                for slip in self.filtered(lambda s, m=model_name: s.res_model == m):
                    company = company_of[slip.res_id]
                    if company and company != slip.company_id:
                        raise UserError(
                            self.env._(
                                "%(document)s belongs to %(company)s: it cannot "
                                "be transferred to a department of %(other)s.",
                                document=slip.origin or slip.res_id,
                                company=company.name,
                                other=slip.company_id.name,
                            )
                        )

    def _notify_departments(self):
        """One activity per slip for its department's responsible user, all
        created in one batch (summary in the user's language); the assignment
        mail is not sent (the department is told by the message posted on the
        document)."""
        schedule_activities(
            [(slip, slip.department_id.manager_id) for slip in self.sudo()],
            "order_handling_base.mail_activity_type_transfer",
            summary=_lt("Acknowledge the transferred document"),
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _refuse_state(self, allowed, action):
        """Refusal of ``action`` ('acknowledge', 'forward', 'cancel') on a
        slip whose state is not in ``allowed``."""
        slip = self.sudo()
        if slip.state in allowed:
            return ""
        states = dict(self._fields["state"]._description_selection(self.env))
        values = {"slip": slip.name, "state": states[slip.state]}
        if action == "acknowledge":
            return self.env._(
                "Transfer slip %(slip)s is %(state)s: only a sent slip "
                "can be acknowledged.",
                **values,
            )
        if action == "forward":
            return self.env._(
                "Transfer slip %(slip)s is %(state)s: only a sent or "
                "acknowledged slip can be forwarded.",
                **values,
            )
        return self.env._(
            "Transfer slip %(slip)s is %(state)s: only a sent or "
            "acknowledged slip can be cancelled.",
            **values,
        )

    def _oh_slips_to_check(self):
        """The slips of ``self`` whose rules are told with the suite's own
        sentence (read in sudo), before any read that the record rules would
        refuse with Odoo's generic error. Slips of companies the user does
        not belong to are left to the record rules (nothing is told about
        them)."""
        if self.env.su:
            return self
        companies = self.env.user.company_ids
        return self.browse(
            self.sudo().exists().filtered(lambda s: s.company_id in companies).ids
        )

    def _refuse_not_member(self, action):
        """Refusal of ``action`` ('acknowledge', 'forward') to whoever is
        neither a member nor the responsible of the slip's department, nor an
        order-handling administrator."""
        if self.env.su or self.env.user.has_group(roles.MANAGER):
            return ""
        department = self.sudo().department_id
        if department._is_member(self.env.user):
            return ""
        values = {"slip": self.sudo().name, "department": department.name}
        if action == "acknowledge":
            message = self.env._(
                "Transfer slip %(slip)s belongs to the %(department)s "
                "department: only its members can acknowledge it.",
                **values,
            )
        else:
            message = self.env._(
                "Transfer slip %(slip)s belongs to the %(department)s "
                "department: only its members can forward it.",
                **values,
            )
        return AccessError(message)

    def _refuse_not_sender(self):
        """Refusal to cancel a slip to whoever neither sent it nor is an
        order-handling administrator."""
        if self.env.su or self.env.user.has_group(roles.MANAGER):
            return ""
        if self.sudo().sent_uid == self.env.user:
            return ""
        return AccessError(
            self.env._(
                "Only the sender of transfer slip %s or an "
                "order-handling administrator can cancel it.",
                self.sudo().name,
            )
        )

    # the buttons' rules (``order.handling.button.mixin``): role, then state

    def _refuse_acknowledge(self):
        return self._refuse_not_member("acknowledge") or self._refuse_state(
            ("sent",), "acknowledge"
        )

    def _refuse_forward(self):
        return self._refuse_not_member("forward") or self._refuse_state(
            ("sent", "acknowledged"), "forward"
        )

    def _refuse_cancel(self):
        return self._refuse_not_sender() or self._refuse_state(
            ("sent", "acknowledged"), "cancel"
        )

    def _finish_activities(self):
        feedback_activities(self, ["order_handling_base.mail_activity_type_transfer"])

    def action_acknowledge(self):
        """The receiving department confirms it has the document."""
        self._oh_slips_to_check()._ensure_can("acknowledge")
        self.check_access("read")
        self.sudo().write(
            {
                "state": "acknowledged",
                "acknowledged_uid": self.env.uid,
                "acknowledged_date": fields.Datetime.now(),
            }
        )
        self._finish_activities()
        return True

    def action_cancel(self, reason=None):
        """Withdraw a slip that was sent by mistake or is no longer needed."""
        self._oh_slips_to_check()._ensure_can("cancel")
        self.check_access("read")
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give a reason to cancel a transfer slip."))
        self.sudo().write(
            {
                "state": "cancelled",
                "cancelled_uid": self.env.uid,
                "cancelled_date": fields.Datetime.now(),
                "cancel_reason": reason,
            }
        )
        self.sudo().activity_unlink(["order_handling_base.mail_activity_type_transfer"])
        return True

    def action_open_cancel_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel Transfer Slip"),
            "res_model": "order.handling.transfer.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"default_transfer_ids": self.ids},
        }

    def action_open_document(self):
        """The transferred document; for a department that may not read the
        order, the copy of the order it was given (R7.4)."""
        self.ensure_one()
        document = self.env[self.res_model].browse(self.res_id)
        if not document.has_access("read") and self.order_copy_id:
            return {
                "type": "ir.actions.act_window",
                "res_model": "sale.order.copy",
                "res_id": self.order_copy_id.id,
                "view_mode": "form",
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
