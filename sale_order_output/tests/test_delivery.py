# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OutputCommon


@tagged("post_install", "-at_install")
class TestDeliveryFromOutput(OutputCommon):
    """R5.7: the delivery slip and warehouse release are made from the
    recorded output, re-checked by a second person, and a driver and
    vehicle assigned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.output_delivery_recheck = True
        cls._stock(cls.film, 500)
        cls.order = cls._confirmed_order([(cls.film, 100)])
        cls.line = cls.order.order_line

    def test_prepare_recheck_validate(self):
        """R5.7 The clerk prepares the delivery from the recorded output (never
        more than ordered); another warehouse user re-checks it; with a driver
        and a vehicle it is validated and ships the output."""
        self._sheet([(self.line, 40, 40)])
        self.order.with_user(self.users["clerk"]).action_output_prepare_delivery()
        picking = self._delivery(self.order)
        self.assertEqual(picking.move_ids.quantity, 40)
        self.assertEqual(picking.output_prepared_uid, self.users["clerk"])
        # the warehouse is asked to re-check it
        recheck_type = self.env.ref(
            "sale_order_output.mail_activity_type_output_recheck"
        )
        activity = picking.activity_ids.filtered(
            lambda a: a.activity_type_id == recheck_type
        )
        self.assertEqual(activity.user_id, self.users["warehouse"])
        # not re-checked: refused
        picking.write(
            {"delivery_driver_id": self.driver.id, "delivery_vehicle": "粤B 12345"}
        )
        with self.assertRaisesRegex(UserError, "re-checked"):
            self._validate(picking)
        picking.with_user(self.users["warehouse"]).action_output_recheck()
        self.assertEqual(picking.output_recheck_uid, self.users["warehouse"])
        self.assertFalse(activity.exists(), "done at the re-check")
        self._validate(picking)
        self.assertEqual(picking.state, "done")
        self.assertEqual(self.line.qty_delivered, 40)
        # the backorder waits for more output: nothing ready now
        backorder = self._delivery(self.order)
        self.assertEqual(backorder.move_ids.product_uom_qty, 60)
        self._sheet([(self.line, 80, 80)])  # 120 produced, 100 ordered
        backorder.with_user(self.users["clerk"]).action_output_prepare()
        self.assertEqual(backorder.move_ids.quantity, 60, "never more than ordered")

    def test_same_person_cannot_recheck(self):
        """R5.7 The one who prepared a delivery cannot re-check it, even as
        warehouse lead; a role without the warehouse right cannot either."""
        self._sheet([(self.line, 40, 40)])
        picking = self._delivery(self.order)
        picking.with_user(self.users["warehouse"]).action_output_prepare()
        with self.assertRaisesRegex(UserError, "second person"):
            picking.with_user(self.users["warehouse"]).action_output_recheck()
        with self.assertRaises(AccessError):
            picking.with_user(self.users["clerk"]).action_output_recheck()
        self.assertFalse(picking.output_recheck_uid)
        self.assertFalse(picking.with_user(self.users["warehouse"]).can_output_recheck)
        self.assertTrue(picking.with_user(self.users["warehouse2"]).can_output_recheck)
        picking.with_user(self.users["warehouse2"]).action_output_recheck()
        self.assertEqual(picking.output_recheck_uid, self.users["warehouse2"])

    def test_salesperson_cannot_prepare_nor_forge(self):
        """R5.7 A salesperson cannot prepare a delivery, and nobody writes the
        preparation or re-check stamps directly."""
        picking = self._delivery(self.order)
        with self.assertRaises(AccessError):
            picking.with_user(self.users["sales"]).action_output_prepare()
        with self.assertRaises(UserError):
            picking.with_user(self.users["warehouse"]).write(
                {"output_recheck_uid": self.users["warehouse"].id}
            )
        self.assertFalse(picking.output_recheck_uid)

    def test_driver_and_vehicle_required(self):
        """R5.7 A re-checked delivery without driver or vehicle is refused."""
        self._sheet([(self.line, 100, 100)])
        picking = self._delivery(self.order)
        picking.with_user(self.users["clerk"]).action_output_prepare()
        picking.with_user(self.users["warehouse"]).action_output_recheck()
        with self.assertRaisesRegex(UserError, "driver"):
            self._validate(picking)
        picking.write({"delivery_driver_id": self.driver.id})
        with self.assertRaisesRegex(UserError, "driver"):
            self._validate(picking)
        picking.write({"delivery_vehicle": "粤B 12345"})
        self._validate(picking)
        self.assertEqual(picking.state, "done")

    def test_change_after_recheck_voids_it(self):
        """R5.7 Quantities changed after the re-check are refused at
        validation: what leaves is what the second person checked."""
        self._sheet([(self.line, 40, 40)])
        picking = self._delivery(self.order)
        picking.with_user(self.users["clerk"]).action_output_prepare()
        picking.with_user(self.users["warehouse"]).action_output_recheck()
        picking.write({"delivery_driver_id": self.driver.id, "delivery_vehicle": "A1"})
        picking.move_ids.quantity = 50
        with self.assertRaisesRegex(UserError, "changed after its re-check"):
            self._validate(picking)
        self.assertEqual(picking.state, "assigned")

    def test_over_delivery_refused(self):
        """R5.7 More than ordered is refused at the re-check and at
        validation."""
        self._sheet([(self.line, 100, 100)])
        picking = self._delivery(self.order)
        picking.with_user(self.users["clerk"]).action_output_prepare()
        picking.move_ids.quantity = 130
        with self.assertRaisesRegex(UserError, "only 100"):
            picking.with_user(self.users["warehouse"]).action_output_recheck()
        self.assertFalse(picking.output_recheck_uid)

    def test_setting_off_changes_nothing(self):
        """R5.7 Off (the default), a delivery is validated as in Odoo: no
        preparation, re-check, driver or vehicle, and more than ordered may
        ship."""
        self.company.output_delivery_recheck = False
        picking = self._delivery(self.order)
        self.assertFalse(picking.output_check_required)
        picking.move_ids.quantity = 110
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(self.line.qty_delivered, 110)

    def test_other_team_not_regulated(self):
        """R5.7 With regulated sales teams set, orders of other teams are not
        held by the re-check."""
        team = self.env["crm.team"].create({"name": "Regulated team"})
        self.company.order_handling_team_ids = team
        picking = self._delivery(self.order)
        self.assertFalse(picking.output_check_required)

    def test_sheet_prepares_deliveries_of_its_orders(self):
        """R5.7 From the recorded sheet, one button prepares the deliveries
        of all its orders."""
        other = self._confirmed_order([(self.film, 30)])
        sheet = self._sheet([(self.line, 20, 20), (other.order_line, 30, 30)])
        sheet.with_user(self.users["clerk"]).action_prepare_deliveries()
        self.assertEqual(self._delivery(self.order).move_ids.quantity, 20)
        self.assertEqual(self._delivery(other).move_ids.quantity, 30)
        self.assertEqual(
            (self._delivery(self.order) | self._delivery(other)).output_prepared_uid,
            self.users["clerk"],
        )

    def test_delivery_slip_names_driver_and_checkers(self):
        """R5.7 The printed delivery slip (送货单) names the driver, the
        vehicle, who prepared and who re-checked it."""
        self._sheet([(self.line, 100, 100)])
        picking = self._delivery(self.order)
        picking.with_user(self.users["clerk"]).action_output_prepare()
        picking.with_user(self.users["warehouse"]).action_output_recheck()
        picking.write(
            {"delivery_driver_id": self.driver.id, "delivery_vehicle": "B-77"}
        )
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "stock.action_report_delivery", picking.ids
        )
        html = html.decode()
        for text in (
            "Wang the driver",
            "B-77",
            self.users["clerk"].name,
            self.users["warehouse"].name,
        ):
            self.assertIn(text, html)

    def test_warehouse_prepares_from_the_sheet_and_forges_nothing(self):
        """R5.7 The warehouse lead (who reads no order) prepares deliveries
        from a recorded sheet; nobody writes the output figures of an order
        or a sheet line directly."""
        sheet = self._sheet([(self.line, 30, 30)])
        sheet.with_user(self.users["warehouse"]).action_prepare_deliveries()
        picking = self._delivery(self.order)
        self.assertEqual(picking.output_prepared_uid, self.users["warehouse"])
        self.assertEqual(picking.move_ids.quantity, 30)
        with self.assertRaises(UserError):
            self.order.with_user(self.users["sales"]).write({"output_progress": 100})
        with self.assertRaises(UserError):
            self.line.with_user(self.users["clerk"]).write({"output_qty": 100})
        draft = self._sheet([(self.line, 1, 1)], record=False)
        with self.assertRaises(UserError):
            draft.line_ids.with_user(self.users["clerk"]).write({"qty_counted": 100})
        self.assertEqual(self.line.output_qty, 30)
