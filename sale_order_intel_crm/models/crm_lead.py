# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    intel_report_id = fields.Many2one(
        "sale.intel.report",
        string="Intelligence Report",
        index="btree_not_null",
        copy=False,
        readonly=True,
        tracking=True,
        check_company=True,
        help="The intelligence report this opportunity was created from: its "
        "quotations are linked to the report, and winning the opportunity "
        "marks the report as won.",
    )

    def action_set_won(self):
        result = super().action_set_won()
        self._intel_mark_reports_won()
        return result

    def _intel_mark_reports_won(self):
        """Mark the reports of won opportunities as won through the report's
        own action (and its checks: marketing planning, an open report, a
        confirmed order linked to it). A report that cannot be won yet by
        this user is left as it is, with a note in its chatter."""
        reports = self.sudo().intel_report_id.filtered(
            lambda r: r.state in ("evaluated", "plan")
        )
        if not reports:
            return
        for report in reports:
            # the report's own rule for this user (marketing planning, an
            # open report), and a confirmed order linked to it
            as_user = report.with_env(self.env)
            if not as_user._button_refusal("mark_won") and (
                report.sale_order_ids.filtered(lambda o: o.state == "sale")
            ):
                as_user.action_mark_won()
            else:
                report.message_post(
                    body=self.env._(
                        "Opportunity won by %(user)s; the report can be marked "
                        "as won by marketing planning once a confirmed order is "
                        "linked to it.",
                        user=self.env.user.name,
                    )
                )
