# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The tier workflow is the only writer of approvals (R4.1, R7.1).

OCA ``base_tier_validation`` lets every internal user create, write and
delete ``tier.review`` rows, and switches its write guard off on the context
key ``skip_validation_check``: a salesperson could mark the reviews of their
own quotation approved over JSON-RPC, or send the key and edit a quotation
under approval. The seam closed here, for every model inheriting
``tier.validation``:

* ``tier.review`` refuses ``create``/``write``/``unlink`` unless the call runs
  as superuser or inside ``trusted_scope("tier.review")``
  (``models/tier_review.py``);
* the server-side steps of the tier workflow that change reviews open that
  scope around OCA's code, after which OCA itself decides what the user may
  do (a reviewer approves or rejects only the reviews naming them, in their
  turn): ``request_validation`` (creates), ``_validate_tier`` and
  ``_rejected_tier`` (decide), ``_update_counter`` (moves the next review to
  pending), ``restart_validation``, ``unlink`` and
  ``_tier_validation_check_write_remove_reviews`` (delete the reviews of a
  restarted, cancelled, reset or deleted document); the comment wizard is
  covered in ``wizard/comment_wizard.py``;
* ``skip_validation_check`` is honoured only inside
  ``trusted_scope("tier.validation")``: server code that must write a
  document under validation opens that scope and sets the key; sent by a
  client, the key is dropped.

``trusted_scope`` lives in a context variable, not in the context: no client
can open it.
"""

from odoo import api, models

from .trusted_scope import is_trusted, trusted_scope

REVIEW_SCOPE = "tier.review"
SKIP_SCOPE = "tier.validation"


class TierValidation(models.AbstractModel):
    _inherit = "tier.validation"

    def _tier_validation_trusted_context(self):
        """``self`` without a ``skip_validation_check`` the server did not
        set (outside ``trusted_scope("tier.validation")``)."""
        if self.env.context.get("skip_validation_check") and not is_trusted(SKIP_SCOPE):
            return self.with_context(skip_validation_check=False)
        return self

    def write(self, vals):
        self = self._tier_validation_trusted_context()
        return super().write(vals)

    def _tier_validation_check_write_allowed(self, vals):
        self = self._tier_validation_trusted_context()
        return super()._tier_validation_check_write_allowed(vals)

    def request_validation(self):
        with trusted_scope(REVIEW_SCOPE):
            return super().request_validation()

    def _tier_validation_own_reviews(self, tiers):
        """The reviews of ``tiers`` that belong to this document (a comment
        wizard names the reviews it decides)."""
        self.ensure_one()
        return tiers.filtered(lambda r: r.model == self._name and r.res_id == self.id)

    def _validate_tier(self, tiers=False):
        own = tiers and self._tier_validation_own_reviews(tiers)
        if tiers and not own:
            return None
        with trusted_scope(REVIEW_SCOPE):
            return super()._validate_tier(own)

    def _rejected_tier(self, tiers=False):
        own = tiers and self._tier_validation_own_reviews(tiers)
        if tiers and not own:
            return None
        with trusted_scope(REVIEW_SCOPE):
            return super()._rejected_tier(own)

    @api.model
    def _update_counter(self, review_counter):
        with trusted_scope(REVIEW_SCOPE):
            return super()._update_counter(review_counter)

    def restart_validation(self):
        with trusted_scope(REVIEW_SCOPE):
            return super().restart_validation()

    def _tier_validation_check_write_remove_reviews(self, vals):
        with trusted_scope(REVIEW_SCOPE):
            return super()._tier_validation_check_write_remove_reviews(vals)

    def unlink(self):
        # the reviews go with their document, once the user may delete it
        self.check_access("unlink")
        with trusted_scope(REVIEW_SCOPE):
            return super().unlink()
