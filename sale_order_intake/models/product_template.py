# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    searched_values,
)


class ProductTemplate(models.Model):
    _inherit = "product.template"

    tech_document_ids = fields.One2many(
        "product.tech.document", "product_tmpl_id", string="Technical Documents"
    )
    tech_docs_complete = fields.Boolean(
        string="Technical Documents Complete",
        compute="_compute_tech_docs_complete",
        search="_search_tech_docs_complete",
        help="Every required type of technical document is done.",
    )
    tech_docs_missing = fields.Char(
        string="Missing Documents", compute="_compute_tech_docs_complete"
    )
    picking_minutes_per_unit = fields.Float(
        string="Picking Time per Unit (min)",
        help="Standard time, in minutes, to pick one unit of the product's "
        "unit of measure: an order line sold in another unit (a dozen, a box) "
        "is converted first. Estimates the order's picking time, which orders "
        "the intake queue after urgency and promised date (R5.2).",
    )

    @api.depends("tech_document_ids.state", "tech_document_ids.type_id")
    def _compute_tech_docs_complete(self):
        missing = self._get_missing_tech_document_types()
        for template in self:
            types = missing.get(template.id)
            template.tech_docs_complete = not types
            template.tech_docs_missing = (
                ", ".join(types.mapped("name")) if types else ""
            )

    def _search_tech_docs_complete(self, operator, value):
        wanted = searched_values(self, "tech_docs_complete", operator, value)
        if len(wanted) != 1:
            # complete or not: every product, or none
            return [(1, "=", 1)] if wanted else [(0, "=", 1)]
        positive = True in wanted
        required = self.env["product.tech.document.type"].search(
            [("required", "=", True)]
        )
        groups = self.env["product.tech.document"]._read_group(
            [("state", "=", "done"), ("type_id", "in", required.ids)],
            groupby=["product_tmpl_id"],
            aggregates=["type_id:count_distinct"],
        )
        complete_ids = [
            template.id for template, count in groups if count == len(required)
        ]
        if not required:
            return [(1, "=", 1)] if positive else [(0, "=", 1)]
        return [("id", "in" if positive else "not in", complete_ids)]

    def _get_missing_tech_document_types(self):
        """{template id: missing required types} for ``self``, in two
        queries whatever the number of products."""
        required = self.env["product.tech.document.type"].search(
            [("required", "=", True)]
        )
        if not required or not self.ids:
            return {}
        done = defaultdict(set)
        groups = (
            self.env["product.tech.document"]
            .sudo()
            ._read_group(
                [
                    ("product_tmpl_id", "in", self.ids),
                    ("state", "=", "done"),
                    ("type_id", "in", required.ids),
                ],
                groupby=["product_tmpl_id", "type_id"],
            )
        )
        for template, doc_type in groups:
            done[template.id].add(doc_type.id)
        result = {}
        for template_id in self.ids:
            missing = required.filtered(lambda t, d=done[template_id]: t.id not in d)
            if missing:
                result[template_id] = missing
        return result

    def _complete_tech_documents(self, type_codes=None, attachments=None):
        """Mark the technical documents of ``self`` done (creating the missing
        checklist lines): used when an engineering plan is issued (R4.5)."""
        domain = [("code", "in", type_codes)] if type_codes else []
        types = self.env["product.tech.document.type"].search(domain)
        Document = self.env["product.tech.document"].sudo()
        existing = Document.search(
            [("product_tmpl_id", "in", self.ids), ("type_id", "in", types.ids)]
        )
        existing.filtered(lambda d: d.state != "done").write({"state": "done"})
        if attachments:
            existing.write(
                {"attachment_ids": [fields.Command.link(a.id) for a in attachments]}
            )
        have = {(doc.product_tmpl_id.id, doc.type_id.id) for doc in existing}
        Document.create(
            [
                {
                    "product_tmpl_id": template.id,
                    "type_id": doc_type.id,
                    "state": "done",
                    "attachment_ids": [fields.Command.set(attachments.ids)]
                    if attachments
                    else [],
                }
                for template in self
                for doc_type in types
                if (template.id, doc_type.id) not in have
            ]
        )
        return True
