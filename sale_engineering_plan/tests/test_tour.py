# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.order_handling_base.models.trusted_scope import trusted_scope

from .test_plan import ASSESSED, PlanCommon


@tagged("post_install", "-at_install")
class TestPlanTour(PlanCommon, HttpCase):
    def test_non_regular_order_from_review_to_issued_plan(self):
        order = self._non_regular_order()
        order.with_user(self.users["clerk"]).action_intake_accept()
        order.current_review_id.sudo().write(ASSESSED)
        for role in ("engineering", "saleshead", "gm"):
            self.users[role].password = f"oh_{role}"
        self.start_tour(
            "/odoo", "sale_engineering_plan_review_to_plan", login="oh_engineering"
        )
        plan = order.plan_ids
        self.assertEqual(order.current_review_id.state, "accepted")
        self.assertEqual(order.current_review_id.conditions, "Stainless steel body")
        self.assertEqual(len(plan.review_ids), 2)
        self.start_tour("/odoo", "sale_engineering_plan_approve", login="oh_saleshead")
        self.start_tour("/odoo", "sale_engineering_plan_approve", login="oh_gm")
        self.assertEqual(plan.validation_status, "validated")
        # set up what engineering does between the tours: the process
        # engineer (tier.validation locks fields while under validation) and
        # the finished documents
        with trusted_scope("tier.validation"):
            plan.sudo().with_context(skip_validation_check=True).write(
                {"process_engineer_id": self.users["process"].id}
            )
        self.start_tour_issue(plan)

    def start_tour_issue(self, plan):
        plan_sudo = plan.sudo()
        with trusted_scope("tier.validation"):
            plan_sudo.with_context(skip_validation_check=True)._prepare_deliverables()
        # uploaded on a deliverable, as the many2many_binary widget does
        attachment = self.env["ir.attachment"].create(
            {
                "name": "package.pdf",
                "datas": base64.b64encode(b"%PDF-1.4"),
                "res_model": "sale.engineering.plan.deliverable",
                "res_id": plan_sudo.deliverable_ids[0].id,
            }
        )
        plan_sudo.deliverable_ids.write(
            {"attachment_ids": [fields.Command.link(attachment.id)]}
        )
        for deliverable in plan_sudo.deliverable_ids:
            if deliverable._fields.get("is_bom") and deliverable.is_bom:
                deliverable.action_create_bom()
        plan_sudo.deliverable_ids.sudo().write({"state": "done"})
        self.start_tour("/odoo", "sale_engineering_plan_issue", login="oh_engineering")
        self.assertEqual(plan.state, "issued")
        self.assertEqual(len(plan.transfer_slip_ids), 4)
