# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sale_order_intel.tests.common import IntelCommon


@tagged("post_install", "-at_install")
class TestOpportunityButton(IntelCommon):
    """R9.3: the *Create Opportunity* button follows one rule, for the form
    (``can_create_opportunity``) and for the server."""

    def _can(self, report, role):
        report = report.with_user(self.users[role])
        report.invalidate_recordset(["can_create_opportunity"])
        return report.can_create_opportunity

    def assertRefusedOpportunity(self, report, role, regex, exception=UserError):
        leads = self.env["crm.lead"].search_count([])
        self.assertRefusedUntouched(
            exception,
            report,
            report.with_user(self.users[role]).action_create_opportunity,
            ["state"],
            regex,
        )
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)

    def test_create_opportunity(self):
        report = self._evaluated()
        draft = self._report()
        self.assertFalse(self._can(draft, "sales"))
        self.assertRefusedOpportunity(draft, "sales", "evaluated, valuable")
        not_valuable = self._evaluated(valuable=False)
        self.assertFalse(self._can(not_valuable, "marketing"))
        self.assertRefusedOpportunity(not_valuable, "marketing", "evaluated, valuable")
        # not the reporter: the confidential report is not theirs to write
        self.assertRefusedOpportunity(report, "sales2", "", exception=AccessError)
        self.assertTrue(self._can(report, "sales"))
        self.assertTrue(self._can(report, "marketing"))
        action = report.with_user(self.users["sales"]).action_create_opportunity()
        lead = self.env["crm.lead"].browse(action["res_id"])
        self.assertEqual(lead.intel_report_id, report)
        # one open opportunity per report: the button is gone for everyone
        self.assertFalse(self._can(report, "sales"))
        self.assertFalse(self._can(report, "marketing"))
        self.assertRefusedOpportunity(report, "marketing", "already has an open")

    def test_won_opportunity_uses_the_report_rule(self):
        """Winning the opportunity marks the report won only where the
        report's own *Won* rule lets the user (marketing planning)."""
        report = self._evaluated()
        action = report.with_user(self.users["sales"]).action_create_opportunity()
        lead = self.env["crm.lead"].browse(action["res_id"])
        self._linked_order(report).action_confirm()
        # the confirmation itself marks the report won (sale_order_intel):
        # take it back to the plan state to see what the lead does
        report.sudo()._workflow_write({"state": "plan"})
        lead.with_user(self.users["sales"]).action_set_won()
        self.assertEqual(report.state, "plan")
        self.assertIn("Opportunity won by", report.message_ids[0].body)
