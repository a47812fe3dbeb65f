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

An approver is told when it is their turn: each workflow step above ends by
``_oh_sync_approval_activities``, which gives every reviewer of a *pending*
review an activity *Approve* on the document (it appears in their activities
and in *Approvals to Do*) and closes the activities of reviewers whose turn
has passed (approved, rejected, restarted, or decided by another reviewer of
the same tier). Only on the suite's documents (a model that an addon of the
suite defines or extends): OCA's approvals of other documents are unchanged.
"""

from odoo import api, models

from .mail_batch import activities_done, schedule_activities
from .order_handling_document_mixin import is_suite_module
from .trusted_scope import is_trusted, trusted_scope

APPROVAL_ACTIVITY = "order_handling_base.mail_activity_type_approval"

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
            result = super().request_validation()
        self._oh_sync_approval_activities()
        return result

    def _oh_sync_approval_activities(self):
        """One open *Approve* activity per reviewer whose turn it is (an open
        review of the document in its turn names them), none for the
        others."""
        documents = self.exists()
        if (
            not documents
            or "activity_ids" not in documents._fields
            or not documents._oh_is_suite_document()
        ):
            return
        documents = documents.sudo()
        # a review is open while waiting or pending; with an approval
        # sequence, its turn comes when no open review of the document has a
        # lower sequence (as OCA's ``_get_sequences_to_approve`` decides)
        reviews = (
            self.env["tier.review"]
            .sudo()
            .search(
                [
                    ("model", "=", documents._name),
                    ("res_id", "in", documents.ids),
                    ("status", "in", ("waiting", "pending")),
                ]
            )
        )
        first = {}
        for review in reviews:
            first[review.res_id] = min(
                first.get(review.res_id, review.sequence), review.sequence
            )
        due = {
            (review.res_id, user.id)
            for review in reviews
            if not review.approve_sequence or review.sequence == first[review.res_id]
            for user in review.reviewer_ids
            if not user.share
        }
        activities = documents.activity_search([APPROVAL_ACTIVITY])
        held = {(act.res_id, act.user_id.id) for act in activities}
        activities_done(
            activities.filtered(lambda act: (act.res_id, act.user_id.id) not in due)
        )
        new = [
            (documents.browse(res_id), self.env["res.users"].browse(user_id))
            for (res_id, user_id) in due
            if (res_id, user_id) not in held
        ]
        if new:
            schedule_activities(
                new,
                APPROVAL_ACTIVITY,
                # in each approver's language, the model named in it
                summary=lambda env: env._(
                    "Approve %(document)s",
                    document=env["ir.model"]._get(documents._name).name,
                ),
            )

    # ---------------------------------------------------------------- banner
    # OCA writes these messages with ``self.env._()`` inside f-strings, which
    # the translation exporter does not extract: they stay English in every
    # language. On the suite's documents the same HTML is built from terms of
    # this addon (translated in ``i18n``/``i18n_extra``), the model named in
    # the user's language.

    def _oh_is_suite_document(self):
        """A model that an addon of the suite defines or extends: the
        approver activities and the suite's banner texts are for those."""
        return any(
            is_suite_module(getattr(klass, "_module", None))
            for klass in type(self).__mro__
        )

    def _get_to_validate_message(self):
        if not self._oh_is_suite_document():
            return super()._get_to_validate_message()
        name = self._get_to_validate_message_name()
        if name == self._description:
            name = self.env["ir.model"].sudo()._get(self._name).name or name
        message = self.env._("This %s needs to be validated", name)
        return f"""<i class="fa fa-info-circle"></i> {message}"""

    def _get_validated_message(self):
        if not self._oh_is_suite_document():
            return super()._get_validated_message()
        if self.validation_status != "validated":
            return ""
        message = self.env._("Operation has been <b>validated</b>!")
        return f"""<i class="fa fa-thumbs-up"></i> {message}"""

    def _get_rejected_message(self):
        if not self._oh_is_suite_document():
            return super()._get_rejected_message()
        if self.validation_status != "rejected":
            return ""
        message = self.env._("Operation has been <b>rejected</b>.")
        return f"""<i class="fa fa-thumbs-down"></i> {message}"""

    # OCA's chatter texts of the approval steps, built with OCA's code terms
    # (English: code terms are translated only by their own module's files)
    # and the "Next:" label: the same texts from this addon's terms

    def _oh_own_review_comment(self):
        reviews = self.review_ids.filtered(
            lambda r: (self.env.user in r.reviewer_ids) and r.comment
        )
        return reviews[:1].comment

    def _notify_accepted_reviews_body(self):
        if not self._oh_is_suite_document():
            return super()._notify_accepted_reviews_body()
        comment = self._oh_own_review_comment()
        if comment:
            return self.env._("A review was accepted. (%s)", comment)
        return self.env._("A review was accepted")

    def _notify_rejected_review_body(self):
        if not self._oh_is_suite_document():
            return super()._notify_rejected_review_body()
        comment = self._oh_own_review_comment()
        if comment:
            return self.env._(
                "A review was rejected by %(user)s. (%(comment)s)",
                user=self.env.user.name,
                comment=comment,
            )
        return self.env._("A review was rejected by %s.", self.env.user.name)

    def _notify_created_review_body(self):
        if not self._oh_is_suite_document():
            return super()._notify_created_review_body()
        return self.env._(
            "A record to be reviewed has been created by %s.", self.env.user.name
        )

    def _notify_requested_review_body(self):
        if not self._oh_is_suite_document():
            return super()._notify_requested_review_body()
        return self.env._("A review has been requested by %s.", self.env.user.name)

    def _notify_restarted_review_body(self):
        if not self._oh_is_suite_document():
            return super()._notify_restarted_review_body()
        return self.env._("The review has been reset by %s.", self.env.user.name)

    def _compute_next_review(self):
        if not self._oh_is_suite_document():
            return super()._compute_next_review()
        for record in self:
            review = record.review_ids.sorted("sequence").filtered(
                lambda r: r.status == "pending"
            )[:1]
            record.next_review = review and self.env._("Next: %s", review.name or "")

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
            result = super()._validate_tier(own)
        self._oh_sync_approval_activities()
        return result

    def _rejected_tier(self, tiers=False):
        own = tiers and self._tier_validation_own_reviews(tiers)
        if tiers and not own:
            return None
        with trusted_scope(REVIEW_SCOPE):
            result = super()._rejected_tier(own)
        self._oh_sync_approval_activities()
        return result

    @api.model
    def _update_counter(self, review_counter):
        with trusted_scope(REVIEW_SCOPE):
            return super()._update_counter(review_counter)

    def restart_validation(self):
        with trusted_scope(REVIEW_SCOPE):
            result = super().restart_validation()
        self._oh_sync_approval_activities()
        return result

    def _tier_validation_check_write_remove_reviews(self, vals):
        # called by every write of the document: the activities are looked
        # at only when reviews go (cancelled or reset document)
        removed = self.filtered(
            lambda rec: rec._allow_to_remove_reviews(vals) and rec.review_ids
        )
        with trusted_scope(REVIEW_SCOPE):
            result = super()._tier_validation_check_write_remove_reviews(vals)
        removed._oh_sync_approval_activities()
        return result

    def unlink(self):
        # the reviews go with their document, once the user may delete it
        self.check_access("unlink")
        with trusted_scope(REVIEW_SCOPE):
            return super().unlink()
