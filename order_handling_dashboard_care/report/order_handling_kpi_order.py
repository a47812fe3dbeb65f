# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL, create_index


class OrderHandlingKpiOrder(models.Model):
    """Supply accuracy (供货正确率), complaint rate and return rate (R11.1)
    of the shipped orders, from the complaints and returns of
    ``sale_customer_care``: an order shipped in full counts as supplied
    correctly unless a complaint about wrong goods names it; it counts as
    returned when a return (``rma``, not cancelled) names it."""

    _inherit = "order.handling.kpi.order"
    _depends = {
        "sale.customer.complaint": ["order_id", "category"],
        "rma": ["order_id", "state"],
    }

    complaint_count = fields.Integer(
        string="# With Complaint", readonly=True, aggregator="sum"
    )
    wrong_item_count = fields.Integer(
        string="# Wrong Goods", readonly=True, aggregator="sum"
    )
    correct_supply_count = fields.Integer(
        string="# Supplied Correctly", readonly=True, aggregator="sum"
    )
    returned_count = fields.Integer(
        string="# Returned", readonly=True, aggregator="sum"
    )
    supply_accuracy = fields.Float(
        string="Supply Accuracy (%)", readonly=True, aggregator="avg"
    )
    complaint_rate = fields.Float(
        string="Complaint Rate (%)", readonly=True, aggregator="avg"
    )
    return_rate = fields.Float(
        string="Return Rate (%)", readonly=True, aggregator="avg"
    )

    def init(self):
        res = super().init()
        # the view looks up returns by order: OCA rma_sale does not index it
        create_index(
            self.env.cr,
            "rma_order_id_kpi_index",
            "rma",
            ["order_id"],
            where="order_id IS NOT NULL",
        )
        return res

    def _kpi_get_ratios(self):
        ratios = super()._kpi_get_ratios()
        ratios.update(
            supply_accuracy=("correct_supply_count", "shipped_count"),
            complaint_rate=("complaint_count", "shipped_count"),
            return_rate=("returned_count", "shipped_count"),
        )
        return ratios

    def _select_additional_fields(self):
        fields_ = super()._select_additional_fields()
        fields_.update(
            complaint_count=SQL("care.complained"),
            wrong_item_count=SQL("care.wrong"),
            correct_supply_count=SQL("flag.shipped * (1 - care.wrong)"),
            returned_count=SQL("care.returned"),
            supply_accuracy=SQL(
                "CASE WHEN flag.shipped = 1 THEN 100.0 * (1 - care.wrong) END"
            ),
            complaint_rate=SQL(
                "CASE WHEN flag.shipped = 1 THEN 100.0 * care.complained END"
            ),
            return_rate=SQL(
                "CASE WHEN flag.shipped = 1 THEN 100.0 * care.returned END"
            ),
        )
        return fields_

    def _from_additional(self):
        return SQL(
            """%s
              LEFT JOIN LATERAL (
                SELECT COUNT(*) > 0 AS complained,
                       COALESCE(BOOL_OR(c.category = 'wrong_item'), FALSE) AS wrong
                  FROM sale_customer_complaint c
                 WHERE c.order_id = so.id
              ) cc ON TRUE
              LEFT JOIN LATERAL (
                SELECT COUNT(*) > 0 AS returned
                  FROM rma r
                 WHERE r.order_id = so.id
                   AND r.state != 'cancelled'
              ) ret ON TRUE
              CROSS JOIN LATERAL (
                SELECT (flag.shipped = 1 AND cc.complained)::int AS complained,
                       (flag.shipped = 1 AND cc.wrong)::int AS wrong,
                       (flag.shipped = 1 AND ret.returned)::int AS returned
              ) care
            """,
            super()._from_additional(),
        )

    @api.model
    def _kpi_measures(self):
        return super()._kpi_measures() + [
            "supply_accuracy:avg",
            "complaint_rate:avg",
            "return_rate:avg",
        ]

    def action_open_complaints(self):
        complaints = self.env["sale.customer.complaint"].search(
            [("order_id", "in", self.order_id.ids)]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Complaints"),
            "res_model": "sale.customer.complaint",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", complaints.ids)],
            "context": {"create": False},
        }
