# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.sale_order_intake.models.sale_order import CLASSES, INTAKE_STAGES


class OrderHandlingKpiOrder(models.Model):
    """The order-level KPI fact table (R11.1): one row per sale order that
    reached logistics, with its received / replied / shipped dates and the
    flags every order KPI counts.

    A SQL view (``_table_query``), because a row joins the order with its
    lines and deliveries, which grouped ORM reads cannot aggregate in one
    pass. Every join is a lateral lookup by an indexed foreign key of the
    order, so a filter on company, period, customer, salesperson or team is
    pushed down to the indexed columns of ``sale_order``. Rates are grouped
    by ``order.handling.kpi.mixin``.

    Other addons add their measures in the style of ``sale.report``:
    ``_select_additional_fields()`` (columns) and ``_from_additional()``
    (lateral joins), their fields, ``_depends`` and ``_kpi_get_ratios()``
    (the bridges ``order_handling_dashboard_*``: complaints and returns …).
    Definitions of every measure: readme/USAGE.md."""

    _name = "order.handling.kpi.order"
    _inherit = ["order.handling.kpi.mixin"]
    _description = "Order Handling KPIs per Order"
    _auto = False
    _order = "date_received desc, id desc"
    _rec_name = "order_id"
    _depends = {
        "sale.order": [
            "name",
            "company_id",
            "partner_id",
            "user_id",
            "team_id",
            "state",
            "intake_stage",
            "intake_class",
            "intake_priority",
            "intake_received_date",
            "intake_checked_date",
            "intake_return_count",
            "delivery_date_replied_date",
            "commitment_date",
            "delivery_status",
            "currency_rate",
        ],
        "sale.order.line": [
            "order_id",
            "product_id",
            "product_uom_qty",
            "qty_delivered",
            "price_subtotal",
            "display_type",
            "intake_available_qty",
            "is_delivery",
        ],
        "stock.picking": ["sale_id", "state", "date_done", "picking_type_id"],
        "stock.move": ["picking_id", "state", "quantity", "product_uom", "product_id"],
        "product.product": ["weight"],
        "res.company": [
            "partner_id",
            "currency_id",
            "logistics_cost_per_picking",
            "logistics_cost_per_kg",
        ],
        "res.partner": ["commercial_partner_id", "tz"],
    }
    _kpi_ratios = {
        "first_pass_rate": ("first_pass_count", "checked_count"),
        "fill_rate": ("qty_filled", "qty_due"),
        "line_fill_rate": ("line_complete_count", "line_due_count"),
        "stock_fill_rate": ("qty_available_intake", "qty_checked"),
        "on_time_rate": ("on_time_count", "on_time_base"),
        # R11.3: amounts, not percentages
        "logistics_cost_order": ("logistics_cost", "shipped_count", 1.0),
        "logistics_cost_unit": ("logistics_cost", "qty_shipped", 1.0),
    }

    order_id = fields.Many2one("sale.order", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(
        "res.currency", string="Company Currency", readonly=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        readonly=True,
        help="The sales department of the order.",
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        readonly=True,
        help="Category of the order's main line (highest untaxed amount).",
    )
    order_class = fields.Selection(CLASSES, readonly=True)
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], readonly=True)
    intake_stage = fields.Selection(INTAKE_STAGES, string="Stage", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    date_replied = fields.Datetime(string="Date Replied On", readonly=True)
    date_commitment = fields.Datetime(string="Commitment Date", readonly=True)
    date_shipped = fields.Datetime(
        string="Shipped On",
        readonly=True,
        help="Completion of the last delivery of a fully delivered order.",
    )
    date_due = fields.Datetime(
        string="Due On",
        readonly=True,
        help="When a confirmed order fell due for the fill rate: shipped in "
        "full, or its commitment day passed, whichever came first. Empty "
        "while the order is not due.",
    )
    month_received = fields.Date(
        string="Received Month",
        readonly=True,
        help="Month of 'Received On' in the company's time zone.",
    )
    month_replied = fields.Date(
        string="Date Reply Month",
        readonly=True,
        help="Month of 'Date Replied On' in the company's time zone.",
    )
    month_shipped = fields.Date(
        string="Shipped Month",
        readonly=True,
        help="Month of 'Shipped On' in the company's time zone.",
    )
    month_due = fields.Date(
        string="Due Month",
        readonly=True,
        help="Month of 'Due On' in the company's time zone (never a month to come).",
    )
    order_count = fields.Integer(string="# Orders", readonly=True, aggregator="sum")
    reply_hours = fields.Float(
        string="Received to Date Reply (h)", readonly=True, aggregator="avg"
    )
    ship_hours = fields.Float(
        string="Received to Shipped (h)", readonly=True, aggregator="avg"
    )
    checked_count = fields.Integer(string="# Checked", readonly=True, aggregator="sum")
    first_pass_count = fields.Integer(
        string="# Passed First Time", readonly=True, aggregator="sum"
    )
    first_pass_rate = fields.Float(
        string="First-pass Accuracy (%)", readonly=True, aggregator="avg"
    )
    qty_due = fields.Float(string="Qty Ordered (due)", readonly=True, aggregator="sum")
    qty_filled = fields.Float(
        string="Qty Delivered (due)", readonly=True, aggregator="sum"
    )
    fill_rate = fields.Float(string="Fill Rate (%)", readonly=True, aggregator="avg")
    line_due_count = fields.Integer(
        string="# Lines (due)", readonly=True, aggregator="sum"
    )
    line_complete_count = fields.Integer(
        string="# Lines Delivered Complete", readonly=True, aggregator="sum"
    )
    line_fill_rate = fields.Float(
        string="Line Fill Rate (%)", readonly=True, aggregator="avg"
    )
    qty_checked = fields.Float(
        string="Qty Ordered (checked)", readonly=True, aggregator="sum"
    )
    qty_available_intake = fields.Float(
        string="Qty Available at Intake", readonly=True, aggregator="sum"
    )
    stock_fill_rate = fields.Float(
        string="Fill Rate at Intake (%)", readonly=True, aggregator="avg"
    )
    shipped_count = fields.Integer(string="# Shipped", readonly=True, aggregator="sum")
    on_time_base = fields.Integer(
        string="# Shipped with Commitment", readonly=True, aggregator="sum"
    )
    on_time_count = fields.Integer(
        string="# Shipped on Time", readonly=True, aggregator="sum"
    )
    on_time_rate = fields.Float(
        string="On-time Delivery (%)", readonly=True, aggregator="avg"
    )
    qty_shipped = fields.Float(
        readonly=True,
        aggregator="sum",
        help="Units delivered of the orders shipped in full.",
    )
    logistics_cost_source = fields.Selection(
        [("delivery", "Delivery Lines"), ("rates", "Company Rates")],
        string="Logistics Cost From",
        readonly=True,
        help="Delivery Lines: the price of the order's delivery lines. Company "
        "Rates: the company's cost per delivery and per kg shipped "
        "(Settings), for an order without a delivery line.",
    )
    logistics_cost = fields.Monetary(
        readonly=True,
        aggregator="sum",
        help="Cost of shipping an order shipped in full, in company currency.",
    )
    logistics_cost_order = fields.Float(
        string="Logistics Cost per Order",
        readonly=True,
        aggregator="avg",
        help="Logistics cost over the orders shipped.",
    )
    logistics_cost_unit = fields.Float(
        string="Logistics Cost per Unit",
        readonly=True,
        aggregator="avg",
        help="Logistics cost over the units shipped.",
    )

    @property
    def _table_query(self):
        return SQL(
            "WITH company_tz AS (%s) SELECT %s FROM %s WHERE %s",
            self._kpi_company_tz_query(),
            self._select_order(),
            self._from_order(),
            self._where_order(),
        )

    def _select_order(self):
        """The columns of a row: this addon's, then those of
        ``_select_additional_fields()``."""
        tz = SQL("COALESCE(ctz.tz, 'UTC')")
        month = self._kpi_month
        select = SQL(
            """
                   so.id AS id,
                   so.id AS order_id,
                   so.company_id,
                   lc.currency_id,
                   COALESCE(rp.commercial_partner_id, so.partner_id) AS partner_id,
                   so.user_id,
                   so.team_id,
                   main.categ_id,
                   so.intake_class AS order_class,
                   so.intake_priority AS priority,
                   so.intake_stage,
                   so.intake_received_date AS date_received,
                   reply.date_replied,
                   so.commitment_date AS date_commitment,
                   ship.date_shipped,
                   flag.date_due,
                   %(month_received)s AS month_received,
                   %(month_replied)s AS month_replied,
                   %(month_shipped)s AS month_shipped,
                   %(month_due)s AS month_due,
                   1 AS order_count,
                   EXTRACT(EPOCH FROM reply.date_replied
                                      - so.intake_received_date) / 3600.0
                       AS reply_hours,
                   EXTRACT(EPOCH FROM ship.date_shipped
                                      - so.intake_received_date) / 3600.0
                       AS ship_hours,
                   flag.checked AS checked_count,
                   flag.first_pass AS first_pass_count,
                   CASE WHEN flag.checked = 1 THEN 100.0 * flag.first_pass END
                       AS first_pass_rate,
                   CASE WHEN flag.due = 1 THEN lines.qty END AS qty_due,
                   CASE WHEN flag.due = 1 THEN lines.qty_filled END AS qty_filled,
                   CASE WHEN flag.due = 1 AND lines.qty > 0
                        THEN 100.0 * lines.qty_filled / lines.qty END AS fill_rate,
                   CASE WHEN flag.due = 1 THEN lines.nbr ELSE 0 END
                       AS line_due_count,
                   CASE WHEN flag.due = 1 THEN lines.complete ELSE 0 END
                       AS line_complete_count,
                   CASE WHEN flag.due = 1 AND lines.nbr > 0
                        THEN 100.0 * lines.complete / lines.nbr END
                       AS line_fill_rate,
                   CASE WHEN flag.checked = 1 THEN lines.qty END AS qty_checked,
                   CASE WHEN flag.checked = 1 THEN lines.qty_available END
                       AS qty_available_intake,
                   CASE WHEN flag.checked = 1 AND lines.qty > 0
                        THEN 100.0 * lines.qty_available / lines.qty END
                       AS stock_fill_rate,
                   flag.shipped AS shipped_count,
                   flag.on_time_base,
                   flag.on_time AS on_time_count,
                   CASE WHEN flag.on_time_base = 1 THEN 100.0 * flag.on_time END
                       AS on_time_rate,
                   CASE WHEN flag.shipped = 1 THEN lines.qty_delivered END
                       AS qty_shipped,
                   CASE WHEN flag.shipped = 1 AND dl.nbr > 0 THEN 'delivery'
                        WHEN flag.shipped = 1 THEN 'rates' END
                       AS logistics_cost_source,
                   cost.amount AS logistics_cost,
                   cost.amount AS logistics_cost_order,
                   CASE WHEN lines.qty_delivered > 0
                        THEN cost.amount / lines.qty_delivered END
                       AS logistics_cost_unit
            """,
            month_received=month(SQL("so.intake_received_date"), tz),
            month_replied=month(SQL("reply.date_replied"), tz),
            month_shipped=month(SQL("ship.date_shipped"), tz),
            month_due=month(SQL("flag.date_due"), tz),
        )
        additional = [
            SQL("%s AS %s", expression, SQL.identifier(fname))
            for fname, expression in self._select_additional_fields().items()
        ]
        return SQL(", ").join([select, *additional])

    def _select_additional_fields(self):
        """Hook: the columns an addon adds to the view, ``{field name: SQL
        expression}`` (the style of ``sale.report``). The expressions may
        use the tables of ``_from_order()``: ``so`` (the order), ``lines``,
        ``ship``, ``flag`` (``flag.shipped`` …) and those an addon adds in
        ``_from_additional()``."""
        return {}

    def _from_order(self):
        tz = SQL("COALESCE(ctz.tz, 'UTC')")
        local = self._kpi_local
        return SQL(
            """
                   sale_order so
              JOIN res_partner rp ON rp.id = so.partner_id
              JOIN res_company lc ON lc.id = so.company_id
              LEFT JOIN company_tz ctz ON ctz.company_id = so.company_id
              LEFT JOIN LATERAL (
                SELECT COALESCE(SUM(l.product_uom_qty), 0) AS qty,
                       COALESCE(SUM(LEAST(l.qty_delivered, l.product_uom_qty)), 0)
                           AS qty_filled,
                       COALESCE(SUM(l.qty_delivered), 0) AS qty_delivered,
                       COALESCE(SUM(LEAST(COALESCE(l.intake_available_qty, 0),
                                          l.product_uom_qty)), 0)
                           AS qty_available,
                       COUNT(*) AS nbr,
                       COUNT(*) FILTER (WHERE l.qty_delivered >= l.product_uom_qty)
                           AS complete
                  FROM sale_order_line l
                  JOIN product_product pp ON pp.id = l.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE l.order_id = so.id
                   AND l.display_type IS NULL
                   AND l.is_delivery IS NOT TRUE
                   AND pt.type = 'consu'
                   AND l.product_uom_qty > 0
              ) lines ON TRUE
              LEFT JOIN LATERAL (
                SELECT pt.categ_id
                  FROM sale_order_line l
                  JOIN product_product pp ON pp.id = l.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE l.order_id = so.id
                   AND l.display_type IS NULL
                   AND l.is_delivery IS NOT TRUE
                 ORDER BY l.price_subtotal DESC, l.id
                 LIMIT 1
              ) main ON TRUE
              -- both ends of a cycle time are events of this order: a reply
              -- or a shipment dated before the order was received is not
              -- the end of its cycle (NULL, never a negative time)
              CROSS JOIN LATERAL (
                SELECT CASE WHEN so.delivery_date_replied_date
                                 >= so.intake_received_date
                            THEN so.delivery_date_replied_date END
                           AS date_replied
              ) reply
              LEFT JOIN LATERAL (
                SELECT MAX(p.date_done) AS date_done,
                       CASE WHEN MAX(p.date_done) >= so.intake_received_date
                            THEN MAX(p.date_done) END AS date_shipped
                  FROM stock_picking p
                  JOIN stock_picking_type t ON t.id = p.picking_type_id
                 WHERE p.sale_id = so.id
                   AND so.delivery_status = 'full'
                   AND p.state = 'done'
                   AND t.code = 'outgoing'
              ) ship ON TRUE
              -- days of the time zone of the company: a commitment date is a day
              -- (stored as its local midnight in UTC), met by a shipment on
              -- that day, and past once that day is over
              CROSS JOIN LATERAL (
                SELECT %(commitment_day)s AS commitment_day,
                       %(shipped_day)s AS shipped_day,
                       %(today)s AS today
              ) dd
              CROSS JOIN LATERAL (
                SELECT (so.commitment_date IS NOT NULL
                        AND dd.commitment_day < dd.today) AS overdue
              ) past
              CROSS JOIN LATERAL (
                SELECT (so.intake_checked_date IS NOT NULL
                        OR COALESCE(so.intake_return_count, 0) > 0)::int AS checked,
                       (so.intake_checked_date IS NOT NULL
                        AND COALESCE(so.intake_return_count, 0) = 0)::int AS first_pass,
                       (so.state = 'sale'
                        AND (so.delivery_status = 'full' OR past.overdue))::int AS due,
                       -- when the order fell due: shipped in full, or its
                       -- commitment day passed, whichever came first (never
                       -- a date to come)
                       CASE WHEN so.state = 'sale'
                                 AND (so.delivery_status = 'full' OR past.overdue)
                            THEN LEAST(ship.date_done,
                                       CASE WHEN past.overdue
                                            THEN so.commitment_date END)
                       END AS date_due,
                       (ship.date_shipped IS NOT NULL)::int AS shipped,
                       (ship.date_shipped IS NOT NULL
                        AND so.commitment_date IS NOT NULL)::int AS on_time_base,
                       (ship.date_shipped IS NOT NULL
                        AND dd.shipped_day <= dd.commitment_day)::int AS on_time
              ) flag
              -- R11.3 logistics cost of a shipped order: its delivery lines
              -- (in company currency), or else the company's cost per
              -- validated delivery and per kg shipped
              LEFT JOIN LATERAL (
                SELECT COUNT(*) AS nbr,
                       SUM(l.price_subtotal
                           / COALESCE(NULLIF(so.currency_rate, 0), 1.0)) AS amount
                  FROM sale_order_line l
                 WHERE l.order_id = so.id
                   AND l.is_delivery
                   AND flag.shipped = 1
              ) dl ON TRUE
              LEFT JOIN LATERAL (
                SELECT COUNT(DISTINCT p.id) AS pickings,
                       COALESCE(SUM(m.quantity / mu.factor * pu.factor
                                    * COALESCE(pp.weight, 0)), 0) AS weight
                  FROM stock_picking p
                  JOIN stock_picking_type t ON t.id = p.picking_type_id
                  JOIN stock_move m ON m.picking_id = p.id AND m.state = 'done'
                  JOIN product_product pp ON pp.id = m.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN uom_uom mu ON mu.id = m.product_uom
                  JOIN uom_uom pu ON pu.id = pt.uom_id
                 WHERE p.sale_id = so.id
                   AND p.state = 'done'
                   AND t.code = 'outgoing'
                   AND flag.shipped = 1
                   AND dl.nbr = 0
              ) shp ON TRUE
              CROSS JOIN LATERAL (
                SELECT CASE WHEN flag.shipped = 0 THEN NULL
                            WHEN dl.nbr > 0 THEN dl.amount
                            ELSE shp.pickings
                                     * COALESCE(lc.logistics_cost_per_picking, 0)
                                 + shp.weight
                                     * COALESCE(lc.logistics_cost_per_kg, 0)
                       END AS amount
              ) cost
              %(additional)s
            """,
            commitment_day=SQL("%s::date", local(SQL("so.commitment_date"), tz)),
            shipped_day=SQL("%s::date", local(SQL("ship.date_shipped"), tz)),
            today=SQL("(NOW() AT TIME ZONE %s)::date", tz),
            additional=self._from_additional(),
        )

    def _from_additional(self):
        """Hook: the joins an addon adds after those of this addon (lateral
        lookups by an indexed key of the order, ``so.id``), for the columns
        of its ``_select_additional_fields()``."""
        return SQL()

    def _where_order(self):
        return SQL("so.intake_received_date IS NOT NULL")

    @api.model
    def _kpi_measures(self):
        """The measures the dashboard and the monthly summary show."""
        return [
            "order_count:sum",
            "reply_hours:avg",
            "ship_hours:avg",
            "first_pass_rate:avg",
            "fill_rate:avg",
            "line_fill_rate:avg",
            "stock_fill_rate:avg",
            "on_time_rate:avg",
            "logistics_cost_order:avg",
            "logistics_cost_unit:avg",
        ]

    def action_open_orders(self):
        return self._kpi_open_records(
            "sale.order", "order_id", self.env._("Sale Orders")
        )
