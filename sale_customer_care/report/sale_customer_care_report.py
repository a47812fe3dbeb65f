# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.sale_customer_complaint import CATEGORIES, SEVERITIES


class SaleCustomerComplaintReport(models.Model):
    """One row per complaint for pivot and graph analysis of response and
    resolution times (R8.5).

    A SQL view: the analysis joins complaints, their returns and stages,
    which grouped ORM reads cannot aggregate in one pass."""

    _name = "sale.customer.complaint.report"
    _description = "Complaint Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "complaint_id"

    complaint_id = fields.Many2one("sale.customer.complaint", readonly=True)
    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Handled By", readonly=True)
    salesperson_id = fields.Many2one("res.users", readonly=True)
    department_id = fields.Many2one("order.handling.department", readonly=True)
    stage_id = fields.Many2one("sale.customer.complaint.stage", readonly=True)
    category = fields.Selection(CATEGORIES, readonly=True)
    severity = fields.Selection(SEVERITIES, readonly=True)
    nbr = fields.Integer(string="# Complaints", readonly=True)
    wrong_item = fields.Integer(string="# Wrong Items", readonly=True)
    rma_count = fields.Integer(string="# Returns", readonly=True)
    response_hours = fields.Float(
        string="Response Time (h)", readonly=True, aggregator="avg"
    )
    resolution_hours = fields.Float(
        string="Resolution Time (h)", readonly=True, aggregator="avg"
    )

    def _query(self):
        return SQL(
            """
            SELECT c.id AS id,
                   c.id AS complaint_id,
                   c.create_date AS date,
                   c.company_id,
                   c.commercial_partner_id AS partner_id,
                   c.user_id,
                   c.salesperson_id,
                   c.department_id,
                   c.stage_id,
                   c.category,
                   c.severity,
                   1 AS nbr,
                   CASE WHEN c.category = 'wrong_item' THEN 1 ELSE 0 END
                       AS wrong_item,
                   (SELECT count(*) FROM rma r WHERE r.complaint_id = c.id)
                       AS rma_count,
                   NULLIF(c.response_hours, 0) AS response_hours,
                   NULLIF(c.resolution_hours, 0) AS resolution_hours
              FROM sale_customer_complaint c
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )


class SaleCustomerCareKpi(models.Model):
    """Customer-care rates per company and month (R8.5): complaints, wrong
    items (the complement of supply accuracy, 供货正确率) and returns per
    delivered order.

    A SQL view: the rates divide counts of three different tables per month,
    which the ORM cannot group together."""

    _name = "sale.customer.care.kpi"
    _description = "Customer Care KPI"
    _auto = False
    _order = "month desc"

    month = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    delivered_orders = fields.Integer(readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    wrong_item_count = fields.Integer(string="Wrong Items", readonly=True)
    returned_orders = fields.Integer(readonly=True)
    complaint_rate = fields.Float(
        string="Complaint Rate (%)", readonly=True, aggregator="avg"
    )
    wrong_item_rate = fields.Float(
        string="Wrong-item Rate (%)", readonly=True, aggregator="avg"
    )
    supply_accuracy = fields.Float(
        string="Supply Accuracy (%)", readonly=True, aggregator="avg"
    )
    return_rate = fields.Float(
        string="Return Rate (%)", readonly=True, aggregator="avg"
    )
    response_hours = fields.Float(
        string="Avg Response Time (h)", readonly=True, aggregator="avg"
    )
    resolution_hours = fields.Float(
        string="Avg Resolution Time (h)", readonly=True, aggregator="avg"
    )

    def _query(self):
        return SQL(
            """
            WITH delivered AS (
                SELECT p.company_id,
                       date_trunc('month', p.date_done)::date AS month,
                       count(DISTINCT p.sale_id) AS orders
                  FROM stock_picking p
                  JOIN stock_picking_type t ON t.id = p.picking_type_id
                 WHERE p.state = 'done' AND t.code = 'outgoing'
                   AND p.sale_id IS NOT NULL
                 GROUP BY 1, 2
            ), complaints AS (
                SELECT company_id,
                       date_trunc('month', create_date)::date AS month,
                       count(*) AS nbr,
                       count(*) FILTER (WHERE category = 'wrong_item') AS wrong,
                       avg(NULLIF(response_hours, 0)) AS response_hours,
                       avg(NULLIF(resolution_hours, 0)) AS resolution_hours
                  FROM sale_customer_complaint
                 GROUP BY 1, 2
            ), returns AS (
                SELECT company_id,
                       date_trunc('month', date)::date AS month,
                       count(DISTINCT order_id) AS orders
                  FROM rma
                 WHERE state != 'cancelled' AND order_id IS NOT NULL
                 GROUP BY 1, 2
            ), months AS (
                SELECT company_id, month FROM delivered
                UNION SELECT company_id, month FROM complaints
                UNION SELECT company_id, month FROM returns
            )
            SELECT row_number() OVER (ORDER BY m.month, m.company_id) AS id,
                   m.month,
                   m.company_id,
                   coalesce(d.orders, 0) AS delivered_orders,
                   coalesce(c.nbr, 0) AS complaint_count,
                   coalesce(c.wrong, 0) AS wrong_item_count,
                   coalesce(r.orders, 0) AS returned_orders,
                   CASE WHEN d.orders > 0
                        THEN 100.0 * coalesce(c.nbr, 0) / d.orders END
                       AS complaint_rate,
                   CASE WHEN d.orders > 0
                        THEN 100.0 * coalesce(c.wrong, 0) / d.orders END
                       AS wrong_item_rate,
                   CASE WHEN d.orders > 0
                        THEN 100.0 - 100.0 * coalesce(c.wrong, 0) / d.orders END
                       AS supply_accuracy,
                   CASE WHEN d.orders > 0
                        THEN 100.0 * coalesce(r.orders, 0) / d.orders END
                       AS return_rate,
                   c.response_hours,
                   c.resolution_hours
              FROM months m
              LEFT JOIN delivered d
                     ON d.company_id = m.company_id AND d.month = m.month
              LEFT JOIN complaints c
                     ON c.company_id = m.company_id AND c.month = m.month
              LEFT JOIN returns r
                     ON r.company_id = m.company_id AND r.month = m.month
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
