# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class SaleIntelComplianceReport(models.Model):
    """Reports filed against reports expected per policy and salesperson
    (R9.1). SQL, because counting the reports of every assignment is one
    grouped join, not a search per salesperson and policy."""

    _name = "sale.intel.compliance.report"
    _description = "Intelligence Policy Compliance"
    _auto = False
    _order = "date_from desc, user_id"
    _rec_name = "user_id"

    line_id = fields.Many2one("sale.intel.policy.line", readonly=True)
    policy_id = fields.Many2one("sale.intel.policy", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    region = fields.Char(readonly=True)
    date_from = fields.Date(string="Start", readonly=True)
    date_to = fields.Date(string="End", readonly=True)
    policy_state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
        readonly=True,
    )
    expected_count = fields.Integer(string="Expected Reports", readonly=True)
    filed_count = fields.Integer(string="Filed Reports", readonly=True)
    valuable_count = fields.Integer(string="Valuable Reports", readonly=True)
    missing_count = fields.Integer(string="Missing Reports", readonly=True)

    def _get_flush_sql(self):
        """Empty SQL that makes Odoo flush the fields the view reads before
        running a query on it."""
        deps = {
            "sale.intel.report": [
                "user_id",
                "company_id",
                "state",
                "date_report",
                "is_valuable",
            ],
            "sale.intel.policy": ["company_id", "date_from", "date_to", "state"],
            "sale.intel.policy.line": [
                "policy_id",
                "user_id",
                "region",
                "expected_count",
            ],
        }
        return SQL("").join(
            SQL("", to_flush=self.env[model]._fields[name])
            for model, names in deps.items()
            for name in names
        )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT l.id, l.id AS line_id, l.policy_id, p.company_id, l.user_id,
                   l.region, p.date_from, p.date_to, p.state AS policy_state,
                   l.expected_count,
                   COUNT(r.id) AS filed_count,
                   COUNT(r.id) FILTER (WHERE r.is_valuable) AS valuable_count,
                   GREATEST(l.expected_count - COUNT(r.id), 0) AS missing_count
              FROM sale_intel_policy_line l
              JOIN sale_intel_policy p ON p.id = l.policy_id
              LEFT JOIN sale_intel_report r
                ON r.user_id = l.user_id
               AND r.company_id = p.company_id
               AND r.state != 'draft'
               AND r.date_report BETWEEN p.date_from AND p.date_to
             GROUP BY l.id, p.id
            %(flush)s
            """,
            flush=self._get_flush_sql(),
        )
