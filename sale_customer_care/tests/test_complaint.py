# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CustomerCareCommon


@tagged("post_install", "-at_install")
class TestComplaint(CustomerCareCommon):
    def test_flow_and_sla(self):
        """A complaint through its stages, with response and resolution SLAs (R8.3)."""
        complaint = self._complaint()
        self.assertTrue(complaint.name.startswith("CMP/"))
        self.assertEqual(
            complaint.stage_id, self.env.ref("sale_customer_care.complaint_stage_new")
        )
        self.assertEqual(
            complaint.sla_policy_id,
            self.env.ref("sale_customer_care.sla_policy_complaint_new"),
        )
        self.assertTrue(complaint.sla_deadline)
        self.assertIn(self.partner, complaint.message_partner_ids)
        complaint.action_acknowledge()
        self.assertEqual(complaint.stage_code, "acknowledged")
        self.assertEqual(complaint.acknowledged_uid, self.service)
        self.assertTrue(complaint.resolution_deadline)
        self.assertEqual(complaint.sla_deadline, complaint.resolution_deadline)
        complaint.action_investigate()
        with self.assertRaisesRegex(UserError, "root cause"):
            complaint.action_propose_solution()
        complaint.write(
            {
                "root_cause": "Seal",
                "corrective_action": "New seal",
                "preventive_action": "Check",
            }
        )
        complaint.action_propose_solution()
        with self.assertRaisesRegex(UserError, "cannot move"):
            complaint.action_close()  # not confirmed by the customer
        complaint.action_customer_confirm()
        complaint.action_close()
        self.assertEqual(complaint.stage_code, "closed")
        self.assertTrue(complaint.closed_date)
        self.assertGreaterEqual(complaint.resolution_hours, 0)
        # in the order they were written (the model lists the newest first)
        logs = complaint.stage_log_ids.sorted("id")
        self.assertEqual(
            logs.mapped("stage"),
            ["new", "acknowledged", "investigating", "solution", "confirmed", "closed"],
        )

    def test_close_refused_without_root_cause_or_confirmation(self):
        complaint = self._complaint()
        complaint.action_acknowledge()
        complaint.action_investigate()
        # a kanban drag to closed is guarded as well
        closed = self.env.ref("sale_customer_care.complaint_stage_closed")
        with self.assertRaisesRegex(UserError, "cannot move"):
            complaint.write({"stage_id": closed.id})
        complaint.write({"root_cause": False, "corrective_action": "Replace"})
        self.assertIn("record the root cause", complaint._missing_for("closed"))
        self.assertIn(
            "the customer has not confirmed the solution",
            complaint._missing_for("closed"),
        )
        with self.assertRaises(UserError):
            complaint.action_close()
        self.assertEqual(complaint.stage_code, "investigating")

    def test_transfer_to_department(self):
        complaint = self._complaint(category="wrong_item")
        with self.assertRaises(UserError):
            complaint.action_transfer_department()
        complaint.department_id = self.departments["quality"]
        self.assertIs(complaint.action_transfer_department(), True)
        slip = complaint.transfer_slip_ids
        self.assertEqual(slip.department_id, self.departments["quality"])
        self.assertEqual(slip.res_model, "sale.customer.complaint")
        self.assertEqual(complaint.transfer_slip_count, 1)
        with self.assertRaises(UserError):
            complaint.action_transfer_department()
        # the quality department now sees the complaint
        self.assertTrue(complaint.with_user(self.users["quality"]).subject)

    def test_mail_alias_opens_complaint(self):
        alias = self.env.ref("sale_customer_care.mail_alias_complaint")
        self.assertEqual(alias.alias_model_id.model, "sale.customer.complaint")
        complaint = self.env["sale.customer.complaint"].message_new(
            {
                "subject": "Wrong valves delivered",
                "body": "<p>We got VX-2 instead of VX-3</p>",
                "email_from": "Buyer <buyer@acme.example.com>",
                "author_id": self.partner.id,
            }
        )
        self.assertEqual(complaint.partner_id, self.partner)
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.subject, "Wrong valves delivered")

    def test_8d_report(self):
        complaint = self._solve(self._complaint())
        report = self.env.ref("sale_customer_care.action_report_complaint_8d")
        html = report._render_qweb_html(report.report_name, complaint.ids)[0].decode()
        self.assertIn(complaint.name, html)
        self.assertIn("Seal not pressed in", html)
        self.assertIn("Root Cause", html)
        # the eight disciplines in their order, D1 first
        positions = [
            html.index(heading)
            for heading in (
                "D1 Team",
                "D2 Problem Description",
                "D3 Containment Action",
                "D4 Root Cause",
                "D5/D6 Corrective Action",
                "D7 Preventive Action",
                "D8 Closing",
            )
        ]
        self.assertEqual(positions, sorted(positions))

    def test_escalation_overdue(self):
        complaint = self._complaint()
        self.assertTrue(complaint.sla_deadline)
        self.env.flush_all()
        Complaint = self.env["sale.customer.complaint"].sudo()
        with freeze_time(complaint.sla_deadline + timedelta(days=1)):
            self.assertIn(complaint, Complaint._sla_escalate_overdue())
            self.assertTrue(complaint.sla_escalated)
            self.assertNotIn(
                complaint, Complaint._sla_escalate_overdue(), "escalated once"
            )

    def test_8d_report_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["sale_customer_care"], ["zh_CN"], overwrite=True
        )
        self.partner.lang = "zh_CN"
        complaint = self._solve(self._complaint())
        report = self.env.ref("sale_customer_care.action_report_complaint_8d")
        html = report._render_qweb_html(report.report_name, complaint.ids)[0].decode()
        self.assertIn("根本原因", html)
        self.assertIn("纠正措施", html)
