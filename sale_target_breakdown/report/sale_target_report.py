# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


class SaleTargetReport(models.Model):
    """Target against actual per period and person (R10.2).

    A SQL view, because actuals of every period of every target are one join
    of the periods with the confirmed sale orders of their scope and dates;
    computing them in Python would cost a query per period and person. One
    row per period (quarter, month, week) and one row per annual target
    (``period_type = 'year'``, no ``period_id``). Amounts are untaxed, in the
    company currency (the order's rate at its date); an order counts on its
    order date in the company's time zone."""

    _name = "sale.target.report"
    _description = "Sales Target Achievement"
    _auto = False
    _order = "date_from desc, user_id, team_id, period_type"
    _rec_name = "period_name"

    target_id = fields.Many2one("sale.target", string="Annual Target", readonly=True)
    period_id = fields.Many2one(
        "sale.target.period", string="Target Period", readonly=True
    )
    period_name = fields.Char(string="Period", readonly=True)
    period_type = fields.Selection(
        [
            ("year", "Year"),
            ("quarter", "Quarter"),
            ("month", "Month"),
            ("week", "Week"),
        ],
        readonly=True,
    )
    date_from = fields.Date(string="Start", readonly=True)
    date_to = fields.Date(string="End", readonly=True)
    year = fields.Char(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    scope = fields.Selection(
        [("company", "Company"), ("team", "Sales Team"), ("user", "Salesperson")],
        readonly=True,
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")], readonly=True
    )
    target_amount = fields.Monetary(string="Target", readonly=True)
    actual_amount = fields.Monetary(string="Actual", readonly=True)
    gap_amount = fields.Monetary(string="Gap", readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True)
    achievement = fields.Float(
        string="Achievement (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Actual divided by target; in grouped views, total actual divided "
        "by total target.",
    )
    rating = fields.Selection(
        [
            ("achieved", "Achieved"),
            ("near", "Near (80% or more)"),
            ("below", "Below 80%"),
            ("none", "No Target"),
        ],
        readonly=True,
    )

    def _get_flush_sql(self):
        """Empty SQL that makes Odoo flush the fields the view reads before
        running a query on it."""
        deps = {
            "sale.order": [
                "state",
                "company_id",
                "date_order",
                "user_id",
                "team_id",
                "amount_untaxed",
                "currency_rate",
            ],
            "sale.target": [
                "company_id",
                "scope",
                "team_id",
                "user_id",
                "state",
                "date_from",
                "date_to",
                "year",
                "amount",
            ],
            "sale.target.period": [
                "target_id",
                "name",
                "period_type",
                "date_from",
                "date_to",
                "amount",
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
            WITH parts AS (
                SELECT p.id * 2 AS id, p.target_id, p.id AS period_id,
                       p.name AS period_name, p.period_type,
                       p.date_from, p.date_to, p.amount
                  FROM sale_target_period p
                UNION ALL
                SELECT t.id * 2 + 1, t.id, NULL, t.year, 'year',
                       t.date_from, t.date_to, t.amount
                  FROM sale_target t
            ), periods AS (
                SELECT parts.*, t.year, t.company_id, c.currency_id, t.scope,
                       t.team_id, t.user_id, t.state,
                       (parts.date_from::timestamp
                           AT TIME ZONE COALESCE(cp.tz, 'UTC')) AT TIME ZONE 'UTC'
                           AS utc_from,
                       ((parts.date_to + 1)::timestamp
                           AT TIME ZONE COALESCE(cp.tz, 'UTC')) AT TIME ZONE 'UTC'
                           AS utc_to
                  FROM parts
                  JOIN sale_target t ON t.id = parts.target_id
                  JOIN res_company c ON c.id = t.company_id
                  JOIN res_partner cp ON cp.id = c.partner_id
                 WHERE t.state != 'cancel'
            )
            SELECT per.id, per.target_id, per.period_id, per.period_name,
                   per.period_type, per.date_from, per.date_to, per.year,
                   per.company_id, per.currency_id, per.scope, per.team_id,
                   per.user_id, per.state,
                   per.amount AS target_amount,
                   COALESCE(act.amount, 0.0) AS actual_amount,
                   COALESCE(act.amount, 0.0) - per.amount AS gap_amount,
                   COALESCE(act.order_count, 0) AS order_count,
                   CASE WHEN per.amount > 0
                        THEN COALESCE(act.amount, 0.0) * 100.0 / per.amount
                        ELSE 0.0 END AS achievement,
                   CASE WHEN per.amount <= 0 THEN 'none'
                        WHEN COALESCE(act.amount, 0.0) >= per.amount THEN 'achieved'
                        WHEN COALESCE(act.amount, 0.0) >= per.amount * 0.8
                            THEN 'near'
                        ELSE 'below' END AS rating
              FROM periods per
              LEFT JOIN LATERAL (
                SELECT SUM(so.amount_untaxed / CASE COALESCE(so.currency_rate, 0)
                           WHEN 0 THEN 1.0 ELSE so.currency_rate END) AS amount,
                       COUNT(so.id) AS order_count
                  FROM sale_order so
                 WHERE so.state = 'sale'
                   AND so.company_id = per.company_id
                   AND so.date_order >= per.utc_from
                   AND so.date_order < per.utc_to
                   AND (per.scope = 'company'
                        OR (per.scope = 'team' AND so.team_id = per.team_id)
                        OR (per.scope = 'user' AND so.user_id = per.user_id))
              ) act ON TRUE
            %(flush)s
            """,
            flush=self._get_flush_sql(),
        )

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """Achievement of a group is its total actual over its total target,
        not the average of its rows' percentages."""
        wants = any(spec.split(":")[0] == "achievement" for spec in fields)
        if wants:
            fields = list(fields) + ["target_amount:sum", "actual_amount:sum"]
        groups = super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        if wants:
            for group in groups:
                target = group.get("target_amount") or 0.0
                actual = group.get("actual_amount") or 0.0
                group["achievement"] = actual * 100.0 / target if target else 0.0
        return groups
