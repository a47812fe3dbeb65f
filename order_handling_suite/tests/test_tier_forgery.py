# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Approvals cannot be forged (R4.1, R7.1), on every tier-validated model.

Each governed document of the suite is put under approval with its addon's
own fixtures; the same checks then run on all of them: neither a user the
review does not name nor the named reviewer writes, creates or deletes a
``tier.review`` directly (nor through the document's ``review_ids``, nor a
forged comment wizard), ``skip_validation_check`` sent by a client opens
nothing, and the reviewer's Validate still works. A model inheriting
``tier.validation`` that has no test class here fails the coverage test.
"""

import ast
import unittest

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.order_handling_base.models.trusted_scope import trusted_scope
from odoo.addons.sale_engineering_plan.tests.test_plan import PlanCommon
from odoo.addons.sale_order_archive.tests.test_archive import ArchiveCommon
from odoo.addons.sale_order_governance.tests.governance_common import (
    GovernanceCommon,
)
from odoo.addons.sale_order_governance.tests.test_approval import BIG, ApprovalCommon
from odoo.addons.sale_order_intel.tests.common import IntelCommon
from odoo.addons.sale_target_incentive.tests.common import IncentiveCommon

REVIEW_FIELDS = [
    "status",
    "done_by",
    "reviewed_date",
    "comment",
    "reviewer_id",
    "reviewer_group_id",
    "definition_id",
    "model",
    "res_id",
    "sequence",
    "requested_by",
]
REFUSED = "change only through the buttons of their document"
ANY_REFUSAL = (UserError, AccessError, ValidationError)


class TierForgeryChecks:
    """The checks, over the document ``_pending()`` returns: a record of
    ``governed_model`` with a review that ``reviewer`` decides now, and the
    users it does not name."""

    governed_model = None
    # the locked write tried with skip_validation_check: does the key alone
    # stand between the writer and the write (then the server's trusted scope
    # lets it through)?
    key_is_only_barrier = True

    def _pending(self):
        """Return ``(record, reviewer, outsiders)``."""
        raise NotImplementedError

    def _locked_write(self, record):
        """Return ``(writer, vals)``: a write tier validation locks while
        ``record`` is under approval."""
        raise NotImplementedError

    # ------------------------------------------------------------------ helpers

    def _snapshot(self, record, fnames=()):
        self.env.flush_all()
        self.env.invalidate_all()
        record = record.sudo()
        reviews = (
            self.env["tier.review"]
            .sudo()
            .search(
                [("model", "=", record._name), ("res_id", "=", record.id)], order="id"
            )
        )
        return (
            reviews.read(REVIEW_FIELDS),
            record.read([record._state_field, "validation_status", *fnames]),
        )

    def _assert_refused(self, record, func, exceptions=ANY_REFUSAL, regex=None):
        """``func()`` is refused and neither the reviews of ``record`` nor
        its state changed: checked without the savepoint of
        ``assertRaises``, the guards refuse before anything is written."""
        before = self._snapshot(record)
        with unittest.TestCase.assertRaises(self, exceptions) as catcher:
            func()
        if regex:
            self.assertRegex(str(catcher.exception), regex)
        self.assertEqual(
            self._snapshot(record), before, "refused, but something was written"
        )

    def _my_pending_review(self, record, reviewer):
        # the reviews move to pending when can_review is computed (flush)
        self.env.flush_all()
        review = record.review_ids.filtered(
            lambda r: r.status == "pending" and reviewer in r.reviewer_ids
        )
        self.assertEqual(len(review), 1, "the reviewer decides one review now")
        self.assertIn(review.sequence, record._get_sequences_to_approve(reviewer))
        return review

    # -------------------------------------------------------------------- tests

    def test_governed_model(self):
        record, _reviewer, _outsiders = self._pending()
        self.assertEqual(record._name, self.governed_model)

    def test_forged_approvals_refused_reviewer_still_validates(self):
        record, reviewer, outsiders = self._pending()
        review = self._my_pending_review(record, reviewer)
        now = fields.Datetime.now()
        for user in [*outsiders, reviewer]:
            with self.subTest(user=user.login):
                mine = review.with_user(user)
                document = record.with_user(user)
                for vals in (
                    {"status": "approved", "done_by": user.id, "reviewed_date": now},
                    {"status": "rejected"},
                    {"reviewer_id": user.id},
                    {"definition_id": False},
                    {"res_id": 0},
                ):
                    self._assert_refused(
                        record,
                        lambda r=mine, v=vals: r.write(v),
                        UserError,
                        REFUSED,
                    )
                self._assert_refused(
                    record,
                    lambda r=mine: r.with_context(skip_validation_check=True).write(
                        {"status": "approved"}
                    ),
                    UserError,
                    REFUSED,
                )
                self._assert_refused(
                    record,
                    lambda u=user: (
                        self.env["tier.review"]
                        .with_user(u)
                        .create(
                            [
                                {
                                    "model": record._name,
                                    "res_id": record.id,
                                    "definition_id": review.definition_id.id,
                                    "status": "approved",
                                    "done_by": u.id,
                                    "reviewed_date": now,
                                    "sequence": review.sequence + 10,
                                }
                            ]
                        )
                    ),
                    UserError,
                    REFUSED,
                )
                self._assert_refused(
                    record, lambda r=mine: r.unlink(), UserError, REFUSED
                )
                # through the document's one2many, whatever refuses first
                for command in (
                    Command.update(review.id, {"status": "approved"}),
                    Command.delete(review.id),
                    Command.create(
                        {"definition_id": review.definition_id.id, "status": "approved"}
                    ),
                ):
                    self._assert_refused(
                        record,
                        lambda d=document, c=command: d.with_context(
                            skip_validation_check=True
                        ).write({"review_ids": [c]}),
                    )
                # a comment wizard the client fills in itself
                self._assert_refused(
                    record,
                    lambda u=user: (
                        self.env["comment.wizard"]
                        .with_user(u)
                        .create(
                            {
                                "res_model": record._name,
                                "res_id": record.id,
                                "review_ids": [Command.set(review.ids)],
                                "validate_reject": "validate",
                                "comment": "Approved",
                            }
                        )
                        .add_comment()
                    ),
                    (UserError, AccessError),
                )
        record.with_user(reviewer).validate_tier()
        self.assertEqual(review.status, "approved")
        self.assertEqual(review.done_by, reviewer)

    def test_skip_validation_check_sent_by_a_client_opens_nothing(self):
        record, _reviewer, _outsiders = self._pending()
        writer, vals = self._locked_write(record)
        document = record.with_user(writer).with_context(skip_validation_check=True)
        before = self._snapshot(record, list(vals))
        with unittest.TestCase.assertRaises(self, ANY_REFUSAL):
            document.write(vals)
        self.assertEqual(self._snapshot(record, list(vals)), before)
        if self.key_is_only_barrier:
            # the same key set by the server, in its trusted scope
            with trusted_scope("tier.validation"):
                document.write(vals)
            self.assertNotEqual(self._snapshot(record, list(vals)), before)


@tagged("post_install", "-at_install")
class TestSaleOrderForgery(TierForgeryChecks, ApprovalCommon):
    governed_model = "sale.order"

    def _pending(self):
        order = self._quotation(price=BIG)
        order.with_user(self.users["sales"]).request_validation()
        return order, self.users["saleshead"], self.users["sales"]

    def _locked_write(self, record):
        term = self.env.ref("account.account_payment_term_30days")
        self.assertNotEqual(record.payment_term_id, term)
        return self.users["sales"], {"payment_term_id": term.id}

    def test_forged_approval_confirms_nothing(self):
        order, _reviewer, outsider = self._pending()
        review = order.review_ids.with_user(outsider)
        with self.assertRaisesRegex(UserError, REFUSED):
            review.write({"status": "approved"})
        with self.assertRaisesRegex(UserError, "waiting for its approval"):
            order.with_user(outsider).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_skip_validation_check_sent_by_a_client_opens_nothing(self):
        """On a quotation a change of what is approved restarts its approval
        (R7.1): with the key sent by a client the write restarts it as
        without the key (the approval is never kept); set by the server in
        its trusted scope, the approval stays."""
        order, _reviewer, _outsiders = self._pending()
        writer, vals = self._locked_write(order)
        reviews = order.review_ids
        order.with_user(writer).with_context(skip_validation_check=True).write(vals)
        self.assertFalse(reviews.exists(), "the approval restarted")
        self.assertTrue(order.review_ids, "and was requested again")
        self.assertNotEqual(order.validation_status, "validated")
        reviews = order.review_ids
        other = self.env.ref("account.account_payment_term_immediate")
        with trusted_scope("tier.validation"):
            order.with_user(writer).with_context(skip_validation_check=True).write(
                {"payment_term_id": other.id}
            )
        self.assertEqual(order.review_ids, reviews)
        self.assertEqual(order.payment_term_id, other)

    def test_skip_validation_check_on_lines(self):
        order, _reviewer, _outsiders = self._pending()
        lines = order.order_line.with_user(self.users["sales"]).with_context(
            skip_validation_check=True
        )
        reviews = order.review_ids
        lines.write({"price_unit": BIG + 1})
        self.assertFalse(reviews.exists(), "the key kept no approval")
        self.assertEqual(order.order_line.price_unit, BIG + 1)
        reviews = order.review_ids
        self.assertTrue(reviews)
        with trusted_scope("tier.validation"):
            lines.write({"price_unit": BIG + 2})
        self.assertEqual(order.order_line.price_unit, BIG + 2)
        self.assertEqual(order.review_ids, reviews)


class _RequestForgery(TierForgeryChecks):
    """Change and cancel requests: filed by the salesperson on a confirmed
    order, approved by the sales head first. Under approval a request
    refuses any edit by itself (not only tier validation's lock)."""

    key_is_only_barrier = False

    def _locked_write(self, record):
        return self.users["sales"], {"reason": "Written with the key"}

    def _requested(self, request):
        request.with_user(self.users["sales"]).request_validation()
        return request, self.users["saleshead"], self.users["sales"]


@tagged("post_install", "-at_install")
class TestChangeRequestForgery(_RequestForgery, GovernanceCommon):
    governed_model = "sale.order.change.request"

    def _pending(self):
        order = self._confirmed_order()
        form = Form(
            self.env["sale.order.change.request"]
            .with_user(self.users["sales"])
            .with_context(default_order_id=order.id)
        )
        form.reason = "The customer changed the quantities."
        with form.line_ids.new() as line:
            line.order_line_id = order.order_line[0]
            line.new_qty = 8
        return self._requested(form.save())


@tagged("post_install", "-at_install")
class TestCancelRequestForgery(_RequestForgery, GovernanceCommon):
    governed_model = "sale.order.cancel.request"

    def _pending(self):
        order = self._confirmed_order()
        form = Form(
            self.env["sale.order.cancel.request"]
            .with_user(self.users["sales"])
            .with_context(default_order_id=order.id)
        )
        form.reason_id = self.reason_customer
        form.reason = "The customer's project was stopped."
        return self._requested(form.save())


@tagged("post_install", "-at_install")
class TestAccessRequestForgery(TierForgeryChecks, ArchiveCommon):
    governed_model = "sale.order.access.request"
    # a submitted request refuses edits by itself
    key_is_only_barrier = False

    def _pending(self):
        order = self._done_order()
        order.with_user(self.users["clerk"]).action_governance_archive()
        request = (
            self.env["sale.order.access.request"]
            .with_user(self.users["sales2"])
            .create({"order_name": order.name, "reason": "Customer audit"})
        )
        request.action_submit()
        return request, self.users["saleshead"], self.users["sales2"]

    def _locked_write(self, record):
        return self.users["sales2"], {"reason": "Written with the key"}

    def test_nobody_approves_own_request_on_any_path(self):
        """The requester's refusal sits in ``_validate_tier``, where the
        Validate button and OCA's comment wizard both arrive."""
        request, head, requester = self._pending()
        review = self._my_pending_review(request, head)
        self._assert_refused(
            request,
            lambda: request.with_user(requester)._validate_tier(review),
            UserError,
            "someone else approves it",
        )
        self.assertEqual(review.status, "pending")


@tagged("post_install", "-at_install")
class TestEngineeringPlanForgery(TierForgeryChecks, PlanCommon):
    governed_model = "sale.engineering.plan"

    def _pending(self):
        plan = self._plan()
        plan.with_user(self.users["engineering"]).request_validation()
        return plan, self.users["saleshead"], self.users["engineering"]

    def _locked_write(self, record):
        return self.users["engineering"], {"title": "Written with the key"}

    def _comment_wizard(self, user, plan, reviews, decision="validate"):
        return (
            self.env["comment.wizard"]
            .with_user(user)
            .create(
                {
                    "res_model": plan._name,
                    "res_id": plan.id,
                    "review_ids": [Command.set(reviews.ids)],
                    "validate_reject": decision,
                    "comment": "Checked",
                }
            )
        )

    def test_comment_wizard_decides_in_turn_only(self):
        """With comments asked for, the wizard is the reviewer's Validate:
        the general manager's review waits for the sales head's, and nobody
        decides reviews that are not theirs."""
        plan, head, _outsiders = self._pending()
        plan.sudo().review_ids.definition_id.has_comment = True
        gm = self.users["gm"]
        self.env.flush_all()
        head_review = self._my_pending_review(plan, head)
        gm_review = plan.review_ids - head_review
        self.assertIn(gm, gm_review.reviewer_ids)
        for user, reviews in (
            (gm, gm_review),  # out of turn
            (gm, head_review),  # not theirs
            (self.users["engineering"], head_review),  # the author
        ):
            self._assert_refused(
                plan,
                lambda u=user, r=reviews: self._comment_wizard(
                    u, plan, r
                ).add_comment(),
                UserError,
                "cannot decide these approvals now",
            )
        action = plan.with_user(head).validate_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        wizard = (
            self.env["comment.wizard"]
            .with_user(head)
            .with_context(**action["context"])
            .create({"comment": "Agreed"})
        )
        wizard.add_comment()
        self.assertEqual(head_review.status, "approved")
        self.assertEqual(head_review.comment, "Agreed")
        self._comment_wizard(gm, plan, gm_review).add_comment()
        self.assertEqual(gm_review.status, "approved")
        self.assertEqual(plan.validation_status, "validated")

    def test_approvals_to_do_inbox(self):
        """The approvers' inbox (待我审批) lists the approvals whose turn
        has come and that name the user, with the document's name; it
        opens the document; the next approver sees it after the first."""
        plan, head, __ = self._pending()
        action = self.env.ref("order_handling_base.tier_review_action_to_approve")
        domain = ast.literal_eval(action.domain.replace("uid", str(head.id)))
        mine = self.env["tier.review"].with_user(head).search(domain)
        self.assertIn(self._my_pending_review(plan, head), mine)
        row = mine.filtered(lambda r: r.res_id == plan.id)
        self.assertEqual(row.document_name, plan.display_name)
        self.assertEqual(row.action_open_document()["res_id"], plan.id)
        gm = self.users["gm"]
        gm_domain = ast.literal_eval(action.domain.replace("uid", str(gm.id)))
        Review = self.env["tier.review"].with_user(gm)
        self.assertFalse(
            Review.search(gm_domain).filtered(lambda r: r.res_id == plan.id)
        )
        plan.with_user(head).validate_tier()
        self.env.flush_all()
        self.assertTrue(
            Review.search(gm_domain).filtered(lambda r: r.res_id == plan.id)
        )
        self.assertFalse(
            self.env["tier.review"]
            .with_user(head)
            .search(domain)
            .filtered(lambda r: r.res_id == plan.id)
        )
        # the menu is the approvers'
        menu = self.env.ref("order_handling_base.tier_review_menu_to_approve")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(head)._visible_menu_ids())
        self.assertNotIn(
            menu.id, Menu.with_user(self.users["warehouse"])._visible_menu_ids()
        )

    def test_nobody_approves_own_plan_on_any_path(self):
        """The author's refusal sits where every approval path arrives
        (``_validate_tier``: the Validate button and OCA's comment wizard),
        not only in the button."""
        plan, head, __ = self._pending()
        head_review = self._my_pending_review(plan, head)
        author = self.users["engineering"]
        self._assert_refused(
            plan,
            lambda: plan.with_user(author)._validate_tier(head_review),
            UserError,
            "someone else approves it",
        )
        self.assertEqual(head_review.status, "pending")


@tagged("post_install", "-at_install")
class TestIntelRewardForgery(TierForgeryChecks, IntelCommon):
    governed_model = "sale.intel.reward"

    def _pending(self):
        # the reporter earns the information fee; marketing approves it
        fee = self._evaluated().reward_ids
        self.assertTrue(fee.review_ids)
        return fee, self.users["marketing"], self.users["sales"]

    def _locked_write(self, record):
        return self.users["marketing"], {"amount": record.amount + 1}


@tagged("post_install", "-at_install")
class TestIncentiveScaleForgery(TierForgeryChecks, IncentiveCommon):
    governed_model = "sale.target.incentive.scale"

    def _pending(self):
        scale = self._scale()
        scale.with_user(self.users["manager"]).action_submit()
        return scale, self.users["saleshead"], self.users["sales"]

    def _locked_write(self, record):
        return self.users["manager"], {"name": "Forged scale"}


@tagged("post_install", "-at_install")
class TestIncentiveForgery(TierForgeryChecks, IncentiveCommon):
    governed_model = "sale.target.incentive"

    def _pending(self):
        self._approved_scale()
        incentive = self._compute_march().filtered(
            lambda i: i.user_id == self.users["sales"]
        )
        incentive.with_user(self.users["saleshead"]).action_submit()
        return incentive, self.users["saleshead"], self.users["sales"]

    def _locked_write(self, record):
        return self.users["saleshead"], {"note": "Forged note"}


GOVERNED_TESTS = (
    TestSaleOrderForgery,
    TestChangeRequestForgery,
    TestCancelRequestForgery,
    TestAccessRequestForgery,
    TestEngineeringPlanForgery,
    TestIntelRewardForgery,
    TestIncentiveScaleForgery,
    TestIncentiveForgery,
)


@tagged("post_install", "-at_install")
class TestTierForgeryCoverage(TransactionCase):
    def test_every_tier_validated_model_is_tested(self):
        registry = self.env.registry
        base = registry["tier.validation"]
        models = {
            name
            for name in registry
            if issubclass(registry[name], base) and not registry[name]._abstract
        }
        tested = {test.governed_model for test in GOVERNED_TESTS}
        self.assertTrue(models)
        self.assertFalse(
            models - tested,
            "tier-validated models without a forgery test in this file",
        )
