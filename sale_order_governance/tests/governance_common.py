# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.sale_order_intake.tests.common import ConfirmedOrderCommon


class GovernanceCommon(ConfirmedOrderCommon):
    """Confirmed orders with stock and transfer slips, for the change and
    cancel requests (the fixture sale_order_archive's tests share); the
    company confirms without the intake workflow unless a test turns it on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the regulation of changes and cancellations by request (off on
        # installation)
        cls.company.sale_order_change_control = True
        cls.reason_customer = cls.env.ref(
            "sale_order_governance.cancel_reason_customer_withdrawn"
        )
