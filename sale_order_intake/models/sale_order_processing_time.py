# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The processing-time targets told to the customer (订单处理准则 3, R5.5):
the customer notes of the SLA policies that apply to the order."""

from markupsafe import Markup

from odoo import api, fields, models

from .sale_order import INTAKE_STAGES

# one concern of the regulations per file (the order's intake fields and
# guards are in sale_order.py)
# pylint: disable=consider-merging-classes-inherited

#: the stages after which the order's transfer slips no longer lie ahead
TRANSFER_UNTIL = "accepted"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    intake_customer_note = fields.Html(
        string="Processing Times",
        compute="_compute_intake_customer_note",
        sanitize=False,
        help="What the customer is told of the processing-time targets still "
        "ahead of the order: the customer notes of the SLA policies of its "
        "company and class.",
    )

    @api.depends("intake_stage", "intake_class", "intake_priority", "company_id")
    @api.depends_context("lang")
    def _compute_intake_customer_note(self):
        notes = self._intake_customer_notes()
        for order in self:
            lines = notes.get(order.id)
            order.intake_customer_note = (
                Markup("<ul>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % line for line in lines)
                if lines
                else False
            )

    def _intake_customer_notes(self):
        """``{order id: [note]}``: the customer notes of the policies that
        will apply to each order, in the order of its stages: the intake
        stages from the current one on, and the transfer slips until the
        order is accepted. The policies come from the registry cache; their
        notes are read in one query, in the context's language."""
        Policy = self.env["order.handling.sla.policy"].sudo()
        stage_index = {
            stage: index for index, (stage, _label) in enumerate(INTAKE_STAGES)
        }
        tables = {
            model: Policy._get_policy_table(model)
            for model in ("sale.order", "order.handling.transfer")
        }
        wanted = {}
        for order in self:
            current = stage_index.get(order.intake_stage)
            if current is None or order.intake_stage in ("done", "cancelled"):
                continue
            order_class = order._sla_order_class()
            company_id = order.company_id.id
            ids = []
            for stage, _label in INTAKE_STAGES[current:]:
                row = Policy._match_row(
                    tables["sale.order"], company_id, stage, order_class
                )
                if row and row.id not in ids:
                    ids.append(row.id)
                if stage == TRANSFER_UNTIL:
                    for slip_stage in dict.fromkeys(
                        r.stage for r in tables["order.handling.transfer"]
                    ):
                        row = Policy._match_row(
                            tables["order.handling.transfer"],
                            company_id,
                            slip_stage,
                            order_class,
                        )
                        if row and row.id not in ids:
                            ids.append(row.id)
            wanted[order.id] = ids
        policies = Policy.browse({i for ids in wanted.values() for i in ids})
        note_of = {policy.id: policy.customer_note for policy in policies}
        return {
            order_id: [note_of[i] for i in ids if note_of.get(i)]
            for order_id, ids in wanted.items()
        }

    # ------------------------------------------------------------------
    # The order's own deadline over its slips and reviews
    # ------------------------------------------------------------------

    def _intake_deadline_cap_fields(self):
        """Hook: order fields ``_intake_deadline_cap`` reads."""
        return []

    def _intake_deadline_cap(self):
        """Hook: the latest date the order's slips and reviews may be due
        (False: their working-hour targets only)."""
        self.ensure_one()
        return False

    def _intake_recompute_slip_deadlines(self):
        """The slips are never due after the order's own deadline
        (``order.handling.transfer._sla_deadline_caps``): plan them again
        when it moves. The slips reach the order by reference, which no
        dependency follows."""
        slips = self.sudo().transfer_slip_ids
        for fname in ("sla_policy_id", "sla_deadline", "sla_at_risk_date"):
            self.env.add_to_compute(slips._fields[fname], slips)
