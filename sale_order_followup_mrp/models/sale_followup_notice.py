# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.sale_order_followup.models.sale_followup_notice import (
    PROTECTED_FIELDS,
)


class SaleFollowupNotice(models.Model):
    """A workshop notice tied to the manufacturing orders of its products
    and to the work centre of its step: the work orders are the production;
    the notice is the workshop's instruction (customer requirements, notes,
    dates) and is done with them."""

    _inherit = "sale.followup.notice"
    _workflow_protected_fields = (*PROTECTED_FIELDS, "workcenter_id")

    workcenter_id = fields.Many2one(
        "mrp.workcenter",
        string="Work Centre",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    production_ids = fields.Many2many(
        "mrp.production",
        string="Manufacturing Orders",
        compute="_compute_production_ids",
        help="Manufacturing orders of the notice's products for its sale "
        "order (procurement group or source document).",
    )
    workorder_ids = fields.Many2many(
        "mrp.workorder",
        string="Work Orders",
        compute="_compute_production_ids",
        help="Work orders of those manufacturing orders on the step's work centre.",
    )
    production_count = fields.Integer(compute="_compute_production_ids")

    @api.depends("order_id", "line_ids.product_id", "workcenter_id")
    def _compute_production_ids(self):
        productions = self._followup_productions()
        for notice in self:
            mos = productions.get(notice.id, self.env["mrp.production"])
            notice.production_ids = mos
            notice.production_count = len(mos)
            notice.workorder_ids = (
                mos.workorder_ids.filtered(
                    lambda wo, n=notice: wo.workcenter_id == n.workcenter_id
                )
                if notice.workcenter_id
                else self.env["mrp.workorder"]
            )

    def _followup_productions(self):
        """{notice id: manufacturing orders} of ``self``, read as the server
        (a workshop may have no manufacturing right), in one search."""
        notices = self.sudo()
        if not notices.order_id:
            return {}
        orders = notices.order_id
        productions = (
            self.env["mrp.production"]
            .sudo()
            .search(
                [
                    ("product_id", "in", notices.line_ids.product_id.ids),
                    ("state", "!=", "cancel"),
                    "|",
                    ("procurement_group_id.sale_id", "in", orders.ids),
                    ("origin", "in", orders.mapped("name")),
                ]
            )
        )
        result = {}
        for notice in notices:
            result[notice.id] = productions.filtered(
                lambda mo, n=notice: (
                    mo.product_id in n.line_ids.product_id
                    and (
                        mo.procurement_group_id.sale_id == n.order_id
                        or mo.origin == n.order_id.name
                    )
                )
            ).with_env(self.env)
        return result

    def _followup_done_by_workorders(self):
        """Workshop notices whose work orders on their work centre are all
        done are done (the next step is issued)."""
        ready = self.sudo().filtered(
            lambda n: (
                n.state in ("issued", "started")
                and n.workcenter_id
                and n.workorder_ids
                and all(wo.state == "done" for wo in n.workorder_ids)
            )
        )
        if ready:
            ready.action_done()
        return ready

    def _issue(self):
        result = super()._issue()
        # a step whose work orders were finished before it was issued
        self._followup_done_by_workorders()
        return result

    def action_view_productions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Manufacturing Orders"),
            "res_model": "mrp.production",
            "view_mode": "list,form",
            "domain": [("id", "in", self.production_ids.ids)],
        }
