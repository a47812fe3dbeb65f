# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A replayed step is refused on every document of the suite.

Every concrete model that inherits ``order.handling.workflow.mixin`` (found
by introspection, so a new document is covered without touching this file)
gets a record, built as the RPC sweep builds its records; writing its state
field with the state it is in, through ``_workflow_write``, is refused with
the guard's message, unless the model lists the state in
``_workflow_repeatable_states``. Then real business steps of several addons
are called twice by the real role: the second call is refused and writes
nothing.
"""

import unittest
from datetime import date
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.sale_order_review.tests.test_review import ASSESSED, ReviewCommon

from . import test_rpc_sweep as sweep

MIXIN = "order.handling.workflow.mixin"


def workflow_models(env):
    """The concrete models that inherit the workflow guard."""
    mixin_class = type(env[MIXIN])
    return sorted(
        name
        for name in env.registry
        if name != MIXIN
        and not env[name]._abstract
        and not env[name]._transient
        and env[name]._auto
        and any(
            getattr(klass, "_name", None) == MIXIN
            for klass in type(env[name]).__mro__
            if klass is not mixin_class
        )
    )


@tagged("post_install", "-at_install")
class TestWorkflowReplay(TransactionCase):
    # the RPC sweep's generic builder of a record per model
    _build = vars(sweep.TestRpcSweep)["_build"]
    _hints = vars(sweep.TestRpcSweep)["_hints"]
    _value = vars(sweep.TestRpcSweep)["_value"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
                no_reset_password=True,
            )
        )
        cls.company = cls.env.company
        cls.partner = cls.env["res.partner"].create({"name": "Replay Customer"})
        cls.users = {
            "group_salesperson": new_test_user(
                cls.env,
                login="replay_salesperson",
                groups="base.group_user,order_handling_base.group_salesperson",
            )
        }
        cls.models = workflow_models(cls.env)
        cls.records, cls.unbuilt = {}, {}
        for name in cls.models:
            try:
                with cls.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                    cls.records[name] = cls._build(name, cls.company, depth=0)
                    cls.env.flush_all()
            except Exception as exc:  # noqa: BLE001 - asserted below
                cls.env.invalidate_all()
                cls.unbuilt[name] = f"{type(exc).__name__}: {exc}"[:200]

    def test_00_coverage(self):
        """Every document with a transition table is checked below (and the
        list is the suite's, not a fixed one)."""
        for name in (
            "order.handling.transfer",
            "sale.order.violation",
            "sale.order.output.sheet",
            "sale.order.review",
            "sale.followup.notice",
            "sale.intel.report",
            "sale.target.incentive.scale",
        ):
            self.assertIn(name, self.models)
        with_transitions = {
            name
            for name in self.models
            if self.env[name]._workflow_transitions is not None
        }
        self.assertGreaterEqual(len(with_transitions), 10)
        self.assertFalse(
            {name: self.unbuilt[name] for name in with_transitions & set(self.unbuilt)},
            "every document with transitions gets a record",
        )

    def test_same_state_refused_everywhere(self):
        """R-guard: ``_workflow_write({state: current})`` is refused on every
        document of the suite (with or without a transition table) and
        writes nothing; a state opted in may repeat."""
        self.assertGreaterEqual(len(self.records), 10, self.unbuilt)
        for name, record in self.records.items():
            model = self.env[name]
            state_field = model._workflow_state_field
            current = record[state_field]
            self.assertTrue(current, f"{name} starts in a state")
            with self.subTest(model=name, state=current):
                self.env.flush_all()
                write_date = record.write_date
                with self.assertRaisesRegex(UserError, "is already"):
                    record._workflow_write({state_field: current})
                self.env.flush_all()
                self.env.invalidate_all()
                self.assertEqual(record[state_field], current)
                self.assertEqual(record.write_date, write_date)
                # opted in, the same write passes
                with patch.object(
                    type(model), "_workflow_repeatable_states", (current,)
                ):
                    record._workflow_write({state_field: current})
                self.assertEqual(record[state_field], current)

    def test_opted_in_states_are_real_states(self):
        """A state opted in is a state of the model (no typo hides a
        replay)."""
        for name in self.models:
            model = self.env[name]
            states = dict(model._fields[model._workflow_state_field].selection)
            for state in model._workflow_repeatable_states:
                self.assertIn(state, states, name)

    def test_write_date_moves_on_a_real_change(self):
        """The check above can see a write: a real change moves
        ``write_date``."""
        record = self.records["order.handling.transfer"]
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE order_handling_transfer SET write_date = %s WHERE id = %s",
            (fields.Datetime.to_datetime("2020-01-01"), record.id),
        )
        self.env.invalidate_all()
        record._workflow_write({"state": "acknowledged"})
        self.env.flush_all()
        self.assertNotEqual(record.write_date.year, 2020)


@tagged("post_install", "-at_install")
class TestReplayedSteps(ReviewCommon):
    """A business step called a second time by its real role (a replay over
    RPC) is refused and leaves the document as it was: its state, its
    ``write_date`` and its chatter."""

    def _snapshot(self, record):
        self.env.flush_all()
        self.env.invalidate_all()
        record = record.sudo()
        messages = self.env["mail.message"].search_count(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )
        state = record[record._workflow_state_field]
        return state, record.write_date, messages

    def assertReplayRefused(self, record, step):
        """``step`` again is refused before it writes anything (checked
        without the savepoint of Odoo's ``assertRaises``, which would undo
        a partial write)."""
        before = self._snapshot(record)
        with unittest.TestCase.assertRaises(self, UserError):
            step()
        self.assertEqual(self._snapshot(record), before)

    def test_review_accepted_twice(self):
        """R3.1: the workshop supervisor accepts a review once."""
        review = self._accepted_order().current_review_id
        workshop = review.with_user(self.users["workshop"])
        workshop.write(ASSESSED)
        workshop.action_accept()
        self.assertEqual(review.state, "accepted")
        self.assertReplayRefused(review, workshop.action_accept)
        self.assertReplayRefused(review, workshop.action_reject)

    def test_consultation_answered_twice(self):
        """R8.6: customer service answers a consultation once; the first
        answer's time stays."""
        topic = self.env["sale.customer.consultation.topic"].create(
            {"name": "Replay topic"}
        )
        consultation = (
            self.env["sale.customer.consultation"]
            .with_user(self.users["service"])
            .create(
                {
                    "partner_id": self.partner.id,
                    "topic_id": topic.id,
                    "question": "Does the pump take 80 °C oil?",
                    "answer": "Up to 90 °C with the Viton seal.",
                }
            )
        )
        consultation.action_answer()
        answered = consultation.answered_date
        self.assertReplayRefused(consultation, consultation.action_answer)
        self.assertEqual(consultation.answered_date, answered)

    def test_intel_report_submitted_twice_and_policy_approved_twice(self):
        """R9.1/R9.2: a report is submitted once, a policy approved once."""
        if "intake_required" in self.company._fields:
            self.company.intake_required = False
        report = (
            self.env["sale.intel.report"]
            .with_user(self.users["sales"])
            .create(
                {
                    "title": "Acme plans a new pump line",
                    "intel_type": "order_lead",
                    "partner_id": self.partner.id,
                    "region": "East China",
                    "channel_id": self.env.ref(
                        "sale_order_intel.sale_intel_channel_visit"
                    ).id,
                    "content": "<p>Acme will buy 200 pumps in Q3.</p>",
                }
            )
        )
        report.action_submit()
        self.assertReplayRefused(report, report.action_submit)
        today = fields.Date.today()
        policy = (
            self.env["sale.intel.policy"]
            .with_user(self.users["saleshead"])
            .create(
                {
                    "name": "This half-year",
                    "date_from": today - relativedelta(months=1),
                    "date_to": today + relativedelta(months=5),
                    "line_ids": [
                        Command.create(
                            {
                                "user_id": self.users["sales"].id,
                                "region": "East China",
                                "expected_count": 3,
                            }
                        )
                    ],
                }
            )
        )
        policy.action_approve()
        self.assertReplayRefused(policy, policy.action_approve)

    def test_incentive_scale_approved_twice(self):
        """R10.3: the sales head approves an incentive scale once."""
        scale = (
            self.env["sale.target.incentive.scale"]
            .with_user(self.users["manager"])
            .create(
                {
                    "name": "Replay bonus",
                    "period_type": "month",
                    "date_from": date(2030, 1, 1),
                    "date_to": date(2030, 12, 31),
                    "band_ids": [
                        Command.create(
                            {
                                "achievement_from": 0.0,
                                "bonus_type": "fixed",
                                "bonus_fixed": 100.0,
                            }
                        )
                    ],
                }
            )
        )
        scale.action_submit()
        head = scale.with_user(self.users["saleshead"])
        head.validate_tier()
        self.assertEqual(scale.state, "approved")
        self.assertReplayRefused(scale, head.action_approve)
        self.assertReplayRefused(scale, head.action_validate_all)

    def test_output_sheet_cancelled_twice(self):
        """R5.7: a cancelled output sheet is not cancelled again."""
        sheet = self.env["sale.order.output.sheet"].create({})
        clerk = sheet.with_user(self.users["clerk"])
        clerk.action_cancel()
        self.assertReplayRefused(sheet, clerk.action_cancel)

    def test_violation_review_started_twice(self):
        """R7.8: the review of a violation starts once."""
        entry = self.env["sale.order.violation"]._file_entries(
            [{"kind": "tamper", "facts": "Archive ARC/1 changed."}]
        )
        manager = entry.with_user(self.users["manager"])
        manager.action_start_review()
        self.assertReplayRefused(entry, manager.action_start_review)
