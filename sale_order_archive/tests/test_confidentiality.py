# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .test_archive import ArchiveCommon


@tagged("post_install", "-at_install")
class TestConfidentiality(ArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._confirmed_order(transfer=())
        cls.order.team_id = cls.team

    def test_salespeople_see_own_and_team_orders(self):
        # a team mate of another team, then in the team
        stranger = self.users["sales2"]
        with self.assertRaises(AccessError):
            self.order.with_user(stranger).read(["name"])
        self.env["crm.team.member"].create(
            {"crm_team_id": self.team.id, "user_id": stranger.id}
        )
        self.env.invalidate_all()
        self.assertEqual(
            self.order.with_user(stranger).read(["name"])[0]["name"], self.order.name
        )
        self.assertTrue(self.order.order_line.with_user(stranger).read(["name"]))
        # read only: the team mate does not change the order
        with self.assertRaises(AccessError):
            self.order.with_user(stranger).write({"note": "mine"})
        # the team leader (sales head) sees it too
        self.assertTrue(self.order.with_user(self.users["saleshead"]).read(["name"]))

    def test_department_reads_the_copy_not_the_order(self):
        """A department given the order reads its copy; the order stays out
        of its reach (order_handling_suite's test_department_confidentiality
        tries every path, as every department role)."""
        copy = self.env["sale.order.copy"].browse(self.order.id)
        self.assertFalse(copy.with_user(self.users["warehouse"]).has_access("read"))
        self._transfer(["warehouse"], order=self.order)
        self.env.invalidate_all()
        self.assertTrue(copy.with_user(self.users["warehouse"]).has_access("read"))
        with self.assertRaises(AccessError):
            self.order.with_user(self.users["warehouse"]).read(["name"])
        self.assertFalse(copy.with_user(self.users["workshop"]).has_access("read"))

    def test_delivery_by_warehouse_still_works(self):
        """Validating the delivery as the warehouse lead, who reads no order,
        computes the lines' delivered quantities."""
        self._transfer(["warehouse"], order=self.order)
        picking = self.order.picking_ids.with_user(self.users["warehouse"])
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        picking.button_validate()
        self.assertEqual(self.order.delivery_status, "full")
        self.assertEqual(self.order.order_line.mapped("qty_delivered"), [5.0, 3.0])

    def test_multi_company_isolation(self):
        company_b = self.env["res.company"].create({"name": "Acme Shanghai"})
        head_b = new_test_user(
            self.env,
            "oh_head_b",
            groups="order_handling_base.group_sales_head",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        # a sales head of company B sees no order of company A
        with self.assertRaises(AccessError):
            self.order.with_user(head_b).read(["name"])
        self.assertFalse(
            self.env["sale.order"]
            .with_user(head_b)
            .search([("id", "=", self.order.id)])
        )
        # nor its archive
        archive = self._archive(self._done_order())
        with self.assertRaises(AccessError):
            archive.with_user(head_b).read(["name"])

    def test_export_only_for_the_export_group(self):
        for role in ("sales", "saleshead", "clerk"):
            with self.assertRaisesRegex(AccessError, "Export Order Data"):
                self.order.with_user(self.users[role]).export_data(["name"])
            with self.assertRaisesRegex(AccessError, "Export Order Data"):
                self.order.order_line.with_user(self.users[role]).export_data(["name"])
        # administrators export; so does anyone given the group
        rows = self.order.with_user(self.users["manager"]).export_data(["name"])
        self.assertEqual(rows["datas"], [[self.order.name]])
        self.users["sales"].groups_id = [
            Command.link(self.env.ref("sale_order_archive.group_export_order_data").id)
        ]
        self.assertTrue(self.order.with_user(self.users["sales"]).export_data(["name"]))
