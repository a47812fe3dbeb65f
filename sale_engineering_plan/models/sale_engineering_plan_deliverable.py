# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.order_handling_base.models import roles


class SaleEngineeringPlanDeliverable(models.Model):
    """One document of a plan's technical package (R4.2): drawing, purchasing
    technical requirements, inspection standard, process, BOM, packaging.
    Overdue deliverables escalate through the base SLA policies."""

    _name = "sale.engineering.plan.deliverable"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "order.handling.sla.mixin",
    ]
    _description = "Product Plan Deliverable"
    _order = "plan_id, sequence, id"
    _stage_field = "state"
    _sla_class_fields = ["date_due"]
    # done and reopened only by the buttons (in sudo, after their checks)
    _workflow_state_field = "state"
    _workflow_protected_fields = ("done_uid", "done_date")
    _workflow_transitions = {"todo": ("done",), "done": ("todo",)}

    plan_id = fields.Many2one(
        "sale.engineering.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    type_id = fields.Many2one(
        "product.tech.document.type", string="Document", required=True
    )
    sequence = fields.Integer(related="type_id.sequence", store=True)
    responsible_id = fields.Many2one("res.users", tracking=True)
    date_due = fields.Datetime(string="Due On", tracking=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    note = fields.Text()
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done")],
        default="todo",
        required=True,
        readonly=True,
        tracking=True,
    )
    done_uid = fields.Many2one("res.users", string="Done By", readonly=True)
    done_date = fields.Datetime(string="Done On", readonly=True)
    can_done = fields.Boolean(compute="_compute_can_buttons")
    can_reopen = fields.Boolean(compute="_compute_can_buttons")

    _sql_constraints = [
        (
            "plan_type_uniq",
            "unique(plan_id, type_id)",
            "A plan has one deliverable of each document type.",
        )
    ]

    @api.depends("type_id", "plan_id")
    def _compute_display_name(self):
        for deliverable in self:
            deliverable.display_name = deliverable.type_id.name or ""

    def _sla_fixed_deadline(self):
        self.ensure_one()
        return self.date_due

    def _sla_depends(self):
        # the deliverables of a cancelled plan have no target
        return super()._sla_depends() + ["plan_id.state"]

    def _compute_sla(self):
        result = super()._compute_sla()
        for deliverable in self:
            if deliverable.plan_id.state == "cancelled":
                deliverable.sla_policy_id = False
                deliverable.sla_deadline = False
                deliverable.sla_at_risk_date = False
        return result

    def _sla_escalation_user(self):
        self.ensure_one()
        return self.plan_id.supervisor_id

    def _check_can_be_done(self):
        """Hook: a deliverable is done when its files are attached (the MRP
        bridge asks for an active BOM instead)."""
        for deliverable in self:
            if not deliverable.attachment_ids:
                raise UserError(
                    self.env._(
                        "Attach the %s before marking it done.",
                        deliverable.type_id.name,
                    )
                )

    # the buttons' rules (``order.handling.button.mixin``): the right to
    # edit the deliverable, the plan's and the deliverable's states, then
    # who marks it done (R4.2); the files are checked by the action

    def _refuse_write_access(self):
        """The access rights and record rules: who may not edit this
        deliverable (an ``AccessError``), or ``""``. Odoo's own error is not
        built here: it empties the cache, and the flags are computed in
        it."""
        self.ensure_one()
        if self.has_access("write"):
            return ""
        return AccessError(
            self.env._(
                "You cannot edit %(document)s of plan %(plan)s.",
                document=self.type_id.name,
                plan=self.plan_id.name,
            )
        )

    def _refuse_done(self):
        self.ensure_one()
        refusal = self._refuse_write_access()
        if refusal:
            return refusal
        if self.plan_id.state != "approved":
            return self.env._(
                "The technical package is worked on once the plan is approved."
            )
        if self.state == "done":
            return self.env._("%s is already done.", self.type_id.name)
        user = self.env.user
        if (
            self.env.su
            or user in (self.responsible_id | self.plan_id.supervisor_id)
            or user.has_group(roles.MANAGER)
        ):
            return ""
        return AccessError(
            self.env._(
                "Only the responsible of %s or the plan's supervisor marks it done.",
                self.type_id.name,
            )
        )

    def _refuse_reopen(self):
        self.ensure_one()
        refusal = self._refuse_write_access()
        if refusal:
            return refusal
        if self.state != "done":
            return self.env._("%s is not done: nothing to reopen.", self.type_id.name)
        if self.plan_id.state != "approved":
            return self.env._("The plan is issued: its package is closed.")
        return ""

    def action_done(self):
        self._ensure_can("done")
        self._check_can_be_done()
        self.sudo().write(
            {
                "state": "done",
                "done_uid": self.env.uid,
                "done_date": fields.Datetime.now(),
            }
        )
        return True

    def action_reopen(self):
        self._ensure_can("reopen")
        self.sudo().write({"state": "todo", "done_uid": False, "done_date": False})
        return True
