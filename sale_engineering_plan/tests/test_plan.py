# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.sale_order_intake.tests.test_delivery_date import (
    AcceptedOrderCommon,
)

ASSESSED = {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}


class PlanCommon(AcceptedOrderCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.valve = cls.env["product.product"].create(
            {"name": "Custom valve CV-7", "default_code": "CV-7", "is_storable": True}
        )

    def _pass_review(self, order):
        """The plan starts from the review: leave it to the tests."""

    def _non_regular_order(self):
        order = self._create_order(self.users["sales"])
        order.order_line.write({"product_id": self.valve.id})
        order.write({"commitment_date": fields.Datetime.now() + timedelta(days=30)})
        order.with_user(self.users["sales"]).action_intake_submit()
        clerk = order.with_user(self.users["clerk"])
        clerk.action_intake_check()
        return order

    def _plan(self):
        order = self._non_regular_order()
        self.assertEqual(order.intake_class, "non_regular")
        order.with_user(self.users["clerk"]).action_intake_accept()
        review = order.current_review_id.with_user(self.users["engineering"])
        review.write(dict(ASSESSED, conditions="Stainless body"))
        review.action_accept_conditions()
        plan = order.plan_ids
        self.assertEqual(len(plan), 1)
        return plan

    def _approve(self, plan):
        engineering = plan.with_user(self.users["engineering"])
        engineering.request_validation()
        plan.with_user(self.users["saleshead"]).validate_tier()
        plan.with_user(self.users["gm"]).validate_tier()
        engineering.invalidate_recordset()
        engineering.action_approve()
        self.assertEqual(plan.state, "approved")

    def _complete_package(self, plan):
        engineer = self.users["engineering"]
        attachment = (
            self.env["ir.attachment"]
            .with_user(engineer)
            .create({"name": "drawing.pdf", "datas": base64.b64encode(b"%PDF-1.4")})
        )
        for deliverable in plan.deliverable_ids.with_user(engineer):
            deliverable.write({"attachment_ids": [fields.Command.link(attachment.id)]})
            if deliverable._fields.get("is_bom") and deliverable.is_bom:
                # with sale_engineering_plan_mrp, the BOM is a real mrp.bom
                deliverable.sudo().action_create_bom()
            deliverable.action_done()


@tagged("post_install", "-at_install")
class TestPlan(PlanCommon):
    def test_plan_drafted_from_the_review(self):
        plan = self._plan()
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.supervisor_id, self.users["engineering"])
        self.assertEqual(plan.product_ids, self.valve)
        self.assertEqual(plan.resolution, "Stainless body")
        self.assertEqual(plan.sudo().activity_ids.user_id, self.users["engineering"])

    def test_two_ordered_approvals_nobody_approves_own_plan(self):
        plan = self._plan()
        engineering = plan.with_user(self.users["engineering"])
        with self.assertRaises(UserError):
            engineering.action_approve()  # not validated
        engineering.request_validation()
        self.assertEqual(len(plan.review_ids), 2)
        with self.assertRaisesRegex(UserError, "someone else"):
            engineering.validate_tier()
        with self.assertRaisesRegex(UserError, "sales head agrees"):
            plan.with_user(self.users["gm"]).validate_tier()
        plan.with_user(self.users["saleshead"]).validate_tier()
        self.assertNotEqual(plan.validation_status, "validated")
        with self.assertRaises(UserError):
            engineering.invalidate_recordset()
            engineering.action_approve()
        plan.with_user(self.users["gm"]).validate_tier()
        engineering.invalidate_recordset()
        engineering.action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(
            set(plan.deliverable_ids.type_id.mapped("code")),
            set(self.env["product.tech.document.type"].search([]).mapped("code")),
        )
        # direct state writes are refused over RPC
        with self.assertRaises(UserError):
            engineering.write({"state": "issued"})

    def test_plan_drafted_by_the_gm_resolution_is_approved_by_the_gm(self):
        """The general manager's approval of a meeting resolution drafts the
        plan; the plan stays the engineering supervisor's, so the general
        manager approves it later, while its supervisor and whoever asked
        for the approval still may not."""
        order = self._non_regular_order()
        order.with_user(self.users["clerk"]).action_intake_accept()
        review = order.current_review_id
        engineering = self.users["engineering"]
        review.with_user(engineering).write(ASSESSED)
        action = review.with_user(engineering).action_call_meeting()
        meeting = self.env["sale.order.review.meeting"].browse(action["res_id"])
        meeting = meeting.with_user(engineering)
        meeting.write(
            {
                "department_ids": [
                    fields.Command.set(self.departments["engineering"].ids)
                ],
                "make": "make",
                "what_to_make": "CV-7 in stainless steel",
            }
        )
        meeting.action_schedule()
        self.env["sale.order.review.opinion"].with_user(self.users["process"]).create(
            {
                "meeting_id": meeting.id,
                "department_id": self.departments["engineering"].id,
                "position": "agree",
                "opinion": "Feasible",
            }
        )
        meeting.action_resolve()
        meeting.with_user(self.users["gm"]).action_approve_resolution()
        plan = order.plan_ids
        self.assertEqual(plan.create_uid, self.users["gm"])
        self.assertEqual(plan.supervisor_id, engineering)
        self.assertEqual(plan.resolution, "CV-7 in stainless steel")
        plan.with_user(engineering).write({"supervisor_id": self.users["process"].id})
        # the engineering supervisor asks for the approval: not theirs to give
        plan.with_user(engineering).request_validation()
        for user in (engineering, self.users["process"]):
            with self.assertRaisesRegex(UserError, "someone else"):
                plan.with_user(user).validate_tier()
        plan.with_user(self.users["saleshead"]).validate_tier()
        plan.with_user(self.users["gm"]).validate_tier()
        self.assertEqual(plan.validation_status, "validated")
        self.assertEqual(
            plan.review_ids.done_by, self.users["saleshead"] | self.users["gm"]
        )

    def test_change_after_approval_resets_approvals(self):
        plan = self._plan()
        self._approve(plan)
        plan.with_user(self.users["engineering"]).write(
            {"solution": "<p>Bronze body after all</p>"}
        )
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.review_ids)
        self.assertTrue(
            plan.message_ids.filtered(lambda m: "approvals reset" in (m.body or ""))
        )
        # the package kept what was done; approving again continues
        self._approve(plan)

    def test_issue_needs_a_complete_package(self):
        """The plan is issued only when every deliverable of its technical package is
        done (R4.2)."""
        plan = self._plan()
        self._approve(plan)
        engineering = plan.with_user(self.users["engineering"])
        engineering.write({"process_engineer_id": self.users["process"].id})
        with self.assertRaisesRegex(UserError, "not done"):
            engineering.action_issue()
        deliverable = plan.deliverable_ids[0].with_user(self.users["engineering"])
        with self.assertRaisesRegex(UserError, "Attach"):
            deliverable.action_done()
        with self.assertRaises(AccessError):
            plan.deliverable_ids[0].with_user(self.users["quality"]).action_done()
        with self.assertRaises(UserError):
            deliverable.write({"state": "done"})
        self.assertEqual(plan.state, "approved")

    def test_issue_transfers_and_closes_the_loop(self):
        """R4.3 + R4.5 end to end: the issued plan goes to purchasing,
        quality, production and general office, the product's documents are
        complete, and the next identical order is regular."""
        plan = self._plan()
        self._approve(plan)
        plan.with_user(self.users["engineering"]).write(
            {"process_engineer_id": self.users["process"].id}
        )
        self._complete_package(plan)
        with self.assertRaises(AccessError):
            plan.with_user(self.users["quality"]).action_issue()
        plan.with_user(self.users["engineering"]).action_issue()
        self.assertEqual(plan.state, "issued")
        self.assertEqual(
            set(plan.transfer_slip_ids.department_id.mapped("code")),
            {"purchasing", "quality", "production", "general_office"},
        )
        self.assertIn("drawing.pdf", plan.transfer_slip_ids[0].note)
        self.assertTrue(self.valve.product_tmpl_id.tech_docs_complete)
        self.assertEqual(
            plan.sudo()
            .activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("sale_engineering_plan.mail_activity_type_rollout")
                )
            )
            .user_id,
            self.users["process"],
        )
        # quality reads the plan it received; the warehouse got none
        self.assertFalse(
            self.env["sale.engineering.plan"]
            .with_user(self.users["warehouse"])
            .search([("id", "=", plan.id)])
        )
        self.assertEqual(
            self.env["sale.engineering.plan"]
            .with_user(self.users["quality"])
            .search([("id", "=", plan.id)]),
            plan,
        )
        with self.assertRaises(UserError):
            plan.with_user(self.users["engineering"]).write({"solution": "<p>x</p>"})
        # the next identical order classifies regular
        next_order = self._non_regular_order()
        self.assertEqual(next_order.intake_class, "regular")
        # rollout log, then close
        process = plan.with_user(self.users["process"])
        with self.assertRaisesRegex(UserError, "Log the rollout"):
            process.action_done()
        self.env["sale.engineering.plan.followup"].with_user(
            self.users["process"]
        ).create({"plan_id": plan.id, "note": "First batch made", "progress": 100})
        with self.assertRaises(ValidationError):
            self.env["sale.engineering.plan.followup"].with_user(
                self.users["process"]
            ).create({"plan_id": plan.id, "note": "Too much", "progress": 120})
        rollout = self.env.ref("sale_engineering_plan.mail_activity_type_rollout")
        self.assertTrue(
            plan.sudo().activity_ids.filtered(lambda a: a.activity_type_id == rollout)
        )
        process.action_done()
        self.assertEqual(plan.state, "done")
        # the rollout activity is done, by the process engineer
        self.assertFalse(
            plan.sudo().activity_ids.filtered(lambda a: a.activity_type_id == rollout)
        )
        done = plan.sudo().message_ids.filtered(
            lambda m: m.mail_activity_type_id == rollout
        )
        self.assertEqual(done.author_id, self.users["process"].partner_id)

    def test_overdue_deliverable_escalates(self):
        plan = self._plan()
        self._approve(plan)
        deliverable = plan.deliverable_ids[0]
        due = fields.Datetime.now() + timedelta(days=2)
        deliverable.with_user(self.users["engineering"]).write({"date_due": due})
        self.assertEqual(deliverable.sla_deadline, due.replace(microsecond=0))
        from freezegun import freeze_time

        with freeze_time(fields.Datetime.now() + timedelta(days=3)):
            self.env["order.handling.sla.policy"]._cron_escalate_overdue()
        self.assertTrue(deliverable.sla_escalated)
        escalation = self.env.ref(
            "order_handling_base.mail_activity_type_sla_escalation"
        )
        self.assertEqual(
            deliverable.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == escalation)
            .user_id,
            self.users["engineering"],
        )


@tagged("post_install", "-at_install")
class TestPlanReport(PlanCommon, HttpCase):
    def test_product_plan_prints(self):
        plan = self._plan()
        report = self.env.ref("sale_engineering_plan.action_report_product_plan")
        html = report._render_qweb_html(report.report_name, plan.ids)[0].decode()
        self.assertIn(plan.name, html)
        self.assertIn("Stainless body", html)
        pdf, _type = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, plan.ids
        )
        self.assertTrue(pdf.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestPlanRollout(PlanCommon):
    """The process engineer logs the rollout from the plan form (R4.4): the
    form saves the new rollout-log lines, nothing else of the plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_process = new_test_user(
            cls.env,
            "oh_process2",
            groups="order_handling_base.group_process_engineer",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def _issued_plan(self):
        plan = self._plan()
        self._approve(plan)
        plan.with_user(self.users["engineering"]).write(
            {"process_engineer_id": self.users["process"].id}
        )
        self._complete_package(plan)
        plan.with_user(self.users["engineering"]).action_issue()
        self.assertEqual(plan.state, "issued")
        return plan

    def _save_log_line(self, plan, user, note):
        """What the form sends when a rollout-log line is added and saved."""
        return plan.with_user(user).web_save(
            {"followup_ids": [Command.create({"note": note, "progress": 40})]},
            specification={"followup_ids": {"fields": {"note": {}}}},
        )

    def test_process_engineer_saves_the_rollout_log_from_the_form(self):
        plan = self._issued_plan()
        process = self.users["process"]
        self._save_log_line(plan, process, "Workshop trained")
        self.assertEqual(plan.followup_ids.mapped("note"), ["Workshop trained"])
        self.assertEqual(plan.followup_ids.user_id, process)
        # correcting the line from the form
        plan.with_user(process).web_save(
            {"followup_ids": [Command.update(plan.followup_ids.id, {"progress": 60})]},
            specification={},
        )
        self.assertEqual(plan.followup_ids.progress, 60)
        # and the chatter of the plan is theirs too
        plan.with_user(process).message_post(body="First parts checked")
        plan.with_user(process).action_done()
        self.assertEqual(plan.state, "done")
        # a rolled out plan's log is closed
        with self.assertRaises(UserError):
            self._save_log_line(plan, process, "Too late")
        with self.assertRaises(UserError):
            plan.followup_ids.with_user(process).write({"note": "Rewritten"})
        self.assertEqual(len(plan.followup_ids), 1)

    def test_process_engineer_changes_nothing_else(self):
        plan = self._issued_plan()
        process = plan.with_user(self.users["process"])
        for vals in (
            {"title": "Another product"},
            {"process_engineer_id": self.other_process.id},
            {
                "title": "Another product",
                "followup_ids": [Command.create({"note": "Step", "progress": 10})],
            },
        ):
            with self.assertRaisesRegex(UserError, "only log the rollout"):
                process.write(vals)
        self.assertEqual(plan.process_engineer_id, self.users["process"])
        self.assertFalse(plan.followup_ids)
        # the engineering supervisor still manages the plan
        plan.with_user(self.users["engineering"]).write(
            {"process_engineer_id": self.other_process.id}
        )
        self.assertEqual(plan.process_engineer_id, self.other_process)

    def test_only_the_plans_process_engineer_logs_its_rollout(self):
        plan = self._issued_plan()
        Followup = self.env["sale.engineering.plan.followup"]
        # another process engineer, or a department that received the plan
        for user in (self.other_process, self.users["quality"]):
            with self.assertRaises(AccessError):
                self._save_log_line(plan, user, "Not mine")
            with self.assertRaises(AccessError):
                Followup.with_user(user).create(
                    {"plan_id": plan.id, "note": "Not mine", "progress": 5}
                )
        self.assertFalse(plan.followup_ids)
        entry = Followup.with_user(self.users["process"]).create(
            {"plan_id": plan.id, "note": "Mine", "progress": 5}
        )
        with self.assertRaises(AccessError):
            entry.with_user(self.other_process).write({"note": "Changed"})
        # the engineering supervisor logs on every plan
        self._save_log_line(plan, self.users["engineering"], "Checked")
        self.assertEqual(len(plan.followup_ids), 2)
