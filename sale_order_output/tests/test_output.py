# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import OutputCommon


@tagged("post_install", "-at_install")
class TestDailyOutput(OutputCommon):
    """R5.7: each day's finished output per order (specification, weight or
    quantity) is recorded by the follow-up clerk and shown against the
    ordered quantity."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._confirmed_order([(cls.film, 100), (cls.bag, 2000)])
        cls.film_line, cls.bag_line = cls.order.order_line

    def test_clerk_records_yesterday_output_against_order(self):
        """R5.7 The clerk's sheet is dated yesterday by default; once recorded
        its quantities count against the ordered quantity of the order and
        its copy."""
        with freeze_time("2026-12-07 08:00:00"):
            form = Form(
                self.env["sale.order.output.sheet"].with_user(self.users["clerk"])
            )
            self.assertEqual(form.date, date(2026, 12, 6))
            with form.line_ids.new() as line:
                line.order_id = self.order
                line.order_line_id = self.film_line
                line.quantity = 40
                line.weight = 40
            with form.line_ids.new() as line:
                line.order_id = self.order
                line.order_line_id = self.bag_line
                line.specification = "30x40 cm, 3 colours"
                line.quantity = 500
                line.weight = 12.5
            sheet = form.save()
        self.assertEqual(sheet.user_id, self.users["clerk"])
        self.assertEqual(sheet.line_ids[0].specification, self.film.display_name)
        # a draft counts for nothing
        self.assertEqual(self.film_line.output_qty, 0)
        sheet.with_user(self.users["clerk"]).action_done()
        self.assertEqual(sheet.state, "done")
        self.assertEqual(sheet.recorded_uid, self.users["clerk"])
        self.assertEqual(self.film_line.output_qty, 40)
        self.assertEqual(self.bag_line.output_qty, 500)
        self.assertEqual(self.order.output_weight, 52.5)
        # (40 + 500) / (100 + 2000)
        self.assertAlmostEqual(self.order.output_progress, 100 * 540 / 2100, 1)
        self.assertEqual(self.order.output_count, 2)
        self.env.flush_all()
        copy = self.env["sale.order.copy"].browse(self.order.id)
        self.assertAlmostEqual(copy.output_progress, 100 * 540 / 2100, 1)
        self.assertEqual(copy.line_ids[0].output_qty, 40)

    def test_weight_counts_for_a_line_sold_by_weight(self):
        """R5.7 Film sold by the kilogram: the weight is the output."""
        kg = self.env.ref("uom.product_uom_kgm")
        film = self.env["product.product"].create(
            {"name": "CPE film", "uom_id": kg.id, "uom_po_id": kg.id}
        )
        order = self._confirmed_order([(film, 250)])
        self._sheet([(order.order_line, 0, 80)])
        self.assertEqual(order.order_line.output_qty, 80)
        self.assertAlmostEqual(order.output_progress, 32.0, 1)

    def test_recorded_sheet_is_a_record(self):
        """R5.7 A recorded sheet and its lines cannot be edited or deleted;
        a cancelled sheet no longer counts."""
        sheet = self._sheet([(self.film_line, 30, 30)])
        clerk_sheet = sheet.with_user(self.users["clerk"])
        with self.assertRaises(UserError):
            clerk_sheet.line_ids.write({"quantity": 300})
        with self.assertRaises(UserError):
            clerk_sheet.write({"note": "changed"})
        with self.assertRaises(UserError):
            clerk_sheet.unlink()
        with self.assertRaises(UserError):
            clerk_sheet.line_ids.unlink()
        with self.assertRaises(UserError):
            clerk_sheet.write({"state": "draft"})
        self.assertEqual(self.film_line.output_qty, 30)
        clerk_sheet.action_cancel()
        self.assertEqual(self.film_line.output_qty, 0)
        clerk_sheet.unlink()
        self.assertFalse(sheet.exists())

    def test_replayed_cancel_writes_nothing(self):
        """R5.7 Cancelling a cancelled sheet again (a replay over RPC) is
        refused by the button's rule and changes nothing."""
        sheet = self._sheet([(self.film_line, 30, 30)])
        clerk_sheet = sheet.with_user(self.users["clerk"])
        clerk_sheet.action_cancel()
        self.env.flush_all()
        before = (sheet.write_date, len(sheet.message_ids))
        with self.assertRaisesRegex(
            UserError, "is Cancelled: this step is not possible now"
        ):
            clerk_sheet.action_cancel()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual((sheet.write_date, len(sheet.message_ids)), before)
        self.assertEqual(sheet.state, "cancelled")

    def test_salesperson_and_departments_cannot_record(self):
        """R5.7 Output is recorded by the follow-up clerk: a salesperson or
        the warehouse cannot create or record a sheet; the warehouse reads
        it."""
        for role in ("sales", "saleshead", "warehouse"):
            with self.assertRaises(AccessError, msg=role):
                self.env["sale.order.output.sheet"].with_user(self.users[role]).create(
                    {
                        "line_ids": [
                            Command.create(
                                {"order_line_id": self.film_line.id, "quantity": 5}
                            )
                        ]
                    }
                )
        sheet = self._sheet([(self.film_line, 5, 5)], record=False)
        for role in ("sales", "warehouse"):
            with self.assertRaises(AccessError, msg=role):
                sheet.with_user(self.users[role]).action_done()
        self.assertEqual(sheet.state, "draft")
        # the warehouse (which reads no order) reads the sheet as the form
        # shows it, the order named on each line
        self.env.invalidate_all()
        data = sheet.with_user(self.users["warehouse"]).line_ids.web_read(
            {
                "display_name": {},
                "order_id": {"fields": {"display_name": {}}},
                "order_line_id": {"fields": {"display_name": {}}},
                "quantity": {},
            }
        )
        self.assertEqual(data[0]["quantity"], 5)
        self.assertEqual(data[0]["order_id"]["display_name"], self.order.name)

    def test_line_needs_output_and_a_confirmed_order(self):
        """R5.7 A line without quantity or weight, or of an unconfirmed
        order, is refused when the sheet is recorded; a line of another
        order's product is refused at once."""
        sheet = self._sheet([(self.film_line, 0, 0)], record=False)
        with self.assertRaisesRegex(UserError, "quantity or weight"):
            sheet.with_user(self.users["clerk"]).action_done()
        draft_order = self._new_order(lines=[(self.film, 10)])
        sheet = self._sheet([(draft_order.order_line, 5, 0)], record=False)
        with self.assertRaisesRegex(UserError, "not confirmed"):
            sheet.with_user(self.users["clerk"]).action_done()
        with self.assertRaisesRegex(ValidationError, "belongs to order"):
            self.env["sale.order.output"].with_user(self.users["clerk"]).create(
                {
                    "sheet_id": sheet.id,
                    "order_id": self.order.id,
                    "order_line_id": draft_order.order_line.id,
                    "quantity": 1,
                }
            )

    def test_foreign_company(self):
        """R5.7 A clerk of one company neither reads nor records output of
        another company's orders."""
        other = self.env["res.company"].create({"name": "Other Plastics Ltd"})
        foreign_clerk = new_test_user(
            self.env,
            "oh_clerk_other",
            groups="order_handling_base.group_logistics_clerk",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        sheet = self._sheet([(self.film_line, 5, 5)])
        self.assertFalse(
            self.env["sale.order.output.sheet"]
            .with_user(foreign_clerk)
            .search([("id", "=", sheet.id)])
        )
        with self.assertRaises(UserError):
            self.env["sale.order.output.sheet"].with_user(foreign_clerk).with_company(
                other
            ).create(
                {
                    "company_id": other.id,
                    "line_ids": [
                        Command.create(
                            {"order_line_id": self.film_line.id, "quantity": 1}
                        )
                    ],
                }
            )
