# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buttons of a complaint (R8.3), one rule each for the form and the
server (``order.handling.button.mixin``): the steps through its stages and
the transfer to its responsible department. The stages themselves
(``TRANSITIONS``, ``_missing_for``, ``_enter_stage``) are in
sale_customer_complaint.py; the return of goods in
sale_customer_complaint_rma.py."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models import roles

from .sale_customer_complaint_stage import STAGE_CODES

#: the stage each step's button moves a complaint to, and the stages it is
#: offered in: a part of ``TRANSITIONS`` (going back from a confirmed
#: solution to investigating is a kanban drag, not a button)
STEP_STAGES = {
    "acknowledge": ("acknowledged", ("new",)),
    "investigate": ("investigating", ("acknowledged", "solution")),
    "propose_solution": ("solution", ("investigating",)),
    "customer_confirm": ("confirmed", ("solution",)),
    "close": ("closed", ("confirmed",)),
}
#: the stages in which a complaint is still handled (not closed)
OPEN_STAGES = tuple(code for code, _label in STAGE_CODES if code != "closed")

# pylint: disable=consider-merging-classes-inherited


class SaleCustomerComplaint(models.Model):
    _inherit = "sale.customer.complaint"

    can_acknowledge = fields.Boolean(compute="_compute_can_buttons")
    can_investigate = fields.Boolean(compute="_compute_can_buttons")
    can_propose_solution = fields.Boolean(compute="_compute_can_buttons")
    can_customer_confirm = fields.Boolean(compute="_compute_can_buttons")
    can_close = fields.Boolean(compute="_compute_can_buttons")
    can_transfer_department = fields.Boolean(compute="_compute_can_buttons")

    @api.depends("stage_code", "order_id.state", "department_id")
    def _compute_can_buttons(self):
        # the flags follow a step written in the same transaction, and the
        # form's edits of the order and the department
        return super()._compute_can_buttons()

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------

    def _refuse_step(self, step):
        """Rule of the step ``step`` through the stages: customer service
        (and the administrators), from the stages its button is offered in."""
        self.ensure_one()
        refusal = self._refuse_unless_groups(roles.CUSTOMER_SERVICE)
        if refusal:
            return refusal
        code, from_stages = STEP_STAGES[step]
        if self.stage_code in from_stages:
            return ""
        if self.stage_code == code:
            return self._refuse_stage(code)  # "already …"
        labels = self._stage_labels()
        return self.env._(
            "Complaint %(complaint)s is %(stage)s: it cannot move to %(target)s.",
            complaint=self.name,
            stage=labels.get(self.stage_code),
            target=labels.get(code),
        )

    def _refuse_acknowledge(self):
        return self._refuse_step("acknowledge")

    def _refuse_investigate(self):
        return self._refuse_step("investigate")

    def _refuse_propose_solution(self):
        return self._refuse_step("propose_solution")

    def _refuse_customer_confirm(self):
        return self._refuse_step("customer_confirm")

    def _refuse_close(self):
        return self._refuse_step("close")

    def _open_department_slips(self):
        """The slips of the complaint to its responsible department that
        are still open (read in sudo: whoever sent them)."""
        self.ensure_one()
        department = self.department_id
        return self.sudo().transfer_slip_ids.filtered(
            lambda s: (
                s.department_id == department and s.state in ("sent", "acknowledged")
            )
        )

    def _refuse_transfer_department(self):
        """Customer service sends a complaint that is not closed to its
        responsible department, once while a slip to it is open. Choosing
        the department is the user's input: the action asks for it."""
        self.ensure_one()
        refusal = self._refuse_unless_groups(
            roles.CUSTOMER_SERVICE
        ) or self._refuse_unless_state(*OPEN_STAGES, field="stage_code")
        if refusal:
            return refusal
        if self.department_id and self._open_department_slips():
            return self.env._(
                "Complaint %(complaint)s is already with %(department)s.",
                complaint=self.name,
                department=self.department_id.name,
            )
        return ""

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------

    def action_acknowledge(self):
        """Customer service confirms receipt of the complaint (response SLA)."""
        self._ensure_can("acknowledge")
        return self._enter_stage("acknowledged")

    def action_investigate(self):
        self._ensure_can("investigate")
        return self._enter_stage("investigating")

    def action_propose_solution(self):
        self._ensure_can("propose_solution")
        return self._enter_stage("solution")

    def action_customer_confirm(self):
        """Customer service records that the customer accepted the solution
        (on the customer's behalf: who recorded it is kept); the customer
        may answer on the portal instead (``_portal_accept_solution``)."""
        self._ensure_can("customer_confirm")
        return self._enter_stage("confirmed")

    def action_close(self):
        self._ensure_can("close")
        return self._enter_stage("closed")

    def action_transfer_department(self):
        """Send the complaint to its responsible department (transfer slip)."""
        self._ensure_can("transfer_department")
        self.ensure_one()
        self.check_access("write")
        if not self.department_id:
            raise UserError(
                self.env._("Choose the responsible department of %s first.", self.name)
            )
        self._transfer_to_departments(
            self.department_id,
            note=self.env._("Investigate the root cause of complaint %s.", self.name),
        )
        # the slip is read through a reference the ORM's cache does not follow
        self.invalidate_recordset(["can_transfer_department"])
        return True
