# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import ConsultationCommon

ACTIVITY_TYPE = "sale_customer_consultation.mail_activity_type_consultation_report"


@tagged("post_install", "-at_install")
class TestMonthlyReport(ConsultationCommon):
    """R8.6: each month the consultations are counted by topic and reported
    to the departments concerned (电商客服 一.4: 提供客户咨询的记录和统计,
    及时反馈给相关部门)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Summary = cls.env["sale.customer.consultation.summary"]
        start, _stop, cls.label = cls.Summary._last_month(cls.company)
        # the 3rd of last month, noon: inside the month in any time zone
        cls.last_month = datetime.combine(start + timedelta(days=2), time(12))

    def _consult_last_month(self, answered=True, hours=5.0, **vals):
        received = self.last_month
        consultation = self._consult(received_date=received, **vals)
        if answered:
            consultation.answer = "Answered"
            consultation.action_answer()
            # the answer time as if answered ``hours`` after receipt
            consultation.sudo()._workflow_write(
                {
                    "answered_date": received + timedelta(hours=hours),
                    "answer_hours": hours,
                }
            )
        return consultation

    def _activities(self, summary):
        return self.env["mail.activity"].search(
            [("res_model", "=", summary._name), ("res_id", "in", summary.ids)]
        )

    def _run(self):
        return self.env["sale.customer.consultation"]._cron_report_to_departments()

    def test_off_reports_nothing(self):
        """R8.6 (design principle 1): a company that has not switched the
        report on is sent nothing."""
        self._consult_last_month()
        self.assertFalse(self.company.consultation_report_enabled)
        self.assertFalse(self._run())
        self.assertFalse(self.Summary.search([("company_id", "=", self.company.id)]))
        with self.assertRaisesRegex(UserError, "switch it on"):
            self.env["sale.customer.consultation"].with_user(
                self.manager
            ).action_report_to_departments()

    def test_report_figures_and_recipients(self):
        """R8.6: the month's figures by topic; each department concerned gets
        a message and each of its people an activity with their topics'
        figures; nobody else; once."""
        self.company.consultation_report_enabled = True
        self._consult_last_month(hours=2.0)
        self._consult_last_month(hours=4.0)
        self._consult_last_month(answered=False)
        self._consult_last_month(topic_id=self.topic_engineering.id, hours=10.0)
        self._consult_last_month(topic_id=self.topic_unrouted.id)
        # this month's and another company's consultations are not counted
        self._answered()
        summary = self._run()
        self.assertEqual(len(summary), 1)
        self.assertEqual(summary.month, self.label)
        self.assertEqual(summary.company_id, self.company)
        figures = {
            line.topic_id: (
                line.received_count,
                line.answered_count,
                line.open_count,
                line.answer_hours,
            )
            for line in summary.line_ids
        }
        self.assertEqual(
            figures,
            {
                self.topic_quality: (3, 2, 1, 3.0),
                self.topic_engineering: (1, 1, 0, 10.0),
                self.topic_unrouted: (1, 1, 0, 5.0),
            },
        )
        self.assertEqual(summary.received_count, 5)
        self.assertEqual(
            summary.department_ids,
            self.departments["quality"] | self.departments["engineering"],
        )
        # one message per department, to its people
        messages = summary.message_ids.filtered(lambda m: m.partner_ids)
        self.assertEqual(len(messages), 2)
        quality_people = self.users["quality"] | self.users["member"]
        engineering_people = self.users["engineering"] | self.users["process"]
        by_subject = {message.subject: message for message in messages}
        quality_message = by_subject[f"Consultations of {self.label}: Quality"]
        self.assertEqual(quality_message.partner_ids, quality_people.partner_id)
        self.assertIn("Product quality", quality_message.body)
        self.assertNotIn("Custom designs", quality_message.body)
        engineering_message = by_subject[f"Consultations of {self.label}: Engineering"]
        self.assertEqual(engineering_message.partner_ids, engineering_people.partner_id)
        # one activity per person of the departments concerned, nobody else
        activities = self._activities(summary)
        self.assertEqual(activities.user_id, quality_people | engineering_people)
        self.assertEqual(len(activities), 4)
        self.assertEqual(activities.activity_type_id, self.env.ref(ACTIVITY_TYPE))
        note = activities.filtered(lambda a: a.user_id == self.users["member"]).note
        self.assertIn("Product quality", note)
        self.assertNotIn("Small talk", note)
        # a department member opens the report and marks the activity done
        member_activity = activities.filtered(
            lambda a: a.user_id == self.users["member"]
        )
        self.assertEqual(summary.with_user(self.users["member"]).month, self.label)
        member_activity.with_user(self.users["member"]).action_feedback("Seen")
        self.assertFalse(member_activity.exists())

        # twice in the month: nothing more
        self.assertFalse(self._run())
        self.assertEqual(len(self._activities(summary)), 3)
        self.assertEqual(len(summary.message_ids.filtered(lambda m: m.partner_ids)), 2)
        with self.assertRaisesRegex(UserError, "already been reported"):
            self.env["sale.customer.consultation"].with_user(
                self.manager
            ).action_report_to_departments()
        self.assertEqual(
            self.Summary.search_count([("company_id", "=", self.company.id)]), 1
        )

    def test_people_filtered(self):
        """Archived users and users of other companies are not sent the
        figures; a user in two departments concerned gets one activity."""
        self.company.consultation_report_enabled = True
        company_b = self.env["res.company"].create({"name": "Report Company B"})
        outsider = new_test_user(
            self.env,
            "oh_outsider",
            groups="order_handling_base.group_user",
            company_id=self.company.id,
            company_ids=[Command.set((self.company | company_b).ids)],
        )
        archived = new_test_user(
            self.env, "oh_archived", groups="order_handling_base.group_user"
        )
        self.departments["quality"].sudo().member_ids = [
            Command.link(outsider.id),
            Command.link(archived.id),
            Command.link(self.users["process"].id),
        ]
        archived.active = False
        # the outsider has left the company since
        outsider.write(
            {"company_id": company_b.id, "company_ids": [Command.set(company_b.ids)]}
        )
        self._consult_last_month(topic_id=self.topic_technical.id)
        summary = self._run()
        activities = self._activities(summary)
        self.assertEqual(
            activities.user_id,
            self.users["quality"]
            | self.users["member"]
            | self.users["engineering"]
            | self.users["process"],
        )
        self.assertEqual(len(activities), 4)

    def test_manual_report(self):
        """R8.6: an administrator reports last month now; the daily job then
        does not report it again."""
        self.company.consultation_report_enabled = True
        self._consult_last_month()
        action = (
            self.env["sale.customer.consultation"]
            .with_user(self.manager)
            .action_report_to_departments()
        )
        summary = self.Summary.browse(action["res_id"])
        self.assertEqual(summary.month, self.label)
        self.assertTrue(self._activities(summary))
        self.assertFalse(self._run())

    def test_foreign_company(self):
        """R8.6: each company reports its own consultations to its own
        departments."""
        self.company.consultation_report_enabled = True
        company_b = self.env["res.company"].create(
            {"name": "Report Company C", "consultation_report_enabled": True}
        )
        quality_b = self.env["order.handling.department"].search(
            [("company_id", "=", company_b.id), ("code", "=", "quality")]
        )
        user_b = new_test_user(
            self.env,
            "oh_quality_b",
            groups="order_handling_base.group_quality",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        quality_b.manager_id = user_b
        topic_b = self.env["sale.customer.consultation.topic"].create(
            {
                "name": "Quality of C",
                "company_id": company_b.id,
                "department_ids": [Command.set(quality_b.ids)],
            }
        )
        self.env["sale.customer.consultation"].with_company(company_b).create(
            {
                "partner_id": self.partner.id,
                "company_id": company_b.id,
                "topic_id": topic_b.id,
                "question": "C?",
                "received_date": self.last_month,
            }
        )
        self._consult_last_month()
        summaries = self._run()
        self.assertEqual(summaries.company_id, self.company | company_b)
        summary_b = summaries.filtered(lambda s: s.company_id == company_b)
        self.assertEqual(summary_b.line_ids.topic_id, topic_b)
        self.assertEqual(self._activities(summary_b).user_id, user_b)
        summary_a = summaries - summary_b
        self.assertNotIn(user_b, self._activities(summary_a).user_id)
        # the people of one company do not read the other's report
        self.assertFalse(
            self.Summary.with_user(self.users["member"]).search(
                [("id", "=", summary_b.id)]
            )
        )

    def test_query_count(self):
        """R8.6: the monthly report costs the same number of queries for 6
        or 60 consultations (one grouped read, one message per department,
        one create of all activities)."""
        Consultation = self.env["sale.customer.consultation"].sudo()
        topics = self.topic_quality | self.topic_engineering | self.topic_technical
        companies = []
        for name, count in (("Warm-up", 3), ("Few", 6), ("Many", 60)):
            company = self.env["res.company"].create(
                {"name": f"Report Company {name}", "consultation_report_enabled": True}
            )
            company_topics = self._copy_topics(company, topics)
            Consultation.with_company(company).create(
                [
                    {
                        "partner_id": self.partner.id,
                        "company_id": company.id,
                        "topic_id": company_topics[index % 3].id,
                        "question": f"Question {index}",
                        "received_date": self.last_month,
                    }
                    for index in range(count)
                ]
            )
            companies.append(company)
        Summary = self.Summary.sudo()
        # the first report fills the registry caches (xml ids, mail layout)
        Summary._report_last_month(companies[0])
        for company in companies[1:]:
            # each report starts from an empty record cache
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=55):
                summary = Summary._report_last_month(company)
            self.assertEqual(len(self._activities(summary)), 4)
            self.assertEqual(
                sum(summary.line_ids.mapped("received_count")),
                len(Consultation.search([("company_id", "=", company.id)])),
            )

    def _copy_topics(self, company, topics):
        """``topics`` for ``company``, with its own copies of their
        departments and the same people."""
        Department = self.env["order.handling.department"]
        copies = self.env["sale.customer.consultation.topic"]
        for topic in topics:
            departments = Department.search(
                [
                    ("company_id", "=", company.id),
                    ("code", "in", topic.department_ids.mapped("code")),
                ]
            )
            copies |= topic.copy(
                {
                    "company_id": company.id,
                    "department_ids": [Command.set(departments.ids)],
                }
            )
        for department in copies.department_ids:
            original = self.departments[department.code]
            people = original.manager_id | original.member_ids
            people.write({"company_ids": [Command.link(company.id)]})
            department.write(
                {
                    "manager_id": original.manager_id.id,
                    "member_ids": [Command.set(original.member_ids.ids)],
                }
            )
        return copies
