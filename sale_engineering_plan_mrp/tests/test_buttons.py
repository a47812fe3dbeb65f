# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sale_engineering_plan.tests.test_plan import PlanCommon


@tagged("post_install", "-at_install")
class TestBomButton(PlanCommon):
    """Issue 17: the New BOM button of a deliverable shows exactly when the
    server creates the bill of materials (R4.2)."""

    def _flag(self, deliverable, user):
        deliverable = deliverable.with_user(user)
        deliverable.invalidate_recordset(["can_create_bom"])
        return deliverable.can_create_bom

    def test_new_bom_button_follows_the_rule(self):
        plan = self._plan()
        self._approve(plan)
        engineering, other = self.users["engineering"], self.users["saleshead"]
        bom_deliverable = plan.deliverable_ids.filtered("is_bom")
        drawing = plan.deliverable_ids.filtered(lambda d: d.type_id.code == "drawing")
        self.assertTrue(self._flag(bom_deliverable, engineering))
        # not the BOM document: hidden and refused
        self.assertFalse(self._flag(drawing, engineering))
        with self.assertRaisesRegex(UserError, "Only the BOM"):
            drawing.with_user(engineering).action_create_bom()
        # who may not edit the package: hidden and refused, nothing created
        boms = self.env["mrp.bom"].search_count([])
        self.assertFalse(self._flag(bom_deliverable, other))
        with self.assertRaises(AccessError):
            bom_deliverable.with_user(other).action_create_bom()
        self.assertEqual(self.env["mrp.bom"].search_count([]), boms)
        bom_deliverable.with_user(engineering).action_create_bom()
        bom = bom_deliverable.bom_id
        self.assertTrue(bom)
        # one BOM per deliverable: a second click is refused
        self.assertFalse(self._flag(bom_deliverable, engineering))
        with self.assertRaisesRegex(UserError, "already has bill of materials"):
            bom_deliverable.with_user(engineering).action_create_bom()
        self.assertEqual(bom_deliverable.bom_id, bom)
        self.assertEqual(self.env["mrp.bom"].search_count([]), boms + 1)
