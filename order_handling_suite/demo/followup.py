# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The production follow-up of the demo scenario (R5.6, sale_order_followup):
the company switches the follow-up on, the clerk has the customers confirm
the specification sheets of the accepted orders with a hydraulic motor (the
route of ``sale_order_followup/demo``: machining, seal kits bought in,
assembly and test), the notices go to the workshops in turn and the
workshop works on them. Each step is followed by ``_tick`` (see
``timeline.py``)."""

from odoo import fields

# (order key, days before the run its sheets were confirmed, how far its
# notices got): "issued" the machining notice waits for the workshop,
# "started" the workshop is machining, "bought" machined and the seal kits
# are requested, "assembly" the seal kits arrived and assembly is started
FOLLOWED_UP = [
    ("order_production", 6, "assembly"),
    ("order_accepted_rechecked", 4, "bought"),
    ("order_date_proposed_2", 3, "started"),
    ("order_date_proposed", 1, "issued"),
]
PROGRESS = ["issued", "started", "bought", "assembly"]
SPEC = {
    "material_form": "Housing cast iron EN-GJL-250, output shaft 42CrMo4, "
    "SAE 2-bolt flange, keyed shaft end",
    "colour": "RAL 5015 sky blue",
    "confirmation_method": "written",
    "note": "Confirmed by e-mail with the customer's drawing revision B.",
}


class DemoFollowup:
    """The production notices of ``DemoScenario`` (sale_order_followup)."""

    def _demo_followup(self, orders):
        """Switch the follow-up on (the manager's setting) and follow the
        orders of ``FOLLOWED_UP`` through production."""
        if "sale.followup.notice" not in self.env:
            return
        route = self.env.ref(
            "sale_order_followup.route_hydraulic_motors", raise_if_not_found=False
        )
        if not route:
            return
        company = self.env.company
        if not company.followup_enabled:
            company.followup_enabled = True
        for key, days, progress in FOLLOWED_UP:
            order = orders.get(key)
            if not order or order.followup_notice_ids:
                continue
            self._clock_start(days)
            self._demo_followup_order(order, PROGRESS.index(progress))
            self._tick(0)

    def _demo_followup_order(self, order, progress):
        """The clerk prepares and records the customer's confirmation of the
        sheets (the notices are issued), then the workshops and the clerk
        take the notices ``progress`` steps further."""
        self._as("clerk", order).action_followup_prepare_specs()
        specs = order.followup_spec_ids.filtered(lambda s: s.state == "draft")
        self._as("clerk", specs).write(
            dict(
                SPEC,
                confirmed_partner_id=order.partner_id.id,
                confirmed_date=fields.Date.context_today(order),
            )
        )
        self._tick(3)
        self._as("clerk", specs).action_confirm_customer()
        self._tick(2)
        notices = order.followup_notice_ids.sorted("step_index")
        machining, seals, assembly = notices[0], notices[1], notices[2]
        if progress >= 1:
            self._as("workshop", machining).action_start()
            self._tick(6)
        if progress >= 2:
            self._as("workshop", machining).action_done()
            self._tick(10)
        if progress >= 3:
            self._as("clerk", seals).action_receive_material()
            self._tick(4)
            self._as("workshop", assembly).action_start()
            self._tick(1)
