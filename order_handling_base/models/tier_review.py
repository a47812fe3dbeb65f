# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .order_handling_document_mixin import check_values
from .trusted_scope import is_trusted, trusted_scope


class TierReview(models.Model):
    """An approval is recorded by the tier workflow only (R4.1, R7.1).

    OCA gives every internal user full rights on ``tier.review``: written
    directly, a review's ``status``, ``done_by`` or ``reviewer_id`` would be
    whatever a client sends. Rows are created, changed and deleted only
    inside ``trusted_scope("tier.review")``, which the workflow steps of
    ``tier.validation`` open (``models/tier_validation.py``), or by the
    superuser; everything else is refused."""

    _inherit = "tier.review"

    # OCA stores "who is to approve" as a text built in the language of
    # whoever requested the validation: here it is computed when read, in
    # the reader's language (the group's name is a translated field)
    todo_by = fields.Char(compute="_compute_todo_by", store=False, compute_sudo=True)
    document_name = fields.Char(
        string="Document", compute="_compute_document_name", compute_sudo=False
    )
    document_model_name = fields.Char(
        string="Document Type", compute="_compute_document_name", compute_sudo=False
    )

    @api.depends("model", "res_id")
    def _compute_document_name(self):
        """The reviewed document's name and type, read per model in one go
        (the reviewer reads the documents it approves)."""
        by_model = {}
        for review in self:
            if review.model in self.env:
                by_model.setdefault(review.model, set()).add(review.res_id)
        names = {}
        for model_name, ids in by_model.items():
            documents = self.env[model_name].browse(ids)
            readable = documents._filtered_access("read")
            label = self.env["ir.model"]._get(model_name).name
            for document in readable:
                names[model_name, document.id] = (document.display_name, label)
        for review in self:
            name, label = names.get((review.model, review.res_id), (False, False))
            review.document_name = name
            review.document_model_name = label

    @api.depends("reviewer_ids", "reviewer_group_id")
    @api.depends_context("lang")
    def _compute_todo_by(self):
        """OCA's text (the reviewer group, or up to three reviewers' names),
        its words from this addon's terms: OCA's own ("Group %s") has no
        Chinese translation, and its "(and N more)" is not translatable."""
        num_show = 3
        for review in self:
            if review.reviewer_group_id:
                review.todo_by = self.env._("Group %s", review.reviewer_group_id.name)
                continue
            reviewers = review.reviewer_ids
            todo_by = ", ".join(reviewers[:num_show].mapped("display_name"))
            if len(reviewers) > num_show:
                todo_by = self.env._(
                    "%(names)s (and %(count)s more)",
                    names=todo_by,
                    count=len(reviewers) - num_show,
                )
            review.todo_by = todo_by or False

    def action_open_document(self):
        """The document to approve, on its own form (where Validate is)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    def _check_tier_workflow(self):
        if self.env.su or is_trusted("tier.review"):
            return
        raise UserError(
            self.env._(
                "Approvals change only through the buttons of their document: "
                "a reviewer clicks Validate or Reject, the requester Request "
                "Validation or Restart Validation."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self, vals_list)
        if vals_list:
            self._check_tier_workflow()
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, [vals])
        if vals:
            self._check_tier_workflow()
        return super().write(vals)

    def unlink(self):
        if self:
            self._check_tier_workflow()
        return super().unlink()

    def _send_review_reminder(self):
        # the reminder cron stamps last_reminder_date
        with trusted_scope("tier.review"):
            return super()._send_review_reminder()
