# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the received date moved here from order_handling_dashboard.
A database that had the dashboard keeps its values (the column stays);
one that had intake alone gets them from the stage log."""

from odoo import SUPERUSER_ID, api

from odoo.addons.sale_order_intake.hooks import fill_received_dates


def migrate(cr, version):
    if version:
        fill_received_dates(api.Environment(cr, SUPERUSER_ID, {}))
