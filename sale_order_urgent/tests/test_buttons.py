# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Assess Urgency button follows one rule (issue 17): ``can_urgent_assess``
(on the order and on its copy) is True exactly when ``action_urgent_assess``
succeeds for the same user, and the action refuses over the ORM with the
rule's sentence, before anything is written."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sale_order_intake.tests.test_delivery_date import (
    AcceptedOrderCommon,
)

DECISION_FIELDS = [
    "urgency_decision",
    "urgency_assessment",
    "urgency_decision_uid",
    "urgency_decision_date",
    "intake_priority",
]


@tagged("post_install", "-at_install")
class TestUrgentButtons(AcceptedOrderCommon):
    def _urgent_order(self, assessor="workshop"):
        order = self._create_order(self.users["sales"])
        order.with_user(self.users["sales"]).write(
            {
                "intake_urgent": True,
                "urgency_level": "1",
                "urgent_deadline": fields.Datetime.now() + timedelta(days=3),
                "urgency_assessor_id": self.users[assessor].id,
            }
        )
        return order

    def _copy(self, role, order):
        return self.env["sale.order.copy"].with_user(self.users[role]).browse(order.id)

    def assertFlag(self, record, expected, role):
        record.invalidate_recordset()
        self.assertIs(record.can_urgent_assess, expected, role)

    def _refused(self, exception, order, func, regex):
        return self.assertRefusedUntouched(
            exception, order, func, DECISION_FIELDS, regex
        )

    def test_only_the_named_assessor_decides(self):
        """R6.1: the person named to assess decides, from the order's copy
        (the administrator too); nobody else."""
        order = self._urgent_order()
        copy = self._copy("workshop", order)
        self.assertFlag(copy, True, "workshop")
        # the salesperson reads the order, the clerk its copy: neither is
        # named
        self.assertFlag(order.with_user(self.users["sales"]), False, "sales")
        self._refused(
            AccessError,
            order,
            lambda: order.with_user(self.users["sales"]).action_urgent_assess(
                "accepted", "We can"
            ),
            "named to assess",
        )
        self.assertFlag(self._copy("clerk", order), False, "clerk")
        self._refused(
            AccessError,
            order,
            lambda: self._copy("clerk", order).action_urgent_assess(
                "accepted", "We can"
            ),
            "named to assess",
        )
        self.assertFlag(order.with_user(self.users["manager"]), True, "manager")
        # what the assessor types is checked after the rule
        self._refused(
            UserError,
            order,
            lambda: copy.action_urgent_assess("accepted", " "),
            "Write the assessment",
        )
        copy.action_urgent_assess("refused", "No capacity this week")
        self.assertEqual(order.urgency_decision, "refused")
        self.assertEqual(order.urgency_decision_uid, self.users["workshop"])
        # decided once
        self.assertFlag(copy, False, "workshop")
        self._refused(
            UserError,
            order,
            lambda: copy.action_urgent_assess("accepted", "changed my mind"),
            "already decided",
        )

    def test_not_urgent_or_closed(self):
        """R6.1: only an urgent, open order is assessed."""
        order = self._create_order(self.users["sales"])
        manager = order.with_user(self.users["manager"])
        self.assertFlag(manager, False, "manager")
        self._refused(
            UserError,
            order,
            lambda: manager.action_urgent_assess("accepted", "Go"),
            "is not urgent",
        )
        urgent = self._urgent_order(assessor="manager")
        urgent.with_user(self.users["sales"])._action_cancel()
        self.assertEqual(urgent.intake_stage, "cancelled")
        manager = urgent.with_user(self.users["manager"])
        self.assertFlag(manager, False, "manager")
        self._refused(
            UserError,
            urgent,
            lambda: manager.action_urgent_assess("accepted", "Go"),
            "is closed",
        )
