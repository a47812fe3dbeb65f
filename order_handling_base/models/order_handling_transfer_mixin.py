# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models

from .mail_batch import post_notes_deferred
from .mail_queue import with_mail_queue


class OrderHandlingTransferMixin(models.AbstractModel):
    """Documents that can be handed to departments with transfer slips.

    ``documents._transfer_to_departments(departments)`` creates one slip per
    document and department in one batched call (in sudo: users have no
    right to create slips, which would open documents to departments), posts
    one message per document that notifies the departments' users, and
    schedules the responsible users' activities.
    """

    _name = "order.handling.transfer.mixin"
    _description = "Order Handling Transferable Document"

    transfer_slip_ids = fields.One2many(
        "order.handling.transfer",
        "res_id",
        string="Transfer Slips",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
        copy=False,
    )
    transfer_slip_count = fields.Integer(compute="_compute_transfer_slip_count")

    @api.depends("transfer_slip_ids")
    def _compute_transfer_slip_count(self):
        # the one2many is prefetched for the whole recordset: one query
        for record in self:
            record.transfer_slip_count = len(record.transfer_slip_ids)

    def _get_transfer_order_class(self):
        """Hook: 'regular' / 'non_regular' / False carried by the slips."""
        self.ensure_one()
        return False

    def _get_transfer_priority(self):
        """Hook: '1' for urgent documents, '0' otherwise."""
        self.ensure_one()
        return "0"

    def _prepare_transfer_slip_vals(self, department, note=False):
        """Hook: values of the slip that hands ``self`` to ``department``."""
        self.ensure_one()
        company = self.company_id if "company_id" in self._fields else False
        return {
            "department_id": department.id,
            "company_id": (company or department.company_id).id,
            "res_model": self._name,
            "res_id": self.id,
            "origin": self.display_name,
            "order_class": self._get_transfer_order_class(),
            "priority": self._get_transfer_priority(),
            "note": note,
        }

    def _transfer_to_departments(self, departments, note=False):
        """Send every document of ``self`` to every department of
        ``departments``: one ``create`` for all slips."""
        vals_list = [
            document._prepare_transfer_slip_vals(department, note)
            for document in self
            for department in departments
        ]
        if not vals_list:
            return self.env["order.handling.transfer"]
        # a slip opens its document to the department: nobody may create one
        # (no create right), only the workflow steps that send documents,
        # after they checked the caller's role and the document's state
        slips = (
            self.env["order.handling.transfer"]
            .sudo()
            .create(vals_list)
            .with_env(self.env)
        )
        self._transfer_post_message(slips)
        return slips

    def _transfer_post_message(self, slips):
        """One note per document listing its new slips (the trace of the
        sender's side, nobody notified), and one message per slip that
        notifies its department's users in their inbox: they open the slip
        and the order copy on it, never the document itself (a department
        reads no order, R7.4)."""
        slips_by_document = defaultdict(lambda: slips.browse())
        for slip in slips:
            slips_by_document[slip.res_id] |= slip
        # the departments' users are notified, not subscribed: they would
        # otherwise get a copy of each later message; those who get e-mails
        # get them from the mail queue
        # (nor is the user who made the transfer: the slips and activities
        # are the departments' work, the chatter keeps the trace)
        context = {"mail_post_autofollow": False, "mail_create_nosubscribe": True}
        documents = with_mail_queue(self.sudo()).with_context(**context)
        # the document's note (for its readers: nobody is notified but the
        # followers of notes) and one note per slip for its department's
        # users, notified by the cron (``deferred_notification``), in one
        # batch
        posts = []
        for document in documents:
            document_slips = slips_by_document.get(document.id)
            if not document_slips:
                continue
            extra_lines, __ = document._transfer_message_extra()
            lines = Markup("").join(
                [
                    Markup("<li>%s → %s</li>") % (slip.name, slip.department_id.name)
                    for slip in document_slips
                ]
                + [Markup("<li>%s</li>") % line for line in extra_lines]
            )
            body = Markup("%s<ul>%s</ul>") % (
                self.env._("Transferred to departments:"),
                lines,
            )
            posts.append((document, body, self.env["res.partner"]))
        posts += [
            (
                slip,
                self.env._(
                    "%(document)s is transferred to %(department)s.",
                    document=slip.origin,
                    department=slip.department_id.name,
                ),
                (
                    slip.department_id.manager_id | slip.department_id.member_ids
                ).partner_id,
            )
            for slip in with_mail_queue(slips.sudo()).with_context(**context)
        ]
        post_notes_deferred(posts)

    def _transfer_message_extra(self):
        """Hook: ``(lines, partners)``: lines added to the transfer note of
        ``self`` (one document) for another department that gets work on the
        document in the same step; ``partners`` are that department's users,
        who are told on the record of their work (not on the document)."""
        self.ensure_one()
        return [], self.env["res.partner"]

    def action_view_transfer_slips(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "order_handling_base.order_handling_transfer_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
