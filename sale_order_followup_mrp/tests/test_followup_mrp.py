# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.sale_order_followup.tests.common import FollowupCommon


class FollowupMrpCommon(FollowupCommon):
    """The follow-up's data with work centres on the printed bags' route
    and a bill of materials with their operations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Workcenter = cls.env["mrp.workcenter"]
        cls.film_line, cls.print_line = Workcenter.create(
            [{"name": "Film blowing line 1"}, {"name": "Gravure press 2"}]
        )
        steps = cls.route_printed.step_ids.sorted()
        steps[0].workcenter_id = cls.film_line
        steps[1].workcenter_id = cls.print_line
        resin = cls.env["product.product"].create({"name": "LD resin", "type": "consu"})
        cls.bom = cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": cls.printed_bag.product_tmpl_id.id,
                "product_qty": 1,
                "bom_line_ids": [
                    Command.create({"product_id": resin.id, "product_qty": 0.01})
                ],
                "operation_ids": [
                    Command.create(
                        {"name": "Blow film", "workcenter_id": cls.film_line.id}
                    ),
                    Command.create(
                        {"name": "Print", "workcenter_id": cls.print_line.id}
                    ),
                ],
            }
        )

    def _production(self, order):
        production = self.env["mrp.production"].create(
            {
                "product_id": self.printed_bag.id,
                "bom_id": self.bom.id,
                "product_qty": 10,
                "origin": order.name,
            }
        )
        production.action_confirm()
        return production

    def _finish(self, workorders):
        for workorder in workorders:
            workorder.button_start()
            workorder.button_finish()


@tagged("post_install", "-at_install")
class TestFollowupMrp(FollowupMrpCommon):
    """R5.6 with MRP: notices tied to manufacturing orders and work
    centres."""

    def test_r5_6_mrp_notice_is_tied_to_work_orders(self):
        """R5.6 with MRP: the notice of a step shows the order's
        manufacturing orders and its work centre's work orders; finishing
        them finishes the step and issues the next notice."""
        order = self._accepted_order()
        production = self._production(order)
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        film, printing, bag = self._notices(order)
        self.assertEqual(film.workcenter_id, self.film_line)
        self.assertEqual(printing.workcenter_id, self.print_line)
        self.assertFalse(bag.workcenter_id)
        self.assertEqual(film.production_ids, production)
        film_wo = production.workorder_ids.filtered(
            lambda wo: wo.workcenter_id == self.film_line
        )
        self.assertEqual(film.workorder_ids, film_wo)
        # a work order of another work centre does not finish the film step
        print_wo = production.workorder_ids - film_wo
        self._finish(print_wo)
        self.assertEqual((film.state, printing.state), ("issued", "waiting"))
        self._finish(film_wo)
        self.assertEqual(film.state, "done")
        # printing's work order was already done: issued and done at once
        self.assertEqual(printing.state, "done")
        self.assertEqual(
            bag.state, "issued", "no work centre: the workshop finishes it"
        )

    def test_r5_6_mrp_other_order_untouched(self):
        """R5.6 with MRP: work orders of another order's manufacturing
        order leave the notices alone."""
        order = self._accepted_order()
        other = self._accepted_order()
        production = self._production(other)
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        film = self._notices(order)[0]
        self.assertFalse(film.production_ids)
        self._finish(production.workorder_ids)
        self.assertEqual(film.state, "issued")
        # a workshop member reads the notice without manufacturing rights
        self.assertEqual(
            film.with_user(self.users["film"]).workcenter_id, self.film_line
        )
