# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's confirmation of receipt of a delivery (R6.3) and the
shipping mail with carrier and tracking reference (R5.8)."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    post_template,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

#: written only by ``_receipt_confirm`` (in sudo, after its checks)
RECEIPT_FIELDS = {
    "receipt_confirmed_date",
    "receipt_confirmed_uid",
    "receipt_confirmed_partner_id",
    "receipt_channel",
    "receipt_note",
}
RECEIPT_CHANNELS = [
    ("portal", "Customer portal"),
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("in_person", "In person"),
    ("signed_slip", "Signed delivery slip"),
]
#: the roles that record a confirmation on the customer's behalf
RECEIPT_ROLES = (roles.LOGISTICS_CLERK, roles.MANAGER)


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "order.handling.button.mixin"]

    receipt_confirmed_date = fields.Datetime(
        string="Receipt Confirmed On",
        readonly=True,
        copy=False,
        tracking=True,
        index="btree_not_null",
        help="When the customer confirmed that this delivery arrived (R6.3).",
    )
    receipt_confirmed_uid = fields.Many2one(
        "res.users",
        string="Receipt Recorded By",
        readonly=True,
        copy=False,
        help="The customer's portal user, or the logistics clerk who recorded "
        "the confirmation on the customer's behalf.",
    )
    receipt_confirmed_partner_id = fields.Many2one(
        "res.partner",
        string="Receipt Confirmed By",
        readonly=True,
        copy=False,
        help="The customer who confirmed the receipt.",
    )
    receipt_channel = fields.Selection(
        RECEIPT_CHANNELS,
        string="Receipt Confirmed Through",
        readonly=True,
        copy=False,
    )
    receipt_note = fields.Char(readonly=True, copy=False)
    receipt_to_confirm = fields.Boolean(
        compute="_compute_receipt_to_confirm",
        help="A done delivery to the customer of a sale order whose company "
        "asks the customer to confirm receipts, not confirmed yet.",
    )
    can_receipt_record = fields.Boolean(compute="_compute_can_buttons")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends(
        "state",
        "picking_type_code",
        "sale_id",
        "receipt_confirmed_date",
        "company_id.tracking_receipt_required",
    )
    def _compute_receipt_to_confirm(self):
        expected = self._receipt_expected()
        for picking in self:
            picking.receipt_to_confirm = (
                picking in expected and not picking.receipt_confirmed_date
            )

    def _tracking_customer_deliveries(self):
        """The done deliveries of ``self`` that left for a customer of a sale
        order (read in sudo: whoever asks may not read the order)."""
        return self.sudo().filtered(
            lambda picking: (
                picking.state == "done"
                and picking.picking_type_code == "outgoing"
                and picking.sale_id
                and picking.location_dest_id.usage == "customer"
            )
        )

    def _receipt_expected(self):
        """The customer deliveries of ``self`` whose receipt the customer
        confirms: their company switched it on and the regulations apply to
        their order."""
        return self._tracking_customer_deliveries().filtered(
            lambda picking: (
                picking.company_id.tracking_receipt_required
                and picking.sale_id._order_handling_regulated()
            )
        )

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self, vals_list)
        if not self.env.su:
            for vals in vals_list:
                self._receipt_check_protected(
                    name for name in RECEIPT_FIELDS.intersection(vals) if vals[name]
                )
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, [vals])
        if not self.env.su:
            self._receipt_check_protected(RECEIPT_FIELDS.intersection(vals))
        return super().write(vals)

    def _receipt_check_protected(self, names):
        names = set(names)
        if names:
            raise UserError(
                self.env._(
                    "The customer's confirmation of receipt is recorded by the "
                    "customer on the portal or by the logistics clerk with "
                    "Record Receipt; %(fields)s cannot be written directly.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in names
                        )
                    ),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Button rules (order.handling.button.mixin)
    # ------------------------------------------------------------------

    def _refuse_receipt_record(self):
        """The clerk (or an administrator) records the confirmation of a
        done delivery of a company that asks for it, not yet confirmed,
        that they may read."""
        self.ensure_one()
        if not (
            self.env.su
            or any(self.env.user.has_group(group) for group in RECEIPT_ROLES)
        ):
            return AccessError(
                self.env._(
                    "Only the %(role)s records the customer's confirmation of "
                    "receipt of delivery %(pickings)s.",
                    role=self.env.ref(roles.LOGISTICS_CLERK).name,
                    pickings=self.sudo().name,
                )
            )
        # the clerk must be able to read the delivery (company rules)
        if refusal := self._refuse_unless_access("read"):
            return refusal
        if not self._receipt_expected():
            return self.env._(
                "Delivery %s: only a done delivery to the customer of a "
                "sale order, in a company that asks customers to "
                "confirm receipts, can be confirmed.",
                self.name,
            )
        if self.receipt_confirmed_date:
            return self.env._(
                "The customer's receipt of delivery %s is already recorded.",
                self.name,
            )
        return ""

    def action_receipt_record_wizard(self):
        """Open the wizard in which the clerk records the customer's
        confirmation (how and when) of these deliveries."""
        self._ensure_can("receipt_record")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_order_tracking.stock_picking_receipt_confirm_action"
        )
        action["context"] = {"default_picking_ids": self.ids}
        return action

    def action_receipt_record(self, channel=None, date=None, note=None):
        """The logistics clerk records that the customer confirmed the
        receipt of these deliveries (R6.3): ``channel`` says how (phone,
        e-mail, in person, signed delivery slip), ``date`` when (default:
        now)."""
        self._ensure_can("receipt_record")
        if (
            not isinstance(channel, str)
            or channel not in dict(RECEIPT_CHANNELS)
            or channel == "portal"
        ):
            raise UserError(
                self.env._(
                    "Say how the customer confirmed the receipt: by phone, "
                    "e-mail, in person or on the signed delivery slip."
                )
            )
        if note and not isinstance(note, str):
            raise UserError(self.env._("The note of the confirmation is a text."))
        return self.sudo()._receipt_confirm(channel, date=date, note=note)

    def _receipt_confirm_by_customer(self, partner):
        """The customer ``partner`` confirms the receipt on the portal (the
        controller checked their access to the order)."""
        return self.sudo()._receipt_confirm(
            "portal", partner=partner, user=self.env.user
        )

    def _receipt_confirm(self, channel, date=None, note=None, partner=None, user=None):
        """Record the confirmation on the deliveries of ``self`` not
        confirmed yet (idempotent) after checking that each is a done
        delivery whose company asks for it; notify and return them."""
        expected = self._receipt_expected()
        for picking in self:
            if picking not in expected:
                raise UserError(
                    self.env._(
                        "Delivery %s: only a done delivery to the customer of a "
                        "sale order, in a company that asks customers to "
                        "confirm receipts, can be confirmed.",
                        picking.name,
                    )
                )
        now = fields.Datetime.now()
        try:
            date = fields.Datetime.to_datetime(date) or now
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._(
                    "Enter the date of the confirmation as a date and time "
                    "(YYYY-MM-DD HH:MM:SS)."
                )
            ) from error
        if date > now:
            raise UserError(
                self.env._("The date of the confirmation cannot be in the future.")
            )
        todo = self.filtered(lambda picking: not picking.receipt_confirmed_date)
        for picking in todo:
            if picking.date_done and date < picking.date_done:
                raise UserError(
                    self.env._(
                        "Delivery %s: the customer cannot confirm the receipt "
                        "before the goods left.",
                        picking.name,
                    )
                )
        user = user or self.env.user
        for picking in todo:
            picking.write(
                {
                    "receipt_confirmed_date": date,
                    "receipt_confirmed_uid": user.id,
                    "receipt_confirmed_partner_id": (
                        partner or picking.sale_id.partner_id
                    ).id,
                    "receipt_channel": channel,
                    "receipt_note": note or False,
                }
            )
        todo._receipt_notify()
        return todo

    def _receipt_notify(self):
        """A chatter message on each delivery and its order (the salesperson
        is notified); once every delivery of an order is confirmed, the
        logistics clerk gets an activity to complete it."""
        Department = self.env["order.handling.department"].sudo()
        assignments = []
        for picking in self:
            order = picking.sale_id
            reader = (order.user_id or order.intake_clerk_id).partner_id
            picking_lang = picking.with_context(lang=reader.lang or self.env.lang)
            body = Markup("<p>%s</p>") % picking_lang._receipt_message()
            picking.message_post(body=body, subtype_xmlid="mail.mt_note")
            order.message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                partner_ids=order.user_id.partner_id.ids,
            )
        for order in self.sale_id:
            if order.receipt_state != "confirmed":
                continue
            clerk = order.intake_clerk_id
            if not clerk:
                try:
                    clerk = Department._get_by_code(
                        "logistics", order.company_id
                    ).manager_id
                except UserError:
                    clerk = self.env["res.users"]
            assignments.append((order, clerk))
        schedule_activities(
            assignments, "sale_order_tracking.mail_activity_type_receipt_confirmed"
        )

    def _receipt_message(self):
        self.ensure_one()
        date = format_datetime(
            self.env,
            self.receipt_confirmed_date,
            tz=self.sale_id.user_id.tz or self.env.user.tz,
        )
        customer = self.receipt_confirmed_partner_id.display_name
        if self.receipt_channel == "portal":
            return self.env._(
                "Delivery %(picking)s: %(customer)s confirmed the receipt on the "
                "customer portal on %(date)s.",
                picking=self.name,
                customer=customer,
                date=date,
            )
        channel = dict(self._fields["receipt_channel"]._description_selection(self.env))
        return self.env._(
            "Delivery %(picking)s: %(user)s recorded that %(customer)s confirmed "
            "the receipt (%(channel)s) on %(date)s.",
            picking=self.name,
            user=self.receipt_confirmed_uid.name,
            customer=customer,
            channel=channel[self.receipt_channel],
            date=date,
        )

    # ------------------------------------------------------------------
    # Shipping mail (R5.8)
    # ------------------------------------------------------------------

    def _action_done(self):
        # the deliveries validated now: the orders' shipped mail names their
        # carrier and tracking reference (``sale.order._intake_notify_shipped``)
        todo = self.filtered(lambda picking: picking.state != "done")
        return super(
            StockPicking, self.with_context(tracking_shipped_picking_ids=todo.ids)
        )._action_done()

    def _tracking_has_shipping_details(self):
        self.ensure_one()
        return bool(self.carrier_id or self.carrier_tracking_ref)

    def _tracking_send_shipped_mail(self):
        """Mail the customer of each delivery of ``self`` that it shipped,
        with the carrier and tracking reference."""
        template_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "sale_order_tracking.mail_template_tracking_shipped",
            raise_if_not_found=False,
        )
        if not template_id or not self:
            return self.env["mail.message"]
        template = self.env["mail.template"].sudo().browse(template_id)
        return post_template(self.sudo(), template)
