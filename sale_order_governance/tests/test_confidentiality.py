# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

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

    def test_department_sees_transferred_orders(self):
        with self.assertRaises(AccessError):
            self.order.with_user(self.users["warehouse"]).read(["name"])
        self._transfer(["warehouse"], order=self.order)
        self.env.invalidate_all()
        self.assertTrue(self.order.with_user(self.users["warehouse"]).read(["name"]))
        with self.assertRaises(AccessError):
            self.order.with_user(self.users["workshop"]).read(["name"])

    def test_prices_hidden_from_warehouse_and_production(self):
        self._transfer(["warehouse", "production"], order=self.order)
        self.env.invalidate_all()
        for role in ("warehouse", "workshop"):
            order = self.order.with_user(self.users[role])
            line = order.order_line[:1]
            with self.assertRaisesRegex(AccessError, "confidential"):
                order.read(["name", "amount_total"])
            with self.assertRaisesRegex(AccessError, "confidential"):
                line.read(["price_unit"])
            with self.assertRaisesRegex(AccessError, "confidential"):
                order.search_count([("amount_total", ">", 0)])
            with self.assertRaisesRegex(AccessError, "confidential"):
                order.read_group([], ["amount_total:sum"], ["partner_id"])
            with self.assertRaisesRegex(AccessError, "confidential"):
                line.search_read([], ["price_subtotal"])
            # what they need stays readable
            values = order.read(["name", "partner_id", "commitment_date"])[0]
            self.assertEqual(values["name"], self.order.name)
            self.assertEqual(line.read(["product_uom_qty"])[0]["product_uom_qty"], 5)
            # a read without field names reads all but the prices
            self.assertNotIn("amount_total", order._governance_readable_fields(None))
            self.assertIn("product_uom_qty", line._governance_readable_fields(None))
            self.assertNotIn("price_unit", line._governance_readable_fields(None))
            # the order views show no price: price fields are hidden nodes
            views = order.get_views([(False, "form"), (False, "list")])
            prices = order._governance_price_fields() | line._governance_price_fields()
            for view in views["views"].values():
                arch = etree.fromstring(view["arch"])
                shown = [
                    node.get("name")
                    for node in arch.iter("field")
                    if node.get("name") in prices and node.get("invisible") != "1"
                ]
                self.assertEqual(shown, [])
            # the price PDF is refused, the order sheet is printed
            Report = self.env["ir.actions.report"].with_user(self.users[role])
            with self.assertRaises(AccessError):
                Report._render_qweb_pdf("sale.action_report_saleorder", order.ids)
            content, __ = Report._render_qweb_pdf(
                "sale_order_governance.action_report_sale_order_no_price", order.ids
            )
            self.assertIn(self.order.name, content.decode())
            self.assertNotIn("200.00", content.decode())
            # the workshop's own price-free production notice (R5.3)
            content, __ = Report._render_qweb_pdf(
                "sale_order_intake.action_report_production_notice", order.ids
            )
            self.assertIn(self.order.name, content.decode())
            self.assertNotIn("200.00", content.decode())
            if role != "warehouse":
                continue  # (production has no stock right: see ROADMAP)
            # what the form reads (its fields, and the lines' list) comes back
            # without prices, nothing refused
            form = etree.fromstring(views["views"]["form"]["arch"])
            top = {
                node.get("name")
                for node in form.iter("field")
                if not any(a.tag == "field" for a in node.iterancestors())
            }
            sublist = form.find(".//field[@name='order_line']/list")
            line_names = {node.get("name") for node in sublist.findall("field")}
            self.assertIn("tax_totals", top)
            self.assertIn("price_unit", line_names)
            values = order.web_read(
                {
                    **{name: {} for name in top - {"order_line"}},
                    "order_line": {"fields": {name: {} for name in line_names}},
                }
            )[0]
            self.assertEqual(values["name"], self.order.name)
            self.assertFalse(values["tax_totals"])
            self.assertFalse(values["order_line"][0]["price_unit"])
            self.assertEqual(values["order_line"][0]["product_uom_qty"], 5)
        # sales roles keep the prices
        sales = self.order.with_user(self.users["sales"])
        self.assertEqual(sales.read(["amount_untaxed"])[0]["amount_untaxed"], 1100.0)
        self.assertEqual(
            sales.order_line.web_read({"price_unit": {}})[0]["price_unit"], 100.0
        )

    def test_delivery_by_warehouse_still_works(self):
        """Validating the delivery as the warehouse lead computes the lines'
        delivered quantities and amounts to invoice without tripping over
        the hidden prices."""
        self._transfer(["warehouse"], order=self.order)
        picking = self.order.picking_ids.with_user(self.users["warehouse"])
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        picking.button_validate()
        self.assertEqual(self.order.delivery_status, "full")
        self.assertEqual(self.order.order_line.mapped("qty_delivered"), [5.0, 3.0])

    def test_price_tracking_hidden_in_chatter(self):
        order = self.order
        order.message_post(body="Tracking test")
        tracked = (
            self.env["mail.tracking.value"]
            .sudo()
            .create(
                [
                    {
                        "field_id": self.env["ir.model.fields"]
                        ._get("sale.order", "amount_total")
                        .id,
                        "old_value_float": 1.0,
                        "new_value_float": 2.0,
                        "mail_message_id": order.message_ids[:1].id,
                    },
                    {
                        "field_id": self.env["ir.model.fields"]
                        ._get("sale.order", "commitment_date")
                        .id,
                        "mail_message_id": order.message_ids[:1].id,
                    },
                ]
            )
        )
        shown = order.with_user(self.users["warehouse"])._track_filter_for_display(
            tracked
        )
        self.assertEqual(shown.field_id.name, "commitment_date")
        self.assertEqual(order._track_filter_for_display(tracked), tracked)

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
            Command.link(
                self.env.ref("sale_order_governance.group_export_order_data").id
            )
        ]
        self.assertTrue(self.order.with_user(self.users["sales"]).export_data(["name"]))

    def test_price_refusal_names_labels_in_the_users_language(self):
        """The refusal names the fields by their labels and the document by
        its name, in the user's language, never by technical names."""
        self._transfer(["warehouse"], order=self.order)
        order = self.order.with_user(self.users["warehouse"])
        with self.assertRaises(AccessError) as caught:
            order.read(["name", "amount_total", "amount_untaxed"])
        self.assertEqual(
            str(caught.exception),
            "Prices and margins of orders are confidential: your role cannot "
            "see Total, Untaxed Amount of Sales Order.",
        )
        with self.assertRaises(AccessError) as caught:
            order.order_line[:1].read(["price_unit"])
        self.assertIn("Unit Price of Sales Order Line", str(caught.exception))
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["sale", "sale_order_governance"], ["zh_CN"]
        )
        with self.assertRaises(AccessError) as caught:
            order.with_context(lang="zh_CN").read(["amount_total"])
        message = str(caught.exception)
        self.assertTrue(message.startswith("订单的价格和毛利属于机密"), message)
        self.assertIn("销售订单", message)
        self.assertIn("总计", message)
        self.assertNotIn("amount_total", message)
        self.assertNotIn("Sales Order", message)
