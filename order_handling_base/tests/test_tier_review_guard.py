# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tier reviews change only through the tier workflow (R4.1, R7.1).

The governed documents of the suite are checked one by one in
``order_handling_suite/tests/test_tier_forgery.py``; here the guard itself,
on a review that needs no document model of another addon."""

import unittest

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.trusted_scope import is_trusted, trusted_scope
from .common import OrderHandlingCommon

REVIEW_FIELDS = [
    "status",
    "done_by",
    "reviewed_date",
    "comment",
    "reviewer_id",
    "definition_id",
    "model",
    "res_id",
    "sequence",
]
REFUSED = "change only through the buttons of their document"


@tagged("post_install", "-at_install")
class TestTierReviewGuard(OrderHandlingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reviewer = cls.users["saleshead"]
        cls.definition = cls.env["tier.definition"].create(
            {
                "name": "Partner check",
                "model_id": cls.env.ref("base.model_res_partner").id,
                "review_type": "individual",
                "reviewer_id": cls.reviewer.id,
            }
        )
        # as the superuser: a tier.review row, pending for the sales head
        cls.review = cls.env["tier.review"].create(
            {
                "model": "res.partner",
                "res_id": cls.partner.id,
                "definition_id": cls.definition.id,
                "requested_by": cls.users["sales"].id,
                "sequence": 1,
            }
        )

    def _forged_vals(self, user):
        return {
            "model": "res.partner",
            "res_id": self.partner.id,
            "definition_id": self.definition.id,
            "status": "approved",
            "done_by": user.id,
            "sequence": 2,
        }

    def _assert_refused(self, func, regex=REFUSED):
        """``func()`` raises the guard's UserError and writes nothing: checked
        without the savepoint of ``assertRaises``."""
        self.env.flush_all()
        self.env.invalidate_all()
        Review = self.env["tier.review"]
        before = Review.search_read([("model", "=", "res.partner")], REVIEW_FIELDS)
        with unittest.TestCase.assertRaisesRegex(self, UserError, regex):
            func()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(
            Review.search_read([("model", "=", "res.partner")], REVIEW_FIELDS),
            before,
            "refused, but something was written",
        )

    def test_review_is_pending_for_its_reviewer(self):
        self.assertEqual(self.review.status, "pending")
        self.assertEqual(self.review.reviewer_ids, self.reviewer)

    def test_users_do_not_write_create_or_delete_reviews(self):
        now = fields.Datetime.now()
        for user in (self.users["sales"], self.reviewer, self.users["manager"]):
            review = self.review.with_user(user)
            self._assert_refused(
                lambda r=review, u=user: r.write(
                    {"status": "approved", "done_by": u.id, "reviewed_date": now}
                )
            )
            self._assert_refused(
                lambda r=review, u=user: r.write({"reviewer_id": u.id})
            )
            self._assert_refused(
                lambda r=review: r.with_context(skip_validation_check=True).write(
                    {"status": "approved"}
                )
            )
            self._assert_refused(
                lambda u=user: (
                    self.env["tier.review"].with_user(u).create([self._forged_vals(u)])
                )
            )
            self._assert_refused(lambda r=review: r.unlink())
        self.assertEqual(self.review.status, "pending")

    def test_refusal_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        review = self.review.with_user(self.users["sales"]).with_context(lang="zh_CN")
        with self.assertRaisesRegex(UserError, "审批只能通过所属单据上的按钮变更"):
            review.write({"status": "approved"})

    def test_superuser_and_trusted_scope_write(self):
        self.review.write({"comment": "Checked by the system"})
        self.assertEqual(self.review.comment, "Checked by the system")
        review = self.review.with_user(self.reviewer)
        self.assertFalse(is_trusted("tier.review"))
        with trusted_scope("tier.review"):
            review.write({"status": "approved", "done_by": self.reviewer.id})
        self.assertEqual(self.review.status, "approved")
        # the scope ends with its block, also when the block fails
        with self.assertRaises(ZeroDivisionError), trusted_scope("tier.review"):
            raise ZeroDivisionError
        self.assertFalse(is_trusted("tier.review"))
        self._assert_refused(lambda: review.write({"status": "pending"}))

    def test_comment_wizard_needs_a_tier_validated_document(self):
        """The wizard decides reviews of a tier-validated document only,
        whatever model and reviews a client gives it."""
        for res_model, res_id in (
            ("res.partner", self.partner.id),
            ("res.users", self.reviewer.id),  # has a review_ids field too
            (False, 0),
        ):
            wizard = (
                self.env["comment.wizard"]
                .with_user(self.reviewer)
                .create(
                    {
                        "res_model": res_model,
                        "res_id": res_id,
                        "review_ids": [Command.set(self.review.ids)],
                        "validate_reject": "validate",
                        "comment": "Fine",
                    }
                )
            )
            self._assert_refused(
                wizard.add_comment, "cannot decide these approvals now"
            )
        self.assertFalse(self.review.comment)

    def test_every_tier_validated_model_is_guarded(self):
        """Every model inheriting tier.validation runs the wrappers that open
        the trusted scope (models/tier_validation.py)."""
        registry = self.env.registry
        base = registry["tier.validation"]
        names = [
            name
            for name in registry
            if issubclass(registry[name], base) and not registry[name]._abstract
        ]
        if not names:
            self.skipTest("no tier-validated model installed")
        module = "odoo.addons.order_handling_base.models.tier_validation"
        for name in names:
            self.assertTrue(
                any(cls.__module__ == module for cls in type(self.env[name]).__mro__),
                f"{name} does not go through the tier review guard",
            )
