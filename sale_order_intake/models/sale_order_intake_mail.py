# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrderIntakeMail(models.Model):
    """An order received by e-mail (a scanned or faxed shipping notice or
    stock-preparation order) at the intake alias (R1.1). The clerk turns it
    into a sale order or links it to an existing one."""

    _name = "sale.order.intake.mail"
    _inherit = ["order.handling.document.mixin", "mail.thread", "mail.activity.mixin"]
    _description = "Received Order Document"
    _order = "received_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, default="/", tracking=True)
    reference = fields.Char(readonly=True, copy=False, index="trigram", default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", tracking=True, check_company=True
    )
    email_from = fields.Char(string="From")
    received_date = fields.Datetime(
        string="Received On", default=fields.Datetime.now, readonly=True
    )
    body = fields.Html(readonly=True)
    channel = fields.Selection(
        [("email", "E-mail"), ("fax", "Fax / scan")], default="email", required=True
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("done", "Turned into an order"),
            ("rejected", "Rejected"),
        ],
        default="new",
        required=True,
        tracking=True,
        index=True,
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Sale Order",
        readonly=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    attachment_count = fields.Integer(
        string="Received Files", compute="_compute_attachment_count"
    )

    def _compute_attachment_count(self):
        groups = self.env["ir.attachment"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)],
            groupby=["res_id"],
            aggregates=["__count"],
        )
        counts = dict(groups)
        for mail in self:
            mail.attachment_count = counts.get(mail.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        for vals in vals_list:
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].next_by_code(
                    "sale.order.intake.mail"
                )
        return super().create(vals_list)

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to the intake alias: remember who sent it and what it says;
        its attachments land on the record through the mail gateway."""
        values = dict(custom_values or {})
        author = self.env["res.partner"].browse(msg_dict.get("author_id") or [])
        values.setdefault("name", msg_dict.get("subject") or self.env._("(no subject)"))
        values.setdefault("email_from", msg_dict.get("email_from"))
        values.setdefault("body", msg_dict.get("body"))
        if author:
            values.setdefault("partner_id", author.commercial_partner_id.id)
        return super().message_new(msg_dict, custom_values=values)

    def _check_new(self):
        for mail in self:
            if mail.state != "new":
                raise UserError(
                    self.env._("%s has already been handled.", mail.reference)
                )

    def _source_attachments(self):
        self.ensure_one()
        return self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "=", self.id)]
        )

    def action_create_order(self):
        """Open a new quotation for the customer with the received documents
        as its source documents; once its lines are entered, *Submit to
        Logistics* puts it in the intake queue."""
        self.ensure_one()
        self._check_new()
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "Set the customer of %s before creating its order.", self.reference
                )
            )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "origin": self.reference,
                "intake_channel": self.channel,
                "intake_mail_id": self.id,
            }
        )
        self._link_to_order(order)
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
        }

    def _link_to_order(self, order):
        """Copy the received documents to ``order`` as its source documents."""
        self.ensure_one()
        order.check_access("write")
        copies = (
            self._source_attachments().copy(
                {"res_model": "sale.order", "res_id": order.id}
            )
            if self._source_attachments()
            else self.env["ir.attachment"]
        )
        order.write(
            {
                "intake_mail_id": self.id,
                "intake_channel": self.channel,
                "intake_source_document_ids": [
                    fields.Command.link(a.id) for a in copies
                ],
            }
        )
        self.write({"state": "done", "order_id": order.id})
        order.message_post(
            body=self.env._("Source documents received as %s.", self.reference),
            attachment_ids=copies.ids,
        )

    def action_reject(self):
        self._check_new()
        self.write({"state": "rejected"})
        return True
