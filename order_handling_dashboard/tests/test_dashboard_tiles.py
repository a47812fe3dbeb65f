# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The tiles row of the dashboard (issue 20, item 5; R11.1, R11.2): each
figure on orders whose dates are known, the queries of one call, who may
call it and what they count, and the lists the tiles open."""

from datetime import timedelta

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from .common import KpiKnownDatesCommon


@tagged("post_install", "-at_install")
class TestDashboardTiles(KpiKnownDatesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Dashboard = cls.env["order.handling.dashboard"]

    def _ago(self, days, hours=0):
        return (
            fields.Datetime.now().replace(microsecond=0)
            - timedelta(days=days, hours=hours)
        ).isoformat(" ")

    def _tiles(self, user="manager", **context):
        tiles = (
            self.Dashboard.with_user(self.users[user])
            .with_context(**context)
            .get_tiles()
        )
        return {tile["key"]: tile for tile in tiles}

    def _known_orders(self):
        """Two orders shipped in the last 30 days (one on time, one late and
        returned to sales once), one shipped two months ago (late, outside
        the period, and completed by logistics), and three orders on their
        way: submitted, accepted, dated. A shipped order stays open at
        intake (date confirmed) until logistics completes it."""
        self._order(
            received=self._ago(10),
            replied=self._ago(9),
            commitment=self._ago(3),
            shipped=self._ago(4),
        )
        self._order(
            received=self._ago(8),
            replied=self._ago(7),
            commitment=self._ago(5),
            shipped=self._ago(2),
            returned=True,
        )
        old = self._order(
            received=self._ago(60),
            replied=self._ago(59),
            commitment=self._ago(55),
            shipped=self._ago(50),
            returned=True,
        )
        old.with_user(self.users["clerk"]).action_intake_complete()
        self.assertEqual(old.intake_stage, "done")
        submitted = self._create_order(self.users["sales"])
        submitted.with_user(self.users["sales"]).action_intake_submit()
        accepted = self._accepted_order()
        dated = self._replied_order()
        return submitted, accepted, dated

    def _set_deadline(self, records, deadline):
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

    def test_tile_values_on_known_orders(self):
        """R11.1 / R11.2: open orders per stage, overdue work, on-time
        delivery and first-pass accuracy of the last 30 days."""
        submitted, accepted, dated = self._known_orders()
        self.assertEqual(
            (submitted.intake_stage, accepted.intake_stage, dated.intake_stage),
            ("submitted", "accepted", "date_confirmed"),
        )
        slip = accepted.transfer_slip_ids[:1]
        self._set_deadline(slip, self.env.cr.now() - timedelta(hours=2))
        tiles = self._tiles()

        open_orders = tiles["open_orders"]
        # the two shipped in the last 30 days wait for completion
        self.assertEqual(open_orders["value"], 5)
        self.assertEqual(
            {item["key"]: item["value"] for item in open_orders["items"]},
            {
                "submitted": 1,
                "returned": 0,
                "checked": 0,
                "accepted": 1,
                "date_proposed": 0,
                "date_confirmed": 3,
            },
        )
        self.assertEqual(tiles["overdue"]["value"], 1)
        self.assertEqual(tiles["overdue"]["tone"], "danger")
        # 1 of the 2 orders shipped in the last 30 days on its day; the
        # order shipped 50 days ago (late) is not counted
        self.assertEqual(tiles["on_time"]["value"], 50.0)
        self.assertEqual(tiles["on_time"]["unit"], "%")
        self.assertIn("1 of 2", tiles["on_time"]["description"])
        # received in the last 30 days and checked: the two shipped orders
        # (one returned to sales) and the accepted and dated ones
        self.assertEqual(tiles["first_pass"]["value"], 75.0)
        self.assertIn("3 of 4", tiles["first_pass"]["description"])
        self.assertEqual(tiles["approvals_to_do"]["value"], 0)
        # in the order of the row
        self.assertEqual(
            list(tiles)[:5],
            ["open_orders", "overdue", "on_time", "first_pass", "approvals_to_do"],
        )

    def test_no_data_is_no_rate(self):
        """A database without shipments shows no rate, not 0 % nor 100 %."""
        tiles = self._tiles()
        self.assertIsNone(tiles["on_time"]["value"])
        self.assertIsNone(tiles["first_pass"]["value"])
        self.assertEqual(tiles["on_time"]["tone"], "muted")
        self.assertEqual(tiles["open_orders"]["value"], 0)

    def test_actions_open_the_counted_records(self):
        """Every tile and stage opens a window action whose domain selects
        exactly the records counted (valid fields, existing views)."""
        self._known_orders()
        manager = self.users["manager"]
        tiles = self._tiles()
        actions = []
        for tile in tiles.values():
            actions.append((tile, tile["action"]))
            actions.extend((item, item["action"]) for item in tile["items"])
        for tile, action in actions:
            self.assertEqual(action["type"], "ir.actions.act_window")
            Model = self.env[action["res_model"]].with_user(manager)
            count = Model.search_count(action["domain"])
            if tile.get("unit") == "%":
                # the rows behind the rate: its denominator
                self.assertIn(f"of {count} orders", tile["description"])
            else:
                self.assertEqual(count, tile["value"], tile["key"])
            for view_id, view_type in action["views"]:
                if view_id:
                    view = self.env["ir.ui.view"].browse(view_id)
                    self.assertEqual((view.model, view.type), (Model._name, view_type))
            Model.get_views(action["views"])

    def test_query_count(self):
        """One call, one query per tile, whatever the number of orders."""
        get_tiles = self.Dashboard.with_user(self.users["manager"]).get_tiles
        # warm the access, rule and xml id caches; the bridges add a tile
        # (and a query) each
        queries = len(get_tiles())
        self.assertGreaterEqual(queries, 5)
        with self.assertQueryCount(queries):
            get_tiles()
        self._known_orders()
        get_tiles()  # the workflow emptied the caches of the user
        with self.assertQueryCount(queries):
            tiles = get_tiles()
        self.assertEqual(tiles[0]["value"], 5)

    def test_access(self):
        """Only the dashboard's group calls it; a user counts what the record
        rules let them read (a manager of one company, that company's)."""
        for role in ("sales", "saleshead", "clerk", "warehouse"):
            with self.assertRaises(AccessError, msg=role):
                self.Dashboard.with_user(self.users[role]).get_tiles()
        self.assertTrue(self._tiles(user="gm"))
        self._known_orders()
        other = self.env["res.company"].create({"name": "Other Works"})
        foreign = (
            self.env["sale.order"]
            .with_company(other)
            .create(
                {
                    "partner_id": self.partner.id,
                    "company_id": other.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 2}
                        )
                    ],
                }
            )
        )
        self._set("sale_order", foreign, intake_stage="submitted")
        self.assertEqual(self._tiles()["open_orders"]["value"], 5)
        manager = self.users["manager"]
        manager.company_ids = [Command.link(other.id)]
        both = self._tiles(allowed_company_ids=[self.company.id, other.id])
        self.assertEqual(both["open_orders"]["value"], 6)
        # the other company's manager: only its order
        other_manager = new_test_user(
            self.env,
            login="oh_other_manager",
            groups="order_handling_base.group_manager",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        tiles = (
            self.Dashboard.with_user(other_manager)
            .with_context(allowed_company_ids=other.ids)
            .get_tiles()
        )
        self.assertEqual(tiles[0]["key"], "open_orders")
        self.assertEqual(tiles[0]["value"], 1)

    def test_department_user_counts_their_department(self):
        """The counts are those of the records the user may read: a user
        whose record rules restrict the overdue work to one department sees
        that department's, another administrator all of them."""
        order = self._accepted_order()
        warehouse_slip = order.transfer_slip_ids.filtered(
            lambda s: s.department_id == self.departments["warehouse"]
        )
        past = self.env.cr.now() - timedelta(hours=3)
        self._set_deadline(warehouse_slip, past)
        self._set_deadline(order, past)  # production's (waiting for a date)
        self.assertEqual(self._tiles()["overdue"]["value"], 2)
        group = self.env["res.groups"].create({"name": "Warehouse dashboard"})
        self.env["ir.rule"].create(
            {
                "name": "Overdue work: the warehouse's",
                "model_id": self.env["ir.model"]._get_id(
                    "order.handling.overdue.report"
                ),
                "groups": [Command.link(group.id)],
                "domain_force": repr(
                    [("department_id", "=", self.departments["warehouse"].id)]
                ),
            }
        )
        warehouse_manager = new_test_user(
            self.env,
            login="oh_warehouse_dashboard",
            groups="order_handling_base.group_manager",
        )
        warehouse_manager.groups_id = [Command.link(group.id)]
        tiles = {
            tile["key"]: tile
            for tile in self.Dashboard.with_user(warehouse_manager).get_tiles()
        }
        self.assertEqual(tiles["overdue"]["value"], 1)
        rows = (
            self.env["order.handling.overdue.report"]
            .with_user(warehouse_manager)
            .search(tiles["overdue"]["action"]["domain"])
        )
        self.assertEqual(
            (rows.res_model, rows.res_id), (warehouse_slip._name, warehouse_slip.id)
        )

    def test_board_arch(self):
        """The dashboard opens as the board with the tiles row, and its
        boxes are charts that never show Odoo's sample records."""
        board = self.env.ref("order_handling_dashboard.order_handling_dashboard_action")
        arch = etree.fromstring(
            self.env["board.board"].get_view(board.view_id.id)["arch"]
        )
        self.assertEqual(arch.get("js_class"), "order_handling_board")
        # another board stays Odoo's
        other = self.env["board.board"].get_view(
            self.env.ref("board.board_my_dash_view").id
        )
        self.assertIn('js_class="board"', other["arch"])
        boxes = self._board_actions()
        self.assertGreaterEqual(len(boxes), 7)
        for title, (action, node) in boxes.items():
            self.assertEqual(node.get("view_mode"), "graph", title)
            Model = self.env[action.res_model]
            graph_views = action.view_ids.filtered(lambda v: v.view_mode == "graph")
            view_id = graph_views.view_id.id or (
                action.view_id.type == "graph" and action.view_id.id
            )
            graph = etree.fromstring(Model.get_view(view_id, "graph")["arch"])
            self.assertEqual(graph.get("sample"), "0", title)
            self.assertTrue(action.help, title)
