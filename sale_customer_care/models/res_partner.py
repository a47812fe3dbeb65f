# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    """The customer archive (R8.2): preferences, visits, complaints and the
    satisfaction trend next to Odoo's own order history."""

    _inherit = "res.partner"

    customer_preference_ids = fields.Many2many(
        "sale.customer.preference.tag",
        string="Preferences",
    )
    customer_preference_note = fields.Text(string="Preference Notes")
    customer_visit_ids = fields.One2many(
        "sale.customer.visit", "commercial_partner_id", string="Follow-up Visits"
    )
    customer_complaint_ids = fields.One2many(
        "sale.customer.complaint", "commercial_partner_id", string="Complaints"
    )
    customer_visit_count = fields.Integer(compute="_compute_customer_care")
    customer_complaint_count = fields.Integer(compute="_compute_customer_care")
    customer_satisfaction = fields.Float(
        string="Satisfaction", compute="_compute_customer_care", digits=(3, 2)
    )

    @api.depends_context("company")
    def _compute_customer_care(self):
        """Counts and average score per commercial partner: two grouped
        queries for the whole recordset."""
        commercial = self.commercial_partner_id
        visits = {
            partner.id: (count, avg)
            for partner, count, avg in self.env["sale.customer.visit"]._read_group(
                [
                    ("commercial_partner_id", "in", commercial.ids),
                    ("state", "=", "done"),
                ],
                groupby=["commercial_partner_id"],
                aggregates=["__count", "score_avg:avg"],
            )
        }
        all_visits = {
            partner.id: count
            for partner, count in self.env["sale.customer.visit"]._read_group(
                [("commercial_partner_id", "in", commercial.ids)],
                groupby=["commercial_partner_id"],
                aggregates=["__count"],
            )
        }
        complaints = {
            partner.id: count
            for partner, count in self.env["sale.customer.complaint"]._read_group(
                [("commercial_partner_id", "in", commercial.ids)],
                groupby=["commercial_partner_id"],
                aggregates=["__count"],
            )
        }
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.customer_visit_count = all_visits.get(key, 0)
            partner.customer_complaint_count = complaints.get(key, 0)
            partner.customer_satisfaction = visits.get(key, (0, 0.0))[1] or 0.0

    def _customer_care_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id)
        ]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_customer_visits(self):
        return self._customer_care_action(
            "sale_customer_care.sale_customer_visit_action"
        )

    def action_view_customer_complaints(self):
        return self._customer_care_action(
            "sale_customer_care.sale_customer_complaint_action"
        )

    def action_view_satisfaction_trend(self):
        return self._customer_care_action(
            "sale_customer_care.sale_customer_visit_action_trend"
        )
