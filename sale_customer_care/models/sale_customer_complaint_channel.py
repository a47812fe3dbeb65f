# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How complaints come in besides the form: the complaints mail alias and the
customer portal (R8.1). The complaint itself is in sale_customer_complaint.py."""

from odoo import api, fields, models

from .sale_customer_complaint import CATEGORIES

# pylint: disable=consider-merging-classes-inherited


class SaleCustomerComplaint(models.Model):
    _inherit = "sale.customer.complaint"

    # ------------------------------------------------------------------
    # Mail gateway
    # ------------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to the complaints alias opens a complaint of its sender."""
        values = dict(custom_values or {})
        values.setdefault(
            "subject", msg_dict.get("subject") or self.env._("(no subject)")
        )
        values.setdefault("description", msg_dict.get("body"))
        values.setdefault("email_from", msg_dict.get("email_from"))
        values.setdefault("channel", "email")
        values["user_id"] = False
        author = self.env["res.partner"].browse(msg_dict.get("author_id") or [])
        if not author and msg_dict.get("email_from"):
            author = self.env["res.partner"].find_or_create(msg_dict["email_from"])
        if author:
            values.setdefault("partner_id", author.id)
        complaint = super().message_new(msg_dict, custom_values=values)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "=", complaint.id)]
        )
        if attachments:
            complaint.attachment_ids = [fields.Command.set(attachments.ids)]
        return complaint

    @api.model
    def _portal_create(self, partner, subject, description, order, category):
        """A complaint filed on the portal by ``partner`` (called in sudo by
        the controller after checking that ``order`` is theirs)."""
        categories = dict(CATEGORIES)
        company = order.company_id or partner.company_id or self.env.company
        return self.with_company(company).create(
            {
                "subject": subject or self.env._("Complaint from the portal"),
                "description": description,
                "partner_id": partner.id,
                "order_id": order.id,
                "company_id": company.id,
                "category": category if category in categories else "other",
                "channel": "portal",
                "user_id": self.env["order.handling.department"]
                ._get_customer_service_manager(company)
                .id,
            }
        )
