# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class SaleIntelReport(models.Model):
    _inherit = "sale.intel.report"

    lead_ids = fields.One2many("crm.lead", "intel_report_id", string="Opportunities")
    lead_count = fields.Integer(compute="_compute_lead_count")
    can_create_opportunity = fields.Boolean(compute="_compute_can_buttons")

    @api.depends("lead_ids")
    def _compute_lead_count(self):
        for report in self:
            report.lead_count = len(report.lead_ids)

    def _is_opportunity_state(self):
        """A report becomes an opportunity where a marketing plan makes sense
        too: evaluated as valuable, or already planned."""
        self.ensure_one()
        return self.state in ("evaluated", "plan") and self.is_valuable

    def _get_open_opportunities(self):
        """Active opportunities of the reports not won yet (sudo: a second
        opportunity is refused even if its owner is someone else)."""
        return (
            self.env["crm.lead"]
            .sudo()
            .search(
                [
                    ("intel_report_id", "in", self.ids),
                    ("type", "=", "opportunity"),
                    "|",
                    ("stage_id", "=", False),
                    ("stage_id.is_won", "=", False),
                ]
            )
        )

    def _refuse_create_opportunity(self):
        """Only who can write the report (its reporter, marketing planning,
        administrators), on an evaluated valuable (or planned) report that
        has no open opportunity yet."""
        try:
            self.check_access("write")
        except AccessError as error:
            return error
        if not self._is_opportunity_state():
            return self.env._(
                "Only an evaluated, valuable report (or one with a marketing "
                "plan) becomes an opportunity (%(report)s).",
                report=self.name,
            )
        open_leads = self._get_open_opportunities()
        if open_leads:
            return self.env._(
                "%(report)s already has an open opportunity: %(lead)s.",
                report=self.name,
                lead=open_leads[0].name,
            )
        return ""

    def action_create_opportunity(self):
        """Create an opportunity prefilled from the report, as the current
        user (CRM's own access rules apply to it)."""
        self._ensure_can("create_opportunity")
        self.ensure_one()
        lead = self.env["crm.lead"].create(self._prepare_opportunity_vals())
        self.message_post(
            body=self.env._("Opportunity %(lead)s created.", lead=lead.name)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": lead.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _prepare_opportunity_vals(self):
        self.ensure_one()
        plan = self.sudo().plan_ids.filtered(
            lambda p: p.team_id and p.state != "cancel"
        )[-1:]
        vals = {
            "type": "opportunity",
            "name": self.title,
            "intel_report_id": self.id,
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "expected_revenue": self.expected_amount,
            "date_deadline": self.expected_date,
            "description": self.content,
        }
        if plan:
            vals["team_id"] = plan.team_id.id
        return vals

    def action_view_leads(self):
        self.ensure_one()
        action = self._open("crm.lead", self.lead_ids, self.env._("Opportunities"))
        action["context"] = {"default_type": "opportunity"}
        return action
