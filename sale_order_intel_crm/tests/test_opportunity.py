# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.sale_order_intel.tests.common import IntelCommon


@tagged("post_install", "-at_install")
class TestOpportunity(IntelCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._evaluated(expected_date="2026-09-30")

    def _create_opportunity(self, report, role="sales"):
        action = report.with_user(self.users[role]).action_create_opportunity()
        return self.env["crm.lead"].browse(action["res_id"])

    def _quotation(self, lead, role="sales"):
        """What the salesperson does: New Quotation on the opportunity."""
        lead = lead.with_user(self.users[role])
        context = lead._prepare_opportunity_quotation_context()
        with Form(
            self.env["sale.order"].with_user(self.users[role]).with_context(**context)
        ) as form:
            with form.order_line.new() as line:
                line.product_id = self.product
                line.product_uom_qty = 1
                line.price_unit = 10000.0
                line.tax_id.clear()
        return form.save()

    def test_reporter_creates_opportunity(self):
        lead = self._create_opportunity(self.report)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.intel_report_id, self.report)
        self.assertEqual(self.report.lead_ids, lead)
        self.assertEqual(self.report.lead_count, 1)
        self.assertEqual(lead.name, self.report.title)
        self.assertEqual(lead.partner_id, self.partner)
        self.assertEqual(lead.expected_revenue, 50000.0)
        self.assertEqual(str(lead.date_deadline), "2026-09-30")
        self.assertIn("200 pumps", lead.description)
        self.assertEqual(lead.user_id, self.users["sales"])
        action = self.report.with_user(self.users["sales"]).action_view_leads()
        self.assertEqual(action["res_id"], lead.id)

    def test_marketing_creates_opportunity_for_the_plan_team(self):
        as_marketing = self.report.with_user(self.users["marketing"])
        as_marketing.action_create_plan()
        self.report.plan_ids.with_user(self.users["marketing"]).team_id = self.team
        self.assertEqual(self.report.state, "plan")
        lead = self._create_opportunity(self.report, role="marketing")
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.intel_report_id, self.report)

    def test_refused(self):
        draft = self._report()
        with self.assertRefused(UserError, "evaluated, valuable"):
            draft.with_user(self.users["sales"]).action_create_opportunity()
        not_valuable = self._evaluated(valuable=False)
        with self.assertRefused(UserError, "evaluated, valuable"):
            not_valuable.with_user(self.users["marketing"]).action_create_opportunity()
        # not the reporter: cannot even read the confidential report
        with self.assertRaises(AccessError):
            self.report.with_user(self.users["sales2"]).action_create_opportunity()
        # a second open opportunity, even created by someone else
        lead = self._create_opportunity(self.report)
        with self.assertRefused(UserError, "already has an open opportunity"):
            self._create_opportunity(self.report, role="marketing")
        # once lost, a new one may be created
        lead.action_set_lost()
        self.assertTrue(self._create_opportunity(self.report))
        self.assertEqual(len(self.report.with_context(active_test=False).lead_ids), 2)

    def test_order_from_opportunity_is_linked_and_rewarded(self):
        """The order won from the report's opportunity links back to the report and
        earns its reward (R9.5)."""
        lead = self._create_opportunity(self.report)
        order = self._quotation(lead)
        self.assertEqual(order.opportunity_id, lead)
        self.assertEqual(order.intel_report_id, self.report)
        self.assertIn(order, self.report.sale_order_ids)
        order.with_user(self.users["sales"]).action_confirm()
        self.assertEqual(order.state, "sale")
        reward = order.intel_reward_ids
        self.assertEqual(len(reward), 1)
        self.assertEqual(reward.reward_type, "thank_you")
        self.assertEqual(reward.report_id, self.report)
        self.assertEqual(reward.amount, 200.0)  # 2% of 10,000
        # confirming already moved the report to won; winning changes nothing
        self.assertEqual(self.report.state, "won")
        lead.with_user(self.users["sales"]).action_set_won()
        self.assertEqual(lead.probability, 100)
        self.assertEqual(self.report.state, "won")

    def test_winning_moves_the_report_to_won(self):
        lead = self._create_opportunity(self.report, role="marketing")
        # an order confirmed before it was linked (set by hand afterwards)
        order = self._create_order(self.users["sales"])
        order.action_confirm()
        order.write({"intel_report_id": self.report.id})
        self.assertEqual(self.report.state, "evaluated")
        lead.with_user(self.users["marketing"]).action_set_won()
        self.assertEqual(self.report.state, "won")

    def test_winning_keeps_the_report_guards(self):
        # won without any confirmed order: the report stays evaluated
        lead = self._create_opportunity(self.report, role="marketing")
        lead.with_user(self.users["marketing"]).action_set_won()
        self.assertEqual(lead.probability, 100)
        self.assertEqual(self.report.state, "evaluated")
        # won by a salesperson (not marketing planning): left to marketing
        report = self._evaluated()
        lead = self._create_opportunity(report)
        order = self._create_order(self.users["sales"])
        order.action_confirm()
        order.write({"intel_report_id": report.id})
        lead.with_user(self.users["sales"]).action_set_won()
        self.assertEqual(report.state, "evaluated")
        self.assertIn("Opportunity won", report.message_ids[0].body)

    def test_quotation_without_report_stays_unlinked(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.users["sales"])
            .create(
                {
                    "name": "Plain opportunity",
                    "type": "opportunity",
                    "partner_id": self.partner.id,
                }
            )
        )
        order = self._quotation(lead)
        self.assertFalse(order.intel_report_id)
        # an explicit link is kept
        order.write({"intel_report_id": self.report.id, "opportunity_id": lead.id})
        self.assertEqual(order.intel_report_id, self.report)
