# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class OrderHandlingKpiIntel(models.Model):
    """Intelligence conversion (R11.1): one row per submitted intelligence
    report, whether it was found valuable and whether it turned into a
    confirmed sale order (``sale.order.intel_report_id``).

    A SQL view: the conversion counts the confirmed orders of each report,
    looked up by the indexed ``intel_report_id``, and the rates are grouped
    by ``order.handling.kpi.mixin``. Definitions: readme/USAGE.md."""

    _name = "order.handling.kpi.intel"
    _inherit = ["order.handling.kpi.mixin"]
    _description = "Intelligence Conversion"
    _auto = False
    _order = "date_report desc, id desc"
    _rec_name = "report_id"
    _depends = {
        "sale.intel.report": [
            "company_id",
            "user_id",
            "partner_id",
            "intel_type",
            "channel_id",
            "date_report",
            "submitted_date",
            "state",
            "evaluated_date",
            "is_valuable",
            "expected_amount",
        ],
        "sale.order": ["intel_report_id", "state", "amount_untaxed", "currency_rate"],
        "res.company": ["partner_id"],
        "res.partner": ["tz"],
    }
    _kpi_ratios = {
        "conversion_rate": ("converted_count", "nbr"),
        "valuable_rate": ("valuable_count", "evaluated_count"),
        "valuable_conversion_rate": ("converted_valuable_count", "valuable_count"),
    }

    report_id = fields.Many2one(
        "sale.intel.report", string="Intelligence Report", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    user_id = fields.Many2one("res.users", string="Reporter", readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Prospect / Customer", readonly=True
    )
    intel_type = fields.Selection(
        [
            ("order_lead", "Order Lead"),
            ("customer_need", "Customer Need"),
            ("market_trend", "Market Trend"),
            ("competitor_product", "Competitor Product"),
            ("competitor_price", "Competitor Price"),
            ("promotion", "Promotion"),
        ],
        string="Type",
        readonly=True,
    )
    channel_id = fields.Many2one(
        "sale.intel.channel", string="Intelligence Channel", readonly=True
    )
    date_report = fields.Date(string="Report Date", readonly=True)
    date_submitted = fields.Datetime(string="Submitted On", readonly=True)
    month_submitted = fields.Date(
        string="Submitted Month",
        readonly=True,
        help="Month the report was submitted, in the company's time zone (the "
        "report date is typed by the reporter and may lie ahead).",
    )
    nbr = fields.Integer(string="# Reports", readonly=True, aggregator="sum")
    evaluated_count = fields.Integer(
        string="# Evaluated", readonly=True, aggregator="sum"
    )
    valuable_count = fields.Integer(
        string="# Valuable", readonly=True, aggregator="sum"
    )
    converted_count = fields.Integer(
        string="# Turned into Orders", readonly=True, aggregator="sum"
    )
    converted_valuable_count = fields.Integer(
        string="# Valuable Turned into Orders", readonly=True, aggregator="sum"
    )
    expected_amount = fields.Monetary(string="Expected Value", readonly=True)
    order_amount = fields.Monetary(
        string="Ordered Amount",
        readonly=True,
        help="Untaxed amount of the confirmed orders, in company currency.",
    )
    conversion_rate = fields.Float(
        string="Conversion Rate (%)", readonly=True, aggregator="avg"
    )
    valuable_rate = fields.Float(
        string="Valuable Rate (%)", readonly=True, aggregator="avg"
    )
    valuable_conversion_rate = fields.Float(
        string="Valuable Conversion Rate (%)", readonly=True, aggregator="avg"
    )

    @property
    def _table_query(self):
        tz = SQL("COALESCE(ctz.tz, 'UTC')")
        return SQL(
            """
            WITH company_tz AS (%(company_tz)s)
            SELECT r.id,
                   r.id AS report_id,
                   r.company_id,
                   c.currency_id,
                   r.user_id,
                   r.partner_id,
                   r.intel_type,
                   r.channel_id,
                   r.date_report,
                   r.submitted_date AS date_submitted,
                   COALESCE(%(month_submitted)s,
                            date_trunc('month', LEAST(r.date_report, %(today)s))::date)
                       AS month_submitted,
                   1 AS nbr,
                   (r.evaluated_date IS NOT NULL)::int AS evaluated_count,
                   (r.evaluated_date IS NOT NULL
                    AND r.is_valuable IS TRUE)::int AS valuable_count,
                   (o.nbr > 0)::int AS converted_count,
                   (o.nbr > 0 AND r.evaluated_date IS NOT NULL
                    AND r.is_valuable IS TRUE)::int AS converted_valuable_count,
                   r.expected_amount,
                   o.amount AS order_amount,
                   100.0 * (o.nbr > 0)::int AS conversion_rate,
                   CASE WHEN r.evaluated_date IS NOT NULL
                        THEN 100.0 * (r.is_valuable IS TRUE)::int END
                       AS valuable_rate,
                   CASE WHEN r.evaluated_date IS NOT NULL AND r.is_valuable
                        THEN 100.0 * (o.nbr > 0)::int END
                       AS valuable_conversion_rate
              FROM sale_intel_report r
              JOIN res_company c ON c.id = r.company_id
              LEFT JOIN company_tz ctz ON ctz.company_id = r.company_id
              CROSS JOIN LATERAL (
                SELECT COUNT(*) AS nbr,
                       COALESCE(SUM(so.amount_untaxed
                                    / COALESCE(NULLIF(so.currency_rate, 0), 1.0)),
                                0.0) AS amount
                  FROM sale_order so
                 WHERE so.intel_report_id = r.id
                   AND so.state = 'sale'
              ) o
             WHERE r.state != 'draft'
            """,
            company_tz=self._kpi_company_tz_query(),
            month_submitted=self._kpi_month(SQL("r.submitted_date"), tz),
            today=SQL("(NOW() AT TIME ZONE %s)::date", tz),
        )

    def action_open_reports(self):
        return self._kpi_open_records(
            "sale.intel.report", "report_id", self.env._("Intelligence Reports")
        )

    def action_open_orders(self):
        orders = self.env["sale.order"].search(
            [("intel_report_id", "in", self.report_id.ids), ("state", "=", "sale")]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sale Orders"),
            "res_model": "sale.order",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", orders.ids)],
            "context": {"create": False},
        }
