# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.order_handling_base.models import roles

PLATE_TYPES = [
    ("none", "No printing plate"),
    ("gravure", "Gravure plate"),
    ("relief", "Relief plate (flexo)"),
]
CONFIRMATION_METHODS = [
    ("sample", "Sample approved"),
    ("proof", "Proof approved"),
    ("signed", "Signed specification sheet"),
    ("written", "Written confirmation (e-mail, fax)"),
]
#: how the customer's confirmation is recorded
CONFIRMATION_FIELDS = ("confirmed_partner_id", "confirmed_date", "confirmation_method")
#: what the customer confirmed: fixed once confirmed
CONTENT_FIELDS = {
    "order_id",
    "order_line_id",
    "material_form",
    "colour",
    "colour_sample",
    "print_content",
    "print_colours",
    "print_position",
    "plate_type",
    "attachment_ids",
    "confirmed_partner_id",
    "confirmed_date",
    "confirmation_method",
    "confirmation_attachment_ids",
}


def followup_is_clerk(env):
    """The follow-up clerk's work (跟单员: the logistics clerk) or an
    administrator's, or the system's."""
    user = env.user
    return (
        env.su or user.has_group(roles.LOGISTICS_CLERK) or user.has_group(roles.MANAGER)
    )


class SaleFollowupSpec(models.Model):
    """The specification sheet of an order line (or of the whole order)
    that the customer confirms before the first production notice (R5.6):
    material form, colour and sample, print content, colours and position,
    printing plate."""

    _name = "sale.followup.spec"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Specification Sheet"
    _order = "id desc"
    _check_company_auto = True
    _workflow_state_field = "state"
    _workflow_protected_fields = ("confirmed_uid", "confirmed_on")
    _workflow_transitions = {
        "draft": ("confirmed", "cancelled"),
        "confirmed": ("draft", "cancelled"),
        "cancelled": ("draft",),
    }
    _workflow_locked_states = ("cancelled",)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    order_line_id = fields.Many2one(
        "sale.order.line",
        index="btree_not_null",
        ondelete="cascade",
        domain="[('order_id', '=', order_id), ('display_type', '=', False)]",
        help="Empty: the sheet holds for every line of the order without a "
        "sheet of its own.",
    )
    product_id = fields.Many2one(
        "product.product", related="order_line_id.product_id", store=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        related="order_id.partner_id",
        string="Customer",
        store=True,
    )
    material_form = fields.Char(
        tracking=True,
        help="e.g. tube or edge-sealed film; PPE, CPE, HD, LD; thickness, width.",
    )
    colour = fields.Char(tracking=True)
    colour_sample = fields.Selection(
        [
            ("not_needed", "Not needed"),
            ("requested", "Requested from the customer"),
            ("received", "Received"),
        ],
        default="not_needed",
        tracking=True,
        help="A coloured material (HD, LD) is made to the customer's colour sample.",
    )
    print_content = fields.Text(help="Text, logo and artwork to print.")
    print_colours = fields.Char(tracking=True)
    print_position = fields.Char(tracking=True)
    plate_type = fields.Selection(
        PLATE_TYPES, string="Printing Plate", default="none", tracking=True
    )
    plate_ready = fields.Boolean(
        string="Plate Made",
        tracking=True,
        help="The printing plate is made: production notices are issued only then.",
    )
    note = fields.Text(string="Notes")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "sale_followup_spec_attachment_rel",
        "spec_id",
        "attachment_id",
        string="Artwork and Drawings",
    )
    state = fields.Selection(
        [
            ("draft", "To Confirm"),
            ("confirmed", "Confirmed by Customer"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    confirmed_partner_id = fields.Many2one(
        "res.partner",
        string="Confirmed By (Customer)",
        tracking=True,
        help="The customer's contact who confirmed the specification.",
    )
    confirmed_date = fields.Date(string="Confirmed On", tracking=True)
    confirmation_method = fields.Selection(
        CONFIRMATION_METHODS, string="How", tracking=True
    )
    confirmation_attachment_ids = fields.Many2many(
        "ir.attachment",
        "sale_followup_spec_confirmation_rel",
        "spec_id",
        "attachment_id",
        string="Confirmation",
        help="The approved proof, the signed sheet or the customer's e-mail.",
    )
    confirmed_uid = fields.Many2one(
        "res.users", string="Recorded By", readonly=True, copy=False
    )
    confirmed_on = fields.Datetime(string="Recorded On", readonly=True, copy=False)
    notice_line_ids = fields.One2many(
        "sale.followup.notice.line", "spec_id", string="Notice Lines", readonly=True
    )
    can_confirm_customer = fields.Boolean(compute="_compute_can_buttons")
    can_reset_draft = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")

    def _followup_is_clerk(self):
        return followup_is_clerk(self.env)

    def _compute_display_name(self):
        for spec in self:
            product = spec.sudo().product_id
            spec.display_name = (
                f"{spec.name} - {product.display_name}" if product else spec.name
            )

    # ------------------------------------------------------------------
    # CRUD and guards
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        Order = self.env["sale.order"]
        Sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("order_id") and not vals.get("company_id"):
                vals["company_id"] = Order.browse(vals["order_id"]).company_id.id
            if vals.get("name", "/") == "/":
                code = "sale.followup.spec"
                vals["name"] = (
                    Sequence._oh_next_by_code(code, vals.get("company_id")) or "/"
                )
        specs = super().create(vals_list)
        specs._check_line_of_order()
        return specs

    def write(self, vals):
        self._oh_check_values([vals])
        if not self._workflow_is_trusted():
            # who may not write the sheet at all hears that first
            self.check_access("write")
            confirmed = self.filtered(lambda s: s.state == "confirmed")
            changed = CONTENT_FIELDS.intersection(vals)
            if confirmed and changed:
                raise UserError(
                    self.env._(
                        "Specification %(spec)s is confirmed by the customer: "
                        "%(fields)s cannot change. Set it back to draft to "
                        "confirm it again.",
                        spec=confirmed[0].name,
                        fields=", ".join(
                            sorted(
                                self._fields[name]._description_string(self.env)
                                for name in changed
                            )
                        ),
                    )
                )
        result = super().write(vals)
        if {"order_id", "order_line_id"}.intersection(vals):
            self._check_line_of_order()
        return result

    def _check_line_of_order(self):
        for spec in self.sudo():
            if spec.order_line_id and spec.order_line_id.order_id != spec.order_id:
                raise UserError(
                    self.env._(
                        "Specification %s: the line belongs to another order.",
                        spec.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(spec.state == "confirmed" or spec.notice_line_ids for spec in self):
            raise UserError(
                self.env._(
                    "A specification confirmed by the customer or used by a "
                    "production notice is a record: cancel it instead."
                )
            )

    # ------------------------------------------------------------------
    # Button rules (order.handling.button.mixin)
    # ------------------------------------------------------------------

    def _refuse_clerk(self):
        """Only the clerk (or an administrator) records the customer's
        confirmation, and only on a sheet they may write."""
        self.ensure_one()
        if not self._followup_is_clerk():
            return AccessError(
                self.env._(
                    "Only the %(role)s or an administrator records the customer's "
                    "confirmation of specification %(spec)s.",
                    role=self.env.ref(roles.LOGISTICS_CLERK).name,
                    spec=self.sudo().name,
                )
            )
        return self._refuse_unless_access("write")

    def _refuse_used_by_notices(self, message):
        self.ensure_one()
        if self.sudo().notice_line_ids.notice_id.filtered(
            lambda n: n.state != "cancelled"
        ):
            return message
        return ""

    def _refuse_confirm_customer(self):
        if refusal := self._refuse_clerk():
            return refusal
        if self.state != "draft":
            return self.env._(
                "Specification %(spec)s is not waiting for confirmation.",
                spec=self.name,
            )
        return ""

    def _refuse_reset_draft(self):
        if refusal := self._refuse_clerk():
            return refusal
        if self.state not in ("confirmed", "cancelled"):
            return self.env._(
                "Specification %(spec)s is already a draft.", spec=self.name
            )
        return self._refuse_used_by_notices(
            self.env._(
                "Specification %s is used by production notices: cancel them first.",
                self.name,
            )
        )

    def _refuse_cancel(self):
        if refusal := self._refuse_clerk():
            return refusal
        if self.state not in ("draft", "confirmed"):
            return self.env._(
                "Specification %(spec)s is already cancelled.", spec=self.name
            )
        return self._refuse_used_by_notices(
            self.env._(
                "The specification is used by production notices: cancel them first."
            )
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_confirm_customer(self):
        """The clerk records that the customer confirmed the sheet (by whom,
        when, how); production notices of an accepted order are issued once
        every sheet of its lines is confirmed (R5.6)."""
        self._ensure_can("confirm_customer")
        for spec in self:
            missing = [
                spec._fields[name]._description_string(self.env)
                for name in CONFIRMATION_FIELDS
                if not spec[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Specification %(spec)s: record %(missing)s of the "
                        "customer's confirmation first.",
                        spec=spec.name,
                        missing=", ".join(missing),
                    )
                )
            if not (spec.material_form or spec.print_content or spec.colour):
                raise UserError(
                    self.env._(
                        "Specification %s is empty: describe at least the "
                        "material form, the colour or the print.",
                        spec.name,
                    )
                )
            if spec.confirmation_method in ("proof", "signed") and not (
                spec.confirmation_attachment_ids
            ):
                raise UserError(
                    self.env._(
                        "Specification %s: attach the approved proof or the "
                        "signed sheet.",
                        spec.name,
                    )
                )
        self._workflow_write(
            {
                "state": "confirmed",
                "confirmed_uid": self.env.uid,
                "confirmed_on": fields.Datetime.now(),
            }
        )
        self.activity_unlink(["sale_order_followup.mail_activity_type_followup_spec"])
        self.sudo().order_id._followup_auto_generate()
        return True

    def action_reset_draft(self):
        """Back to draft (the customer changed the specification): only while
        no production notice of its lines was issued."""
        self._ensure_can("reset_draft")
        self._workflow_write(
            {"state": "draft", "confirmed_uid": False, "confirmed_on": False}
        )
        return True

    def action_cancel(self):
        """Cancel the sheet: only while no production notice uses it."""
        self._ensure_can("cancel")
        self._workflow_write({"state": "cancelled"})
        return True

    def _requirement_text(self):
        """The sheet as one paragraph for a notice (customer requirements)."""
        self.ensure_one()
        labels = dict(self._fields["plate_type"]._description_selection(self.env))
        parts = []
        for name in ("material_form", "colour", "print_colours", "print_position"):
            if self[name]:
                parts.append(
                    f"{self._fields[name]._description_string(self.env)}: {self[name]}"
                )
        if self.print_content:
            parts.append(
                f"{self._fields['print_content']._description_string(self.env)}: "
                f"{self.print_content}"
            )
        if self.plate_type and self.plate_type != "none":
            parts.append(labels[self.plate_type])
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)
