# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buttons of a consultation: the flag the form reads and the refusal
the server gives come from one rule (``order.handling.button.mixin``)."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ConsultationCommon

STEPS = ("answer", "close", "create_quotation")
FIELDS = ["state", "answered_uid", "answered_date", "closed_uid", "order_id"]


@tagged("post_install", "-at_install")
class TestConsultationButtons(ConsultationCommon):
    def _flags(self, consultation, steps=STEPS):
        return self._button_flags(consultation, steps)

    def _open_steps(self, role, consultation):
        """The steps open to ``role``, after checking that each flag is True
        exactly when its action passes."""
        return self.assertFlagsAreTheRule(
            self._as(role, consultation),
            STEPS,
            lambda record, step: getattr(record, f"action_{step}")(),
        )

    def test_flags_are_the_rule(self):
        """R8.6: customer service (and the administrator) answer, close and
        turn a consultation into a quotation; the salesperson and the
        department concerned read it only."""
        consultation = self._consult(answer="Up to 90 °C with the Viton seal.")
        expected = [
            ("open", {"answer", "create_quotation"}),
            ("answered", {"close", "create_quotation"}),
            ("closed", set()),
        ]
        for state, open_steps in expected:
            self.assertEqual(consultation.state, state)
            for role in ("service", "manager"):
                self.assertEqual(self._open_steps(role, consultation), open_steps, role)
            for role in ("sales", "member"):
                self.assertEqual(self._open_steps(role, consultation), set(), role)
            if state == "open":
                consultation.action_answer()
            elif state == "answered":
                consultation.action_close()

    def test_quotation_once(self):
        consultation = self._consult()
        consultation.action_create_quotation()
        self.assertEqual(
            self._flags(consultation),
            {"answer": True, "close": False, "create_quotation": False},
        )
        self.assertRefusedUntouched(
            UserError,
            consultation,
            consultation.action_create_quotation,
            FIELDS,
            regex="already has a quotation",
        )

    def test_wrong_role_and_state_refused_untouched(self):
        consultation = self._consult(answer="Yes")
        sales = self._as("sales", consultation)
        self.assertFalse(self._flags(sales)["answer"])
        self.assertRefusedUntouched(
            UserError,
            consultation,
            sales.action_answer,
            FIELDS,
            regex="Only customer service answers",
        )
        self.assertFalse(self._flags(consultation)["close"])
        self.assertRefusedUntouched(
            UserError,
            consultation,
            consultation.action_close,
            FIELDS,
            regex="is Open: it cannot be closed now",
        )
        consultation.action_answer()
        self.assertRefusedUntouched(
            UserError,
            consultation,
            consultation.action_answer,
            FIELDS,
            regex="is Answered: it cannot be answered now",
        )

    def test_answer_text_is_input_not_rule(self):
        """The answer to write keeps the button: the action asks for it."""
        consultation = self._consult()
        self.assertTrue(self._flags(consultation)["answer"])
        self.assertRefusedUntouched(
            UserError,
            consultation,
            consultation.action_answer,
            FIELDS,
            regex="Write the answer",
        )

    def test_flags_of_a_list_in_one_pass(self):
        """The flags of several consultations cost the queries of one."""
        consultations = self._consult() | self._consult() | self._answered()
        fnames = [f"can_{step}" for step in STEPS]
        consultations.read(fnames)  # caches of groups and translations
        counts = [
            self._count_queries(lambda batch=batch: batch.read(fnames))
            for batch in (consultations[:1], consultations)
        ]
        self.assertEqual(counts[0], counts[1], "the flags cost queries per record")
        self.assertLessEqual(counts[1], 4)
