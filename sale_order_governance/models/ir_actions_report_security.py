# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError

# order reports that show no price: every role may print them (the
# production notice is the workshop's own document, R5.3)
NO_PRICE_REPORTS = {
    "sale_order_governance.report_sale_order_no_price",
    "sale_order_intake.report_production_notice",
}


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        self._governance_check_price_report(report_ref)
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        self._governance_check_price_report(report_ref)
        return super()._render_qweb_html(report_ref, docids, data=data)

    def _governance_check_price_report(self, report_ref):
        """QWeb reads fields as attributes, past the field checks: an order
        report with prices is refused to the roles without prices (R7.4),
        also when its URL is typed by hand."""
        report = self._get_report(report_ref)
        if report.model not in ("sale.order", "sale.order.line"):
            return
        if report.report_name in NO_PRICE_REPORTS:
            return
        if self.env[report.model]._governance_hide_prices():
            raise AccessError(
                self.env._(
                    "Prices of orders are confidential: print the order sheet "
                    "without prices instead of %s.",
                    report.name,
                )
            )
