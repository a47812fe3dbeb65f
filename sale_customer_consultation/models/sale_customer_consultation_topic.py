# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleCustomerConsultationTopic(models.Model):
    """What a customer consultation is about (product information, prices,
    delivery, technical use …) and the departments that receive the
    monthly figures of the topic (R8.6: 反馈给相关部门)."""

    _name = "sale.customer.consultation.topic"
    _inherit = ["order.handling.document.mixin"]
    _description = "Consultation Topic"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    department_ids = fields.Many2many(
        "order.handling.department",
        "sale_customer_consultation_topic_department_rel",
        "topic_id",
        "department_id",
        string="Departments Concerned",
        check_company=True,
        help="Departments that receive the monthly figures of this topic "
        "(the responsible user and the members of each).",
    )
    description = fields.Text(translate=True)
    consultation_count = fields.Integer(
        string="Consultations", compute="_compute_consultation_count"
    )

    @api.depends_context("company")
    def _compute_consultation_count(self):
        groups = self.env["sale.customer.consultation"]._read_group(
            [("topic_id", "in", self.ids)], ["topic_id"], ["__count"]
        )
        counts = {topic.id: count for topic, count in groups}
        for topic in self:
            topic.consultation_count = counts.get(topic.id, 0)

    def action_view_consultations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_customer_consultation.sale_customer_consultation_action"
        )
        action["domain"] = [("topic_id", "=", self.id)]
        action["context"] = {"default_topic_id": self.id}
        return action
