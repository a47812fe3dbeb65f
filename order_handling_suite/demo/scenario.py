# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo scenario of the suite: a working company.

``generate(env)`` builds it; ``demo/order_handling_demo.xml`` calls it
through ``res.company._order_handling_demo_scenario`` (a ``<function>`` needs
a model method). The scenario is plain Python, not a model: a database
without demo data has nothing of it. Safe to run again: it adds nothing the
second time.

About thirty orders, each started a fixed number of days before the run
(``ORDERS``) and taken to its stage step by step, the steps dated back in
the order's timeline (``timeline.py``): the dashboard shows cycle times of
hours to days over two months, work past its deadline and archived orders.
"""

from .engineering import DemoEngineering
from .followup import DemoFollowup
from .orders import DemoOrders
from .steps import DemoSteps
from .timeline import DemoTimeline

# (key, method, days before the run the order was entered, pace of its
# steps): ``method(key)`` creates, registers and takes the order to its stage
ORDERS = [
    ("order_returned_signoff", "_demo_order_returned_signoff", 3, 1.0),
    ("order_returned_date", "_demo_order_returned_date", 4, 2.0),
    ("order_submitted", "_demo_order_submitted", 0.5, 1.0),
    ("order_submitted_2", "_demo_order_submitted", 0.1, 0.5),
    ("order_resubmitted", "_demo_order_resubmitted", 6, 1.5),
    ("order_checked", "_demo_order_checked", 2, 1.0),
    ("order_checked_important", "_demo_order_checked_important", 5, 2.0),
    ("order_accepted_review", "_demo_order_accepted", 12, 1.0),
    ("order_accepted_rechecked", "_demo_order_accepted_rechecked", 9, 1.5),
    ("order_urgent_intake", "_demo_order_urgent_intake", 1, 0.5),
    ("order_urgent_production", "_demo_order_urgent_production", 4, 0.4),
    ("order_date_proposed", "_demo_order_date_proposed", 10, 1.2),
    ("order_date_proposed_2", "_demo_order_date_proposed", 15, 2.5),
    ("order_date_confirmed", "_demo_order_date_confirmed", 13, 1.0),
    ("order_date_confirmed_2", "_demo_order_date_confirmed", 18, 3.0),
    ("order_production", "_demo_order_production", 11, 1.5),
    ("order_production_partial", "_demo_order_production_partial", 30, 1.0),
    ("order_production_intel", "_demo_order_production_intel", 8, 0.8),
    ("order_delivered_visited", "_demo_order_delivered_visited", 52, 1.0),
    ("order_delivered_rated", "_demo_order_delivered_rated", 45, 1.8),
    ("order_delivered_visit_planned", "_demo_order_delivered", 24, 0.7),
    ("order_complaint_closed", "_demo_order_complaint_closed", 56, 1.5),
    ("order_complaint_return", "_demo_order_complaint_return", 38, 1.2),
    ("order_review_meeting", "_demo_order_review_meeting", 7, 1.0),
    ("order_review_resolved", "_demo_order_review_resolved", 14, 1.3),
    ("order_plan_requested", "_demo_order_plan_requested", 20, 1.0),
    ("order_plan_agreed", "_demo_order_plan_agreed", 25, 1.2),
    ("order_plan_approved", "_demo_order_plan_approved", 33, 1.0),
    ("order_plan_issued", "_demo_order_plan_issued", 42, 1.2),
    ("order_rejected", "_demo_order_rejected", 17, 1.0),
    ("order_rejected_meeting", "_demo_order_rejected_meeting", 27, 1.0),
]
# sale_order_governance (C7): made only with that addon
GOVERNANCE_ORDERS = [
    ("order_changed", "_demo_order_changed", 35, 1.0),
    ("order_cancelled", "_demo_order_cancelled", 21, 1.0),
]
# completed orders the logistics clerk archives, days before the run
ARCHIVED = [("order_delivered_visited", 3), ("order_delivered_rated", 2)]
# the stock and the earlier deliveries predate every order
SETUP_DAYS = 70


class DemoScenario(DemoOrders, DemoEngineering, DemoFollowup, DemoSteps, DemoTimeline):
    """Builds the demo company of ``make demo``: orders in every stage,
    reviews, product plans, production notices, visits, complaints,
    returns, intelligence reports and sales targets."""

    def generate(self):
        """Create what is missing of the scenario; return the orders by key."""
        # the scenario's orders predate order approvals (sale_order_governance,
        # switched on by its demo data): they are made with the switch off,
        # which is put back afterwards, so new quotations wait for approval
        company = self.env.company
        approvals = company._fields.get("sale_order_approval") and (
            company.sale_order_approval
        )
        if approvals:
            company.sale_order_approval = False
        self._clock_start(SETUP_DAYS)
        self._demo_setup()
        orders = {}
        for key, method, days, pace in self._demo_order_scenarios():
            orders[key] = self._demo_ref(key) or self._demo_run(key, method, days, pace)
        self._demo_followup(orders)
        self._demo_intelligence(orders)
        self._demo_targets()
        self._demo_archive(orders)
        self._clock_finish()
        if approvals:
            company.sale_order_approval = True
        return orders

    def _demo_order_scenarios(self):
        """Hook: ``(key, method, days, pace)`` of each order of the scenario,
        in the order they are made (``ORDERS``)."""
        scenarios = list(ORDERS)
        if "sale.order.change.request" in self.env:
            scenarios += GOVERNANCE_ORDERS
        return scenarios

    def _demo_run(self, key, method, days, pace):
        """The order of ``key`` in its own timeline."""
        self._clock_start(days, pace)
        order = getattr(self, method)(key)
        self._clock_tick(0)
        self._clock_shift_planned(order)
        return order

    def _demo_archive(self, orders):
        """The logistics clerk archives completed orders (R7.6)."""
        if "sale.order.archive" not in self.env:
            return
        for key, days in ARCHIVED:
            order = orders[key]
            if order.governance_archive_id:
                continue
            self._clock_start(days)
            self._as("clerk", order)._governance_archive()
            self._tick(0)


def generate(env):
    """Build the demo scenario in ``env``'s company; the orders by key."""
    return DemoScenario(env).generate()
