# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
from datetime import timedelta

from odoo.tests import tagged
from odoo.tools import SQL

from .common import DashboardCommon


@tagged("post_install", "-at_install")
class TestOverdueWork(DashboardCommon):
    def _set_deadline(self, records, deadline):
        """Move the SLA deadline (computed when the stage starts) into the
        past, as time passing would."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET sla_deadline = %s WHERE id IN %s",
                SQL.identifier(records._table),
                deadline,
                tuple(records.ids),
            )
        )
        records.invalidate_recordset(["sla_deadline"])

    def test_overdue_per_department(self):
        order = self._accepted_order()
        slips = order.transfer_slip_ids
        warehouse_slip = slips.filtered(
            lambda s: s.department_id == self.departments["warehouse"]
        )
        self.assertTrue(warehouse_slip)
        # the report counts from the transaction's NOW(): the same clock
        past = self.env.cr.now() - timedelta(hours=5)
        self._set_deadline(warehouse_slip, past)
        # the order waiting for its delivery date: production's work
        self._set_deadline(order, past - timedelta(hours=1))

        Overdue = self.env["order.handling.overdue.report"].with_user(
            self.users["manager"]
        )
        rows = Overdue.search([])
        slip_row = rows.filtered(
            lambda r: (
                r.res_model == "order.handling.transfer"
                and r.res_id == warehouse_slip.id
            )
        )
        self.assertEqual(slip_row.department_id, self.departments["warehouse"])
        self.assertEqual(slip_row.manager_id, self.users["warehouse"])
        self.assertEqual(slip_row.order_id, order)
        self.assertAlmostEqual(slip_row.overdue_hours, 5.0, delta=0.1)
        order_row = rows.filtered(
            lambda r: r.res_model == "sale.order" and r.res_id == order.id
        )
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(order_row.department_id, self.departments["production"])
        # the same documents as the SLA mixin's searchable status
        self.assertEqual(
            set(
                rows.filtered(
                    lambda r: r.res_model == "order.handling.transfer"
                ).mapped("res_id")
            ),
            set(
                self.env["order.handling.transfer"]
                .search([("sla_status", "=", "overdue")])
                .ids
            ),
        )
        counts = dict(Overdue._read_group([], ["department_id"], ["nbr:sum"]))
        self.assertEqual(counts[self.departments["warehouse"]], 1)
        self.assertEqual(counts[self.departments["production"]], 1)
        # drill-down to the document
        action = slip_row.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("order.handling.transfer", warehouse_slip.id),
        )
        action = (slip_row | order_row).action_open_documents()
        self.assertEqual(action["res_model"], "order.handling.overdue.report")
        # nothing on time is listed
        on_time = slips - warehouse_slip
        self.assertFalse(
            rows.filtered(
                lambda r: (
                    r.res_model == "order.handling.transfer" and r.res_id in on_time.ids
                )
            )
        )

    def test_dashboard_board_and_actions(self):
        """The board shows an existing action per box, each readable by a
        manager, and the overdue board opens grouped by department (the
        bridges add their boxes: all of them are checked here)."""
        boxes = self._board_actions()
        self.assertGreaterEqual(len(boxes), 6)
        self.assertIn("Logistics Cost per Unit Shipped, by Shipped Month", boxes)
        manager = self.users["manager"]
        for title, (action, node) in boxes.items():
            self.assertTrue(action.exists(), title)
            model = self.env[action.res_model].with_user(manager)
            model.search([], limit=1)
            self.assertIn(node.get("view_mode"), action.view_mode.split(","))
            # every measure of a box is a field of its report
            context = ast.literal_eval(node.get("context"))
            for fname in context.get("pivot_measures", []) + [
                context.get("graph_measure", "id")
            ]:
                self.assertIn(fname, model._fields, title)
        kanban = self.env["order.handling.overdue.report"].get_view(view_type="kanban")
        self.assertIn('default_group_by="department_id"', kanban["arch"])
