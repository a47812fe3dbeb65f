# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.tests import Form, tagged
from odoo.tools import SQL

from odoo.addons.order_handling_dashboard.tests.common import (
    DashboardCommon,
    KpiKnownDatesCommon,
)

RATES = [
    "shipped_count:sum",
    "supply_accuracy:avg",
    "complaint_rate:avg",
    "return_rate:avg",
]


@tagged("post_install", "-at_install")
class TestOrderKpiCare(DashboardCommon):
    """R11.1: supply accuracy (供货正确率), complaint and return rates of the
    shipped orders, from the complaints and returns of sale_customer_care."""

    def _return(self, complaint):
        """A refund return (rma) of one unit, made from the complaint."""
        action = complaint.with_user(self.users["service"]).action_create_return()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.users["service"])
            .browse(action["res_id"])
        )
        with Form(wizard) as form:
            form.operation_id = self.env.ref("rma.rma_operation_refund")
            with form.line_ids.edit(0) as line:
                line.quantity = 1
        wizard.action_create_rma()
        rma = complaint.rma_ids
        self.assertEqual(rma.order_id, complaint.order_id)
        # received back: the order is fully delivered again (a pending
        # receipt leaves it partially delivered, not shipped for the KPIs)
        receipt = rma.reception_move_id.picking_id.sudo()
        receipt.move_ids.quantity = 1
        receipt.move_ids.picked = True
        receipt.button_validate()
        self.assertEqual(complaint.order_id.delivery_status, "full")
        return rma

    def test_supply_complaint_and_return_rates(self):
        # wrong goods: not supplied correctly
        wrong = self._shipped_order()
        self._complaint(wrong, category="wrong_item")
        # a quality complaint and a return: supplied correctly, returned
        returned = self._shipped_order()
        self._return(self._complaint(returned, category="quality"))
        # shipped, nothing to say
        fine = self._shipped_order()
        # not shipped: counts in none of the rates
        open_order = self._replied_order()
        orders = wrong | returned | fine | open_order
        Kpi = self.env["order.handling.kpi.order"].with_user(self.users["manager"])
        rows = {
            row.order_id: row for row in Kpi.search([("order_id", "in", orders.ids)])
        }
        self.assertEqual(
            [
                (
                    rows[o].complaint_count,
                    rows[o].wrong_item_count,
                    rows[o].correct_supply_count,
                    rows[o].returned_count,
                )
                for o in (wrong, returned, fine, open_order)
            ],
            [(1, 1, 0, 0), (1, 0, 1, 1), (0, 0, 1, 0), (0, 0, 0, 0)],
        )
        self.assertFalse(rows[open_order].supply_accuracy)
        [values] = Kpi._read_group([("order_id", "in", orders.ids)], [], RATES)
        result = dict(zip(RATES, values, strict=True))
        self.assertEqual(result["shipped_count:sum"], 3)
        self.assertAlmostEqual(result["supply_accuracy:avg"], 200.0 / 3)
        self.assertAlmostEqual(result["complaint_rate:avg"], 200.0 / 3)
        self.assertAlmostEqual(result["return_rate:avg"], 100.0 / 3)
        # the filter of the search view and the drill-down to the complaints
        self.assertEqual(
            Kpi.search(
                [("order_id", "in", orders.ids), ("complaint_count", "=", 1)]
            ).order_id,
            wrong | returned,
        )
        action = Kpi.browse([rows[o].id for o in orders]).action_open_complaints()
        complaints = self.env["sale.customer.complaint"].search(action["domain"])
        self.assertEqual(complaints.order_id, wrong | returned)
        action = self.env.ref(
            "order_handling_dashboard_care.order_handling_kpi_order_action_server_complaints"
        )
        self.assertEqual(action.binding_model_id.model, "order.handling.kpi.order")

    def test_grouped_read_query_count(self):
        """The care measures join by indexed order keys: a grouped read by
        month is still one query."""
        self._complaint(self._shipped_order(), category="wrong_item")
        Kpi = self.env["order.handling.kpi.order"].with_user(self.users["manager"])
        args = ([], ["month_shipped:month"], RATES)
        Kpi._read_group(*args)
        with self.assertQueryCount(1):
            Kpi._read_group(*args)
        self.env.cr.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = 'rma_order_id_kpi_index'"
        )
        self.assertTrue(self.env.cr.fetchone())

    def test_overdue_complaint(self):
        complaint = self._complaint(self._shipped_order())
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE sale_customer_complaint SET sla_deadline = %s WHERE id = %s",
                self.env.cr.now() - timedelta(hours=5),
                complaint.id,
            )
        )
        Overdue = self.env["order.handling.overdue.report"].with_user(
            self.users["manager"]
        )
        row = Overdue.search(
            [("kind", "=", "sale.customer.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(row.order_id, complaint.order_id)
        self.assertEqual(
            row.department_id,
            complaint.department_id or self.departments["customer_service"],
        )
        self.assertAlmostEqual(row.overdue_hours, 5.0, delta=0.1)
        self.assertEqual(row.id % 8, 5)

    def test_monthly_summary_and_board(self):
        shipped = self._shipped_order()
        self._complaint(shipped, category="wrong_item")
        wizard = (
            self.env["order.handling.monthly.summary"]
            .with_user(self.users["manager"])
            .create({})
        )
        summary = wizard._get_summary()
        self.assertEqual(summary["shipped"]["supply_accuracy:avg"], 0.0)
        self.assertEqual(summary["shipped"]["complaint_rate:avg"], 100.0)
        self.assertEqual(summary["shipped"]["return_rate:avg"], 0.0)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["manager"])
            ._render_qweb_html(
                "order_handling_dashboard.report_monthly_summary", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn("Supply accuracy (%)", html)
        self.assertIn("Return rate (%)", html)
        boxes = self._board_actions()
        title = "Supply Accuracy by Shipped Month (%)"
        self.assertIn(title, boxes)
        self.assertIn("supply_accuracy", boxes[title][1].get("context"))
        self.assertEqual(boxes[title][1].get("view_mode"), "graph")


@tagged("post_install", "-at_install")
class TestKpiKnownDatesCare(KpiKnownDatesCommon):
    def test_supply_accuracy_known_dates(self):
        """The orders of the dashboard's known-dates test; the late one got
        wrong goods (Shanghai months)."""
        on_time = self._order(
            received="2025-01-31 20:00:00",
            replied="2025-02-02 08:00:00",
            commitment="2025-02-09 16:00:00",
            shipped="2025-02-10 01:00:00",
        )
        late = self._order(
            received="2025-02-14 02:00:00",
            replied="2025-02-14 14:00:00",
            commitment="2025-02-19 16:00:00",
            shipped="2025-02-21 03:00:00",
            returned=True,
        )
        self._complaint(late, category="wrong_item")
        march = self._order(
            received="2025-03-03 00:00:00",
            replied="2025-03-03 06:00:00",
            commitment="2025-03-09 16:00:00",
            shipped="2025-03-05 00:00:00",
        )
        # delivered before it was received: not shipped for the KPIs
        before = self._order(
            received="2025-03-10 00:00:00",
            replied="2025-03-09 00:00:00",
            commitment="2025-03-11 16:00:00",
            shipped="2025-03-08 12:00:00",
        )
        self._complaint(before, category="wrong_item")
        orders = on_time | late | march | before
        Kpi = self.Kpi.with_user(self.users["manager"])
        measures = ["supply_accuracy:avg", "complaint_rate:avg", "wrong_item_count:sum"]
        domain = [("order_id", "in", orders.ids)]
        by_month = {
            month: dict(zip(measures, values, strict=True))
            for month, *values in Kpi._read_group(
                domain, ["month_shipped:month"], measures
            )
        }
        feb, mar = by_month[date(2025, 2, 1)], by_month[date(2025, 3, 1)]
        self.assertAlmostEqual(feb["supply_accuracy:avg"], 50.0)
        self.assertAlmostEqual(feb["complaint_rate:avg"], 50.0)
        self.assertAlmostEqual(mar["supply_accuracy:avg"], 100.0)
        # the complaint of the order never shipped (for the KPIs) counts nowhere
        self.assertEqual(mar["wrong_item_count:sum"], 0)
        [both] = Kpi._read_group(domain, [], measures)
        self.assertAlmostEqual(both[0], 200.0 / 3)
        self.assertAlmostEqual(both[1], 100.0 / 3)
        self.assertEqual(
            self._raw(self.Kpi._name, late, "supply_accuracy", "complaint_rate"),
            (0.0, 100.0),
        )
        self.assertEqual(
            self._raw(self.Kpi._name, before, "supply_accuracy", "complaint_rate"),
            (None, None),
        )
