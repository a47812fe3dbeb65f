# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.sale_order_intake.tests.common import ConfirmedOrderCommon


class ArchiveOrderCommon(ConfirmedOrderCommon):
    """Confirmed orders with stock and transfer slips, to complete and
    archive (the fixture sale_order_governance's tests share); the company
    confirms without the intake workflow unless a test turns it on."""
