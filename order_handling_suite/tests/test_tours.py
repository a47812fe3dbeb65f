# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The two paths of an order through the whole suite, in the browser: each
step is a tour run by the person whose job it is; the next tour starts on
the records the previous ones made."""

import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.sale_order_intake.tests.common import IntakeCommon


class SuiteTourCommon(IntakeCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in cls.users.values():
            # start_tour logs in with the login as password
            user.password = user.login
        cls.departments["customer_service"].manager_id = cls.users["service"]
        cls.departments["purchasing"].manager_id = cls.users["purchasing"]
        cls.departments["general_office"].manager_id = cls.users["office"]
        cls.product.is_storable = True
        cls._make_regular(cls.product)
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.stock_location, 100.0
        )

    def _url(self, action, record):
        return f"/odoo/action-{action}/{record.id}"

    def _order_url(self, order):
        return self._url("sale_order_intake.sale_order_intake_action", order)

    def _tour(self, url, name, role):
        self.start_tour(
            url, f"order_handling_suite_{name}", login=self.users[role].login
        )


@tagged("post_install", "-at_install")
class TestRegularPathTour(SuiteTourCommon):
    def test_regular_order_from_sales_to_follow_up_visit(self):
        customer = self.env["res.partner"].create(
            {"name": "Tour Regular Customer Ltd", "email": "buyer@tour.example.com"}
        )
        self._tour(
            "/odoo/action-sale.action_quotations_with_onboarding/new",
            "sales_enters_order",
            "sales",
        )
        order = self.env["sale.order"].search([("partner_id", "=", customer.id)])
        self.assertEqual(order.create_uid, self.users["sales"])
        # the shipping line of "Add shipping" is no product to check
        self.assertEqual(order.carrier_id, self.carrier)
        self.assertEqual(
            order.order_line.filtered("is_delivery").product_id,
            self.carrier.product_id,
        )
        self.assertEqual(order.intake_stage, "submitted")
        self.assertTrue(order.commitment_date)
        url = self._order_url(order)

        self._tour(url, "sign_off", "saleshead")
        self.assertEqual(order.sales_signoff_uid, self.users["saleshead"])
        self._tour(url, "clerk_accepts", "clerk")
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(order.intake_class, "regular")
        self.assertEqual(order.intake_accepted_uid, self.users["clerk"])
        self.assertEqual(
            sorted(order.transfer_slip_ids.department_id.mapped("code")),
            ["quality", "warehouse"],
        )

        review = order.current_review_id
        self._tour(
            self._url("sale_order_review.sale_order_review_action", review),
            "review_accept",
            "workshop",
        )
        self.assertEqual(review.state, "accepted")
        self.assertEqual(review.decision_uid, self.users["workshop"])
        # the workshop reads no order: it proposes the date from the copy
        copy = self.env["sale.order.copy"].browse(order.id)
        self._tour(
            self._url("order_handling_base.sale_order_copy_action", copy),
            "propose_date",
            "workshop",
        )
        self.assertEqual(order.intake_stage, "date_proposed")
        self.assertEqual(order.delivery_date_proposed_uid, self.users["workshop"])
        self._tour(url, "reply_date", "clerk")
        self.assertEqual(order.intake_stage, "date_confirmed")
        self.assertEqual(order.commitment_date, order.delivery_date_proposed)
        self._tour(url, "confirm", "sales")
        self.assertEqual(order.state, "sale")

        picking = order.picking_ids
        self._tour(
            self._url("stock.action_picking_tree_all", picking),
            "validate_delivery",
            "warehouse",
        )
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.delivery_status, "full")
        self._tour(url, "complete", "clerk")
        self.assertEqual(order.intake_stage, "done")

        # a week after the delivery, the follow-up visit is planned
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            self.env["sale.customer.visit"]._cron_plan_visits()
        visit = self.env["sale.customer.visit"].search([("order_id", "=", order.id)])
        self.assertEqual((visit.origin, visit.state), ("delivery", "planned"))
        self._tour(
            self._url("sale_customer_care.sale_customer_visit_action", visit),
            "follow_up_visit",
            "service",
        )
        self.assertEqual(visit.state, "done")
        self.assertAlmostEqual(visit.score_avg, 14 / 3, places=2)
        self.assertFalse(visit.complaint_ids)
        self.assertEqual(
            order.stage_log_ids.sorted("id").mapped("stage"),
            [
                "draft",
                "submitted",
                "checked",
                "accepted",
                "date_proposed",
                "date_confirmed",
                "done",
            ],
        )


@tagged("post_install", "-at_install")
class TestNonRegularPathTour(SuiteTourCommon):
    def _complete_package(self, plan):
        """What engineering uploads between the tours: a file for each
        document of the technical package (a real BOM with MRP)."""
        engineer = self.users["engineering"]
        for deliverable in plan.deliverable_ids.with_user(engineer):
            if deliverable._fields.get("is_bom") and deliverable.is_bom:
                deliverable.sudo().action_create_bom()
            else:
                attachment = (
                    self.env["ir.attachment"]
                    .with_user(engineer)
                    .create(
                        {
                            "name": f"{deliverable.type_id.name}.pdf",
                            "datas": base64.b64encode(b"%PDF-1.4"),
                            "res_model": deliverable._name,
                            "res_id": deliverable.id,
                        }
                    )
                )
                deliverable.attachment_ids = [Command.link(attachment.id)]
            deliverable.action_done()

    def test_non_regular_order_from_review_meeting_to_confirmation(self):
        customer = self.env["res.partner"].create(
            {"name": "Tour Special Customer Ltd", "email": "buyer@special.example.com"}
        )
        valve = self.env["product.product"].create(
            {"name": "Custom valve CV-7", "default_code": "CV-7", "is_storable": True}
        )
        order = self._submit(self._new_order(lines=[(valve, 2)], partner=customer))
        url = self._order_url(order)
        self._tour(url, "clerk_accepts", "clerk")
        self.assertEqual(order.intake_class, "non_regular")
        self.assertEqual(
            order.transfer_slip_ids.department_id, self.departments["engineering"]
        )

        review = order.current_review_id
        self._tour(
            self._url("sale_order_review.sale_order_review_action", review),
            "call_meeting",
            "engineering",
        )
        meeting = review.meeting_ids
        self.assertEqual((review.state, meeting.state), ("meeting", "scheduled"))
        self.assertEqual(len(meeting.department_ids), 4)
        # the other departments give their opinions in their own time
        for code, role, position in [
            ("quality", "quality", "conditions"),
            ("production", "workshop", "agree"),
            ("purchasing", "purchasing", "agree"),
        ]:
            self.env["sale.order.review.opinion"].with_user(self.users[role]).create(
                {
                    "meeting_id": meeting.id,
                    "department_id": self.departments[code].id,
                    "position": position,
                    "opinion": f"{code}: fine",
                }
            )
        self._tour(
            self._url("sale_order_review.sale_order_review_meeting_action", meeting),
            "resolve_meeting",
            "engineering",
        )
        self.assertEqual(meeting.state, "resolved")
        self.assertEqual(len(meeting.opinion_ids), 4)
        self.assertEqual(meeting.what_to_make, "CV-7 in stainless steel")
        self._tour(
            self._url("sale_order_review.sale_order_review_meeting_action", meeting),
            "approve_resolution",
            "gm",
        )
        self.assertEqual(meeting.approved_uid, self.users["gm"])
        self.assertEqual(review.state, "accepted")

        plan = order.plan_ids
        self.assertEqual(plan.resolution, "CV-7 in stainless steel")
        # drafted by the general manager's approval, the plan is still the
        # engineering supervisor's: the general manager approves it below
        self.assertEqual(plan.create_uid, self.users["gm"])
        self.assertEqual(plan.supervisor_id, self.users["engineering"])
        plan.with_user(self.users["engineering"]).write(
            {"process_engineer_id": self.users["process"].id}
        )
        plan_url = self._url("sale_engineering_plan.sale_engineering_plan_action", plan)
        self._tour(plan_url, "request_plan_approval", "engineering")
        self.assertEqual(len(plan.review_ids), 2)
        self._tour(plan_url, "validate_plan", "saleshead")
        self.assertNotEqual(plan.validation_status, "validated")
        # the sales head agreed first; the general manager's step waits
        approved = plan.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(approved.done_by, self.users["saleshead"])
        self._tour(plan_url, "validate_plan", "gm")
        self.assertEqual(plan.validation_status, "validated")
        self.assertEqual(
            plan.review_ids.done_by, self.users["saleshead"] | self.users["gm"]
        )
        self._tour(plan_url, "approve_plan", "engineering")
        self.assertEqual(plan.state, "approved")
        self._complete_package(plan)
        self._tour(plan_url, "issue_plan", "engineering")
        self.assertEqual(plan.state, "issued")
        self.assertEqual(
            sorted(plan.transfer_slip_ids.department_id.mapped("code")),
            ["general_office", "production", "purchasing", "quality"],
        )
        self.assertTrue(valve.product_tmpl_id.tech_docs_complete)

        # the engineering supervisor proposes the date on the order copy
        # (it reads no order), which loads although the valve now has a BOM
        # and engineering has no right on stock moves nor manufacturing
        self.assertTrue(self.env["mrp.bom"]._bom_find(valve)[valve])
        copy = self.env["sale.order.copy"].browse(order.id)
        self._tour(
            self._url("order_handling_base.sale_order_copy_action", copy),
            "propose_date",
            "engineering",
        )
        self.assertEqual(order.delivery_date_proposed_uid, self.users["engineering"])
        self._tour(url, "reply_date", "clerk")
        self._tour(url, "confirm", "sales")
        self.assertEqual(order.intake_stage, "date_confirmed")
        self.assertEqual(order.state, "sale")
