# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

KINDS = [
    ("order_review", "Order Review"),
    ("plan_approval", "Product Plan Approval"),
    ("order_approval", "Order Approval"),
]
OUTCOMES = [
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]


class OrderHandlingKpiApproval(models.Model):
    """Review and approval lead times (R11.1): one row per order review
    (``sale.order.review``, requested → decided) and one per approval step
    (``tier.review``) of a product plan or of a sale order (requested, or
    the previous step approved → this step decided).

    A SQL view: a step's request time is the previous step's decision, a
    window over the tier reviews of one document that the ORM cannot
    express. Reviews and steps are looked up by their indexed document keys.
    Definitions: readme/USAGE.md."""

    _name = "order.handling.kpi.approval"
    _inherit = ["order.handling.kpi.mixin"]
    _description = "Review and Approval Lead Times"
    _auto = False
    _order = "date_requested desc, id desc"
    _rec_name = "order_id"
    _depends = {
        "sale.order.review": [
            "order_id",
            "company_id",
            "department_id",
            "reviewer_id",
            "decision_uid",
            "decision_date",
            "order_class",
            "state",
        ],
        "tier.review": [
            "model",
            "res_id",
            "status",
            "done_by",
            "reviewed_date",
            "sequence",
            "definition_id",
        ],
        "sale.engineering.plan": ["order_id", "company_id"],
        "sale.order": ["partner_id", "user_id", "team_id", "intake_class"],
        "res.company": ["partner_id"],
        "res.partner": ["commercial_partner_id", "tz"],
    }

    kind = fields.Selection(KINDS, readonly=True)
    review_id = fields.Many2one("sale.order.review", readonly=True)
    plan_id = fields.Many2one(
        "sale.engineering.plan", string="Product Plan", readonly=True
    )
    definition_id = fields.Many2one(
        "tier.definition", string="Approval Step", readonly=True
    )
    order_id = fields.Many2one("sale.order", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    department_id = fields.Many2one(
        "order.handling.department", string="Reviewing Department", readonly=True
    )
    approver_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    order_class = fields.Selection(
        [("regular", "Regular"), ("non_regular", "Non-regular")], readonly=True
    )
    outcome = fields.Selection(OUTCOMES, readonly=True)
    date_requested = fields.Datetime(string="Requested On", readonly=True)
    date_done = fields.Datetime(
        string="Decided On",
        readonly=True,
        help="When the review or step was approved or rejected; empty while "
        "pending or when cancelled.",
    )
    month_requested = fields.Date(
        string="Requested Month",
        readonly=True,
        help="Month of 'Requested On' in the company's time zone.",
    )
    month_done = fields.Date(
        string="Decided Month",
        readonly=True,
        help="Month of 'Decided On' in the company's time zone.",
    )
    lead_hours = fields.Float(
        string="Lead Time (h)",
        readonly=True,
        aggregator="avg",
        help="Hours from request to decision; empty while pending.",
    )
    nbr = fields.Integer(string="# Requests", readonly=True, aggregator="sum")
    done_count = fields.Integer(string="# Decided", readonly=True, aggregator="sum")
    pending_count = fields.Integer(string="# Pending", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        tz = SQL("COALESCE(ctz.tz, 'UTC')")
        return SQL(
            """
            WITH company_tz AS (%(company_tz)s), steps AS (
                -- seconds: create_date is the start of the transaction (with
                -- microseconds), a decision date the clock truncated to the
                -- second; a step created and decided within one second would
                -- otherwise last less than nothing
                SELECT t.id, t.model, t.res_id, t.status, t.done_by,
                       t.definition_id,
                       date_trunc('second', t.create_date) AS date_created,
                       CASE WHEN t.status IN ('approved', 'rejected')
                            THEN t.reviewed_date END AS date_done,
                       LAG(CASE WHEN t.status = 'approved'
                                THEN t.reviewed_date END) OVER (
                           PARTITION BY t.model, t.res_id
                           ORDER BY t.sequence, t.id) AS date_previous
                  FROM tier_review t
                 WHERE t.model IN ('sale.engineering.plan', 'sale.order')
            ), rows AS (
                SELECT r.id * 2 AS id,
                       'order_review' AS kind,
                       r.id AS review_id,
                       NULL::integer AS plan_id,
                       NULL::integer AS definition_id,
                       r.order_id,
                       r.company_id,
                       r.department_id,
                       r.decision_uid AS approver_id,
                       r.order_class,
                       CASE r.state WHEN 'accepted' THEN 'approved'
                                    WHEN 'rejected' THEN 'rejected'
                                    WHEN 'cancelled' THEN 'cancelled'
                                    ELSE 'pending' END AS outcome,
                       date_trunc('second', r.create_date) AS date_requested,
                       CASE WHEN r.state IN ('accepted', 'rejected')
                            THEN r.decision_date END AS date_done
                  FROM sale_order_review r
                UNION ALL
                SELECT s.id * 2 + 1,
                       CASE s.model WHEN 'sale.order' THEN 'order_approval'
                                    ELSE 'plan_approval' END,
                       NULL,
                       p.id,
                       s.definition_id,
                       COALESCE(p.order_id, so.id),
                       COALESCE(p.company_id, so.company_id),
                       NULL,
                       s.done_by,
                       COALESCE(po.intake_class, so.intake_class),
                       CASE s.status WHEN 'approved' THEN 'approved'
                                     WHEN 'rejected' THEN 'rejected'
                                     WHEN 'cancel' THEN 'cancelled'
                                     ELSE 'pending' END,
                       -- a step waits from the request, or from the approval
                       -- of the step before it when that came later; a step
                       -- decided before the previous one (an approver who
                       -- may skip the order) waited from the request
                       CASE WHEN s.date_previous > s.date_created
                                 AND s.date_previous
                                     <= COALESCE(s.date_done, s.date_previous)
                            THEN s.date_previous
                            ELSE s.date_created END,
                       s.date_done
                  FROM steps s
                  LEFT JOIN sale_engineering_plan p
                         ON s.model = 'sale.engineering.plan' AND p.id = s.res_id
                  LEFT JOIN sale_order po ON po.id = p.order_id
                  LEFT JOIN sale_order so
                         ON s.model = 'sale.order' AND so.id = s.res_id
                 WHERE p.id IS NOT NULL OR so.id IS NOT NULL
            )
            SELECT rows.id, rows.kind, rows.review_id, rows.plan_id,
                   rows.definition_id, rows.order_id, rows.company_id,
                   COALESCE(rp.commercial_partner_id, o.partner_id) AS partner_id,
                   o.user_id, o.team_id, rows.department_id, rows.approver_id,
                   rows.order_class, rows.outcome, rows.date_requested,
                   rows.date_done,
                   %(month_requested)s AS month_requested,
                   %(month_done)s AS month_done,
                   EXTRACT(EPOCH FROM rows.date_done - rows.date_requested)
                       / 3600.0 AS lead_hours,
                   1 AS nbr,
                   (rows.date_done IS NOT NULL)::int AS done_count,
                   (rows.outcome = 'pending')::int AS pending_count
              FROM rows
              JOIN sale_order o ON o.id = rows.order_id
              JOIN res_partner rp ON rp.id = o.partner_id
              LEFT JOIN company_tz ctz ON ctz.company_id = rows.company_id
            """,
            company_tz=self._kpi_company_tz_query(),
            month_requested=self._kpi_month(SQL("rows.date_requested"), tz),
            month_done=self._kpi_month(SQL("rows.date_done"), tz),
        )

    def action_open_documents(self):
        """The reviews, plans or orders behind the selected rows."""
        kinds = set(self.mapped("kind"))
        if kinds == {"order_review"}:
            return self._kpi_open_records(
                "sale.order.review", "review_id", self.env._("Order Reviews")
            )
        if kinds == {"plan_approval"}:
            return self._kpi_open_records(
                "sale.engineering.plan", "plan_id", self.env._("Product Plans")
            )
        return self._kpi_open_records(
            "sale.order", "order_id", self.env._("Sale Orders")
        )
