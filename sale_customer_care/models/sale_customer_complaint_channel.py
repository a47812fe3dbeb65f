# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How complaints come in besides the form: the complaints mail alias and the
customer portal (R8.1), and the customer's answer to the proposed solution on
the portal (R8.3). The complaint itself is in sale_customer_complaint.py."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models.mail_batch import schedule_activities

from .sale_customer_complaint import CATEGORIES

_lt = LazyTranslate(__name__)

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

    # ------------------------------------------------------------------
    # The customer's answer to the solution (R8.3)
    # ------------------------------------------------------------------

    def _portal_answering_partner(self, user):
        """The customer's contact answering for the complaint: the portal
        user of the complaint's customer, or the holder of the complaint's
        link (a public visitor: the controller checked the access token).
        Anyone else — another customer, an employee — is refused: staff
        record the confirmation with the complaint's button."""
        self.ensure_one()
        if user._is_public():
            return self.partner_id
        if (
            not user.share
            or user.partner_id.commercial_partner_id != self.commercial_partner_id
        ):
            raise AccessError(
                self.env._(
                    "Only the customer of complaint %s answers its solution.",
                    self.name,
                )
            )
        return user.partner_id

    def _portal_check_solution_proposed(self):
        self.ensure_one()
        if self.stage_code != "solution":
            raise UserError(
                self.env._(
                    "Complaint %(complaint)s is %(stage)s: the solution can be "
                    "accepted or refused only while it is proposed to you.",
                    complaint=self.name,
                    stage=self._stage_labels().get(self.stage_code),
                )
            )

    def _portal_owner(self):
        """Who follows the customer's answer up: the complaint's handler,
        else the one its overdue work goes to."""
        self.ensure_one()
        return self.user_id or self._sla_escalation_user()

    def _portal_accept_solution(self, user):
        """The customer accepts the proposed solution on the portal: the
        complaint is confirmed (when, by which contact), the chatter says it
        and its handler gets an activity to close it. Called in sudo by the
        portal controller after its access check. Answering again is
        harmless: an accepted solution returns False and changes nothing.
        """
        self.ensure_one()
        partner = self._portal_answering_partner(user)
        if self.stage_code in ("confirmed", "closed") and self.customer_confirmed_date:
            return False
        self._portal_check_solution_proposed()
        self._move_to("confirmed")
        self.write(
            {
                "customer_confirmed_via": "portal",
                "customer_confirmed_partner_id": partner.id,
                "customer_confirmed_uid": False if user._is_public() else user.id,
            }
        )
        self.message_post(
            body=self.env._("%s accepted the solution.", partner.display_name),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        schedule_activities(
            [(self, self._portal_owner())],
            "mail.mail_activity_data_todo",
            summary=_lt("Close complaint %s", self.name),
            note=_lt(
                "The customer accepted the solution on the portal: record the "
                "preventive action and close the complaint."
            ),
        )
        return True

    def _portal_reject_solution(self, user, comment):
        """The customer says the proposed solution does not solve the
        problem (a comment is required): the complaint goes back to
        investigating, the chatter carries the comment and its handler gets
        an activity. Called in sudo by the portal controller after its
        access check; the same answer sent twice returns False the second
        time and changes nothing."""
        self.ensure_one()
        partner = self._portal_answering_partner(user)
        comment = (comment or "").strip()
        if not comment:
            raise UserError(
                self.env._("Tell us why the solution does not solve the problem.")
            )
        if (
            self.stage_code == "investigating"
            and self.customer_rejected_date
            and self.customer_rejection_comment == comment
        ):
            return False
        self._portal_check_solution_proposed()
        owner = self._portal_owner()
        if not self.user_id and owner:
            self.user_id = owner
        self._move_to("investigating")
        self.write(
            {
                "customer_rejected_date": fields.Datetime.now(),
                "customer_rejection_comment": comment,
            }
        )
        self.message_post(
            body=Markup("<p>%s</p><p>%s</p>")
            % (
                self.env._(
                    "%s says the solution does not solve the problem:",
                    partner.display_name,
                ),
                comment,
            ),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        schedule_activities(
            [(self, owner)],
            "mail.mail_activity_data_todo",
            summary=_lt("Solution of %s not accepted", self.name),
            note=comment,
        )
        return True
