# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The non-regular orders of the demo scenario: review meetings and product
plans (C3, C4); order intelligence (C9) and sales targets (C10). Each step
is followed by ``_tick``: how many hours after the previous step it
happened (see ``timeline.py``)."""

import base64
from datetime import timedelta

from odoo import Command, fields

from .steps import ASSESSED, OPINION_ROLES


class DemoEngineering:
    """Review meetings, product plans, intelligence and targets of
    ``DemoScenario``."""

    # ------------------------------------------------------------------
    # Non-regular orders: review meetings and product plans (C3, C4)
    # ------------------------------------------------------------------

    def _non_regular(self, key, customer, product="valve", qty=4, change=None):
        """Accepted and transferred to engineering: a product never shipped,
        or a customer change on a regular one."""
        line_vals = (
            {"intake_customer_change": True, "intake_customer_change_note": change}
            if change
            else {}
        )
        order = self._demo_new_order(
            key, customer, [(product, qty, line_vals)], days=60
        )
        self._accept(self._check(self._submit(order)))
        self._handle_slips(order)
        return order

    def _meeting(self, order, make="make", what=None, resolve=True):
        """The engineering supervisor calls a review meeting; each invited
        department gives its opinion; the resolution is recorded (R3.2)."""
        review = self._as("engineering", order.current_review_id)
        review.write(ASSESSED)
        action = review.action_call_meeting()
        self._tick(20)
        Meeting = self.env["sale.order.review.meeting"]
        meeting = self._as("engineering", Meeting.browse(action["res_id"]))
        meeting.write(
            {
                # dated a day after it was called (``timeline.py``)
                "date_start": fields.Datetime.now().replace(minute=0, second=0)
                + timedelta(days=1, hours=2),
                "department_ids": [
                    Command.set(
                        self.env["order.handling.department"]
                        ._get_by_code(list(OPINION_ROLES))
                        .ids
                    )
                ],
                "attendee_ids": [Command.link(self._user("process").id)],
            }
        )
        meeting.action_schedule()
        self._tick(30)
        opinions = {
            "engineering": ("agree", "Feasible with a new casting."),
            "quality": ("conditions", "Needs a new inspection standard."),
            "production": ("agree", "Fits into week 3 of next month."),
            "purchasing": (
                "conditions" if make == "make" else "disagree",
                "Stainless castings take six weeks to source.",
            ),
        }
        for code, role in OPINION_ROLES.items():
            position, text = opinions[code]
            self._as(role, self.env["sale.order.review.opinion"]).create(
                {
                    "meeting_id": meeting.id,
                    "department_id": self._department(code).id,
                    "position": position,
                    "opinion": text,
                }
            )
            self._tick(3)
        if resolve:
            meeting.write({"make": make, "what_to_make": what})
            meeting.action_resolve()
            self._tick(12)
        return meeting

    def _plan(self, order):
        return order.plan_ids[:1]

    def _plan_to_draft(self, key, customer, product, change=None):
        """The review meeting resolves to make the product and the general
        manager approves the resolution: a product plan is drafted (R3.3),
        which engineering completes and the general manager approves later."""
        order = self._non_regular(key, customer, product, change=change)
        meeting = self._meeting(
            order,
            what="%s in stainless steel, as drawn by the customer."
            % self._product(product).display_name,
        )
        self._as("gm", meeting).action_approve_resolution()
        self._tick(20)
        plan = self._as("engineering", self._plan(order))
        plan.write(
            {
                "solution": "<p>Stainless body, new casting mould, pressure test at "
                "1.5 times the working pressure.</p>",
                "process_engineer_id": self._user("process").id,
            }
        )
        self._tick(30)
        return order, plan

    def _demo_order_review_meeting(self, key):
        """In a review meeting: opinions given, resolution to record."""
        order = self._non_regular(key, "shanghai", "manifold", qty=2)
        self._meeting(order, resolve=False)
        return order

    def _demo_order_review_resolved(self, key):
        """Resolution recorded, waiting for the general manager."""
        order = self._non_regular(key, "suzhou", "pump", qty=25, change="Viton seals")
        self._meeting(order, what="GP-20 with Viton seals.")
        return order

    def _demo_order_plan_requested(self, key):
        """Product plan sent for approval: the sales head is to agree."""
        order, plan = self._plan_to_draft(key, "ningbo", "cylinder")
        plan.request_validation()
        self._tick(2)
        return order

    def _demo_order_plan_agreed(self, key):
        """The sales head agreed; the general manager is to approve."""
        order, plan = self._plan_to_draft(
            key, "acme", "motor", change="Flange to DIN 3015"
        )
        plan.request_validation()
        self._tick(2)
        self._as("saleshead", plan).validate_tier()
        self._tick(9)
        return order

    def _approve_plan(self, plan):
        plan.request_validation()
        self._tick(2)
        self._as("saleshead", plan).validate_tier()
        self._tick(16)
        self._as("gm", plan).validate_tier()
        self._tick(20)
        plan.invalidate_recordset()
        plan.action_approve()
        self._tick(3)
        return plan

    def _demo_order_plan_approved(self, key):
        """Approved: engineering works on the technical package."""
        order, plan = self._plan_to_draft(key, "suzhou", "manifold")
        self._approve_plan(plan)
        self._package(plan, limit=2)
        return order

    def _demo_order_plan_issued(self, key):
        """Package complete and issued to purchasing, quality, production and
        general office; the rollout is logged, the date replied and the
        order confirmed (R4.2-R4.5)."""
        order, plan = self._plan_to_draft(key, "shanghai", "valve")
        self._approve_plan(plan)
        self._package(plan)
        plan.action_issue()
        self._tick(24)
        self._as("process", self.env["sale.engineering.plan.followup"]).create(
            {
                "plan_id": plan.id,
                "department_id": self._department("production").id,
                "note": "Casting mould ordered; first article in week 2.",
                "progress": 30,
            }
        )
        self._tick(40)
        self._propose_date(order, 56)
        self._reply_date(order)
        return self._confirm(order)

    def _package(self, plan, limit=None):
        """Engineering attaches the documents of the technical package and
        marks them done; with MRP the BOM deliverable gets a real BOM."""
        engineer = self._user("engineering")
        deliverables = plan.deliverable_ids.filtered(lambda d: d.state == "todo")
        for deliverable in deliverables[:limit] if limit else deliverables:
            deliverable = deliverable.with_user(engineer)
            if deliverable._fields.get("is_bom") and deliverable.is_bom:
                # the engineering supervisor creates the BOM as themselves
                # (sale_engineering_plan_mrp gives the role BOM rights)
                deliverable.action_create_bom()
            else:
                name = f"{deliverable.type_id.name} - {plan.name}.txt"
                attachment = (
                    self.env["ir.attachment"]
                    .with_user(engineer)
                    .create(
                        {
                            "name": name,
                            "datas": base64.b64encode(
                                f"{deliverable.type_id.name}\n{plan.title}\n".encode()
                            ),
                            "res_model": deliverable._name,
                            "res_id": deliverable.id,
                        }
                    )
                )
                deliverable.write({"attachment_ids": [Command.link(attachment.id)]})
            deliverable.action_done()
            self._tick(14)
        return plan

    def _demo_order_rejected(self, key):
        """The workshop rejects the order at review: sales is told why."""
        order = self._demo_new_order(key, "acme", [("motor", 120)], days=10)
        self._accept(self._check(self._submit(order)))
        return self._review(
            order,
            "reject",
            capacity="not_ok",
            comments="120 motors in ten days exceed our capacity.",
        )

    def _demo_order_rejected_meeting(self, key):
        """The review meeting resolves not to make the product; the general
        manager's approval rejects the order (R3.3)."""
        order = self._non_regular(
            key, "ningbo", "cylinder", qty=1, change="Stroke 2.5 m"
        )
        meeting = self._meeting(
            order,
            make="not_make",
            what="A 2.5 m stroke is beyond our tooling.",
        )
        self._as("gm", meeting).action_approve_resolution()
        self._tick(20)
        return order

    # ------------------------------------------------------------------

    # Order intelligence (C9) and sales targets (C10)
    # ------------------------------------------------------------------

    def _demo_intel_report(
        self, key, title, intel_type, customer, amount, content, days=None
    ):
        """An intelligence report filed by the salesperson; ``(report, new)``.
        With ``days``, filed that many days ago (otherwise in the timeline of
        the current order)."""
        report = self._demo_ref(key)
        if report:
            return report, False
        if days is not None:
            self._clock_start(days)
        report = self._as("sales", self.env["sale.intel.report"]).create(
            {
                "title": title,
                "intel_type": intel_type,
                "partner_id": self._customer(customer).id,
                "region": "East China",
                "channel_id": self.env.ref(
                    "sale_order_intel.sale_intel_channel_visit"
                ).id,
                "expected_amount": amount,
                "content": content,
            }
        )
        self._tick(0)
        return self._demo_register(key, report), True

    def _demo_evaluate(self, report, grade, valuable, comment):
        """Submitted by its reporter, evaluated by marketing planning; a
        valuable report earns the information fee (R9.3, R9.4)."""
        self._as("sales", report).action_submit()
        self._tick(20)
        marketing = self._as("marketing", report)
        marketing.write(
            {"grade": grade, "is_valuable": valuable, "evaluation_comment": comment}
        )
        marketing.action_evaluate()
        self._tick(30)
        return report

    def _demo_order_production_intel(self, key):
        """An order won from an intelligence report: confirming it marks the
        report won and rewards the reporter (R9.4)."""
        report, new = self._demo_intel_report(
            "intel_won",
            "Acme retools its assembly line",
            "order_lead",
            "acme",
            15000.0,
            "<p>Motors and filters for the new line.</p>",
        )
        if new:
            self._demo_evaluate(report, "a", True, "Order expected this quarter.")
        order = self._demo_new_order(
            key,
            "acme",
            [("motor", 12), ("filter", 24)],
            intel_report_id=report.id,
        )
        return self._confirm(self._to_date_confirmed(order, 20))

    def _demo_intelligence(self, orders):
        """Intelligence reports in each state, with rewards: an information
        fee approved and paid; a marketing plan under way; a lost lead."""
        self._demo_intel_report(
            "intel_draft",
            "Competitor opens a service point in Wuxi",
            "competitor_product",
            "suzhou",
            0.0,
            "<p>Heard from the customer's maintenance team.</p>",
            days=6,
        )
        report, new = self._demo_intel_report(
            "intel_submitted",
            "Harbour crane retrofit programme",
            "customer_need",
            "ningbo",
            80000.0,
            "<p>Ten cranes to be retrofitted next year.</p>",
            days=9,
        )
        if new:
            self._as("sales", report).action_submit()
            self._tick(2)
        report, new = self._demo_intel_report(
            "intel_fee_paid",
            "Tractor maker doubles hydraulics volume",
            "order_lead",
            "suzhou",
            120000.0,
            "<p>New tractor line from the third quarter.</p>",
            days=40,
        )
        if new:
            self._demo_evaluate(report, "a", True, "Two sources agree.")
            fee = self._as("marketing", report.reward_ids)
            if fee.validation_status == "no":
                fee.request_validation()
            self._tick(2)
            fee.validate_tier()
            fee.action_approve()
            self._tick(50)
            fee.action_mark_paid()
            self._tick(1)
        report, new = self._demo_intel_report(
            "intel_plan",
            "Competitor raises pump prices by 8%",
            "competitor_price",
            "shanghai",
            60000.0,
            "<p>Seen in a quotation the customer showed us.</p>",
            days=30,
        )
        if new:
            self._demo_evaluate(report, "b", True, "An opening for GP-20.")
            action = self._as("marketing", report).action_create_plan()
            plan = self._as("marketing", self.env["sale.intel.plan"]).browse(
                action["res_id"]
            )
            today = fields.Date.context_today(self.env.user)
            plan.write(
                {
                    "team_id": self._team().id,
                    "date_start": today,
                    "date_end": today + timedelta(days=60),
                }
            )
            plan.action_start()
            self._tick(4)
        report, new = self._demo_intel_report(
            "intel_lost",
            "Crane maker tenders cylinders",
            "order_lead",
            "ningbo",
            40000.0,
            "<p>Public tender, deadline next month.</p>",
            days=22,
        )
        if new:
            self._demo_evaluate(report, "c", True, "Worth a quotation.")
            marketing = self._as("marketing", report)
            marketing.lost_reason = "The tender went to a local maker."
            marketing.action_mark_lost()
            self._tick(1)

    def _demo_targets(self):
        """This year's targets of the team and the salesperson, confirmed by
        the sales head; the actuals come from the confirmed orders."""
        year_start = fields.Date.context_today(self.env.user).replace(month=1, day=1)
        Target = self._as("saleshead", self.env["sale.target"])
        for key, vals in [
            (
                "target_team",
                {"scope": "team", "team_id": self._team().id, "amount": 1200000.0},
            ),
            (
                "target_sales",
                {
                    "scope": "user",
                    "user_id": self._user("sales").id,
                    "team_id": self._team().id,
                    "amount": 600000.0,
                },
            ),
        ]:
            if self._demo_ref(key):
                continue
            target = Target.create(dict(vals, date_from=year_start))
            self._demo_register(key, target)
            target.action_confirm()
