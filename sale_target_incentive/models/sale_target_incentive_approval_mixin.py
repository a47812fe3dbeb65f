# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.order_handling_base.models import roles


class SaleTargetIncentiveApprovalMixin(models.AbstractModel):
    """Draft → to approve → approved, approved by the sales head (R10.3).

    The approval runs on OCA ``tier.validation`` (tier definitions ship as
    data: the *Sales Head* group reviews); the suite's guard
    (``order.handling.workflow.mixin``) lets the state and the approval
    fields change only through the buttons below. When the last review is
    validated the record is approved at once. Back to draft is the
    ``_cancel_state`` of tier validation: going there drops the reviews, so
    that a changed record is approved again.

    The consuming model defines ``state`` with at least ``draft``,
    ``to_approve`` and ``approved``."""

    _name = "sale.target.incentive.approval.mixin"
    _inherit = ["tier.validation", "order.handling.workflow.mixin"]
    _description = "Incentive Approval by the Sales Head"

    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "draft"
    _tier_validation_manual_config = False
    _workflow_state_field = "state"
    _workflow_protected_fields = ("approved_uid", "approved_date")
    _workflow_locked_states = ("approved",)

    approved_uid = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    can_submit = fields.Boolean(compute="_compute_can_buttons")
    can_approve = fields.Boolean(compute="_compute_can_buttons")
    can_validate_all = fields.Boolean(compute="_compute_can_buttons")
    can_draft = fields.Boolean(compute="_compute_can_buttons")

    def write(self, vals):
        # values of the wrong type are refused before tier validation (which
        # runs first in the method order) reads the state among them
        self._oh_check_values([vals])
        return super().write(vals)

    # ------------------------------------------------------- buttons' rules

    def _refuse_not_editor(self):
        """Sales heads and administrators prepare scales and incentives."""
        user = self.env.user
        if (
            self.env.su
            or user.has_group(roles.SALES_HEAD)
            or user.has_group(roles.MANAGER)
        ):
            return ""
        return AccessError(
            self.env._(
                "Only a sales head or an administrator prepares incentive "
                "scales and incentives."
            )
        )

    def _refuse_not_approver_role(self):
        """Only a sales head approves (R10.3)."""
        if self.env.su or self.env.user.has_group(roles.SALES_HEAD):
            return ""
        return AccessError(
            self.env._("Only a sales head approves incentive scales and incentives.")
        )

    def _refuse_not_approver(self):
        """Only a sales head approves, and not their own record."""
        if self.env.su:
            return ""
        return self._refuse_not_approver_role() or self._refuse_own()

    def _refuse_own(self):
        """Hook: why the user may not approve this record (their own)."""
        return ""

    def _refuse_submit(self):
        return self._refuse_not_editor() or self._refuse_unless_state("draft")

    def _refuse_approve(self):
        refusal = self._refuse_not_approver() or self._refuse_unless_state("to_approve")
        if refusal or not self.review_ids or self.validation_status == "validated":
            return refusal
        return self.env._(
            "%(name)s needs its approvals first: validate the pending review.",
            name=self.display_name,
        )

    def _refuse_validate_all(self):
        return self._refuse_not_approver() or self._refuse_unless_state("to_approve")

    def _refuse_draft(self):
        return self._refuse_not_editor() or self._refuse_unless_state("to_approve")

    def _approval_check_editor(self):
        """Refuse the preparation of scales and incentives (the computation
        too) to whoever is neither a sales head nor an administrator."""
        refusal = self._refuse_not_editor()
        if refusal:
            raise refusal

    def _approval_check_approver(self):
        """Refuse the tier steps (validate, reject) to whoever may not
        approve: the rule of the *Approve* button without its state."""
        refusal = self._refuse_not_approver_role()
        if refusal:
            raise refusal
        if self.env.su:
            return
        for record in self:
            refusal = record._refuse_own()
            if refusal:
                raise UserError(refusal)

    def _approval_check_submit(self):
        """Hook: what a record needs before it is sent for approval."""
        return

    # ------------------------------------------------------------ tier steps

    # OCA's contract: the new reviews for Python callers; over RPC their ids
    @api.returns("tier.review")
    def request_validation(self):
        # tier.validation computes need_validation without dependencies: a
        # value cached before the reviews existed would request them twice
        self.invalidate_recordset(["need_validation"])
        return super().request_validation()

    def validate_tier(self):
        self._approval_check_approver()
        return super().validate_tier()

    def reject_tier(self):
        self._approval_check_approver()
        return super().reject_tier()

    def _validate_tier(self, tiers=False):
        # every way to approve comes here (OCA's comment wizard too)
        self._approval_check_approver()
        result = super()._validate_tier(tiers)
        self._approval_done_validated()
        return result

    def _rejected_tier(self, tiers=False):
        self._approval_check_approver()
        return super()._rejected_tier(tiers)

    def _approval_done_validated(self):
        """Approve the records waiting for approval whose reviews are all
        validated."""
        done = self.filtered(
            lambda r: r.state == "to_approve" and r.validation_status == "validated"
        )
        if done:
            done._approval_approve()

    # ---------------------------------------------------------------- actions

    def action_submit(self):
        """Send drafts for approval: the reviews of the sales head are
        requested (and an *Approve* activity given to each reviewer)."""
        self._ensure_can("submit")
        self._approval_check_submit()
        self._workflow_write({"state": "to_approve"})
        self.request_validation()
        return True

    def action_approve(self):
        """Approve records waiting for approval: once their reviews are all
        validated, or directly by a sales head where no tier definition
        applies to them (an administrator removed them)."""
        self._ensure_can("approve")
        self._approval_approve()
        return True

    def action_validate_all(self):
        """Validate the reviews of several records at once (list button)."""
        self._ensure_can("validate_all")
        for record in self:
            if record.review_ids and record.can_review:
                sequences = record._get_sequences_to_approve(self.env.user)
                record._validate_tier(
                    record.review_ids.filtered(lambda r, s=sequences: r.sequence in s)
                )
        todo = self.filtered(lambda r: r.state == "to_approve" and not r.review_ids)
        if todo:
            todo._approval_approve()
        return True

    def action_draft(self):
        """Back to draft from *to approve*: the reviews are dropped."""
        self._ensure_can("draft")
        self._workflow_write({"state": "draft"})
        return True

    def _approval_approve(self):
        for record in self:
            refusal = record._refuse_unless_state("to_approve")
            if refusal:
                raise UserError(refusal)
        self._workflow_write(
            {
                "state": "approved",
                "approved_uid": self.env.user.id,
                "approved_date": fields.Datetime.now(),
            }
        )
        self._approval_on_approved()

    def _approval_on_approved(self):
        """Hook called once records are approved."""
        return

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._(
                    "Only a draft can be deleted; an approved %(document)s is a "
                    "record.",
                    document=self._workflow_document_name(),
                )
            )
