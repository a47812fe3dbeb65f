# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.sale_engineering_plan.tests.test_plan import PlanCommon


@tagged("post_install", "-at_install")
class TestPlanMrp(PlanCommon):
    def test_bom_deliverable_needs_an_active_bom(self):
        plan = self._plan()
        self._approve(plan)
        engineer = self.users["engineering"]
        bom_deliverable = plan.deliverable_ids.filtered("is_bom").with_user(engineer)
        self.assertEqual(len(bom_deliverable), 1)
        with self.assertRaisesRegex(UserError, "bill of materials first"):
            bom_deliverable.action_done()
        bom_deliverable.sudo().action_create_bom()
        bom = bom_deliverable.bom_id
        self.assertEqual(bom.product_tmpl_id, self.valve.product_tmpl_id)
        bom.sudo().active = False
        with self.assertRaisesRegex(UserError, "archived"):
            bom_deliverable.action_done()
        bom.sudo().active = True
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
