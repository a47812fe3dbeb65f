# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    feedback_activities,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)

#: written only by the delivery steps of this addon (in sudo, after checks)
PROTECTED_FIELDS = {
    "output_prepared_uid",
    "output_prepared_date",
    "output_recheck_uid",
    "output_recheck_date",
    "output_recheck_signature",
    "output_calloff_hold",
}
#: who prepares a delivery (开单: the follow-up clerk, or the warehouse)
PREPARERS = (roles.LOGISTICS_CLERK, roles.WAREHOUSE_LEAD, roles.MANAGER)
#: who re-checks it before it leaves (a second person of the warehouse)
RECHECKERS = (roles.WAREHOUSE_LEAD, roles.MANAGER)
RECHECK_ACTIVITY = "sale_order_output.mail_activity_type_output_recheck"


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "order.handling.button.mixin"]

    output_check_required = fields.Boolean(
        string="Re-check Required",
        compute="_compute_output_check_required",
        help="A delivery of a sale order of a company that re-checks its "
        "deliveries: prepared, re-checked by a second person and given a "
        "driver and a vehicle before validation (R5.7).",
    )
    output_prepared_uid = fields.Many2one(
        "res.users", string="Prepared By", readonly=True, copy=False
    )
    output_prepared_date = fields.Datetime(
        string="Prepared On", readonly=True, copy=False
    )
    output_recheck_uid = fields.Many2one(
        "res.users", string="Re-checked By", readonly=True, copy=False
    )
    output_recheck_date = fields.Datetime(
        string="Re-checked On", readonly=True, copy=False
    )
    output_recheck_signature = fields.Char(readonly=True, copy=False)
    output_calloff_hold = fields.Boolean(
        string="Held for Call-off",
        readonly=True,
        help="Delivery of a stock-preparation order (备货单): it ships only "
        "what the customer called off.",
    )
    delivery_driver_id = fields.Many2one(
        "res.partner",
        string="Driver",
        tracking=True,
        help="Who drives the delivery (安排司机送货).",
    )
    delivery_vehicle = fields.Char(string="Vehicle Plate", tracking=True)
    can_output_prepare = fields.Boolean(compute="_compute_can_buttons")
    can_output_recheck = fields.Boolean(compute="_compute_can_buttons")

    @api.depends("picking_type_code", "sale_id", "company_id.output_delivery_recheck")
    def _compute_output_check_required(self):
        for picking in self:
            picking.output_check_required = picking._output_needs_check()

    def _output_needs_check(self):
        self.ensure_one()
        order = self.sudo().sale_id
        return bool(
            self.picking_type_code == "outgoing"
            and order
            and self.company_id.output_delivery_recheck
            and order._order_handling_regulated()
        )

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_values(self, vals_list)
        if not self.env.su:
            for vals in vals_list:
                # a backorder copies the hold of its delivery
                self._output_check_protected(
                    name
                    for name in PROTECTED_FIELDS.intersection(vals)
                    if vals[name] and name != "output_calloff_hold"
                )
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, [vals])
        if not self.env.su:
            self._output_check_protected(PROTECTED_FIELDS.intersection(vals))
        return super().write(vals)

    def _output_check_protected(self, names):
        names = set(names)
        if names:
            raise UserError(
                self.env._(
                    "The preparation and re-check of a delivery change only "
                    "through its buttons; %(fields)s cannot be written directly.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in names
                        )
                    ),
                )
            )

    # ------------------------------------------------------------------
    # Button rules (order.handling.button.mixin)
    # ------------------------------------------------------------------

    def _output_refuse_open_delivery(self, message):
        """A delivery of a sale order that is neither draft, done nor
        cancelled; ``message`` names its state otherwise."""
        self.ensure_one()
        if self.picking_type_code != "outgoing" or not self.sudo().sale_id:
            return self.env._("%s is not a delivery of a sale order.", self.name)
        if self.state in ("draft", "done", "cancel"):
            return message
        return ""

    def _refuse_output_prepare(self):
        return self._refuse_unless_groups(
            *PREPARERS
        ) or self._output_refuse_open_delivery(
            self.env._(
                "Delivery %(picking)s is %(state)s: it cannot be prepared.",
                picking=self.name,
                state=self._output_state_label(),
            )
        )

    def _refuse_output_recheck(self):
        if refusal := self._refuse_unless_groups(*RECHECKERS):
            return refusal
        if not self.output_prepared_uid:
            return self.env._(
                "Delivery %s is not prepared yet: nothing to re-check.", self.name
            )
        if refusal := self._output_refuse_open_delivery(
            self.env._(
                "Delivery %(picking)s is %(state)s: it cannot be re-checked.",
                picking=self.name,
                state=self._output_state_label(),
            )
        ):
            return refusal
        if self.output_prepared_uid == self.env.user:
            return self.env._(
                "Delivery %s must be re-checked by a second person, not "
                "by the one who prepared it.",
                self.name,
            )
        if self.output_recheck_uid:
            return self.env._(
                "Delivery %s is already re-checked: prepare it again to have "
                "it re-checked again.",
                self.name,
            )
        return ""

    # ------------------------------------------------------------------
    # Quantities
    # ------------------------------------------------------------------

    def _output_sale_moves(self):
        return self.move_ids.filtered(
            lambda move: move.sale_line_id and move.state not in ("done", "cancel")
        )

    def _output_set_quantities(self):
        """Set the quantity of each sale move to what may leave now: the
        recorded, undelivered output of its order line, and on a held
        delivery (stock preparation) at most what the customer called off;
        never more than the move's demand. A line without recorded output
        keeps its reserved quantity (shipped from stock)."""
        for move in self.sudo()._output_sale_moves():
            line = move.sale_line_id
            limits = []
            ready = line._output_ready_qty()
            if ready is not None:
                limits.append(ready)
            if move.picking_id.output_calloff_hold:
                limits.append(line._output_released_qty())
            if not limits:
                continue
            qty = line.product_uom._compute_quantity(
                min(limits), move.product_uom, rounding_method="HALF-UP"
            )
            qty = min(qty, move.product_uom_qty)
            move.quantity = qty
            move.picked = not float_is_zero(
                qty, precision_rounding=move.product_uom.rounding
            )

    def _output_signature(self):
        """What was re-checked: each move's quantity."""
        self.ensure_one()
        moves = self.sudo().move_ids.filtered(lambda move: move.state != "cancel")
        return ";".join(
            f"{move.id}:{move.product_id.id}:{move.quantity:.6f}"
            for move in moves.sorted("id")
        )

    def _output_check_quantities(self):
        """Nothing leaves beyond what is still ordered, nor, held for
        call-off, beyond what the customer called off (R5.7)."""
        for picking in self.sudo():
            moves = picking._output_sale_moves()
            if not any(
                not float_is_zero(m.quantity, precision_rounding=m.product_uom.rounding)
                for m in picking.move_ids
            ):
                raise UserError(
                    self.env._("Delivery %s has no quantity to ship.", picking.name)
                )
            per_line = {}
            for move in moves:
                per_line[move.sale_line_id] = per_line.get(
                    move.sale_line_id, 0.0
                ) + move.product_uom._compute_quantity(
                    move.quantity, move.sale_line_id.product_uom
                )
            for line, qty in per_line.items():
                allowed = line.product_uom_qty - line.qty_delivered
                reason = self.env._("ordered and not yet delivered")
                if picking.output_calloff_hold:
                    allowed = min(allowed, line._output_released_qty())
                    reason = self.env._("called off and not yet delivered")
                if float_compare(qty, allowed, precision_rounding=line._rounding()) > 0:
                    raise UserError(
                        self.env._(
                            "Delivery %(picking)s ships %(qty)s %(unit)s of "
                            "%(product)s: only %(allowed)s are %(reason)s.",
                            picking=picking.name,
                            qty=qty,
                            unit=line.product_uom.name,
                            product=line.product_id.display_name,
                            allowed=max(allowed, 0.0),
                            reason=reason,
                        )
                    )

    def _output_state_label(self):
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_output_prepare(self):
        """Prepare the delivery (送货单 / 出仓单) from the recorded output:
        quantities set, preparer stamped; a re-check done before is void."""
        self._ensure_can("output_prepare")
        self._output_set_quantities()
        self.sudo().write(
            {
                "output_prepared_uid": self.env.uid,
                "output_prepared_date": fields.Datetime.now(),
                "output_recheck_uid": False,
                "output_recheck_date": False,
                "output_recheck_signature": False,
            }
        )
        for picking in self.sudo():
            picking.message_post(
                body=self.env._("Delivery prepared from the recorded output."),
                subtype_xmlid="mail.mt_note",
            )
        self._output_request_recheck()
        return True

    def _output_request_recheck(self):
        """The warehouse is told to re-check a prepared delivery: an
        activity for the warehouse department's responsible, or, when that
        is the preparer, for another member of the department."""
        pickings = self.filtered(lambda picking: picking._output_needs_check())
        if not pickings:
            return
        pickings = pickings.sudo()
        feedback_activities(pickings, [RECHECK_ACTIVITY])
        Department = self.env["order.handling.department"]
        assignments = []
        for company, mine in pickings.grouped("company_id").items():
            department = Department._get_by_code(["warehouse"], company)
            people = department.manager_id | department.member_ids
            for picking in mine:
                user = (people - picking.output_prepared_uid)[:1]
                if user:
                    assignments.append((picking, user))
        schedule_activities(assignments, RECHECK_ACTIVITY)

    def action_output_recheck(self):
        """A second person of the warehouse re-checks the prepared delivery
        (送货单至少要核对一遍以上)."""
        self._ensure_can("output_recheck")
        user = self.env.user
        self._output_check_quantities()
        for picking in self:
            picking.sudo().write(
                {
                    "output_recheck_uid": user.id,
                    "output_recheck_date": fields.Datetime.now(),
                    "output_recheck_signature": picking._output_signature(),
                }
            )
            picking.sudo().message_post(
                body=self.env._("Delivery re-checked."),
                subtype_xmlid="mail.mt_note",
            )
        feedback_activities(self, [RECHECK_ACTIVITY])
        return True

    def _output_check_release(self):
        """Before a delivery leaves (with the company's re-check on): it
        was prepared, re-checked by a second person on the very quantities
        it ships, and has a driver and a vehicle; a held delivery ships only
        what was called off."""
        held = self.filtered(
            lambda picking: (
                picking.output_calloff_hold and picking.picking_type_code == "outgoing"
            )
        )
        if held:
            held._output_check_quantities()
        for picking in self:
            if not picking._output_needs_check():
                continue
            if not picking.output_prepared_uid or not picking.output_recheck_uid:
                raise UserError(
                    self.env._(
                        "Delivery %s must be prepared and re-checked by a second "
                        "person before it is validated.",
                        picking.name,
                    )
                )
            if picking.output_recheck_signature != picking._output_signature():
                raise UserError(
                    self.env._(
                        "Delivery %s changed after its re-check: prepare it and "
                        "have it re-checked again.",
                        picking.name,
                    )
                )
            if not picking.delivery_driver_id or not picking.delivery_vehicle:
                raise UserError(
                    self.env._(
                        "Delivery %s needs a driver and a vehicle plate before it "
                        "is validated.",
                        picking.name,
                    )
                )
            picking._output_check_quantities()

    def button_validate(self):
        self._output_check_release()
        return super().button_validate()

    def _action_done(self):
        self._output_check_release()
        return super()._action_done()
