# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Urgent orders (紧急订单流程, R6): the request, the feasibility assessment,
the alerts to the departments and the monitoring of the deadline. The intake
(``sale_order_intake``) knows only its queue priority; this addon makes an
order urgent."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_datetime

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    schedule_activities,
)
from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

# workflow fields of an urgent order: written by the assessment only
URGENCY_PROTECTED_FIELDS = {
    "urgency_decision",
    "urgency_assessment",
    "urgency_decision_uid",
    "urgency_decision_date",
    "urgent_escalated",
}
# what the assessor decided on: fixed once the urgency is decided (the date
# it is needed by may still move: its slips and reviews follow it)
URGENCY_REQUEST_FIELDS = {
    "intake_urgent",
    "urgency_level",
    "urgency_assessor_id",
}


#: the SLA order class of an accepted critical urgent order; its targets
#: fall back to the "urgent" ones where no critical target is set
CRITICAL_CLASS = "urgent_critical"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # the urgency level decides the SLA class of an urgent order
    _sla_class_fields = ["intake_class", "intake_priority", "urgency_level"]

    intake_urgent = fields.Boolean(
        string="Urgent",
        tracking=True,
        copy=False,
        help="The customer needs the order urgently: it is assessed for "
        "feasibility and, once accepted, handled first everywhere (R6).",
    )
    urgency_level = fields.Selection(
        [("1", "High"), ("2", "Critical")],
        default="1",
        tracking=True,
        copy=False,
        help="High: the urgent processing-time targets. Critical: tighter "
        "targets (the urgent ones where none is set) and before high orders "
        "in the queue (R6.2).",
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
    urgency_rank = fields.Integer(
        compute="_compute_urgency_rank",
        store=True,
        help="Queue rank of an accepted urgent order: 2 critical, 1 high, "
        "0 not urgent (or not accepted). The intake queue sorts on it after "
        "the priority (R6.2).",
    )
    can_urgent_assess = fields.Boolean(compute="_compute_can_buttons")

    # ------------------------------------------------------------------
    # What the intake asks of an urgent order
    # ------------------------------------------------------------------

    def _intake_protected_fields(self):
        return super()._intake_protected_fields() | URGENCY_PROTECTED_FIELDS

    def write(self, vals):
        check_values(self, [vals])
        if not self.env.su and URGENCY_REQUEST_FIELDS.intersection(vals):
            decided = self.filtered("urgency_decision")
            if decided:
                raise UserError(
                    self.env._(
                        "The urgency of order %s is decided: its level and "
                        "assessor were assessed and can no longer change.",
                        decided[0].name,
                    )
                )
        return super().write(vals)

    @api.depends("intake_urgent", "urgency_decision")
    def _compute_intake_priority(self):
        result = super()._compute_intake_priority()
        for order in self:
            if order.intake_urgent and order.urgency_decision == "accepted":
                order.intake_priority = "1"
        return result

    @api.depends("intake_priority", "urgency_level")
    def _compute_urgency_rank(self):
        for order in self:
            order.urgency_rank = (
                int(order.urgency_level or "1") if order.intake_priority == "1" else 0
            )

    def _sla_order_class(self):
        """An accepted critical order has its own, tighter targets (R6.2);
        where none is set, the urgent ones apply
        (``order.handling.sla.policy._match_row``)."""
        order_class = super()._sla_order_class()
        if order_class == "urgent" and self.urgency_level == "2":
            return CRITICAL_CLASS
        return order_class

    def _intake_deadline_cap_fields(self):
        return super()._intake_deadline_cap_fields() + ["urgent_deadline"]

    def _intake_deadline_cap(self):
        """An accepted urgent order's slips and reviews are never due after
        the order is needed (R6.2)."""
        cap = super()._intake_deadline_cap()
        if self.intake_priority == "1" and self.urgent_deadline:
            return min(cap, self.urgent_deadline) if cap else self.urgent_deadline
        return cap

    @api.depends("intake_urgent", "urgency_decision", "urgency_assessor_id")
    def _compute_can_buttons(self):
        return super()._compute_can_buttons()

    def _action_confirm(self):
        result = super()._action_confirm()
        self._urgent_prioritise_pickings()
        return result

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

    def _refuse_urgent_assess(self):
        """The person named to assess (often a supervisor) reads the order's
        copy, not the order (R7.4): the caller must read the copy; the order
        is read in sudo and the role is the current user's, even in sudo
        (the copy's button runs this rule in sudo)."""
        self.ensure_one()
        try:
            self.env["sale.order.copy"].browse(self.ids).check_access("read")
        except AccessError as error:
            return error
        order = self.sudo()
        if not order.intake_urgent:
            return self.env._("Order %s is not urgent.", order.name)
        if order.urgency_decision:
            return self.env._("The urgency of order %s is already decided.", order.name)
        if order.intake_stage in ("done", "cancelled"):
            return self.env._("Order %s is closed.", order.name)
        user = self.env.user
        if user != order.urgency_assessor_id and not user.has_group(roles.MANAGER):
            return AccessError(
                self.env._(
                    "Only %(user)s, named to assess order %(order)s, can "
                    "decide its urgency.",
                    user=order.urgency_assessor_id.name or "?",
                    order=order.name,
                )
            )
        return ""

    def action_urgent_assess(self, decision=None, assessment=None):
        """The named person decides whether the urgent order is feasible
        (R6.1); an accepted one alerts the departments at once (R6.2)."""
        self._ensure_can("urgent_assess")
        return self.sudo()._urgent_assess(decision, assessment)

    def _urgent_assess(self, decision=None, assessment=None):
        """``action_urgent_assess`` once its rule passed for the caller
        (``self`` may be sudo, the user stays the caller)."""
        if not isinstance(decision, str) or decision not in ("accepted", "refused"):
            raise UserError(self.env._("Decide: feasible (accepted) or not."))
        if not isinstance(assessment, str) or not assessment.strip():
            raise UserError(
                self.env._("Write the assessment: resources, capacity, risks.")
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
                        "sale_order_urgent.mail_activity_type_intake_urgent"
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
