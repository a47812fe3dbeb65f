# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One rule per button (issue 17) with MRP: the workshop's buttons of a
notice tied to work orders follow the notice's rule; the work orders
finish the step as the server, whoever finishes them."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .test_followup_mrp import FollowupMrpCommon


@tagged("post_install", "-at_install")
class TestFollowupMrpButtons(FollowupMrpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operator = new_test_user(
            cls.env,
            "oh_fu_mrp_operator",
            groups="mrp.group_mrp_user,order_handling_base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def test_r5_6_mrp_work_orders_finish_the_step_by_the_rule(self):
        """R5.6 with MRP: the film workshop may finish its issued notice;
        an operator of the work centre who is not of the workshop may not
        press it, but finishing the work orders finishes the step; then
        the button is gone for the workshop too."""
        order = self._accepted_order()
        production = self._production(order)
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        film, printing, __ = self._notices(order)
        as_film = self._as("film", film)
        self.assertTrue(as_film.can_done)
        as_operator = film.with_user(self.operator)
        self.assertFalse(as_operator.can_done)
        with self.assertRaises(AccessError):
            as_operator.action_done()
        self.assertEqual(film.state, "issued")
        film_wo = production.workorder_ids.filtered(
            lambda wo: wo.workcenter_id == self.film_line
        )
        for workorder in film_wo.with_user(self.operator):
            workorder.button_start()
            workorder.button_finish()
        self.assertEqual(film.state, "done")
        self.assertEqual(printing.state, "issued")
        as_film.invalidate_recordset()
        self.assertFalse(as_film.can_done)
        with self.assertRaisesRegex(UserError, "only an issued notice can be finished"):
            as_film.action_done()
        self.assertTrue(self._as("print", printing).can_done)
