# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from .common import DashboardCommon


@tagged("post_install", "-at_install")
class TestDashboardTour(DashboardCommon, HttpCase):
    """The manager's screens: the dashboard's boxes load, the overdue board
    shows a late transfer slip in its department's column and opens it."""

    def test_manager_reads_dashboard_and_overdue_board(self):
        order = self._replied_order()
        slip = order.transfer_slip_ids.filtered(
            lambda s: s.department_id == self.departments["warehouse"]
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE order_handling_transfer SET sla_deadline = %s WHERE id = %s",
                fields.Datetime.now() - timedelta(hours=3),
                slip.id,
            )
        )
        slip.invalidate_recordset(["sla_deadline"])
        self.start_tour("/odoo", "order_handling_dashboard", login="oh_manager")
