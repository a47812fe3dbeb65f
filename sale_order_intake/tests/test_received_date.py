# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from ..hooks import fill_received_dates
from .common import IntakeCommon


@tagged("post_install", "-at_install")
class TestReceivedDate(IntakeCommon):
    """The received date starts the cycle-time KPIs (R11.1): the first time
    sales hands the order to logistics."""

    def test_received_date_is_the_first_submission(self):
        order = self._new_order()
        self.assertFalse(order.intake_received_date)
        order.with_user(self.users["sales"]).action_intake_submit()
        received = order.intake_received_date
        self.assertEqual(received, order.intake_submitted_date)
        # written by the intake actions only, not by the order's salesperson
        with self.assertRaisesRegex(UserError, "Received On"):
            order.with_user(self.users["sales"]).write(
                {"intake_received_date": fields.Datetime.now()}
            )
        # a later submission (after a return) keeps the first one
        order.sudo().write({"intake_submitted_date": received + timedelta(days=1)})
        self.assertEqual(order.intake_received_date, received)

    def test_upgrade_fills_received_dates(self):
        """Orders submitted before the field was intake's (the migration to
        18.0.1.1.0) get their first submission from the stage log."""
        order = self._new_order()
        order.with_user(self.users["sales"]).action_intake_submit()
        [first_log] = order.stage_log_ids.filtered(lambda log: log.stage == "submitted")
        order.sudo().write({"intake_received_date": False})
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE order_handling_stage_log SET date_start = %s WHERE id = %s",
                first_log.date_start - timedelta(days=2),
                first_log.id,
            )
        )
        fill_received_dates(self.env)
        order.invalidate_recordset(["intake_received_date"])
        self.assertEqual(
            order.intake_received_date, first_log.date_start - timedelta(days=2)
        )
