# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The orders of the demo scenario taken through intake, review, delivery
and customer care (C1, C2, C5, C6, C8) and through order governance (C7).
Each step is followed by ``_tick``: how many hours after the previous step
it happened (see ``timeline.py``)."""

from datetime import timedelta

from odoo import Command, fields


class DemoOrders:
    """The regular orders of ``DemoScenario``: ``_demo_order_<stage>(key)``
    creates, registers and takes an order to its stage."""

    def _demo_order_returned_signoff(self, key):
        """Entered without shipping method nor sign-off: the intake check
        returns it to sales (R1.3)."""
        order = self._demo_new_order(
            key, "ningbo", [("pump", 40)], clean=False, signoff=False
        )
        order.with_user(self._user("sales")).commitment_date = (
            fields.Datetime.now() + timedelta(days=30)
        )
        return self._check(self._submit(order))

    def _demo_order_returned_date(self, key):
        order = self._demo_new_order(key, "suzhou", [("filter", 200)], clean=False)
        order.with_user(self._user("sales")).carrier_id = self._carrier()
        return self._check(self._submit(order))

    def _demo_order_submitted(self, key):
        order = self._demo_new_order(
            key, "shanghai", [("pump", 12), ("filter", 24)], channel="fax"
        )
        return self._submit(order)

    def _demo_order_resubmitted(self, key):
        """Returned once (no shipping method), corrected, submitted again."""
        order = self._demo_new_order(key, "acme", [("motor", 3)], clean=False)
        self._as("sales", order).commitment_date = fields.Datetime.now() + timedelta(
            days=25
        )
        self._check(self._submit(order))
        self._as("sales", order).carrier_id = self._carrier()
        self._tick(20)
        return self._submit(order)

    def _demo_order_checked(self, key):
        order = self._demo_new_order(key, "ningbo", [("motor", 2), ("filter", 10)])
        return self._check(self._submit(order))

    def _demo_order_checked_important(self, key):
        """Flagged important: a second person must re-check it (R1.4)."""
        order = self._demo_new_order(
            key, "shanghai", [("motor", 20)], intake_important_flag=True
        )
        return self._check(self._submit(order))

    def _demo_order_accepted(self, key):
        """Accepted and transferred; the workshop has not reviewed it yet."""
        order = self._demo_new_order(key, "suzhou", [("pump", 30)])
        return self._accept(self._check(self._submit(order)))

    def _demo_order_accepted_rechecked(self, key):
        """Important, re-checked by the sales head, accepted and reviewed:
        the workshop is to propose its delivery date."""
        order = self._demo_new_order(
            key, "acme", [("pump", 50), ("motor", 5)], intake_important_flag=True
        )
        self._accept(self._check(self._submit(order)))
        self._review(order, "accept_conditions", conditions="Second shift on line 2")
        return self._handle_slips(order)

    def _urgent_vals(self, days):
        return {
            "intake_urgent": True,
            "urgency_level": "2",
            "urgent_deadline": fields.Datetime.now() + timedelta(days=days),
            "urgency_assessor_id": self._user("workshop").id,
        }

    def _demo_order_urgent_intake(self, key):
        """Urgent: the workshop found it feasible, the departments were
        alerted; it waits for the clerk's check (R6.1, R6.2)."""
        order = self._demo_new_order(
            key, "ningbo", [("filter", 80)], days=4, **self._urgent_vals(5)
        )
        self._as("workshop", order).action_urgent_assess(
            "accepted", "Filters in stock; packing can start today."
        )
        self._tick(1)
        return self._submit(order)

    def _demo_order_urgent_production(self, key):
        """Urgent, accepted, dated and confirmed: picked first."""
        order = self._demo_new_order(
            key, "shanghai", [("pump", 8)], days=3, **self._urgent_vals(4)
        )
        self._as("workshop", order).action_urgent_assess(
            "accepted", "Line 1 is free tomorrow."
        )
        self._tick(1)
        return self._confirm(self._to_date_confirmed(order, days=3))

    def _demo_order_date_proposed(self, key):
        order = self._demo_new_order(key, "suzhou", [("motor", 4), ("pump", 6)])
        self._accept(self._check(self._submit(order)))
        self._review(order)
        self._handle_slips(order)
        return self._propose_date(order, 35)

    def _demo_order_date_confirmed(self, key):
        order = self._demo_new_order(key, "ningbo", [("pump", 16)])
        return self._to_date_confirmed(order, 30)

    def _demo_order_production(self, key):
        """Confirmed: the departments have their copies, the warehouse picks."""
        order = self._demo_new_order(key, "acme", [("motor", 6), ("filter", 12)])
        return self._confirm(self._to_date_confirmed(order, 20))

    def _demo_order_production_partial(self, key):
        order = self._demo_new_order(key, "shanghai", [("pump", 40), ("filter", 40)])
        self._confirm(self._to_date_confirmed(order, 14))
        return self._ship(order, ratio=0.5)

    def _demo_order_delivered(self, key):
        """Delivered and completed; its follow-up visit is planned."""
        order = self._deliver(
            self._demo_new_order(key, "suzhou", [("pump", 10), ("filter", 20)])
        )
        self._visit(order, None, None)
        return order

    def _demo_order_delivered_visited(self, key):
        order = self._deliver(self._demo_new_order(key, "ningbo", [("motor", 2)]))
        self._visit(
            order,
            (5, 4, 5),
            "Runs quietly; delivery one day later than promised.",
            channel="visit",
        )
        return order

    def _demo_order_delivered_rated(self, key):
        """The customer rated the follow-up from the link in the e-mail."""
        order = self._deliver(self._demo_new_order(key, "shanghai", [("pump", 20)]))
        visit = self._visit(order, (4, 5, 5), "Satisfied; next order in spring.")
        self._as("service", visit).action_send_rating_request()
        self._tick(2)
        token = visit._rating_get_access_token()
        # what the /rate/<token>/<score> page does for the customer
        visit.rating_apply(5, token=token, feedback="Fast and friendly.")
        self._tick(30)
        return order

    def _demo_order_complaint_closed(self, key):
        """A low delivery score opens a complaint, handled the 8D way by
        customer service with quality, and closed (R8.1, R8.3)."""
        order = self._deliver(self._demo_new_order(key, "acme", [("filter", 60)]))
        visit = self._visit(
            order,
            (4, 1, 3),
            "Two weeks late, the line stood still.",
        )
        complaint = self._as("service", visit.complaint_ids)
        complaint.action_acknowledge()
        self._tick(3)
        complaint.write({"department_id": self._department("warehouse").id})
        complaint.action_transfer_department()
        self._tick(2)
        complaint.action_investigate()
        self._tick(30)
        complaint.write(
            {
                "team_note": "Customer service, warehouse, logistics.",
                "containment_action": "Ship the next order by express.",
                "root_cause": "The order waited three days for a carrier booking.",
                "corrective_action": "Book carriers when picking starts.",
                "preventive_action": "Carrier booking added to the picking checklist.",
            }
        )
        complaint.action_propose_solution()
        self._tick(48)
        complaint.action_customer_confirm()
        self._tick(20)
        complaint.write({"closing_note": "Customer satisfied."})
        complaint.action_close()
        self._tick(6)
        return order

    def _demo_order_complaint_return(self, key):
        """A quality complaint: two pumps go back through an RMA (OCA
        rma_sale), received by the warehouse (R8.3, R8.4)."""
        order = self._deliver(self._demo_new_order(key, "ningbo", [("pump", 10)]))
        complaint = self._as("service", self.env["sale.customer.complaint"]).create(
            {
                "subject": "Two pumps leak at the flange",
                "partner_id": order.partner_id.id,
                "order_id": order.id,
                "picking_id": order.picking_ids[:1].id,
                "product_ids": [Command.set(self._product("pump").ids)],
                "category": "quality",
                "severity": "high",
                "channel": "phone",
            }
        )
        self._tick(50)
        complaint.action_acknowledge()
        self._tick(4)
        complaint.write({"department_id": self._department("quality").id})
        complaint.action_transfer_department()
        self._tick(2)
        complaint.action_investigate()
        self._tick(20)
        action = complaint.action_create_return()
        wizard = self._as("service", self.env[action["res_model"]]).browse(
            action["res_id"]
        )
        wizard.operation_id = self.env.ref("rma.rma_operation_replace")
        wizard.line_ids.quantity = 2
        wizard.action_create_rma()
        self._tick(6)
        receipt = complaint.rma_ids.reception_move_id.picking_id
        receipt = self._as("warehouse", receipt)
        receipt.move_ids.quantity = 2
        receipt.move_ids.picked = True
        receipt.with_context(skip_sms=True).button_validate()
        self._tick(72)
        return order

    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # sale_order_governance (C7): an order changed through an approved
    # change request and one cancelled through an approved cancel request,
    # each filed by the salesperson and approved in turn by the sales head
    # (and the general manager for the cancellation)
    # ------------------------------------------------------------------

    def _demo_order_changed(self, key):
        """Confirmed, then the customer wants more motors two weeks later."""
        order = self._demo_new_order(key, "ningbo", [("motor", 4), ("filter", 8)])
        self._confirm(self._to_date_confirmed(order, 18))
        line = order.order_line.filtered(lambda sol: not sol.display_type)[:1]
        request = self._as("sales", self.env["sale.order.change.request"]).create(
            {
                "order_id": order.id,
                "reason": "The customer adds two motors for a second crane and "
                "needs the delivery two weeks later.",
                "new_commitment_date": order.commitment_date + timedelta(days=14),
                "line_ids": [
                    Command.create(
                        {
                            "order_line_id": line.id,
                            "new_qty": line.product_uom_qty + 2,
                        }
                    )
                ],
            }
        )
        self._tick(24 * 5)
        self._as("sales", request).request_validation()
        self._tick(1)
        self._as("saleshead", request).validate_tier()
        self._tick(7)
        self._as("sales", request).action_apply()
        self._tick(2)
        self._demo_register(f"{key}_request", request)
        return order

    def _demo_order_cancelled(self, key):
        """Confirmed, then withdrawn by the customer before anything left."""
        order = self._demo_new_order(key, "suzhou", [("pump", 5)])
        self._confirm(self._to_date_confirmed(order, 25))
        request = self._as("sales", self.env["sale.order.cancel.request"]).create(
            {
                "order_id": order.id,
                "reason_id": self.env.ref(
                    "sale_order_governance.cancel_reason_customer_withdrawn"
                ).id,
                "reason": "The customer's project was stopped.",
            }
        )
        self._tick(24 * 3)
        self._as("sales", request).request_validation()
        self._tick(1)
        self._as("saleshead", request).validate_tier()
        self._tick(5)
        self._as("gm", request).validate_tier()
        self._tick(16)
        self._as("sales", request).action_apply()
        self._tick(1)
        self._demo_register(f"{key}_request", request)
        return order
