# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

from ..models.trusted_scope import trusted_scope


class CommentWizard(models.TransientModel):
    """The comment OCA asks for on Validate/Reject is written on the reviews
    the wizard names, which a client chooses: they must be reviews of the
    document that the user decides now, on a document whose definitions ask
    for a comment; then the comment and the decision are the tier workflow's
    (``trusted_scope("tier.review")``)."""

    _inherit = "comment.wizard"

    def _check_reviews_decidable(self):
        self.ensure_one()
        if self.env.su:
            return
        document = self.env.get(self.res_model)
        if document is None or not isinstance(
            document, self.env.registry["tier.validation"]
        ):
            raise UserError(self._reviews_not_decidable_message())
        document = document.browse(self.res_id).exists()
        if not document:
            raise UserError(self._reviews_not_decidable_message())
        document.check_access("read")
        user = self.env.user
        sequences = document._get_sequences_to_approve(user)
        for review in self.review_ids:
            if not (
                review in document.review_ids
                and review.status in ("waiting", "pending")
                and user in review.reviewer_ids
                and (
                    review.sequence in sequences
                    or (
                        self.validate_reject == "validate"
                        and review.approve_sequence_bypass
                    )
                )
            ):
                raise UserError(self._reviews_not_decidable_message())
        if not self.review_ids or not document.has_comment:
            raise UserError(self._reviews_not_decidable_message())

    def _reviews_not_decidable_message(self):
        return self.env._(
            "You cannot decide these approvals now: only their reviewers decide "
            "them, in turn, with the Validate and Reject buttons of the document."
        )

    def add_comment(self):
        self._check_reviews_decidable()
        with trusted_scope("tier.review"):
            return super().add_comment()
