# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buttons of complaints and follow-up visits: the flag the form reads
and the refusal the server gives come from one rule
(``order.handling.button.mixin``)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CustomerCareCommon

COMPLAINT_STEPS = [
    "acknowledge",
    "investigate",
    "propose_solution",
    "customer_confirm",
    "close",
    "create_return",
    "transfer_department",
]
VISIT_STEPS = ["done", "cancel", "open_complaint"]
#: the stages of a complaint in the order of its buttons, and the steps
#: customer service may take in each (everything filled in beforehand)
COMPLAINT_WALK = [
    ("new", {"acknowledge", "create_return", "transfer_department"}),
    ("acknowledged", {"investigate", "create_return", "transfer_department"}),
    ("investigating", {"propose_solution", "create_return", "transfer_department"}),
    (
        "solution",
        {"investigate", "customer_confirm", "create_return", "transfer_department"},
    ),
    ("confirmed", {"close", "create_return", "transfer_department"}),
    ("closed", set()),
]
COMPLAINT_FIELDS = [
    "stage_id",
    "stage_code",
    "acknowledged_uid",
    "customer_confirmed_date",
    "closed_uid",
]


class ButtonCase(CustomerCareCommon):
    _flags = CustomerCareCommon._button_flags


@tagged("post_install", "-at_install")
class TestComplaintButtons(ButtonCase):
    def _filled_complaint(self):
        """A complaint with everything a step asks filled in, of a
        department whose users read it."""
        return self._complaint(
            department_id=self.departments["quality"].id,
            root_cause="Seal not pressed in",
            corrective_action="Replace the seal",
            preventive_action="Press-fit check at assembly",
        )

    @staticmethod
    def _call(record, step):
        return getattr(record, f"action_{step}")()

    def test_flags_are_the_rule_through_the_stages(self):
        """R8.3/R8.4: customer service (and the administrator) take each
        step in its stages; the salesperson and the department read the
        complaint, take none; the flag says what the server accepts."""
        complaint = self._filled_complaint()
        advance = {
            "new": "acknowledge",
            "acknowledged": "investigate",
            "investigating": "propose_solution",
            "solution": "customer_confirm",
            "confirmed": "close",
        }
        for stage, open_steps in COMPLAINT_WALK:
            self.assertEqual(complaint.stage_code, stage)
            for role in ("service", "manager"):
                as_role = self._as(role, complaint)
                self.assertEqual(
                    self.assertFlagsAreTheRule(as_role, COMPLAINT_STEPS, self._call),
                    open_steps,
                    f"{role} in stage {stage}",
                )
            for role in ("sales", "quality", "member"):
                as_role = self._as(role, complaint)
                self.assertEqual(
                    self.assertFlagsAreTheRule(as_role, COMPLAINT_STEPS, self._call),
                    set(),
                    f"{role} in stage {stage}",
                )
            if stage in advance:
                self._call(complaint, advance[stage])

    def test_wrong_role_refused_untouched(self):
        """R8.3: a salesperson reads their customer's complaint and is
        told that customer service handles it; nothing is written."""
        complaint = self._filled_complaint()
        sales = self._as("sales", complaint)
        self.assertFalse(self._flags(sales, ["acknowledge"])["acknowledge"])
        self.assertRefusedUntouched(
            UserError,
            complaint,
            sales.action_acknowledge,
            COMPLAINT_FIELDS,
            regex="Only Customer Service can do this on",
        )
        member = self._as("member", complaint)
        self.assertFalse(self._flags(member, ["create_return"])["create_return"])
        self.assertRefusedUntouched(
            UserError,
            complaint,
            member.action_create_return,
            COMPLAINT_FIELDS + ["rma_ids"],
            regex="Only Customer Service can do this on",
        )

    def test_out_of_order_and_replay_refused_untouched(self):
        complaint = self._filled_complaint()
        self.assertFalse(self._flags(complaint, ["close"])["close"])
        self.assertRefusedUntouched(
            UserError,
            complaint,
            complaint.action_close,
            COMPLAINT_FIELDS,
            regex="is New: it cannot move to Closed",
        )
        complaint.action_acknowledge()
        self.assertFalse(self._flags(complaint, ["acknowledge"])["acknowledge"])
        self.assertRefusedUntouched(
            UserError,
            complaint,
            complaint.action_acknowledge,
            COMPLAINT_FIELDS + ["acknowledged_date", "response_hours"],
            regex="is already Acknowledged",
        )

    def test_confirmed_reopened_by_drag_not_by_button(self):
        """The button "Investigate" is offered while the solution is
        proposed, not once the customer confirmed it (as before); the kanban
        drag back to investigating stays allowed by the transitions."""
        complaint = self._solve(self._filled_complaint())
        complaint.action_customer_confirm()
        self.assertFalse(self._flags(complaint, ["investigate"])["investigate"])
        self.assertRefusedUntouched(
            UserError,
            complaint,
            complaint.action_investigate,
            COMPLAINT_FIELDS,
            regex="is Customer Confirmed: it cannot move to Investigating",
        )
        investigating = self.env.ref("sale_customer_care.complaint_stage_investigating")
        complaint.write({"stage_id": investigating.id})
        self.assertEqual(complaint.stage_code, "investigating")
        self.assertFalse(complaint.customer_confirmed_date)

    def test_missing_input_keeps_the_button(self):
        """What is to be filled in first is not the rule: the button stays
        and the action says what is missing."""
        complaint = self._complaint()
        complaint.action_acknowledge()
        complaint.action_investigate()
        self.assertTrue(
            self._flags(complaint, ["propose_solution"])["propose_solution"]
        )
        self.assertRefusedUntouched(
            UserError,
            complaint,
            complaint.action_propose_solution,
            COMPLAINT_FIELDS,
            regex="record the root cause",
        )
        # the department to send it to is chosen on the form
        self.assertFalse(complaint.department_id)
        self.assertTrue(
            self._flags(complaint, ["transfer_department"])["transfer_department"]
        )
        self.assertRefusedUntouched(
            UserError,
            complaint,
            complaint.action_transfer_department,
            ["transfer_slip_ids"],
            regex="Choose the responsible department",
        )

    def test_transfer_once_while_open_and_not_when_closed(self):
        """The button is hidden while the department has the complaint (its
        slip is open), whoever sent it, and once the complaint is closed."""
        complaint = self._filled_complaint()
        complaint.action_transfer_department()
        for role in ("service", "manager"):
            as_role = self._as(role, complaint)
            self.assertFalse(
                self._flags(as_role, ["transfer_department"])["transfer_department"]
            )
        self.assertRefusedUntouched(
            UserError,
            complaint,
            self._as("manager", complaint).action_transfer_department,
            ["transfer_slip_ids"],
            regex="is already with",
        )
        complaint.transfer_slip_ids.sudo().action_cancel("sent by mistake")
        self.assertTrue(
            self._flags(complaint, ["transfer_department"])["transfer_department"]
        )
        self._solve(complaint)
        complaint.action_customer_confirm()
        complaint.action_close()
        self.assertRefusedUntouched(
            UserError,
            complaint,
            complaint.action_transfer_department,
            ["transfer_slip_ids"],
            regex="is Closed: this step is not possible now",
        )

    def test_return_needs_a_confirmed_order(self):
        """R8.4: goods are returned from a complaint on a confirmed order,
        through the button as through its wizard."""
        complaint = self._complaint(order_id=False, picking_id=False)
        self.assertFalse(self._flags(complaint, ["create_return"])["create_return"])
        self.assertRefusedUntouched(
            UserError,
            complaint,
            complaint.action_create_return,
            ["rma_ids"],
            regex="needs a confirmed order",
        )
        complaint = self._complaint()
        action = complaint.action_create_return()
        wizard = self.env[action["res_model"]].with_user(self.service)
        wizard = wizard.browse(action["res_id"])
        wizard.line_ids.quantity = 1
        self._solve(complaint).action_customer_confirm()
        complaint.action_close()
        self.assertRefusedUntouched(
            UserError,
            complaint,
            wizard.action_create_rma,
            ["rma_ids"],
            regex="must not be closed",
        )

    def test_foreign_company_refused(self):
        """A complaint of a company the user does not work for is refused
        by the record rules before any rule is told."""
        company_b = self.env["res.company"].create({"name": "Care Buttons B"})
        complaint = self.env["sale.customer.complaint"].create(
            {
                "subject": "Other company",
                "partner_id": self.partner.id,
                "company_id": company_b.id,
            }
        )
        self.assertRefusedUntouched(
            AccessError,
            complaint,
            self._as("service", complaint).action_acknowledge,
            COMPLAINT_FIELDS,
        )

    def test_flags_of_a_list_in_one_pass(self):
        """The flags of several complaints cost the queries of one."""
        complaints = self._filled_complaint() | self._filled_complaint()
        complaints |= self._complaint()
        complaints = self._as("service", complaints)
        fnames = [f"can_{step}" for step in COMPLAINT_STEPS]
        complaints.read(fnames)  # caches of groups and translations
        counts = [
            self._count_queries(lambda batch=batch: batch.read(fnames))
            for batch in (complaints[:1], complaints)
        ]
        self.assertEqual(counts[0], counts[1], "the flags cost queries per record")
        self.assertLessEqual(counts[1], 8)


@tagged("post_install", "-at_install")
class TestVisitButtons(ButtonCase):
    def _visit(self, **vals):
        values = {"partner_id": self.partner.id, "order_id": self.delivered_order.id}
        values.update(vals)
        return self.env["sale.customer.visit"].with_user(self.service).create(values)

    def _scored_visit(self):
        return self._visit(score_product=4, score_delivery=4, score_service=5)

    @staticmethod
    def _call(record, step):
        return getattr(record, f"action_{step}")()

    def test_flags_are_the_rule(self):
        """R8.1: customer service records, cancels and raises complaints
        from visits; the salesperson of the customer reads them only."""
        planned = self._scored_visit()
        done = self._scored_visit()
        done.action_done()
        cancelled = self._visit()
        cancelled.action_cancel()
        expected = {
            planned: {"done", "cancel", "open_complaint"},
            done: {"open_complaint"},
            cancelled: set(),
        }
        for visit, open_steps in expected.items():
            for role in ("service", "manager"):
                self.assertEqual(
                    self.assertFlagsAreTheRule(
                        self._as(role, visit), VISIT_STEPS, self._call
                    ),
                    open_steps,
                    f"{role} on a visit {visit.state}",
                )
            self.assertEqual(
                self.assertFlagsAreTheRule(
                    self._as("sales", visit), VISIT_STEPS, self._call
                ),
                set(),
            )

    def test_refused_untouched(self):
        visit = self._scored_visit()
        sales = self._as("sales", visit)
        self.assertFalse(self._flags(sales, ["done"])["done"])
        self.assertRefusedUntouched(
            UserError,
            visit,
            sales.action_done,
            ["state", "date_done", "complaint_ids"],
            regex="Only Customer Service can do this on",
        )
        visit.action_cancel()
        self.assertFalse(self._flags(visit, ["open_complaint"])["open_complaint"])
        self.assertRefusedUntouched(
            UserError,
            visit,
            visit.action_open_complaint,
            ["state", "complaint_ids"],
            regex="is cancelled",
        )
        self.assertRefusedUntouched(
            UserError,
            visit,
            visit.action_cancel,
            ["state"],
            regex="Only planned visits can be cancelled",
        )
        self.assertRefusedUntouched(
            UserError,
            visit,
            visit.action_done,
            ["state", "date_done"],
            regex="is not planned",
        )

    def test_state_changes_only_through_the_buttons(self):
        """R8.1: a visit is done or cancelled by its buttons only: customer
        service writing the state or the date over RPC is refused (the
        workflow guard), and a visit cannot be created already done."""
        visit = self._scored_visit()
        for vals in (
            {"state": "done"},
            {"state": "cancelled"},
            {"date_done": "2026-12-01 10:00:00"},
        ):
            with self.subTest(vals=vals):
                self.assertRefusedUntouched(
                    UserError,
                    visit,
                    lambda vals=vals: visit.write(vals),
                    ["state", "date_done"],
                    regex="change only through the document's buttons",
                )
        with self.assertRaisesMessage(
            UserError, "change only through the document's buttons"
        ):
            self._visit(state="done")
        visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertTrue(visit.date_done)

    def test_scores_are_input_not_rule(self):
        visit = self._visit()
        self.assertTrue(self._flags(visit, ["done"])["done"])
        self.assertRefusedUntouched(
            UserError,
            visit,
            visit.action_done,
            ["state", "date_done"],
            regex="Give the scores",
        )
