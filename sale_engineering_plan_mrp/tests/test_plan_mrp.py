# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.sale_engineering_plan.tests.test_plan import PlanCommon


@tagged("post_install", "-at_install")
class TestPlanMrp(PlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.casting = cls.env["product.product"].create(
            {"name": "Valve body casting", "is_storable": True}
        )

    def _bom_deliverable(self):
        plan = self._plan()
        self._approve(plan)
        deliverable = plan.deliverable_ids.filtered("is_bom")
        self.assertEqual(len(deliverable), 1)
        return plan, deliverable.with_user(self.users["engineering"])

    def test_bom_deliverable_needs_an_active_bom(self):
        """With MRP installed, the BOM deliverable is done only with a real, active
        mrp.bom (R4.2)."""
        plan, bom_deliverable = self._bom_deliverable()
        engineer = self.users["engineering"]
        with self.assertRaisesRegex(UserError, "bill of materials first"):
            bom_deliverable.action_done()
        bom_deliverable.action_create_bom()
        bom = bom_deliverable.bom_id
        self.assertEqual(bom.product_tmpl_id, self.valve.product_tmpl_id)
        bom.active = False
        with self.assertRaisesRegex(UserError, "archived"):
            bom_deliverable.action_done()
        bom.active = True
        bom_deliverable.action_done()
        self.assertEqual(bom_deliverable.state, "done")
        # the other documents still need their files
        drawing = plan.deliverable_ids.filtered(
            lambda d: d.type_id.code == "drawing"
        ).with_user(engineer)
        with self.assertRaisesRegex(UserError, "Attach"):
            drawing.action_done()
        with self.assertRaisesRegex(UserError, "Only the BOM"):
            drawing.action_create_bom()

    def test_engineering_supervisor_makes_the_bom(self):
        """The engineering supervisor, as themselves (no sudo), creates the
        BOM from the deliverable, opens and completes it in its form (the
        manufacturing orders made from it are flagged outdated), and marks
        the deliverable done. Their rights stop at bills of materials:
        no manufacturing order, no inventory right, no BOM deletion."""
        _plan, deliverable = self._bom_deliverable()
        engineer = self.users["engineering"]
        action = deliverable.action_create_bom()
        self.assertEqual(action["res_model"], "mrp.bom")
        bom = self.env["mrp.bom"].with_user(engineer).browse(action["res_id"])
        self.assertEqual(deliverable.bom_id, bom)
        # manufacturing already planned an order from it
        production = self.env["mrp.production"].create(
            {"product_id": self.valve.id, "bom_id": bom.id, "product_qty": 1}
        )
        self.assertFalse(production.is_outdated_bom)
        # the form the action opens, as the client reads and saves it
        with Form(bom) as form:
            self.assertEqual(form.product_tmpl_id, self.valve.product_tmpl_id)
            form.code = "CV-7 engineering BOM"
            with form.bom_line_ids.new() as line:
                line.product_id = self.casting
                line.product_qty = 2
        bom.invalidate_recordset()
        self.assertEqual(bom.read(["code"])[0]["code"], "CV-7 engineering BOM")
        self.assertEqual(bom.bom_line_ids.product_id, self.casting)
        self.assertEqual(bom.bom_line_ids.product_qty, 2)
        # Odoo's flag on the manufacturing orders of a changed BOM is set
        # although the engineer has no right on them
        self.assertTrue(production.is_outdated_bom)
        # the deliverable reads the BOM's active flag as the engineer
        deliverable.invalidate_recordset()
        deliverable.action_done()
        self.assertEqual(deliverable.state, "done")
        # no wider than bills of materials
        self.assertFalse(engineer.has_group("mrp.group_mrp_user"))
        self.assertFalse(engineer.has_group("stock.group_stock_user"))
        self.assertFalse(
            self.env["mrp.production"].with_user(engineer).has_access("create")
        )
        with self.assertRaises(AccessError):
            bom.unlink()
        self.assertTrue(bom.exists())
        # a role without the right is still refused the BOM
        with self.assertRaises(AccessError):
            bom.with_user(self.users["quality"]).read(["code"])
